"""A broken page fails the strict build with a message that names the editor's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.bench.synthetic import make_site
from scripts.testing.local_site import build_site

pytestmark = pytest.mark.integration


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_site(tmp_path / "project", 0)


def build_output(project: Path) -> tuple[int, str]:
    result = build_site(project / "out", "http://127.0.0.1:9/shenzhi/", project)
    return result.returncode, result.stdout + result.stderr


def test_broken_link_names_the_source_file_of_a_converted_page(project: Path) -> None:
    page = project / "docs" / "ckd" / "basics.zh-Hans.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[不存在](no-such-page.md)\n",
                    encoding="utf-8")
    code, output = build_output(project)
    assert code != 0
    assert "docs/ckd/basics.zh-Hans.md" in output
    assert "docs/ckd/basics.zh-Hans.md (converted to zh-Hant)" in output
    assert ".staging" not in output


def test_missing_anchor_fails_the_build(project: Path) -> None:
    page = project / "docs" / "about.zh-Hant.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[看這裡](glossary.md#no-such-anchor)\n",
                    encoding="utf-8")
    code, output = build_output(project)
    assert code != 0 and "no-such-anchor" in output and "docs/about.zh-Hant.md" in output


@pytest.mark.parametrize(("content", "expected"), [
    ("---\ntitle: [broken\n---\n\n正文\n", "docs/bad.zh-Hant.md:3: front matter is not valid YAML"),
    ("---\ntitle: x\nkind: blog\n---\n\n正文\n", "docs/bad.zh-Hant.md:3 [kind]: unknown kind"),
])
def test_bad_front_matter_fails_without_traceback(project: Path, content: str,
                                                  expected: str) -> None:
    (project / "docs" / "bad.zh-Hant.md").write_text(content, encoding="utf-8")
    code, output = build_output(project)
    assert code != 0
    assert expected in output
    assert "Traceback" not in output


def test_non_utf8_file_fails_with_its_name(project: Path) -> None:
    page = project / "docs" / "latin1.zh-Hant.md"
    page.write_bytes("---\ntitle: caf\xe9\n---\n".encode("latin-1"))
    code, output = build_output(project)
    assert code != 0 and "docs/latin1.zh-Hant.md:2: not UTF-8 text" in output
    assert "Traceback" not in output


def test_make_build_reports_broken_pages_as_mkdocs_build_does(project: Path) -> None:
    """The parallel build (`make build`): a bad page stops it in the staging step, before any
    language is built; a broken link stops the language's child with its strict message."""
    bad = project / "docs" / "bad.zh-Hant.md"
    bad.write_text("---\ntitle: x\nkind: blog\n---\n\n正文\n", encoding="utf-8")
    result = build_site(project / "out", "http://127.0.0.1:9/shenzhi/", project, parallel=True)
    assert result.returncode != 0
    assert "docs/bad.zh-Hant.md:3 [kind]: unknown kind" in result.stderr
    assert "Traceback" not in result.stderr
    bad.unlink()
    page = project / "docs" / "ckd" / "basics.zh-Hans.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n[不存在](no-such-page.md)\n",
                    encoding="utf-8")
    result = build_site(project / "out", "http://127.0.0.1:9/shenzhi/", project, parallel=True)
    assert result.returncode != 0
    assert "docs/ckd/basics.zh-Hans.md (converted to zh-Hant)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not list(project.glob(".out-*")), "a language's temporary folder was left behind"
