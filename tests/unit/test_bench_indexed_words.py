"""The bench's count of indexed words (what Pagefind's time is divided by) and its split of
Pagefind's time into adding pages and writing the index."""

from __future__ import annotations

from pathlib import Path

from scripts.bench.builds import indexed_words, pagefind_phases

PAGE = ('<html lang="{lang}"><body><nav>導覽 不算</nav><article class="md-content__inner '
        'md-typeset"><p>{text}</p><div class="shenzhi-disclaimer">免責聲明</div></article>'
        "</body></html>")


def page(path: Path, lang: str, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(lang=lang, text=text), encoding="utf-8")


def test_counts_the_article_words_of_both_languages_and_nothing_else(tmp_path: Path) -> None:
    page(tmp_path / "ckd" / "index.html", "zh-Hant", "肌酸酐 eGFR")  # 肌酸 酸酐 酐 eGFR
    page(tmp_path / "zh-Hans" / "ckd" / "index.html", "zh-Hans", "肾")  # 肾
    page(tmp_path / "search" / "zh-Hant" / "x.html", "zh-Hant", "不是頁面")
    assert indexed_words(tmp_path) == 5


def test_pagefind_time_is_split_into_adding_pages_and_writing_the_index(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for number in range(3):
        page(site / f"p{number}" / "index.html", "zh-Hant", f"第 {number} 頁：腎絲球過濾率")
    page(site / "zh-Hans" / "p" / "index.html", "zh-Hans", "另一种语言的页面")
    phases = pagefind_phases(site, tmp_path / "index")
    assert phases["adding_pages_s"] > 0 and phases["writing_index_s"] > 0
    entry = (tmp_path / "index" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"page_count":3' in entry  # the default language's pages only
