"""Issue 6: what a reader does, in real Chromium, against the site served under /shenzhi/."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import external_requests

PAGES = {  # page type -> URL path under a language root
    "home": "",
    "article": "ckd/lab-report/",
    "case-report": "case-reports/suzuki-2021/",
    "case-index": "case-reports/",
    "tool": "tools/egfr/",
    "glossary": "glossary/",
}
ROOTS = {"zh-Hant": "", "zh-Hans": "zh-Hans/"}


def url(site_base: str, lang: str, path: str) -> str:
    return f"{site_base}{ROOTS[lang]}{path}"


def search(page: Page, query: str) -> list[str]:
    """Type `query` in the search dialog; return the result URLs."""
    page.click(".shenzhi-search__open")
    page.fill("#shenzhi-search-input", query)
    page.wait_for_function(
        "() => { const s = document.querySelector('.shenzhi-search__status');"
        " return s.textContent && s.textContent !== s.dataset.loading; }")
    return [a.get_attribute("href") for a in page.query_selector_all(".shenzhi-search__results a")]


@pytest.mark.parametrize(("lang", "query", "expected"), [
    ("zh-Hant", "腎絲球", "ckd/basics/"),          # a word inside sentences
    ("zh-Hant", "eGFR", "tools/egfr/"),            # Latin inside full-width brackets
    ("zh-Hant", "肌酐", "ckd/lab-report/"),         # the mainland word on the Taiwan site
    ("zh-Hant", "肾小球", "ckd/basics/"),           # mainland word in Simplified script
    ("zh-Hans", "肾小球", "ckd/basics/"),
    ("zh-Hans", "肌酸酐", "ckd/lab-report/"),       # the Taiwan word on the mainland site
    ("zh-Hans", "間質幹細胞", "msc/what-are-mscs/"),  # Traditional script on the mainland site
])
def test_search_finds_pages_in_the_readers_language(page: Page, site_base: str, lang: str,
                                                     query: str, expected: str) -> None:
    page.goto(url(site_base, lang, ""))
    results = search(page, query)
    assert any(r.endswith(f"/shenzhi/{ROOTS[lang]}{expected}") for r in results), results
    in_hans = [r for r in results if "/shenzhi/zh-Hans/" in r]
    assert in_hans == (results if lang == "zh-Hans" else [])


def test_page_view_does_not_download_search_until_asked(page: Page, site_base: str,
                                                        request_log: list[str]) -> None:
    page.goto(url(site_base, "zh-Hant", "ckd/basics/"))
    page.wait_for_load_state("networkidle")
    assert not [r for r in request_log if "/search/" in r]
    search(page, "透析")
    assert [r for r in request_log if "/search/zh-Hant/pagefind" in r]


@pytest.mark.parametrize(("start", "other"), [("zh-Hant", "zh-Hans"), ("zh-Hans", "zh-Hant")])
def test_language_switch_keeps_page_and_section(page: Page, site_base: str, start: str,
                                                other: str) -> None:
    page.goto(url(site_base, start, "ckd/lab-report/") + "#sources")
    page.click(".md-select .md-header__button")
    page.click(f'a.md-select__link[hreflang="{other}"]')
    page.wait_for_url(re.compile(re.escape(url(site_base, other, "ckd/lab-report/")) + "#sources$"))
    assert page.evaluate("document.documentElement.lang") == other


def test_language_choice_is_remembered(page: Page, site_base: str) -> None:
    page.goto(url(site_base, "zh-Hant", "msc/safety/"))
    page.click(".md-select .md-header__button")
    page.click('a.md-select__link[hreflang="zh-Hans"]')
    page.wait_for_url(url(site_base, "zh-Hans", "msc/safety/"))
    # Arriving later on a Traditional page (as from a shared link) follows the choice.
    page.goto(url(site_base, "zh-Hant", "ckd/basics/") + "#what-is-ckd")
    page.wait_for_url(url(site_base, "zh-Hans", "ckd/basics/") + "#what-is-ckd")


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_terms_explained_on_first_use(page: Page, site_base: str, lang: str) -> None:
    page.goto(url(site_base, lang, "ckd/lab-report/"))
    terms = page.eval_on_selector_all(
        "article abbr.shenzhi-term", "els => els.map(e => [e.textContent, e.title])")
    assert len(terms) >= 5
    words = [word for word, _ in terms]
    assert "eGFR" in words or "GFR" in words
    assert all(title and "：" in title for _, title in terms)
    titles = [title for _, title in terms]
    assert len(titles) == len(set(titles)), "a term is explained more than once on a page"


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_print_shows_article_references_date_and_disclaimer_only(page: Page, site_base: str,
                                                                 lang: str) -> None:
    page.goto(url(site_base, lang, "msc/evidence/"))
    page.emulate_media(media="print")
    visible = page.evaluate("""() => {
        const shown = s => { const e = document.querySelector(s);
                             return !!e && getComputedStyle(e).display !== 'none'
                                    && e.getBoundingClientRect().height > 0; };
        return {article: shown('article'), sources: shown('.shenzhi-sources'),
                reviewed: shown('.shenzhi-reviewed'), disclaimer: shown('.shenzhi-disclaimer'),
                header: shown('.md-header'), nav: shown('.md-sidebar--primary'),
                toc: shown('.md-sidebar--secondary'), footer: shown('.md-footer'),
                search: shown('.shenzhi-search')};
    }""")
    assert visible == {"article": True, "sources": True, "reviewed": True, "disclaimer": True,
                       "header": False, "nav": False, "toc": False, "footer": False,
                       "search": False}
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
@pytest.mark.parametrize("kind", sorted(PAGES))
def test_accessibility_and_phone_width(page: Page, site_base: str, lang: str, kind: str,
                                       request_log: list[str]) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(url(site_base, lang, PAGES[kind]))
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    serious = [f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"page is {width}px wide on a 375px screen"
    assert page.query_selector("a.md-skip") is not None
    assert external_requests(request_log) == []


def test_keyboard_focus_is_visible(page: Page, site_base: str) -> None:
    page.goto(url(site_base, "zh-Hant", "ckd/basics/"))
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_no_other_host_during_load_search_switch_and_print(page: Page, site_base: str,
                                                          request_log: list[str]) -> None:
    page.goto(url(site_base, "zh-Hant", "msc/mechanisms/"))
    search(page, "外泌體")
    page.keyboard.press("Escape")
    page.click(".md-select .md-header__button")
    page.click('a.md-select__link[hreflang="zh-Hans"]')
    page.wait_for_url(url(site_base, "zh-Hans", "msc/mechanisms/"))
    page.emulate_media(media="print")
    page.pdf()
    assert len(request_log) > 5
    assert external_requests(request_log) == []


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_sharing_and_search_engine_metadata(page: Page, site_base: str, site_dir: Path,
                                            lang: str) -> None:
    page.goto(url(site_base, lang, "ckd/basics/"))
    head = page.evaluate("""() => ({
        description: document.querySelector('meta[name=description]')?.content,
        canonical: document.querySelector('link[rel=canonical]')?.href,
        ogTitle: document.querySelector('meta[property="og:title"]')?.content,
        ogDescription: document.querySelector('meta[property="og:description"]')?.content,
        alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')]
                      .map(l => [l.hreflang, l.getAttribute('href')]),
    })""")
    assert head["description"] and head["description"] == head["ogDescription"]
    assert head["canonical"] == url(site_base, lang, "ckd/basics/")
    assert head["ogTitle"]
    assert dict(head["alternates"]) == {
        "zh-Hant": url(site_base, "zh-Hant", "ckd/basics/"),
        "zh-Hans": url(site_base, "zh-Hans", "ckd/basics/"),
        "x-default": url(site_base, "zh-Hant", "ckd/basics/"),
    }
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert url(site_base, "zh-Hans", "ckd/basics/") in sitemap


def test_search_data_is_split_by_language(site_dir: Path) -> None:
    for lang in ("zh-Hant", "zh-Hans"):
        entry = (site_dir / "search" / lang / "pagefind-entry.json").read_text(encoding="utf-8")
        assert list(json.loads(entry)["languages"]) == [lang.lower()]
