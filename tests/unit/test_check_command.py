"""`python -m scripts.checks`: all problems at once, with file and line, non-zero exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.checks.run import run_checks

ROOT = Path(__file__).resolve().parents[2]


def test_real_content_passes() -> None:
    assert [str(p) for p in run_checks(ROOT / "docs")] == []


def test_bad_content_is_listed_and_exit_is_non_zero(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.zh-Hant.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    (docs / "b.zh-Hant.md").write_text(
        "---\ntitle: b\ndescription: d\nreviewed: 2026-01-01\nsources:\n"
        "  - {title: t, url: 'https://doi.org/10.1/x', evidence: rct}\n---\n\n血清肌酐偏高。\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.checks.run", "--docs", str(docs)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "docs/a.zh-Hant.md:3: front matter is not valid YAML" in result.stderr
    assert "docs/b.zh-Hant.md:9: '血清肌酐' is not zh-Hant usage" in result.stderr
    assert "Traceback" not in result.stderr
