"""Tooltips, search query tables, language alternates, and the offline theme bundle."""

from __future__ import annotations

from pathlib import Path

from scripts.checks.vocabulary import vocabulary_problems
from scripts.conversion.glossary import load_glossary
from scripts.pages.offline_assets import localize_theme_scripts
from scripts.pages.site_config import alternate_urls, nav_labels
from scripts.pages.tooltips import add_term_tooltips
from scripts.search.index import normalisation_table


def test_tooltip_on_first_use_only_and_not_in_code_or_headings() -> None:
    html = ("<h2>腎絲球</h2><p>腎絲球會過濾血液，腎絲球很小。</p>"
            "<pre><code>肌酸酐</code></pre><p>肌酸酐上升（eGFR 下降）。</p>")
    out = add_term_tooltips(html, "zh-Hant")
    assert out.count('class="shenzhi-term"') == 3
    assert "<h2>腎絲球</h2>" in out
    assert "<code>肌酸酐</code>" in out
    assert out.index("shenzhi-term") > out.index("<p>")
    assert ">eGFR</abbr>" in out


def test_tooltip_matches_inside_chinese_text_and_in_simplified() -> None:
    out = add_term_tooltips("<p>检查肌酐和GFR的变化</p>", "zh-Hans")
    assert ">肌酐</abbr>" in out and ">GFR</abbr>" in out


def test_query_table_maps_other_script_and_region() -> None:
    table = normalisation_table("zh-Hant", load_glossary(), set("肾检查"))
    assert table["phrases"]["肌酐"] == "肌酸酐"
    assert table["phrases"]["肾小球"] == "腎絲球"
    assert table["phrases"]["腎小球"] == "腎絲球"  # mainland word typed in Traditional
    assert table["chars"]["肾"] == "腎"
    back = normalisation_table("zh-Hans", load_glossary(), set("腎"))
    assert back["phrases"]["肌酸酐"] == "肌酐" and back["chars"]["腎"] == "肾"


def test_alternates_are_absolute_for_both_languages() -> None:
    urls = alternate_urls("zh-Hans/ckd/basics/", "https://x.github.io/shenzhi/")
    assert urls == {"zh-Hant": "https://x.github.io/shenzhi/ckd/basics/",
                    "zh-Hans": "https://x.github.io/shenzhi/zh-Hans/ckd/basics/",
                    "x-default": "https://x.github.io/shenzhi/ckd/basics/"}


def test_nav_labels_are_collected() -> None:
    nav = [{"首頁": "index.md"}, {"間質幹細胞": ["msc/a.md", {"子": "b.md"}]}]
    assert nav_labels(nav) == ["首頁", "間質幹細胞", "子"]


def test_theme_bundle_is_made_offline(tmp_path: Path) -> None:
    bundle = tmp_path / "assets" / "javascripts" / "bundle.abc.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text('a("https://unpkg.com/resize-observer-polyfill");'
                      'b("https://unpkg.com/mermaid@11/dist/mermaid.min.js");'
                      'c(M("link[rel=alternate]"))', encoding="utf-8")
    replaced = localize_theme_scripts(tmp_path, "/shenzhi/")
    text = bundle.read_text(encoding="utf-8")
    assert "unpkg" not in text and len(replaced) == 3
    assert "/shenzhi/assets/js/vendor/resize-observer-shim.js" in text
    assert 'M("link[rel=alternate]")' not in text


def test_vocabulary_check_reports_page_line_and_expected_form() -> None:
    page = "---\ntitle: x\n---\n\n血清肌酐偏高。\n\n`肌酐` 在程式碼裡沒關係。-{肌酐}-也可以。\n"
    problems = vocabulary_problems(page, "zh-Hant", "docs/x.zh-Hant.md")
    assert len(problems) == 1
    assert problems[0].line == 5
    assert "肌酸酐" in problems[0].hint
    hans = vocabulary_problems("肾丝球会过滤血液。\n", "zh-Hans", "docs/y.zh-Hans.md")
    assert hans and "肾小球" in hans[0].hint


def test_no_tooltips_in_disclaimer_or_nested_skipped_elements() -> None:
    html = ('<div class="admonition note shenzhi-disclaimer"><p>腎絲球</p><div>肌酸酐</div></div>'
            "<p>腎絲球和<a>肌酸酐<b>x</b></a>肌酸酐</p>")
    out = add_term_tooltips(html, "zh-Hant")
    assert out.index("shenzhi-term") > out.index("</div></div>")
    assert out.count('class="shenzhi-term"') == 2
    assert "<a>肌酸酐<b>x</b></a><abbr" in out


def test_tooltip_abbreviations_only_as_whole_words_and_never_inside_tags() -> None:
    html = ('<p title="腎絲球 GFR"><a href="/x/GFR">GFR</a>mGFRs 與 GFR、腎絲球</p>')
    out = add_term_tooltips(html, "zh-Hant")
    assert '<p title="腎絲球 GFR"><a href="/x/GFR">GFR</a>mGFRs 與 <abbr' in out
    assert ">GFR</abbr>" in out and ">腎絲球</abbr>" in out
    assert "\ue020" not in out and "\ue021" not in out  # no private-use mark leaks


def test_tooltips_leave_a_page_without_terms_unchanged() -> None:
    html = "<p>今天天氣很好。</p><svg><text>腎絲球</text></svg>"
    assert add_term_tooltips(html, "zh-Hant") == html


def test_everyday_words_get_no_tooltip() -> None:
    out = add_term_tooltips("<p>到醫院請醫師檢查腎絲球。</p>", "zh-Hant")
    assert out.count('class="shenzhi-term"') == 1 and ">腎絲球</abbr>" in out


def test_glossary_page_indexes_only_the_readers_terms() -> None:
    import re

    from scripts.conversion.convert import convert_text
    from scripts.directives import DirectiveContext
    from scripts.pages.glossary_page import render_glossary_table

    table = render_glossary_table(DirectiveContext("zh-Hant", "glossary.md", convert_text))
    row = re.search(r'<tr id="term-glomerulus">.*?</tr>', table).group(0)
    assert '<th scope="row" lang="zh-Hant">腎絲球' in row
    # The mainland form and the definition are shown but kept out of the search fragment.
    assert re.search(r'<td lang="zh-Hans" data-pagefind-ignore>肾小球', row)
    assert row.count("data-pagefind-ignore") == 2


def test_template_bytecode_cache_reuses_and_rechecks_source() -> None:
    from jinja2 import DictLoader, Environment

    from scripts.pages.template_cache import MemoryBytecodeCache

    cache = MemoryBytecodeCache()
    sources = {"t.html": "{{ 1 + 1 }}"}
    first = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert first.get_template("t.html").render() == "2"
    assert len(cache._code) == 1  # compiled once, kept
    sources["t.html"] = "{{ 2 + 2 }}"  # an edited template must not come from the cache
    second = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert second.get_template("t.html").render() == "4"


def test_no_tooltip_inside_names_titles_or_compounds() -> None:
    """Found by re-reading the built pages: a tooltip split a name or explained the wrong word."""
    cases = {
        "<p>Riordan NH, Ambrozic RA, Paz-Rodríguez J</p>": "RA",
        "<p>出版社 BP International 出版</p>": "BP",
        "<p>用 CKD-EPI 2021 公式</p>": "CKD",
        "<p>FIDELIO-DKD 試驗</p>": "DKD",
        "<p>《特定醫療技術檢查檢驗醫療儀器施行或使用管理辦法》</p>": "檢驗",
    }
    for html_text, word in cases.items():
        assert f">{word}</abbr>" not in add_term_tooltips(html_text, "zh-Hant"), html_text
    assert ">CKD</abbr>" in add_term_tooltips("<p>CKD 病人</p>", "zh-Hant")  # a word of its own


def test_heading_link_title_in_the_pages_script() -> None:
    from scripts.pages.site_config import localized_permalinks

    html = '<h2 id="a">標題<a class="headerlink" href="#a" title="本節連結">¶</a></h2>'
    assert 'title="本节链接"' in localized_permalinks(html, "本節連結", "zh-Hans")
    assert localized_permalinks(html, "本節連結", "zh-Hant") == html


def test_glossary_category_page_shows_only_its_category_and_rejects_unknown_ones() -> None:
    import pytest

    from scripts.conversion.convert import convert_text
    from scripts.directives import DirectiveContext
    from scripts.pages.glossary_page import render_glossary_table
    from scripts.problems import ContentError

    def table(category: str) -> str:
        return render_glossary_table(DirectiveContext(
            "zh-Hant", f"glossary/{category}.md", convert_text,
            page_meta={"glossary_category": category}))

    labs = table("lab")
    assert 'id="term-glomerulus"' not in labs and 'id="term-glomerulus"' in table("anatomy")
    assert labs.count("<table") == 1 and "## " not in labs  # one table, no category headings
    with pytest.raises(ContentError, match="unknown glossary_category 'labs'"):
        table("labs")
