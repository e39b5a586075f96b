"""The real site, built strictly: both language trees complete and each in its own script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.conversion.script_chars import foreign_in
from tests.html_text import read_page

pytestmark = pytest.mark.integration

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGE = re.compile(r"^(?P<stem>.+)\.(?:zh-Hant|zh-Hans)\.md$")
def page_urls() -> list[str]:
    """Every page written in docs/, as its URL path relative to a language root."""
    out = set()
    for path in DOCS.rglob("*.md"):
        stem = PAGE.match(path.name).group("stem")
        rel = path.parent.relative_to(DOCS) / stem
        rel_posix = rel.as_posix()
        if rel_posix == "index":
            out.add("")
        elif rel_posix.endswith("/index"):
            out.add(rel_posix[: -len("index")])
        else:
            out.add(rel_posix + "/")
    return sorted(out)


def built_file(site_dir: Path, lang: str, url: str) -> Path:
    prefix = "" if lang == "zh-Hant" else "zh-Hans/"
    return site_dir / f"{prefix}{url}index.html"


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_every_page_exists_in_both_trees(site_dir: Path, lang: str) -> None:
    urls = page_urls()
    assert len(urls) >= 3
    missing = [url for url in urls if not built_file(site_dir, lang, url).is_file()]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_html_lang_and_script_of_every_page(site_dir: Path, lang: str) -> None:
    for url in page_urls():
        page = read_page(built_file(site_dir, lang, url).read_text(encoding="utf-8"))
        assert page.lang == lang, url
        stray = foreign_in(page.text, lang)
        assert stray == [], f"{lang} page /{url} shows characters of the other script: {stray}"


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_disclaimer_on_every_content_page(site_dir: Path, lang: str) -> None:
    for url in page_urls():
        html = built_file(site_dir, lang, url).read_text(encoding="utf-8")
        kind = re.search(r'<html data-kind="([a-z-]+)"', html)
        assert kind, url
        assert html.count("shenzhi-disclaimer") == 1, url
        assert 'class="shenzhi-sources"' in html, url


def test_hand_written_text_is_not_reconverted(site_dir: Path) -> None:
    # The home page is written in zh-Hant; its zh-Hant build is the editor's text.
    source = next(DOCS.glob("index.zh-Hant.md")).read_text(encoding="utf-8")
    title = re.search(r"^title:\s*(.+)$", source, re.MULTILINE).group(1).strip()
    html = built_file(site_dir, "zh-Hant", "").read_text(encoding="utf-8")
    assert title in html


def test_no_external_resources(site_dir: Path) -> None:
    """No page loads anything from another host (links to sources are fine: <a href>)."""
    offenders = []
    for path in site_dir.rglob("*.html"):
        page = read_page(path.read_text(encoding="utf-8"))
        for tag, attribute, value in page.urls:
            if tag == "a" or (tag == "link" and attribute == "href" and "canonical" in value):
                continue
            if re.match(r"^(https?:)?//", value) and "127.0.0.1" not in value:
                offenders.append(f"{path.relative_to(site_dir)}: <{tag} {attribute}={value}>")
    for path in list(site_dir.rglob("*.css")) + list(site_dir.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net",
                     "google-analytics.com", "googletagmanager.com"):
            if host in text and "/material/" not in path.as_posix():
                offenders.append(f"{path.relative_to(site_dir)} mentions {host}")
    assert offenders == []


def test_no_generator_link_or_google_fonts(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html
    assert "squidfunk.github.io" not in html


@pytest.mark.parametrize("lang,name", [("zh-Hant", "腎知"), ("zh-Hans", "肾知")])
def test_site_name_per_language(site_dir: Path, lang: str, name: str) -> None:
    html = built_file(site_dir, lang, "").read_text(encoding="utf-8")
    assert "<title>" in html and name in html.split("</title>")[0]


def test_not_found_page_in_both_scripts(site_dir: Path) -> None:
    html = (site_dir / "404.html").read_text(encoding="utf-8")
    assert "找不到" in html and "/shenzhi/zh-Hans/" in html


def test_case_reports_reached_through_the_index_not_the_sidebar(site_dir: Path) -> None:
    cases = sorted(p.name.split(".")[0] for p in (DOCS / "case-reports").glob("*.md")
                   if not p.name.startswith("index."))
    assert len(cases) >= 5
    home = (site_dir / "ckd" / "basics" / "index.html").read_text(encoding="utf-8")
    sidebar = home.split('md-sidebar--primary', 1)[1].split('md-sidebar--secondary', 1)[0]
    assert "case-reports/" in sidebar
    assert not [c for c in cases if f"case-reports/{c}/" in sidebar]
    index = (site_dir / "case-reports" / "index.html").read_text(encoding="utf-8")
    assert [c for c in cases if f"{c}/" not in index] == []


def test_the_site_404_page_is_in_the_default_language(site_dir: Path) -> None:
    """GitHub Pages answers every missing address with the root's 404.html: it is the zh-Hant
    page (each language's build used to write it, and the last one, zh-Hans, won)."""
    page = (site_dir / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hant"' in page
    assert not (site_dir / "zh-Hans" / "404.html").exists()
