"""The benchmark's bare builds are what their names say: no project hooks; the "dressed" one
renders the same generated content as our build, the plain one does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.builds import bare_config, dressed_pages_config, timed_build
from scripts.bench.synthetic import make_site

pytestmark = pytest.mark.integration


def test_bare_baselines(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project", 2)
    timed_build(project / "mkdocs.yml", tmp_path / "ours")  # stages the converted pages
    plain, dressed = bare_config(project), dressed_pages_config(project, tmp_path)
    for config in (plain, dressed):
        text = config.read_text(encoding="utf-8")
        assert "\nhooks:" not in text and "  - overrides/hooks/" not in text
    timed_build(plain, tmp_path / "plain")
    timed_build(dressed, tmp_path / "dressed")
    case = Path("zh-Hans/case-reports/synthetic-0001/index.html")
    ours, bare, same = (
        (tmp_path / name / case).read_text(encoding="utf-8") for name in ("ours", "plain",
                                                                          "dressed"))
    for generated in ('class="case-card"', "shenzhi-disclaimer", 'id="citation"'):
        assert generated in ours and generated in same and generated not in bare
    assert not (tmp_path / "plain" / "search").exists()
