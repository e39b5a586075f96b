"""The build benchmark times a small site in more rounds than a large one (issue 15): its builds
take seconds, and three rounds leave its paired ratios at the mercy of the VM's drift."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from scripts.bench import builds


@pytest.fixture
def timed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Counter:
    """Replace the real builds: count timed builds per site size, each taking one second."""
    calls: Counter = Counter()

    def make_site(path: Path, cases: int) -> Path:
        path.mkdir(parents=True)
        (path / "mkdocs.yml").write_text("hooks:\n  - overrides/hooks/search.py\n", "utf-8")
        return path

    def timed_build(config: Path, site: Path, cold: bool = False,
                    parallel: bool = False) -> dict[str, float]:
        calls[site.name.rsplit("-", 1)[1]] += 1
        # Ours is timed as `make build` runs it; the bare baseline as `mkdocs build`.
        assert parallel == (not site.name.startswith("bare"))
        return {"seconds": 1.0, "peak_mb": 1.0, "output_mb": 1.0}

    monkeypatch.setattr(builds, "make_site", make_site)
    monkeypatch.setattr(builds, "timed_build", timed_build)
    monkeypatch.setattr(builds, "dressed_pages_config", lambda project, work: project / "b.yml")
    monkeypatch.setattr(builds, "build_search", lambda site: None)
    monkeypatch.setattr(builds, "edit_one_case", lambda project, number: None)
    return calls


def test_a_small_site_gets_more_rounds_than_asked(timed: Counter, tmp_path: Path) -> None:
    figures = builds.synthetic_builds(tmp_path, (100, 1000), rounds=3)
    configurations = 5  # bare dressed; ours and ours without search, cold and warm
    assert figures["100"]["rounds"] == builds.SMALL_SITE_ROUNDS
    assert figures["1000"]["rounds"] == 3
    assert timed == {"100": configurations * builds.SMALL_SITE_ROUNDS, "1000": configurations * 3}


def test_more_rounds_asked_are_kept(timed: Counter, tmp_path: Path) -> None:
    figures = builds.synthetic_builds(tmp_path, (100,), rounds=7)
    assert figures["100"]["rounds"] == 7
