"""Issue 16: search words. The index is built from text already cut into words, one rule for the
index and the query, so a glossary term is in the index as the words its query asks for."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from scripts.search.index import (
    EXCLUDED_CLASSES,
    PAGEFIND_CONFIG,
    ROOT_CLASS,
    indexed_page,
    normalisation_table,
)
from scripts.search.page_text import read_page
from scripts.search.pagefind_service import PagefindService
from scripts.search.segment import encoded, index_words


@pytest.mark.parametrize(("text", "words"), [
    ("肌酸酐", "肌酸 酸酐 酐"),
    ("腎絲球過濾率（eGFR）下降", "腎絲 絲球 球過 過濾 濾率 率 （eGFR） 下降 降"),
    ("「肌酸酐」升高，第 3 期", "「肌酸 酸酐 酐」 升高 高， 第 3 期"),  # punctuation takes no word
    ("尿蛋白/肌酸酐比值", "尿蛋 蛋白 白/ 肌酸 酸酐 酐比 比值 值"),
    ("IgA腎病變", "IgA 腎病 病變 變"),
    ("𠀀𠀁", "𠀀𠀁 𠀁"),  # outside the Basic Multilingual Plane: one character, not two halves
])
def test_text_is_cut_into_overlapping_pairs_of_han_characters(text: str, words: str) -> None:
    assert encoded(text) == words


def test_a_term_inside_longer_words_is_still_its_own_run_of_index_words() -> None:
    """The failure of a dictionary: 白蛋白尿 cut as 白蛋白|尿 hides 蛋白尿; pairs never do."""
    page = index_words("白蛋白尿")
    query = index_words("蛋白尿")[:-1]  # a query's last single character is not needed
    assert any(page[i:i + len(query)] == query for i in range(len(page)))


PAGE = ('<html lang="zh-Hant"><head><title>t</title></head><body><nav>導覽</nav>'
        '<article class="md-content__inner md-typeset"><h1>看懂腎功能</h1>'
        '<p><abbr title="透析｜說明">透析</abbr>的成年 &amp; 腎&#x7d72;球</p>'
        '<div class="shenzhi-disclaimer">免責聲明</div><p>甲<span class="shenzhi-converted">隱藏'
        '</span>乙</p><table><tr><td>細胞</td><td data-pagefind-ignore>不索引</td></tr></table>'
        '<dl><dt>劑量</dt><dd>一次</dd></dl></article></body></html>')


def test_searchable_text_is_read_as_pagefind_reads_it() -> None:
    runs = read_page(PAGE, ROOT_CLASS, EXCLUDED_CLASSES).text_runs()
    assert runs == ["看懂腎功能", "透析的成年 & 腎絲球", "甲乙", "細胞", "劑量", "一次"]


def test_page_furniture_is_not_searchable() -> None:
    """The review dates and the report link are on every page: a search for 審閱 or 錯誤 must
    find the pages about them, not all of them."""
    from scripts.pages.furniture import sources_block

    meta = {"sources": [], "reviewed": dt.date(2026, 1, 2), "next_review": dt.date(2027, 1, 2),
            "shenzhi_report_url": "https://example.org/new", "converted_from": "docs/a.md"}
    block = sources_block(meta, "zh-Hant", lambda text, lang: text).split("\n", 2)[2]
    page = PAGE.replace("<dl>", block + "<dl>")
    assert "最後審閱日期" in page and "報告本頁錯誤" in page
    runs = read_page(page, ROOT_CLASS, EXCLUDED_CLASSES).text_runs()
    assert runs == ["看懂腎功能", "透析的成年 & 腎絲球", "甲乙", "細胞", "劑量", "一次"]


@pytest.mark.parametrize(("article", "sent"), [
    # Closed by its parent's end tag (invalid HTML): dropped up to it, the parent kept.
    ('<div><p>甲<span class="headerlink">¶</div><p>乙</p>', '<div><p> 甲</div><p> 乙</p>'),
    # Never closed: hidden to the end, as the reader reads it.
    ('<p>甲</p><div class="shenzhi-disclaimer"><p>免責', '<p> 甲</p>'),
    ('<p>圖<svg><text>軸</text></svg>表</p><hr class="headerlink"/>', '<p> 圖表 表</p>'),
])
def test_excluded_elements_are_dropped_as_the_reader_skips_them(article: str, sent: str
                                                                 ) -> None:
    page = f'<html><body><article class="{ROOT_CLASS}">{article}'
    assert indexed_page(page).split(">", 3)[3].startswith(sent)
    runs = read_page(page, ROOT_CLASS, EXCLUDED_CLASSES).text_runs()
    assert all(word not in "".join(runs) for word in ("¶", "免責", "軸"))


def test_the_page_sent_to_pagefind_has_its_words_cut_and_its_title_as_written() -> None:
    sent = indexed_page(PAGE)
    assert "<nav>" not in sent
    # A run's words go into its first text piece: Pagefind joins inline pieces anyway.
    assert '<abbr title="透析｜說明"> 透析 析的 的成 成年 年 &amp; 腎絲 絲球 球</abbr></p>' in sent
    # Excluded elements are dropped whole: Pagefind needs no exclude_selectors to skip them.
    assert '<p> 甲乙 乙</p>' in sent and "隱藏" not in sent and "免責聲明" not in sent
    assert 'data-shenzhi-title="看懂腎功能" data-pagefind-meta="title[data-shenzhi-title]"' in sent
    assert "<dt> 劑量 量</dt><dd> 一次 次</dd>" in sent  # each run starts a word


def _index(tmp_path: Path, page: str) -> tuple[dict[str, list[int]], dict]:
    """(word -> positions) and the fragment of a one-page index built by Pagefind itself."""
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        service.add_html("a/index.html", indexed_page(page))
        service.start_writing(tmp_path)
        service.wait_written(timeout=60)
    finally:
        service.close()
    fragment = next((tmp_path / "fragment").iterdir())
    data = json.loads(gzip.decompress(fragment.read_bytes())[len("pagefind_dcd"):])
    words = data["content"].split()
    positions: dict[str, list[int]] = {}
    for at, word in enumerate(words):
        positions.setdefault(word.rstrip(".，。、）」"), []).append(at)
    return positions, data


def test_pagefind_indexes_the_words_we_cut(tmp_path: Path) -> None:
    page = PAGE.replace("<p>甲", "<p>血清肌酸酐數值偏高。甲")
    positions, data = _index(tmp_path, page)
    assert data["meta"]["title"] == "看懂腎功能"
    # 肌酸酐 is a phrase of adjacent words, even inside 血清肌酸酐數值.
    start = positions["肌酸"][0]
    assert positions["酸酐"] == [start + 1]
    assert "不索引" not in data["content"] and "免責" not in data["content"]


def test_lay_words_and_the_other_regions_words_search_the_concept() -> None:
    from scripts.conversion.glossary import load_glossary

    glossary = load_glossary()
    hant = normalisation_table("zh-Hant", glossary, set())
    hans = normalisation_table("zh-Hans", glossary, set())

    def searched(table: dict, typed: str) -> set[str]:  # as search.js's variants()
        return {table["phrases"].get(typed, typed), *table["synonyms"].get(typed, [])}

    assert "透析" in searched(hant, "洗腎")
    assert "透析" in searched(hant, "洗肾")  # typed in Simplified on the Taiwan site
    assert "透析" in searched(hans, "洗肾")
    assert "透析" in searched(hans, "洗腎")
    assert searched(hant, "肌酐") == {"肌酸酐"}



def test_chinese_punctuation_ends_a_latin_word() -> None:
    """Pagefind splits only at spaces: 「TGF-β、I型胶原」 must index I as a word of its own, or the
    query I型胶原 (its words: I 型胶 胶原 原) misses the page."""
    assert index_words("（TGF-β、I型胶原等）") == ["（TGF-β、", "I", "型胶", "胶原", "原等", "等）"]
    assert index_words("「eGFR」，CKD 3期") == ["「eGFR」，", "CKD", "3", "期"]
    assert index_words("腎絲球過濾率（eGFR）下降")[5:7] == ["率", "（eGFR）"]  # brackets stay
