"""The children of the parallel build stage a share of the pages each; the first reports every
problem and tells the others when the pages are staged (scripts/pages/shared_staging.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.pages import shared_staging
from scripts.pages.staging import Share
from scripts.problems import ContentError

PAGE = ("---\ntitle: 標題\ndescription: 說明\nreviewed: 2026-01-01\nnext_review: 2027-01-01\n"
        "sources:\n  - title: Example\n    url: https://doi.org/10.1000/x\n    evidence: rct\n"
        "---\n腎絲球過濾率。\n")


def name_in_share(index: int, stem: str, suffix: str = ".zh-Hant.md") -> str:
    """A page name whose file falls in share `index` of two."""
    for number in range(100):
        name = f"{stem}{number}{suffix}"
        if Share(index, 2).holds(name):
            return name
    raise AssertionError("no name found")


def as_child(monkeypatch: pytest.MonkeyPatch, ends: dict[str, int]) -> None:
    for name in (shared_staging.SHARE_READ_FD, shared_staging.SHARE_WRITE_FD,
                 shared_staging.STAGED_READ_FD, shared_staging.STAGED_WRITE_FD):
        monkeypatch.delenv(name, raising=False)
    for name, descriptor in ends.items():
        monkeypatch.setenv(name, str(descriptor))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    source = tmp_path / "docs"
    source.mkdir()
    return source


def test_two_shares_stage_every_page_and_stale_files_go(monkeypatch: pytest.MonkeyPatch,
                                                        docs: Path, tmp_path: Path) -> None:
    first_page, second_page = name_in_share(0, "a"), name_in_share(1, "b")
    for name in (first_page, second_page):
        (docs / name).write_text(PAGE, encoding="utf-8")
    staging = tmp_path / ".staging" / "docs"
    (staging / "old").mkdir(parents=True)
    (staging / "old" / "gone.zh-Hant.md").write_text("stale", encoding="utf-8")
    (first, second), _ = shared_staging.pipes_for_children(2)
    os.set_blocking(second[shared_staging.STAGED_READ_FD], False)  # fail, never hang
    as_child(monkeypatch, second)
    shared_staging.stage_this_share(docs, staging, tmp_path)
    # The second child staged only its own share, and removed nothing.
    assert (staging / second_page.replace("zh-Hant", "zh-Hans")).is_file()
    assert not (staging / first_page).exists()
    assert (staging / "old" / "gone.zh-Hant.md").exists()
    as_child(monkeypatch, first)
    shared_staging.stage_this_share(docs, staging, tmp_path)
    for name in (first_page, second_page):
        assert (staging / name).is_file()
        converted = (staging / name.replace("zh-Hant", "zh-Hans")).read_text(encoding="utf-8")
        assert "肾小球滤过率" in converted
    assert not (staging / "old").exists()
    as_child(monkeypatch, second)
    shared_staging.wait_until_staged()  # would raise BlockingIOError had nothing been written
    assert shared_staging.STAGED_READ_FD not in os.environ
    shared_staging.wait_until_staged()  # later calls (another on_config) return at once


def test_the_first_child_reports_both_shares_problems_at_once(
        monkeypatch: pytest.MonkeyPatch, docs: Path, tmp_path: Path) -> None:
    first_bad, second_bad = name_in_share(0, "a", ".md"), name_in_share(1, "b", ".md")
    for name in (first_bad, second_bad):
        (docs / name).write_text(PAGE, encoding="utf-8")
    staging = tmp_path / ".staging" / "docs"
    (first, second), _ = shared_staging.pipes_for_children(2)
    as_child(monkeypatch, second)
    shared_staging.stage_this_share(docs, staging, tmp_path)  # reports nothing itself
    as_child(monkeypatch, first)
    with pytest.raises(ContentError) as raised:
        shared_staging.stage_this_share(docs, staging, tmp_path)
    paths = [problem.path for problem in raised.value.problems]
    assert paths == sorted([f"docs/{first_bad}", f"docs/{second_bad}"])
    assert "2 problems" in str(raised.value)
    os.close(first[shared_staging.STAGED_WRITE_FD])  # never written: the build stops here
    os.close(second[shared_staging.STAGED_READ_FD])


def test_a_child_stops_when_the_other_stopped_first(monkeypatch: pytest.MonkeyPatch,
                                                    docs: Path, tmp_path: Path) -> None:
    (docs / name_in_share(0, "a")).write_text(PAGE, encoding="utf-8")
    staging = tmp_path / ".staging" / "docs"
    (first, second), _ = shared_staging.pipes_for_children(2)
    os.close(second[shared_staging.SHARE_WRITE_FD])  # the second child exited, sending nothing
    as_child(monkeypatch, first)
    with pytest.raises(shared_staging.StagingFailed):
        shared_staging.stage_this_share(docs, staging, tmp_path)
    os.close(first[shared_staging.STAGED_WRITE_FD])  # the first child exits
    as_child(monkeypatch, second)
    with pytest.raises(shared_staging.StagingFailed):
        shared_staging.wait_until_staged()


def test_outside_the_parallel_build_nothing_happens(monkeypatch: pytest.MonkeyPatch,
                                                    docs: Path, tmp_path: Path) -> None:
    (docs / "index.zh-Hant.md").write_text(PAGE, encoding="utf-8")
    as_child(monkeypatch, {})
    shared_staging.stage_this_share(docs, tmp_path / ".staging" / "docs", tmp_path)
    shared_staging.wait_until_staged()
    assert not (tmp_path / ".staging").exists()
