"""What a reader downloads: one page of every kind, and the first search, measured in Chromium
with an empty cache and counted gzipped (as GitHub Pages serves them)."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

from scripts.testing.local_site import serve


def _gz(body: bytes) -> int:
    return len(gzip.compress(body, 6))


def _kind(url: str, content_type: str) -> str:
    path = urlsplit(url).path
    for kind, endings in (("css", (".css",)), ("js", (".js", ".mjs")),
                          ("font", (".woff", ".woff2", ".ttf", ".otf"))):
        if path.endswith(endings):
            return kind
    return "html" if "html" in content_type else "search-data" if "/search/" in path else "other"


# One page of every kind the site has (the largest where a kind has several), relative to the
# site root; the budget applies to each before any search.
PAGE_KINDS = {
    "home": "",
    "article": "ckd/basics/",
    "article (zh-Hans)": "zh-Hans/ckd/basics/",
    "case report": "case-reports/riordan-2022/",
    "case index": "case-reports/",
    "tool": "tools/egfr/",
    "glossary index": "glossary/",
    "glossary category (largest)": "glossary/disease/",
    "editors' guide": "editors/guide/",
}


def reader_downloads(site_dir: Path, port: int, pages: dict[str, str] | None = None,
                     search_page: str = "ckd/basics/", query: str = "腎絲球"
                     ) -> dict[str, dict[str, int]]:
    """Gzipped bytes per kind of resource for loading each page of `pages` (name -> path) with
    an empty cache, and for the first search from `search_page` (key "first_search")."""
    from playwright.sync_api import sync_playwright

    from scripts.testing.browser import FLAGS, executable_path

    site = serve(site_dir, port)
    totals: dict[str, dict[str, int]] = {}

    def recorder(bucket: dict[str, int]):
        def record(response) -> None:
            try:
                body = response.body()
            except Exception:
                return
            kind = _kind(response.url, response.headers.get("content-type", ""))
            bucket[kind] = bucket.get(kind, 0) + _gz(body)
        return record

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable_path(), args=FLAGS)
            for name, path in (pages or PAGE_KINDS).items():
                context = browser.new_context()  # a fresh context: nothing cached
                page = context.new_page()
                page.on("response", recorder(totals.setdefault(name, {})))
                page.goto(site.base_url + path)
                page.wait_for_load_state("networkidle")
                context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(site.base_url + search_page)
            page.wait_for_load_state("networkidle")
            page.on("response", recorder(totals.setdefault("first_search", {})))
            page.click(".shenzhi-search__open")
            page.fill("#shenzhi-search-input", query)
            page.wait_for_selector(".shenzhi-search__results li")
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        site.stop()
    for bucket in totals.values():
        bucket["total"] = sum(bucket.values())
    return totals


def search_data_per_language(site_dir: Path) -> dict[str, int]:
    """Gzipped bytes of everything under search/<lang>/ (what a reader could ever download)."""
    return {lang.name: sum(_gz(p.read_bytes()) for p in lang.rglob("*") if p.is_file())
            for lang in sorted((site_dir / "search").iterdir()) if lang.is_dir()}
