"""A statement about one region's law, insurance or agencies, in text both pages share, must name
its region (in the sentence or its section heading) or sit in a region block."""

from __future__ import annotations

from scripts.checks.region_statements import region_statement_problems, region_terms


def problems(body: str, lang: str = "zh-Hans", kind: str = "article") -> list[str]:
    text = f"---\ntitle: t\nkind: {kind}\n---\n{body}"
    return [f"{p.line}: {p.message}" for p in region_statement_problems(text, lang, "docs/p.md")]


def test_unnamed_region_statement_in_shared_text_is_reported() -> None:
    found = problems("开头。\n\n请先确认是否已向国家卫健委备案。\n")
    assert len(found) == 1 and found[0].startswith("7: '卫健委'") and "mainland" in found[0]
    (taiwan,) = problems("費用可以申請健保給付嗎？\n", "zh-Hant")
    assert "健保" in taiwan and "Taiwan" in taiwan


def test_named_region_heading_or_region_block_is_fine() -> None:
    assert problems("在中国大陆，请先确认是否已向国家卫健委备案。\n") == []
    assert problems("## 臺灣的規定\n\n再生醫療法自 2026 年施行。\n", "zh-Hant") == []
    assert problems("<!-- shenzhi: region zh-Hans -->\n请确认是否已向国家卫健委备案。\n"
                    "<!-- shenzhi: end-region -->\n") == []


def test_code_links_and_editorial_pages_are_not_read() -> None:
    assert problems("见[官方说明](https://example.org/卫健委)，代码 `医保`。\n") == []
    assert problems("「某藥已納入醫保」不會變成健保。\n", "zh-Hant", kind="editorial") == []


def test_terms_are_matched_in_both_scripts() -> None:
    forms = {t.term for t in region_terms()}
    assert {"衛健委", "卫健委", "健保", "國務院令", "国务院令"} <= forms
