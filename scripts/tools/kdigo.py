"""KDIGO CKD categories and risk heat map, from `scripts/data/kdigo.yml`.

Two page blocks use the same data so the heat map and the eGFR calculator never disagree:
`kdigo-heatmap` (an accessible table) and `kdigo-data` (a JSON block read by
`docs/assets/js/egfr.js`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

from scripts import DATA

DATA_FILE = DATA / "kdigo.yml"

# The KDIGO classification itself: the data file may change texts and colours, not the shape.
GFR_CODES = ("G1", "G2", "G3a", "G3b", "G4", "G5")
ALBUMINURIA_CODES = ("A1", "A2", "A3")
RISK_KEYS = ("low", "moderate", "high", "very-high")
KDIGO_2024_URL = "https://doi.org/10.1016/j.kint.2023.10.018"


class LabelContext(Protocol):
    """The part of `scripts.directives.DirectiveContext` a renderer here needs."""

    lang: str

    def t(self, text_zh_hant: str) -> str: ...


@dataclass(frozen=True)
class GfrCategory:
    """One GFR category: applies when the (rounded) eGFR is at least `min`."""

    code: str
    min: float
    range: str
    label: str


@dataclass(frozen=True)
class AlbuminuriaCategory:
    """One albuminuria category with its upper bound in mg/g and mg/mmol (None = no bound)."""

    code: str
    max_mg_g: float | None
    max_mg_mmol: float | None
    max_inclusive: bool
    range_mg_g: str
    range_mg_mmol: str
    label: str


@dataclass(frozen=True)
class RiskLevel:
    """One colour of the heat map with the plain-language texts shown to readers."""

    key: str
    colour: str
    background: str
    text: str
    label: str
    meaning: str
    next_step: str


@dataclass(frozen=True)
class Kdigo:
    """The whole KDIGO data set, validated."""

    gfr_unit: str
    gfr_categories: tuple[GfrCategory, ...]
    albuminuria_categories: tuple[AlbuminuriaCategory, ...]
    risk_levels: dict[str, RiskLevel]
    risk_grid: dict[str, tuple[str, ...]]

    def risk(self, g_code: str, a_code: str) -> RiskLevel:
        """Risk level of one heat-map cell, e.g. `risk("G3a", "A2")`."""
        return self.risk_levels[self.risk_grid[g_code][ALBUMINURIA_CODES.index(a_code)]]


def _fail(source: str, where: str, message: str) -> ValueError:
    return ValueError(f"{source}: {where}: {message}")


def _get(item: Any, name: str, kinds: tuple[type, ...], source: str, where: str) -> Any:
    """Return `item[name]` if it has one of `kinds`; otherwise a ValueError naming the field."""
    if not isinstance(item, dict):
        raise _fail(source, where, f"expected a mapping, got {type(item).__name__}")
    if name not in item:
        raise _fail(source, f"{where}.{name}", "missing")
    value = item[name]
    # bool is an int in Python; a number field must not accept `true`.
    if isinstance(value, bool) and bool not in kinds:
        raise _fail(source, f"{where}.{name}", f"expected a number, got {value!r}")
    if not isinstance(value, kinds):
        names = " or ".join("null" if k is type(None) else k.__name__ for k in kinds)
        raise _fail(source, f"{where}.{name}", f"expected {names}, got {value!r}")
    if isinstance(value, str) and not value.strip():
        raise _fail(source, f"{where}.{name}", "empty text")
    return value


def _list(raw: dict[str, Any], name: str, codes: tuple[str, ...], source: str) -> list[Any]:
    items = _get(raw, name, (list,), source, "top level")
    found = [item.get("code") if isinstance(item, dict) else None for item in items]
    if found != list(codes):
        raise _fail(source, name, f"codes must be {list(codes)} in this order, got {found}")
    return items


def _gfr_categories(raw: dict[str, Any], source: str) -> tuple[GfrCategory, ...]:
    result = []
    for i, item in enumerate(_list(raw, "gfr_categories", GFR_CODES, source)):
        where = f"gfr_categories[{i}]"
        result.append(
            GfrCategory(
                code=item["code"],
                min=_get(item, "min", (int, float), source, where),
                range=_get(item, "range", (str,), source, where),
                label=_get(item, "label", (str,), source, where),
            )
        )
    mins = [c.min for c in result]
    if any(a <= b for a, b in pairwise(mins)) or mins[-1] != 0:
        raise _fail(source, "gfr_categories.min", f"must fall strictly and end at 0, got {mins}")
    return tuple(result)


def _albuminuria_categories(raw: dict[str, Any], source: str) -> tuple[AlbuminuriaCategory, ...]:
    items = _list(raw, "albuminuria_categories", ALBUMINURIA_CODES, source)
    result = []
    for i, item in enumerate(items):
        where = f"albuminuria_categories[{i}]"
        last = i == len(items) - 1
        bound: tuple[type, ...] = (type(None),) if last else (int, float)
        result.append(
            AlbuminuriaCategory(
                code=item["code"],
                max_mg_g=_get(item, "max_mg_g", bound, source, where),
                max_mg_mmol=_get(item, "max_mg_mmol", bound, source, where),
                max_inclusive=_get(item, "max_inclusive", (bool,), source, where),
                range_mg_g=_get(item, "range_mg_g", (str,), source, where),
                range_mg_mmol=_get(item, "range_mg_mmol", (str,), source, where),
                label=_get(item, "label", (str,), source, where),
            )
        )
    bounded = [c for c in result if c.max_mg_g is not None]
    for i, cat in enumerate(bounded):
        where = f"albuminuria_categories[{i}]"
        if i and cat.max_mg_g <= bounded[i - 1].max_mg_g:  # type: ignore[operator]
            raise _fail(source, f"{where}.max_mg_g", "must rise from one category to the next")
        # KDIGO rounds 30 mg/g to 3 mg/mmol (exact factor 8.84); anything else is a typo.
        ratio = cat.max_mg_g / cat.max_mg_mmol  # type: ignore[operator]
        if not 8.0 <= ratio <= 11.0:
            raise _fail(source, f"{where}.max_mg_mmol", f"does not match max_mg_g (×{ratio:.2f})")
    return tuple(result)


def _risk_levels(raw: dict[str, Any], source: str) -> dict[str, RiskLevel]:
    levels = _get(raw, "risk_levels", (dict,), source, "top level")
    if list(levels) != list(RISK_KEYS):
        raise _fail(source, "risk_levels", f"keys must be {list(RISK_KEYS)}, got {list(levels)}")
    result = {}
    for key, item in levels.items():
        where = f"risk_levels.{key}"
        texts = {
            name: _get(item, name, (str,), source, where)
            for name in ("colour", "background", "text", "label", "meaning", "next_step")
        }
        for name in ("background", "text"):
            value = texts[name]
            if len(value) != 7 or value[0] != "#" or not _is_hex(value[1:]):
                message = f"expected a colour like #1a1a1a, got {value!r}"
                raise _fail(source, f"{where}.{name}", message)
        result[key] = RiskLevel(key=key, **texts)
    return result


def _is_hex(text: str) -> bool:
    return all(ch in "0123456789abcdefABCDEF" for ch in text)


def _risk_grid(raw: dict[str, Any], source: str) -> dict[str, tuple[str, ...]]:
    grid = _get(raw, "risk_grid", (dict,), source, "top level")
    if list(grid) != list(GFR_CODES):
        raise _fail(source, "risk_grid", f"rows must be {list(GFR_CODES)}, got {list(grid)}")
    for g_code, row in grid.items():
        if not isinstance(row, list) or len(row) != len(ALBUMINURIA_CODES):
            message = f"expected 3 risk levels (A1–A3), got {row!r}"
            raise _fail(source, f"risk_grid.{g_code}", message)
        for a_code, key in zip(ALBUMINURIA_CODES, row, strict=True):
            if key not in RISK_KEYS:
                raise _fail(source, f"risk_grid.{g_code}.{a_code}", f"unknown risk level {key!r}")
    return {g_code: tuple(row) for g_code, row in grid.items()}


def parse_kdigo(raw: Any, source: str = "kdigo.yml") -> Kdigo:
    """Validate already-parsed YAML; raise ValueError naming the file and field on bad data."""
    if not isinstance(raw, dict):
        raise _fail(source, "top level", "expected a mapping")
    return Kdigo(
        gfr_unit=_get(raw, "gfr_unit", (str,), source, "top level"),
        gfr_categories=_gfr_categories(raw, source),
        albuminuria_categories=_albuminuria_categories(raw, source),
        risk_levels=_risk_levels(raw, source),
        risk_grid=_risk_grid(raw, source),
    )


@lru_cache(maxsize=4)
def load_kdigo(path: Path = DATA_FILE) -> Kdigo:
    """Load and validate the KDIGO data file (cached: it is read once per build)."""
    import yaml  # imported here so importing this module stays cheap for the hooks

    with open(path, encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return parse_kdigo(raw, source=str(path))


def render_kdigo_heatmap(ctx: LabelContext) -> str:
    """HTML table of the KDIGO heat map: every cell names its risk in words, not colour alone."""
    data = load_kdigo()
    t = ctx.t
    a_heads = "".join(
        f'<th scope="col" data-a="{a.code}">{a.code} {escape(t(a.label))}<br>'
        f'<span class="kdigo-range">{escape(a.range_mg_g)} mg/g</span><br>'
        f'<span class="kdigo-range">（{escape(a.range_mg_mmol)} mg/mmol）</span></th>'
        for a in data.albuminuria_categories
    )
    rows = []
    for g in data.gfr_categories:
        cells = []
        for a in data.albuminuria_categories:
            risk = data.risk(g.code, a.code)
            cells.append(
                f'<td class="kdigo-risk kdigo-risk--{risk.key}" data-risk="{risk.key}" '
                f'data-g="{g.code}" data-a="{a.code}" '
                f'style="background-color:{risk.background};color:{risk.text}">'
                f"{escape(t(risk.label))}</td>"
            )
        rows.append(
            f'<tr><th scope="row" data-g="{g.code}">{g.code} {escape(t(g.label))}<br>'
            f'<span class="kdigo-range">{escape(g.range)}</span></th>{"".join(cells)}</tr>'
        )
    caption = t(
        "慢性腎臟病的風險分級（KDIGO 熱圖）：由上往下為估計腎絲球過濾率分期，由左往右為白蛋白尿分期"
    )
    corner = f'{escape(t("eGFR 分期"))}<br><span class="kdigo-range">{escape(data.gfr_unit)}</span>'
    note = t(
        "白蛋白尿以尿液白蛋白與肌酸酐比值（UACR）表示。G1 與 G2 只有在同時有腎臟受損的跡象"
        "（例如白蛋白尿）並持續至少 3 個月時，才算慢性腎臟病。"
    )
    source = t("資料來源：KDIGO 2024 慢性腎臟病臨床指引（臨床指引）")
    # A scrollable region must be focusable so keyboard users can scroll it at 375 px.
    return (
        f'\n<div class="kdigo-heatmap-wrap" role="region" tabindex="0" '
        f'aria-label="{escape(t("KDIGO 熱圖"))}">'
        f'<table class="kdigo-heatmap"><caption>{escape(caption)}</caption>'
        f'<thead><tr><th scope="col">{corner}</th>{a_heads}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>\n'
        f'<p class="kdigo-heatmap-note">{escape(note)} '
        f'<a href="{KDIGO_2024_URL}">{escape(source)}</a></p>\n'
    )


def kdigo_json_data(ctx: LabelContext) -> dict[str, Any]:
    """The data the calculator needs, with texts in the page's script."""
    data = load_kdigo()
    t = ctx.t
    return {
        "gfrUnit": data.gfr_unit,
        "g": [
            {"code": g.code, "min": g.min, "range": g.range, "label": t(g.label)}
            for g in data.gfr_categories
        ],
        "a": [
            {
                "code": a.code,
                "maxMgG": a.max_mg_g,
                "maxMgMmol": a.max_mg_mmol,
                "maxInclusive": a.max_inclusive,
                "rangeMgG": a.range_mg_g,
                "rangeMgMmol": a.range_mg_mmol,
                "label": t(a.label),
            }
            for a in data.albuminuria_categories
        ],
        "riskLevels": {
            key: {
                "colour": r.colour,
                "background": r.background,
                "text": r.text,
                "label": t(r.label),
                "meaning": t(r.meaning),
                "nextStep": t(r.next_step),
            }
            for key, r in data.risk_levels.items()
        },
        "grid": {g_code: list(row) for g_code, row in data.risk_grid.items()},
    }


def render_kdigo_data(ctx: LabelContext) -> str:
    """`<script type="application/json" id="kdigo-data">` for docs/assets/js/egfr.js."""
    text = json.dumps(kdigo_json_data(ctx), ensure_ascii=False, separators=(",", ":"))
    # `</script>` or `<!--` inside the JSON would end the element early; escape the characters.
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return f'\n<script type="application/json" id="kdigo-data">{text}</script>\n'
