"""`mkdocs serve`: an edit to one script shows up, converted, in the other script's page."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from scripts.bench.synthetic import make_site
from scripts.testing.local_site import free_port

pytestmark = pytest.mark.integration


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, timeout: float = 90.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_edit_in_simplified_appears_converted_in_traditional(tmp_path: Path) -> None:
    project = make_site(tmp_path / "site", 0)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/shenzhi/"
    try:
        assert wait_for(lambda: "肾小球" in fetch(base + "zh-Hans/ckd/basics/"))
        source = project / "docs" / "ckd" / "basics.zh-Hans.md"
        source.write_text(source.read_text(encoding="utf-8") + "\n\n随访时请带上肌酐化验单。\n",
                          encoding="utf-8")
        assert wait_for(lambda: "追蹤時請帶上肌酸酐" in fetch(base + "ckd/basics/"))
        assert "随访时请带上肌酐" in fetch(base + "zh-Hans/ckd/basics/")
        assert not (project / "docs" / "ckd" / "basics.zh-Hant.md").exists()
    finally:
        server.terminate()
        server.wait(timeout=20)
