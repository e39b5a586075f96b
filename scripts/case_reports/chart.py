"""Draw one lab's values over time as a small, self-contained, accessible inline SVG.

No fonts, scripts or stylesheets are referenced: the SVG inherits the page's font, scales with
its viewBox, and carries its own <title>/<desc>. A data table next to it is the text alternative.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from scripts.case_reports.labs import Lab

WIDTH, HEIGHT = 520, 330  # small viewBox: text stays readable when scaled to a phone
LEFT, RIGHT, TOP, BOTTOM = 70, 70, 48, 66  # room for both value axes and the axis labels


@dataclass(frozen=True)
class ChartPoint:
    """One plotted value."""

    time: str
    day: int
    value: float
    written: str | None = None  # the value as the page writes it ("3.0"), if known

    @property
    def shown(self) -> str:
        """The value as printed on the page."""
        return self.written or format_number(self.value)


def format_number(value: float) -> str:
    """Short human form: 2.96, 262, 0.5 — at most three significant decimals, no trailing zeros."""
    if value == 0:
        return "0"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round tick values covering [low, high] (1, 2 or 5 times a power of ten)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [round(n * step, 10) for n in range(first, last + 1)]


def render_lab_chart(
    points: Sequence[ChartPoint],
    unit: str,
    lab: Lab | None,
    lab_name: str,
    t: Callable[[str], str],
    chart_id: str,
) -> str:
    """SVG of `points` (already validated, finite) for one lab in `unit`.

    `lab` gives the reference band and the secondary unit; `lab_name` is the lab's name, already
    in the page's script; `t` converts Traditional Chinese labels; `chart_id` keeps ids unique.
    """
    points = sorted(points, key=lambda p: p.day)
    band = _band_in_unit(lab, unit)
    secondary = lab.secondary_unit(unit) if lab else None

    days = [p.day for p in points]
    day_low, day_high = min(days), max(days)
    if day_high - day_low < 14:  # a single point or a short span still needs a readable axis
        day_low, day_high = day_low - 30, day_high + 30
    x_ticks = nice_ticks(day_low, day_high)
    x_low, x_high = min(x_ticks[0], day_low), max(x_ticks[-1], day_high)

    top_value = max([p.value for p in points] + [b for b in band if b is not None])
    bottom_value = min([0.0] + [p.value for p in points])  # start at 0: no truncated axis
    y_ticks = nice_ticks(bottom_value, top_value * 1.15 if top_value > 0 else 1)
    y_low, y_high = y_ticks[0], y_ticks[-1]

    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: float) -> float:
        return LEFT + (day - x_low) / (x_high - x_low) * plot_w

    def y(value: float) -> float:
        return TOP + plot_h - (value - y_low) / (y_high - y_low) * plot_h

    title = lab_name + t("的變化")
    unit_label = f"{unit} / {secondary}" if secondary else unit
    desc = _description(points, unit, band, lab, t)
    parts = [
        f'<svg class="case-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}（{escape(unit_label)}）</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        f'<text class="case-chart-title" x="{WIDTH / 2:.0f}" y="24" text-anchor="middle">'
        f"{escape(title)}</text>",
    ]
    if band != (None, None):
        low = y_low if band[0] is None else max(band[0], y_low)
        high = y_high if band[1] is None else min(band[1], y_high)
        if high > low:
            parts.append(
                f'<rect class="case-chart-band" x="{LEFT}" y="{y(high):.1f}" width="{plot_w}" '
                f'height="{y(low) - y(high):.1f}"><title>{escape(t("參考範圍"))}</title></rect>'
            )
    parts.extend(_axes(x_ticks, y_ticks, x, y, secondary, lab, unit, plot_w))
    if x_low <= 0 <= x_high:
        parts.append(
            f'<line class="case-chart-infusion" x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{TOP}" '
            f'y2="{TOP + plot_h}"/><text class="case-chart-note" x="{x(0) + 4:.1f}" '
            f'y="{TOP + 12}">{escape(t("第一次輸注"))}</text>'
        )
    if len(points) > 1:
        coords = " ".join(f"{x(p.day):.1f},{y(p.value):.1f}" for p in points)
        parts.append(f'<polyline class="case-chart-line" points="{coords}"/>')
    for p in points:
        label = f"{p.time}：{p.shown} {unit}"
        parts.append(
            f'<circle class="case-chart-point" cx="{x(p.day):.1f}" cy="{y(p.value):.1f}" r="5">'
            f"<title>{escape(label)}</title></circle>"
            f'<text class="case-chart-value" x="{x(p.day):.1f}" y="{y(p.value) - 10:.1f}" '
            f'text-anchor="middle">{escape(p.shown)}</text>'
        )
    parts.append(
        f'<text class="case-chart-axis-label" x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 12}" '
        f'text-anchor="middle">{escape(t("第一次輸注後的天數"))}</text>'
        f'<text class="case-chart-axis-label" transform="rotate(-90)" '
        f'x="{-(TOP + plot_h / 2):.0f}" y="18" text-anchor="middle">{escape(unit)}</text>'
    )
    if secondary:
        parts.append(
            f'<text class="case-chart-axis-label" transform="rotate(90)" '
            f'x="{TOP + plot_h / 2:.0f}" y="{-(WIDTH - 16)}" text-anchor="middle">'
            f"{escape(secondary)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _band_in_unit(lab: Lab | None, unit: str) -> tuple[float | None, float | None]:
    """The lab's reference band converted to `unit`, or (None, None) if it cannot be."""
    if lab is None or lab.reference is None or not lab.factor(unit):
        return None, None

    def convert(value: float | None) -> float | None:
        return None if value is None else lab.convert(value, lab.base_unit, unit)

    return convert(lab.reference.low), convert(lab.reference.high)


def _axes(
    x_ticks: list[float],
    y_ticks: list[float],
    x: Callable[[float], float],
    y: Callable[[float], float],
    secondary: str | None,
    lab: Lab | None,
    unit: str,
    plot_w: float,
) -> list[str]:
    """Grid lines and tick labels for the day axis and one or two value axes."""
    bottom, right = y(y_ticks[0]), LEFT + plot_w
    parts = [
        f'<line class="case-chart-axis" x1="{LEFT}" x2="{right}" y1="{bottom:.1f}" '
        f'y2="{bottom:.1f}"/>'
    ]
    for tick in x_ticks:
        parts.append(
            f'<text class="case-chart-tick" x="{x(tick):.1f}" y="{bottom + 18:.1f}" '
            f'text-anchor="middle">{format_number(tick)}</text>'
        )
    for tick in y_ticks:
        parts.append(
            f'<line class="case-chart-grid" x1="{LEFT}" x2="{right}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}"/><text class="case-chart-tick" x="{LEFT - 8}" '
            f'y="{y(tick) + 4:.1f}" text-anchor="end">{format_number(tick)}</text>'
        )
        if secondary and lab:
            other = lab.convert(tick, unit, secondary)
            if other is not None:
                parts.append(
                    f'<text class="case-chart-tick" x="{right + 8}" y="{y(tick) + 4:.1f}" '
                    f'text-anchor="start">{format_number(other)}</text>'
                )
    return parts


def _description(
    points: Sequence[ChartPoint],
    unit: str,
    band: tuple[float | None, float | None],
    lab: Lab | None,
    t: Callable[[str], str],
) -> str:
    """One sentence a screen reader can read instead of the picture."""
    values = "；".join(f"{p.time}（第 {p.day} 天）{p.shown} {unit}" for p in points)
    text = t("數值：") + values + "。"
    if band != (None, None) and lab is not None and lab.reference is not None:
        text += t("灰色帶為參考範圍：") + t(lab.reference.label_zh_hant) + "。"
    return text
