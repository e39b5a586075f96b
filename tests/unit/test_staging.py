"""Staging: every page in both scripts, hand-written counterparts win, editors get clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.pages.staging import editor_path, source_dir_for, stage, staging_dir_for

PAGE = """---
title: {title}
description: 说明
reviewed: 2026-01-01
next_review: 2027-01-01
sources:
  - title: Example
    url: https://doi.org/10.1000/x
    evidence: rct
---
{body}
"""


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    write(root / "index.zh-Hans.md", PAGE.format(title="肾小球", body="肾小球过滤血液。"))
    write(root / "ckd" / "basics.zh-Hant.md", PAGE.format(title="腎絲球", body="腎絲球過濾。"))
    write(root / "assets" / "x.css", "a{}")
    return root


def test_both_scripts_staged(docs: Path) -> None:
    staging = staging_dir_for(docs)
    result = stage(docs, staging)
    assert result.problems == []
    assert (staging / "index.zh-Hant.md").read_text(encoding="utf-8").count("腎絲球") == 2
    assert "肾小球过滤血液" in (staging / "index.zh-Hans.md").read_text(encoding="utf-8")
    assert "肾小球过滤" in (staging / "ckd" / "basics.zh-Hans.md").read_text(encoding="utf-8")
    assert (staging / "assets" / "x.css").read_text() == "a{}"
    converted = (staging / "index.zh-Hant.md").read_text(encoding="utf-8")
    assert "converted_from: docs/index.zh-Hans.md" in converted


def test_hand_written_counterpart_wins(docs: Path) -> None:
    write(docs / "index.zh-Hant.md", PAGE.format(title="手寫", body="編輯親手寫的版本。"))
    staging = staging_dir_for(docs)
    stage(docs, staging)
    text = (staging / "index.zh-Hant.md").read_text(encoding="utf-8")
    assert "編輯親手寫的版本" in text and "converted_from" not in text


def test_only_changed_files_are_written_and_stale_ones_removed(docs: Path) -> None:
    staging = staging_dir_for(docs)
    first = stage(docs, staging)
    assert len(first.written) == 5
    again = stage(docs, staging)
    assert again.written == [] and again.unchanged == 5
    (docs / "ckd" / "basics.zh-Hant.md").unlink()
    stage(docs, staging)
    assert not (staging / "ckd").exists()


def test_source_and_staging_paths_round_trip(docs: Path) -> None:
    staging = staging_dir_for(docs)
    assert source_dir_for(staging) == docs
    assert source_dir_for(docs) == docs
    stage(docs, staging)
    assert editor_path("index.zh-Hant.md", docs) == "docs/index.zh-Hans.md (converted to zh-Hant)"
    assert editor_path("index.zh-Hans.md", docs) == "docs/index.zh-Hans.md"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("bad-yaml.zh-Hant.md", "---\ntitle: [unclosed\ndescription: x\n---\n",
         "docs/bad-yaml.zh-Hant.md:3: front matter is not valid YAML"),
        ("kind.zh-Hant.md",
         PAGE.format(title="x", body="y").replace("title: x", "kind: blog\ntitle: x"),
         "docs/kind.zh-Hant.md:2 [kind]: unknown kind 'blog'"),
        ("latin1.zh-Hant.md", "---\ntitle: x\n---\n\ncaf\xe9".encode("latin-1"),
         "docs/latin1.zh-Hant.md:5: not UTF-8 text"),
        ("nosuffix.md", "x", "docs/nosuffix.md: page name has no script suffix"),
        ("marker.zh-Hans.md", PAGE.format(title="x", body="a\n-{zh-Hans:b}-"),
         "docs/marker.zh-Hans.md:12: -{zh-Hans:b}- has no zh-Hant text"),
        ("future.zh-Hant.md", PAGE.format(title="x", body="y").replace("2026-01-01", "2999-01-01"),
         "docs/future.zh-Hant.md:4 [reviewed]: reviewed date 2999-01-01 is in the future"),
        ("nosource.zh-Hant.md", "---\ntitle: x\ndescription: y\nreviewed: 2026-01-01\n---\n",
         "docs/nosource.zh-Hant.md [sources]: no sources"),
    ],
)
def test_bad_input_names_file_line_and_field(docs: Path, name: str, content: str | bytes,
                                             expected: str) -> None:
    write(docs / name, content)
    problems = [str(p) for p in stage(docs, staging_dir_for(docs)).problems]
    assert any(p.startswith(expected) for p in problems), problems
    assert all(".staging" not in p for p in problems)


def test_all_problems_reported_at_once(docs: Path) -> None:
    write(docs / "a.zh-Hant.md", "---\ntitle: [\n---\n")
    write(docs / "b.md", "x")
    write(docs / "c.zh-Hans.md", "---\nkind: nope\n---\n")
    problems = stage(docs, staging_dir_for(docs)).problems
    files = {p.path for p in problems}
    assert {"docs/a.zh-Hant.md", "docs/b.md", "docs/c.zh-Hans.md"} <= files


def test_folder_defaults_apply(docs: Path) -> None:
    write(docs / "cases" / ".meta.yml", "kind: tool\n")
    write(docs / "cases" / "a.zh-Hant.md", PAGE.format(title="x", body="y"))
    assert stage(docs, staging_dir_for(docs)).problems == []
    from scripts.pages.defaults import with_defaults

    assert with_defaults({}, docs, "cases/a.zh-Hant.md")["kind"] == "tool"
    assert with_defaults({"kind": "article"}, docs, "cases/a.zh-Hant.md")["kind"] == "article"
