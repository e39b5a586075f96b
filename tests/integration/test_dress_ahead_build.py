"""A cold build whose pages a worker dressed ahead of MkDocs is the build that dressed them all in
line, byte for byte (scripts/pages/dress_ahead.py)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from scripts.bench.synthetic import make_site
from scripts.pages import build_page, dress_ahead
from scripts.testing.site_digest import differences, file_digests


def cold_build(project: Path, site: Path) -> None:
    shutil.rmtree(project / ".staging" / "cache", ignore_errors=True)
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True))


def test_pages_dressed_ahead_equal_pages_dressed_in_line(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_site(tmp_path / "project", 12)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SHENZHI_NO_CACHE", raising=False)  # the worker serves a cached build
    monkeypatch.chdir(project)
    monkeypatch.setattr(dress_ahead, "IN_LINE_FIRST", 10**6)  # never: every page in line
    cold_build(project, tmp_path / "in-line")

    monkeypatch.setattr(dress_ahead, "IN_LINE_FIRST", 1)
    monkeypatch.setattr(dress_ahead, "MIN_LEFT", 1)
    taken: list[str] = []
    take = dress_ahead.DressAhead.take

    def counted(self: dress_ahead.DressAhead, src_uri: str, key: str) -> object:
        stored = take(self, src_uri, key)
        if stored is not None:
            taken.append(src_uri)
        return stored

    monkeypatch.setattr(dress_ahead.DressAhead, "take", counted)
    dress = build_page.dress

    def slow_dress(*args: object) -> str:  # in this process only: the worker has its own
        time.sleep(0.05)
        return dress(*args)

    monkeypatch.setattr(build_page, "dress", slow_dress)
    cold_build(project, tmp_path / "ahead")
    pages = len(list((tmp_path / "ahead").rglob("index.html")))
    # Most pages came from the worker (not the first, not pages listing others, not those
    # MkDocs reached first), in both languages.
    assert len(taken) > pages / 4, (len(taken), pages)
    assert {name.rsplit(".", 2)[1] for name in taken} == {"zh-Hant", "zh-Hans"}
    assert differences(file_digests(tmp_path / "in-line"), file_digests(tmp_path / "ahead")) == []
