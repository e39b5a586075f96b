"""The build is reproducible: building the same tree again gives the same bytes, with or without
the build cache. This is what lets `python -m scripts.testing.site_digest` show that a refactor
changed nothing in the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.testing.local_site import build_site
from scripts.testing.site_digest import differences, file_digests, site_digest


def test_second_build_is_byte_identical(site_dir: Path, site_base: str, tmp_path: Path) -> None:
    again = tmp_path / "site"
    result = build_site(again, site_base)
    if result.returncode != 0:
        pytest.fail(result.stderr)
    first, second = file_digests(site_dir), file_digests(again)
    assert differences(first, second) == []
    assert site_digest(first) == site_digest(second)
    assert len(first) > 100  # both languages' pages, assets and the search index


def test_build_from_the_cache_equals_a_build_without_it(site_dir: Path, site_base: str,
                                                         tmp_path: Path) -> None:
    """Every page step kept by scripts.build_cache gives what computing it afresh gives."""
    build_site(tmp_path / "warm", site_base)  # leaves every step of this tree in the cache
    uncached = tmp_path / "uncached"
    result = build_site(uncached, site_base, extra_env={"SHENZHI_NO_CACHE": "1"})
    if result.returncode != 0:
        pytest.fail(result.stderr)
    assert "build cache off" in result.stderr
    warm = tmp_path / "site-again"
    result = build_site(warm, site_base)
    if result.returncode != 0:
        pytest.fail(result.stderr)
    reused = re.search(r"build cache: (\d+) page steps and (\d+) labels reused, (\d+) computed",
                       result.stderr)
    assert reused, result.stderr
    pages, labels, computed = map(int, reused.groups())
    assert pages > 100 and labels > 0 and computed == 0, result.stderr
    assert differences(file_digests(uncached), file_digests(warm)) == []
    assert differences(file_digests(site_dir), file_digests(warm)) == []


def test_parallel_build_is_byte_identical_to_mkdocs_build(site_dir: Path, site_base: str,
                                                          tmp_path: Path) -> None:
    """`make build` builds the languages in two processes (scripts/pages/parallel_build.py):
    the same site as `mkdocs build`, from a cold cache of its own and again from a warm one."""
    for name in ("cold", "warm"):
        parallel = tmp_path / name
        result = build_site(parallel, site_base, parallel=True)
        if result.returncode != 0:
            pytest.fail(result.stderr)
        assert "in parallel" in result.stderr
        assert differences(file_digests(site_dir), file_digests(parallel)) == []
    assert not list(tmp_path.glob(".*")), "a language's temporary folder was left behind"


def test_digest_sees_a_changed_byte(tmp_path: Path) -> None:
    for side in ("a", "b"):
        (tmp_path / side / "x").mkdir(parents=True)
        (tmp_path / side / "x" / "page.html").write_text("肾", encoding="utf-8")
    (tmp_path / "b" / "x" / "page.html").write_text("腎", encoding="utf-8")
    (tmp_path / "b" / "extra.css").write_text("", encoding="utf-8")
    a, b = file_digests(tmp_path / "a"), file_digests(tmp_path / "b")
    assert differences(a, b) == ["extra.css", "x/page.html"]
    assert site_digest(a) != site_digest(b)
