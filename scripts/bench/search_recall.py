"""Search recall for `make bench`: every glossary form through the site's own search in
Chromium, on both sites, against the pages whose text contains it (issue 16); and on the
largest synthetic site, a spread of forms each searched on a freshly loaded page (a large
index is where too few of a query's chunks were loaded)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from scripts import LANGUAGES
from scripts.testing.local_site import free_port, serve
from scripts.testing.search_recall import measure, measure_fresh

FRESH_QUERIES = 48  # forms per language on the large site, ~0.6 s each


def search_recall(site_dir: Path, fresh: bool = False) -> dict[str, dict]:
    """Per language: recall, the (query, page) pairs missed, extras and seconds taken; with
    `fresh`, for FRESH_QUERIES forms each on a page loaded afresh."""
    from playwright.sync_api import sync_playwright

    from scripts.testing.browser import FLAGS, executable_path

    site = serve(site_dir, free_port())
    figures: dict[str, dict] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable_path(), args=FLAGS)
            page = browser.new_page()
            for lang in LANGUAGES:
                result = (measure_fresh(page, site_dir, site.base_url, lang, FRESH_QUERIES)
                          if fresh else measure(page, site_dir, site.base_url, lang))
                figures[lang] = {**asdict(result), "recall": result.recall}
            browser.close()
    finally:
        site.stop()
    return figures
