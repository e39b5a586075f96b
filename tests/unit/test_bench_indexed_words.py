"""The bench's count of indexed words: what Pagefind's time is divided by."""

from __future__ import annotations

from pathlib import Path

from scripts.bench.builds import indexed_words

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
