"""Case pages: card, SVG chart, data table, citation; the case index and newest list."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.case_reports.chart import ChartPoint, format_number, nice_ticks, render_lab_chart
from scripts.case_reports.frontmatter import read_front_matter, split_front_matter
from scripts.case_reports.index import outcome_direction, render_case_index, render_newest_cases
from scripts.case_reports.labs import load_labs
from scripts.case_reports.render import render_case_page
from scripts.directives import DirectiveContext, PageInfo
from scripts.problems import ContentError

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "scripts" / "data" / "case-report.example.yml"
CASES_DIR = ROOT / "docs" / "case-reports"


def example() -> dict[str, Any]:
    return yaml.safe_load(EXAMPLE.read_text(encoding="utf-8").split("---\n")[1])


def ctx(lang: str = "zh-Hant", **kwargs: Any) -> DirectiveContext:
    return DirectiveContext(lang=lang, page_src="case-reports/x.md",
                            convert=lambda s, lang: s, **kwargs)


def render(meta: dict[str, Any] | None = None, context: DirectiveContext | None = None) -> str:
    return render_case_page(meta or example(), "## 發生了什麼 {#what-happened}\n\n本文。\n",
                            context or ctx())


def test_card_lists_the_key_facts_in_plain_words() -> None:
    page = render()
    card = page[page.index('<div class="case-card"'):page.index("</div>")]
    for label in ("病情", "細胞種類", "骨髓間質幹細胞", "自體", "劑量", "靜脈輸注", "單一病例報告",
                  "同儕審查", "證據等級", "追蹤時間", "12 個月", "×10⁶"):
        assert label in card, label
    assert "<dl>" in card and "<dt>" in card


def test_cd34_is_labelled_as_not_msc() -> None:
    meta = example()
    meta["intervention"]["cell_type"] = "CD34+"
    assert "不是間質幹細胞" in render(meta)


def test_chart_has_a_point_per_measurement_axes_title_and_band() -> None:
    page = render()
    svgs = re.findall(r"<svg.*?</svg>", page, re.S)
    meta = example()
    assert len(svgs) == len(meta["measurements"])
    for svg, measurement in zip(svgs, meta["measurements"], strict=True):
        assert svg.count("<circle") == len(measurement["points"])
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg and "viewBox" in svg
        assert "第一次輸注後的天數" in svg
        assert measurement["unit"] in svg
        assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    creatinine = svgs[0]
    assert "µmol/L" in creatinine  # secondary axis
    assert "case-chart-band" in creatinine


def test_data_table_is_the_text_alternative_with_both_units() -> None:
    page = render()
    table = page[page.index('<table class="case-data"'):page.index("</table>")]
    assert table.count("<tr>") == 1 + len(example()["measurements"][0]["points"])
    assert "µmol/L" in table and "274" in table  # 3.1 mg/dL × 88.4 ≈ 274 µmol/L
    assert "基線" in table and "-7" in table


def test_page_has_body_outcome_harms_limitations_unverified_and_citation() -> None:
    page = render()
    assert "本文。" in page
    for anchor in ("#outcome-as-reported", "#adverse-events", "#limitations", "#citation"):
        assert anchor in page
    assert "輸注後短暫發燒" in page
    assert "病人年齡" in page  # the unverified list in plain words
    assert "未經原文核對" in page
    assert "[10.1234/example.2020.045](https://doi.org/10.1234/example.2020.045)" in page
    assert "https://pubmed.ncbi.nlm.nih.gov/12345678/" in page


def test_labels_go_through_the_converter() -> None:
    simplified = DirectiveContext(lang="zh-Hans", page_src="case-reports/x.md",
                                  convert=lambda s, lang: s.replace("輸注", "输注"))
    page = render(context=simplified)
    assert "第一次输注" in page and "第一次輸注" not in page


def test_no_measurements_gives_a_note_and_no_chart() -> None:
    meta = example()
    meta["measurements"] = []
    page = render(meta)
    assert "<svg" not in page and "沒有可以核對的檢驗數值" in page


def test_no_adverse_events_says_not_reported_rather_than_none() -> None:
    meta = example()
    meta["adverse_events"] = []
    assert "沒有報告不等於沒有發生" in render(meta)


def test_invalid_front_matter_fails_with_the_problems() -> None:
    meta = example()
    meta["citation"]["doi"] = "nonsense"
    with pytest.raises(ContentError) as error:
        render(meta)
    assert any(p.field == "citation.doi" for p in error.value.problems)


CASE_FILES = sorted(p for p in CASES_DIR.glob("*.md") if not p.name.startswith("index."))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.name)
def test_every_real_case_renders(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    meta, _, _ = read_front_matter(text)
    page = render_case_page(meta, split_front_matter(text)[1], ctx())
    assert page.count("<svg") == len(meta["measurements"])


def test_chart_helpers() -> None:
    assert nice_ticks(0, 3.4) == [0, 1, 2, 3, 4]
    assert nice_ticks(0, 365)[-1] >= 365
    assert format_number(2.96) == "2.96" and format_number(261.664) == "262"
    assert format_number(0.5) == "0.5" and format_number(26.7) == "26.7"
    lab = load_labs()["serum creatinine"]
    svg = render_lab_chart([ChartPoint("基線", 0, 1.0)], "mg/dL", lab, "血清肌酸酐",
                           lambda s: s, "t")
    assert svg.count("<circle") == 1 and "88.4" in svg  # 1 mg/dL on the µmol/L axis


# --- index ---------------------------------------------------------------------------------

def page(slug: str, year: int, reviewed: dt.date, **changes: Any) -> PageInfo:
    meta = copy.deepcopy(example())
    meta["kind"] = "case-report"
    meta["title"] = f"病例 {slug}"
    meta["citation"]["year"] = year
    meta["reviewed"] = reviewed
    for key, value in changes.items():
        meta[key] = value
    return PageInfo(f"case-reports/{slug}.md", f"case-reports/{slug}/", meta)


def index_ctx(pages: list[PageInfo]) -> DirectiveContext:
    own = PageInfo("case-reports/index.md", "case-reports/", {"kind": "article"})
    return DirectiveContext(lang="zh-Hant", page_src="case-reports/index.md",
                            convert=lambda s, lang: s, page_loader=lambda: [own, *pages])


def test_index_table_rows_filters_and_sort_buttons() -> None:
    pages = [page("a-2017", 2017, dt.date(2026, 1, 1)),
             page("b-2021", 2021, dt.date(2026, 2, 1), publication_type="case-series")]
    html = render_case_index(index_ctx(pages))
    assert '<table class="case-index">' in html
    assert html.count("<tr data-") == 2
    assert 'data-condition="CKD"' in html and 'data-cell-type="BM-MSC"' in html
    assert 'data-route="IV"' in html and 'data-publication-type="case-series"' in html
    assert 'data-year="2021"' in html
    assert html.index("b-2021") < html.index("a-2017")  # newest publication first
    assert 'href="a-2017/"' in html
    for key in ("condition", "cell-type", "route", "publication-type", "year"):
        assert f'<label for="case-filter-{key}">' in html and f'id="case-filter-{key}"' in html
    assert html.count('aria-sort="none"><button type="button"') == 8
    assert "病例系列" in html and "臍帶" not in html  # only values present become options


def test_index_ignores_other_kinds_and_handles_no_cases() -> None:
    article = PageInfo("ckd/basics.md", "ckd/basics/", {"kind": "article", "title": "x"})
    assert "<table" not in render_case_index(index_ctx([article]))


def test_index_falls_back_to_link_to_without_the_current_page() -> None:
    pages = [page("a-2017", 2017, dt.date(2026, 1, 1))]
    context = DirectiveContext(lang="zh-Hant", page_src="case-reports/index.md",
                               convert=lambda s, lang: s, page_loader=lambda: pages)
    assert 'href="a-2017.md"' in render_case_index(context)


def test_outcome_direction_from_numbers_or_editor() -> None:
    meta = example()  # creatinine 3.1 -> 2.8 is a 10% fall
    assert outcome_direction(meta) == "unchanged"
    meta["measurements"][0]["points"][1]["value"] = 2.0
    assert outcome_direction(meta) == "improved"
    meta["measurements"][0]["points"][1]["value"] = 5.0
    assert outcome_direction(meta) == "worsened"
    meta["outcome_direction"] = "unclear"
    assert outcome_direction(meta) == "unclear"
    meta["measurements"] = []
    meta["outcome_direction"] = None
    assert outcome_direction(meta) == "unknown"


def test_newest_cases_are_the_five_latest_reviewed_as_markdown_links() -> None:
    pages = [page(f"c{n}-2020", 2020, dt.date(2026, 1, n + 1)) for n in range(7)]
    listing = render_newest_cases(index_ctx(pages))
    lines = listing.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("- [病例 c6-2020](c6-2020.md)")
    assert "c0-2020" not in listing and "c1-2020" not in listing


def test_lab_values_print_as_the_page_writes_them() -> None:
    from scripts.case_reports.chart import ChartPoint
    from scripts.case_reports.frontmatter import written_lab_values

    text = ("---\ntitle: x\nmeasurements:\n  - lab: serum creatinine\n    unit: mg/dL\n"
            "    points:\n      - {time: a, day: 0, value: 3.0}\n"
            "      - {time: b, day: 60, value: 1.03}\n      - {time: c, day: 90, value: 1e1}\n"
            "---\nbody\n")
    assert written_lab_values(text) == {(0, 0): "3.0", (0, 1): "1.03"}
    # List items at the key's own indentation, a key after the block, an anchor from outside it.
    text = ("---\nmeasurements:\n- lab: a\n  points:\n  - {day: 0, value: 2.50}\n\n"
            "  # a comment\n  - {day: 9, value: 7}\ntitle: x\n---\n")
    assert written_lab_values(text) == {(0, 0): "2.50", (0, 1): "7"}
    text = ("---\nfirst: &v 4.0\nmeasurements:\n- lab: a\n  points:\n  - {day: 0, value: *v}\n"
            "---\n")
    assert written_lab_values(text) == {(0, 0): "4.0"}
    assert ChartPoint("a", 0, 3.0, "3.0").shown == "3.0"
    assert ChartPoint("a", 0, 3.0).shown == "3"  # no written form known: the short number
