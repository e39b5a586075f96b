"""The parts of the parallel build that do not need a build: the merged sitemap and the choice
of the language that writes the site's 404 page (the shared staging: test_shared_staging.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from scripts.pages.parallel_build import ONLY_LANGUAGE, _merged_sitemap, cache_folder, only_language
from scripts.pages.site_config import NOT_FOUND_PAGE, not_found_page_in_default_language

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">')


def sitemap(*locs: str) -> str:
    return HEAD + "".join(f"\n    <url>\n        <loc>{loc}</loc>\n    </url>" for loc in locs) \
        + "\n</urlset>"


def test_sitemaps_of_two_processes_merge_as_one_process_writes_them() -> None:
    merged = _merged_sitemap(sitemap("/a/", "/b/"), sitemap("/zh-Hans/a/", "/zh-Hans/b/"))
    assert merged == sitemap("/a/", "/b/", "/zh-Hans/a/", "/zh-Hans/b/")


def test_only_language_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path) -> None:
    monkeypatch.delenv(ONLY_LANGUAGE, raising=False)
    assert only_language() is None
    assert cache_folder(tmp_path / "docs") == tmp_path / "cache"
    monkeypatch.setenv(ONLY_LANGUAGE, "zh-Hans")
    assert only_language() == "zh-Hans"
    assert cache_folder(tmp_path / "docs") == tmp_path / "cache" / "zh-Hans"
    monkeypatch.setenv(ONLY_LANGUAGE, "en")
    with pytest.raises(ValueError, match="zh-Hant"):
        only_language()


def test_only_the_default_language_writes_the_404_page() -> None:
    theme = SimpleNamespace(static_templates={NOT_FOUND_PAGE, "sitemap.xml"})
    i18n = SimpleNamespace(default_language="zh-Hant", current_language="zh-Hans")
    not_found_page_in_default_language(theme, i18n)
    assert theme.static_templates == {"sitemap.xml"}
    i18n.current_language = "zh-Hant"  # the next build of the same process (mkdocs serve)
    not_found_page_in_default_language(theme, i18n)
    assert theme.static_templates == {NOT_FOUND_PAGE, "sitemap.xml"}
