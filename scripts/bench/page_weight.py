"""What a reader downloads: a typical article page, and the first search, measured in Chromium
and counted gzipped (as GitHub Pages serves them)."""

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


def reader_downloads(site_dir: Path, port: int, page_path: str = "ckd/basics/",
                     query: str = "腎絲球") -> dict[str, dict[str, int]]:
    """Gzipped bytes per kind for loading `page_path`, then for the first search."""
    from playwright.sync_api import sync_playwright

    from scripts.testing.browser import FLAGS, executable_path

    site = serve(site_dir, port)
    phase = {"name": "page"}
    totals: dict[str, dict[str, int]] = {"page": {}, "first_search": {}}

    def record(response) -> None:
        try:
            body = response.body()
        except Exception:
            return
        kind = _kind(response.url, response.headers.get("content-type", ""))
        bucket = totals[phase["name"]]
        bucket[kind] = bucket.get(kind, 0) + _gz(body)

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable_path(), args=FLAGS)
            page = browser.new_page()
            page.on("response", record)
            page.goto(site.base_url + page_path)
            page.wait_for_load_state("networkidle")
            phase["name"] = "first_search"
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
