"""The case-report index (a filterable, sortable table) and the list of newest cases.

The table is complete HTML without JavaScript; docs/assets/js/case-index.js adds filtering and
sorting on top, driven by the `data-` attributes written here.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from html import escape
from typing import Any

from scripts.case_reports.labels import (
    CELL_TYPES,
    CONDITIONS,
    OUTCOME_DIRECTIONS,
    PUBLICATION_TYPES,
    ROUTES,
    VERIFICATION,
)
from scripts.case_reports.labs import load_labs
from scripts.directives import DirectiveContext, PageInfo

CASE_KIND = "case-report"
CHANGE_THRESHOLD = 0.10  # a relative change below 10% is shown as "no clear change"

# (data attribute, label in zh-Hant, meta getter, code -> label table or None for raw value)
FILTERS: list[tuple[str, str, Any, dict[str, str] | None]] = [
    ("condition", "病情", lambda m: m.get("condition", {}).get("type"), CONDITIONS),
    ("cell-type", "細胞種類", lambda m: m.get("intervention", {}).get("cell_type"), CELL_TYPES),
    ("route", "給予途徑", lambda m: m.get("intervention", {}).get("route"), ROUTES),
    ("publication-type", "文獻類型", lambda m: m.get("publication_type"), PUBLICATION_TYPES),
    ("year", "年份", lambda m: m.get("citation", {}).get("year"), None),
]


def case_pages(ctx: DirectiveContext) -> list[PageInfo]:
    """Every case-report page of the language being built, newest publication first."""
    cases = [p for p in ctx.pages if isinstance(p.meta, dict) and p.meta.get("kind") == CASE_KIND]
    return sorted(cases, key=lambda p: (-_year(p.meta), str(p.meta.get("title", ""))))


def _year(meta: dict[str, Any]) -> int:
    year = (meta.get("citation") or {}).get("year")
    return year if isinstance(year, int) else 0


def outcome_direction(meta: dict[str, Any]) -> str:
    """improved / worsened / unchanged / unclear / unknown, for the index column.

    The editor's `outcome_direction` wins; otherwise the first kidney lab whose better direction
    is known decides, comparing its first and last points.
    """
    if meta.get("outcome_direction") in OUTCOME_DIRECTIONS:
        return meta["outcome_direction"]
    labs = load_labs()
    for measurement in meta.get("measurements") or []:
        lab = labs.get(measurement.get("lab"))
        points = measurement.get("points") or []
        if lab is None or lab.better is None or len(points) < 2:
            continue
        first, last = points[0].get("value"), points[-1].get("value")
        if not isinstance(first, (int, float)) or not isinstance(last, (int, float)) or not first:
            continue
        change = (last - first) / abs(first)
        if abs(change) < CHANGE_THRESHOLD:
            return "unchanged"
        return "improved" if (change < 0) == (lab.better == "lower") else "worsened"
    return "unknown"


def _href(ctx: DirectiveContext, page: PageInfo) -> str:
    """Link from the current page to `page`.

    Raw HTML links are not rewritten by MkDocs, so when the current page's URL is known the
    link is made URL-to-URL; otherwise it falls back to the source-relative `ctx.link_to`.
    """
    current = next((p for p in ctx.pages if p.src == ctx.page_src), None)
    if current is None:
        return ctx.link_to(page.src)
    # A directory URL ("case-reports/") is its own base; a file URL ("a/b.html") uses its folder.
    base = current.url if current.url.endswith("/") else posixpath.dirname(current.url)
    target = posixpath.relpath(page.url or ".", base.rstrip("/") or ".")
    return target + ("/" if page.url.endswith("/") and target != "." else "")


def _code_label(ctx: DirectiveContext, table: dict[str, str] | None, code: Any) -> str:
    if table is None:
        return str(code)
    return ctx.t(table.get(str(code), str(code)))


def _filters(ctx: DirectiveContext, cases: list[PageInfo]) -> str:
    """Labelled <select>s, hidden until the script shows them (they need JavaScript)."""
    controls = []
    for key, label, get, table in FILTERS:
        codes = sorted({str(get(p.meta)) for p in cases if get(p.meta) is not None},
                       reverse=key == "year")
        options = [f'<option value="">{escape(ctx.t("全部"))}</option>'] + [
            f'<option value="{escape(c)}">{escape(_code_label(ctx, table, c))}</option>'
            for c in codes
        ]
        controls.append(
            f'<label for="case-filter-{key}">{escape(ctx.t(label))}</label>'
            f'<select id="case-filter-{key}" data-filter="{key}">{"".join(options)}</select>'
        )
    template = escape(ctx.t("顯示 {shown} / {total} 個病例"))
    status = (
        f'<p class="case-filter-status" role="status" aria-live="polite" '
        f'data-template="{template}"></p>'
    )
    heading = escape(ctx.t("篩選病例"))
    return (
        f'<form class="case-filters" aria-label="{heading}" hidden>'
        f'{"".join(f"<div>{c}</div>" for c in controls)}</form>{status}'
    )


def render_case_index(ctx: DirectiveContext) -> str:
    """HTML table of every case report, with filter controls and sortable headers."""
    cases = case_pages(ctx)
    if not cases:
        return f"<p>{escape(ctx.t('目前還沒有病例報告。'))}</p>"
    columns = [
        ("title", "病例"), ("year", "年份"), ("condition", "病情"), ("cell-type", "細胞種類"),
        ("route", "給予途徑"), ("publication-type", "文獻類型"), ("outcome", "結果方向"),
        ("verification", "本站核對"),
    ]
    head = "".join(
        f'<th scope="col" aria-sort="none"><button type="button" data-sort="{key}">'
        f"{escape(ctx.t(label))}</button></th>"
        for key, label in columns
    )
    rows = [_row(ctx, page) for page in cases]
    caption = escape(ctx.t("病例報告一覽（結果方向依作者報告或數值，不代表治療造成）"))
    return (
        f'<div class="case-index-block">\n{_filters(ctx, cases)}\n<div class="case-index-wrap">'
        f'<table class="case-index">\n<caption>{caption}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
        + "\n</tbody></table></div>\n</div>"
    )


def _row(ctx: DirectiveContext, page: PageInfo) -> str:
    meta = page.meta
    values = {key: get(meta) for key, _label, get, _table in FILTERS}
    direction = outcome_direction(meta)
    attributes = "".join(
        f' data-{key}="{escape(str(value if value is not None else ""))}"'
        for key, value in values.items()
    )
    unverified = set(meta.get("unverified") or [])
    note = ""
    if meta.get("outcome_direction") is None and "measurements" in unverified:
        note = ctx.t("（數值未核對）")
    title = escape(str(meta.get("title", page.src)))
    cells = [
        f'<td data-sort-value="{title}"><a href="{escape(_href(ctx, page))}">{title}</a></td>',
        f"<td>{escape(str(values['year'] or ''))}</td>",
    ]
    for key, _label, _get, table in FILTERS[:4]:
        cells.append(f"<td>{escape(_code_label(ctx, table, values[key]))}</td>")
    cells.append(f"<td>{escape(ctx.t(OUTCOME_DIRECTIONS[direction]) + note)}</td>")
    checked = (meta.get("verification") or {}).get("checked_against")
    cells.append(f"<td>{escape(ctx.t(VERIFICATION[checked]) if checked in VERIFICATION else '')}"
                 "</td>")
    return f'<tr{attributes} data-outcome="{direction}">{"".join(cells)}</tr>'


def render_newest_cases(ctx: DirectiveContext) -> str:
    """Markdown list of links to the 5 most recently reviewed case reports, newest review first
    (publication year breaks ties), each with its review date."""
    def reviewed(page: PageInfo) -> dt.date:
        value = page.meta.get("reviewed")
        if isinstance(value, dt.datetime):  # datetime and date do not compare with each other
            return value.date()
        return value if isinstance(value, dt.date) else dt.date.min

    newest = sorted(case_pages(ctx), key=lambda p: (reviewed(p), _year(p.meta)), reverse=True)[:5]
    if not newest:
        return ctx.t("目前還沒有病例報告。")
    label = ctx.t("審閱")
    return "\n".join(
        f"- [{page.meta.get('title', page.src)}]({ctx.link_to(page.src)})"
        f"（{_year(page.meta) or ''}；{label} {reviewed(page).isoformat()}）"
        for page in newest
    )
