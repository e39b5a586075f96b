"""Lay out a case-report page: card, lab charts and tables, the editor's text, outcome, harms,
limitations and citation. The build adds the disclaimer and the source list afterwards.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from scripts.case_reports.chart import ChartPoint, format_number, render_lab_chart
from scripts.case_reports.glossary_terms import load_zh_hant_names
from scripts.case_reports.labels import (
    CELL_TYPES,
    CONDITIONS,
    DOSE_UNITS,
    ORIGINS,
    PEER_REVIEW,
    PUBLICATION_TYPES,
    ROUTES,
    SEXES,
    VERIFICATION,
    field_name,
)
from scripts.case_reports.labs import Lab, load_labs
from scripts.case_reports.validate import problems_in_case
from scripts.directives import DirectiveContext
from scripts.problems import ContentError


def render_case_page(meta: dict[str, Any], body: str, ctx: DirectiveContext) -> str:
    """The Markdown of a case-report page in `ctx.lang`'s script.

    `meta` is the page's front matter (editor text already in the page's script) and `body` the
    editor's Markdown. Raises ContentError if the front matter does not fit the schema.
    """
    editor_file = str(meta.get("shenzhi_editor_file") or ctx.page_src)
    labs = load_labs()
    # Glossary membership is the checker's job; here only the structure must be sound.
    problems = problems_in_case(meta, editor_file, glossary_terms=set(labs))
    if problems:
        raise ContentError(problems)
    unverified = set(meta["unverified"])
    sections = [
        _card(meta, ctx, unverified),
        _lab_section(meta, ctx, labs, unverified),
        body.strip(),
        _section(ctx, "作者報告的結果", "outcome-as-reported", escape(meta["outcome_as_reported"])
                 + _unverified_mark(ctx, unverified, "outcome_as_reported")),
        _adverse_events(meta, ctx, unverified),
        _limitations(meta, ctx, unverified),
        _section(ctx, "出處", "citation", citation_markdown(meta["citation"], ctx)),
    ]
    return "\n\n".join(s for s in sections if s) + "\n"


def _is_unverified(unverified: set[str], path: str) -> bool:
    """True if `path`, a field containing it, or a field inside it is listed as unverified."""
    parts = path.split(".")
    if any(".".join(parts[:n]) in unverified for n in range(1, len(parts) + 1)):
        return True
    return any(entry.startswith(path + ".") for entry in unverified)


def _unverified_mark(ctx: DirectiveContext, unverified: set[str], path: str) -> str:
    if not _is_unverified(unverified, path):
        return ""
    return f' <span class="case-unverified">{escape(ctx.t("未經原文核對"))}</span>'


def _section(ctx: DirectiveContext, heading_zh_hant: str, anchor: str, content: str) -> str:
    return f"## {ctx.t(heading_zh_hant)} {{#{anchor}}}\n\n{content}"


def _peer_review_text(citation: dict[str, Any], ctx: DirectiveContext) -> str:
    text = ctx.t(PEER_REVIEW[citation["peer_reviewed"]])
    note = citation.get("peer_review_note")
    return f"{text}：{note}" if note else text


def _verification_text(verification: dict[str, Any], ctx: DirectiveContext) -> str:
    text = ctx.t(VERIFICATION[verification["checked_against"]])
    return f"{text}。{verification['note']}" if verification.get("note") else text


def _card(meta: dict[str, Any], ctx: DirectiveContext, unverified: set[str]) -> str:
    """The at-a-glance card: a definition list of the key facts."""
    t = ctx.t
    condition, intervention, patient = meta["condition"], meta["intervention"], meta["patient"]
    citation = meta["citation"]
    condition_text = f"{t(CONDITIONS[condition['type']])}：{condition['diagnosis']}"
    if condition.get("stage"):
        condition_text += f"（{condition['stage']}）"
    age = patient.get("age")
    patient_text = t(SEXES[patient["sex"]]) if patient["sex"] != "not-reported" else ""
    if age is not None:
        patient_text = f"{age} {t('歲')}{patient_text}"
    rows = [
        ("病人", "patient", patient_text or t("未說明")),
        ("病情", "condition", condition_text),
        ("細胞種類", "intervention.cell_type",
         f"{t(CELL_TYPES[intervention['cell_type']])}（{intervention['cell_type']}）"),
        ("細胞來源", "intervention.origin", t(ORIGINS[intervention["origin"]])),
        ("劑量", "intervention.dose", _dose_text(intervention, ctx)),
        ("給予途徑", "intervention.route", t(ROUTES[intervention["route"]])),
        ("文獻類型", "publication_type", t(PUBLICATION_TYPES[meta["publication_type"]])),
        ("同儕審查", "citation.peer_reviewed", _peer_review_text(citation, ctx)),
        ("本站核對", "verification", _verification_text(meta["verification"], ctx)),
        ("證據等級", "evidence_level", _evidence_label(meta["evidence_level"], ctx)),
        ("追蹤時間", "follow_up", meta.get("follow_up") or t("未說明")),
    ]
    items = "".join(
        f"<dt>{escape(t(label))}</dt><dd>{escape(value)}{_unverified_mark(ctx, unverified, path)}"
        "</dd>"
        for label, path, value in rows
    )
    heading = escape(t("病例一覽"))
    return (
        f'<div class="case-card" role="group" aria-label="{heading}">\n'
        f'<p class="case-card-heading">{heading}</p>\n<dl>{items}</dl>\n</div>'
    )


def _amount(dose: dict[str, Any], ctx: DirectiveContext) -> str:
    return f"{format_number(dose['value'])} {ctx.t(DOSE_UNITS[dose['unit']])}".replace(" ×", "×")


def _dose_text(intervention: dict[str, Any], ctx: DirectiveContext) -> str:
    dose, count = intervention.get("dose"), intervention.get("doses")
    total = intervention.get("total_dose")
    text = ctx.t("未說明")
    if dose:
        text = ctx.t("每次 ") + _amount(dose, ctx)
    elif total:
        text = ctx.t("合計 ") + _amount(total, ctx) + ctx.t("（每次劑量未說明）")
    if count:
        text += ctx.t(f"，共 {count} 次")
    if dose and total:
        text += ctx.t("，合計 ") + _amount(total, ctx)
    return text


def _evidence_label(key: str, ctx: DirectiveContext) -> str:
    """The label of an evidence kind from evidence_types.yml, falling back to the key."""
    try:
        from scripts.front_matter import evidence_types

        label = evidence_types().get(key, {}).get("label")
    except (ImportError, OSError, AttributeError):
        label = None
    return ctx.t(label) if label else key


def _lab_name(key: str, ctx: DirectiveContext) -> str:
    return ctx.t(load_zh_hant_names().get(key, key))


def _lab_section(
    meta: dict[str, Any], ctx: DirectiveContext, labs: dict[str, Lab], unverified: set[str]
) -> str:
    """Heading, then per lab: a chart and its data table."""
    measurements = meta["measurements"]
    if not measurements:
        note = ctx.t("來源中沒有可以核對的檢驗數值，所以這裡沒有圖表。")
        return _section(ctx, "檢驗數值", "lab-values", note)
    blocks = []
    written = meta.get("shenzhi_written_values") or {}  # set by the page builder
    slug = re.sub(r"[^a-z0-9]+", "-", ctx.page_src.lower()).strip("-")
    for index, measurement in enumerate(measurements):
        lab = labs.get(measurement["lab"])
        name = _lab_name(measurement["lab"], ctx)
        points = [ChartPoint(str(p["time"]), p["day"], float(p["value"]),
                             written.get((index, j)))
                  for j, p in enumerate(measurement["points"])]
        svg = render_lab_chart(points, measurement["unit"], lab, name, ctx.t, f"{slug}-{index}")
        caption = _band_caption(lab, ctx)
        mark = _unverified_mark(ctx, unverified, f"measurements.{index}")
        blocks.append(
            f'<figure class="case-chart-figure">\n{svg}\n<figcaption>{caption}{mark}'
            f"</figcaption>\n</figure>\n\n{_data_table(points, measurement, lab, name, ctx)}"
        )
    return _section(ctx, "檢驗數值", "lab-values", "\n\n".join(blocks))


def _band_caption(lab: Lab | None, ctx: DirectiveContext) -> str:
    if lab is None or lab.reference is None:
        return escape(ctx.t("此項檢驗沒有畫參考範圍。"))
    ref = lab.reference
    source = ""
    if ref.source:
        source = f' <a href="{escape(ref.source)}">{escape(ctx.t("參考範圍出處"))}</a>'

    return escape(ctx.t("灰色帶：") + ctx.t(ref.label_zh_hant)) + source


def _data_table(
    points: list[ChartPoint], measurement: dict[str, Any], lab: Lab | None, name: str,
    ctx: DirectiveContext,
) -> str:
    """The chart's text alternative: every point, in both units where they apply."""
    unit = measurement["unit"]
    secondary = lab.secondary_unit(unit) if lab else None
    headers = [ctx.t("時間"), ctx.t("第一次輸注後第幾天"), unit]
    headers += [secondary] if secondary else []
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    rows = []
    for point in points:
        cells = [escape(point.time), str(point.day), escape(point.shown)]
        if secondary and lab:
            other = lab.convert(point.value, unit, secondary)
            cells.append("" if other is None else format_number(other))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    caption = escape(name + ctx.t("數值表"))
    return (
        f'<table class="case-data">\n<caption>{caption}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>{''.join(rows)}</tbody>\n</table>"
    )


def _adverse_events(meta: dict[str, Any], ctx: DirectiveContext, unverified: set[str]) -> str:
    events = meta["adverse_events"]
    mark = _unverified_mark(ctx, unverified, "adverse_events")
    if not events:
        # "Not reported" is not "did not happen": say which one we know.
        text = ctx.t("來源沒有報告不良事件（沒有報告不等於沒有發生）。") + mark
    else:
        text = "\n".join(f"- {escape(e)}" for e in events) + ("\n\n" + mark.strip() if mark else "")
    return _section(ctx, "不良事件", "adverse-events", text)


def _limitations(meta: dict[str, Any], ctx: DirectiveContext, unverified: set[str]) -> str:
    t = ctx.t
    funding = escape(meta["funding_and_conflicts"])
    lines = [escape(meta["editor_note"]), "", f"**{t('經費與利益衝突')}**：{funding}", ""]
    if unverified:
        lines.append(t("以下資料本站未能在原始文獻中核對，只見於二手資料，請保留看待："))
        lines.append("")
        lines.extend(f"- {t(field_name(path))}" for path in meta["unverified"])
    else:
        lines.append(t("本頁的病例資料都已對照原始文獻或其摘要。"))
    return _section(ctx, "限制與編者說明", "limitations", "\n".join(lines))


def citation_markdown(citation: dict[str, Any], ctx: DirectiveContext) -> str:
    """Authors, year, source and the DOI and/or PMID as links."""
    links = []
    if citation.get("doi"):
        doi = citation["doi"]
        links.append(f"DOI: [{escape(doi)}](https://doi.org/{doi})")
    if citation.get("pmid"):
        pmid = citation["pmid"]
        links.append(f"PMID: [{pmid}](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)")
    review = {True: "", False: f"（{ctx.t('非同儕審查出版品')}）",
              "unknown": f"（{ctx.t('是否經同儕審查不明')}）"}[citation["peer_reviewed"]]
    return (
        f"{escape(citation['authors'])} ({citation['year']}). {escape(citation['source'])}"
        f"{review}. " + " · ".join(links)
    )
