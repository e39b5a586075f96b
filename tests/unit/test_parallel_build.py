"""The parts of the parallel build that do not need a build: the merged sitemap, the choice
of the language that writes the site's 404 page, and the pipe through which the staging child
tells the other that the pages are staged."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts.pages import parallel_build
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


def test_the_waiting_child_goes_on_once_the_pages_are_staged(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    source, staging = tmp_path / "docs", tmp_path / ".staging" / "docs"
    source.mkdir()
    (source / "index.zh-Hant.md").write_text(
        "---\ntitle: 首頁\ndescription: 說明\nreviewed: 2026-01-01\nnext_review: 2027-01-01\n"
        "sources:\n  - title: Example\n    url: https://doi.org/10.1000/x\n    evidence: rct\n"
        "---\n腎絲球過濾率。\n", encoding="utf-8")
    read_end, write_end = os.pipe()
    os.set_blocking(read_end, False)  # an empty pipe fails the test rather than hanging it
    monkeypatch.setenv(parallel_build.STAGED_WRITE_FD, str(write_end))
    monkeypatch.setenv(parallel_build.STAGED_READ_FD, str(read_end))
    assert parallel_build.stages_for_both()
    parallel_build.stage_for_both(source, staging, tmp_path)
    assert "肾小球滤过率" in (staging / "index.zh-Hans.md").read_text(encoding="utf-8")
    parallel_build.wait_for_staging()  # would block if nothing had been written
    assert parallel_build.STAGED_READ_FD not in os.environ
    parallel_build.wait_for_staging()  # later calls (another on_config) return at once


def test_the_waiting_child_stops_when_staging_fails(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    source = tmp_path / "docs"
    source.mkdir()
    (source / "index.md").write_text("# 沒有語言後綴\n", encoding="utf-8")
    read_end, write_end = os.pipe()
    monkeypatch.setenv(parallel_build.STAGED_WRITE_FD, str(write_end))
    monkeypatch.setenv(parallel_build.STAGED_READ_FD, str(read_end))
    with pytest.raises(parallel_build.ContentError, match="no script suffix"):
        parallel_build.stage_for_both(source, tmp_path / ".staging" / "docs", tmp_path)
    os.close(write_end)  # what the staging child's exit does
    with pytest.raises(parallel_build.StagingFailed):
        parallel_build.wait_for_staging()
