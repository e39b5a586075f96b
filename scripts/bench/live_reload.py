"""`mkdocs serve`: time from saving a page of the real site to the rebuilt site, for an article
and for a case report, in one serving session."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from scripts.bench.synthetic import make_site
from scripts.testing.local_site import free_port

BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
RELOAD = re.compile(r"Reloading browsers")  # the browser is told to reload: what the editor sees


EDITED = {"article": "ckd/basics.zh-Hans.md", "case report": "case-reports/riordan-2022.zh-Hans.md"}


def rebuild_seconds(work: Path, pages: dict[str, str] | None = None,
                    timeout: float = 120) -> dict[str, dict]:
    """Start `mkdocs serve`, edit each of `pages` (name -> file in docs/) in turn, and time each
    rebuild (wall clock and as MkDocs says)."""
    project = make_site(work / "serve", 0)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}",
         "--livereload"], cwd=project, env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []
    threading.Thread(target=lambda: [lines.append((time.perf_counter(), line))
                                     for line in server.stdout], daemon=True).start()

    def wait_for(pattern: re.Pattern[str], after: int) -> tuple[float, re.Match[str]]:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for stamp, line in lines[after:]:
                found = pattern.search(line)
                if found:
                    return stamp, found
            time.sleep(0.05)
        raise TimeoutError("mkdocs serve did not report a rebuild:\n" + "".join(
            line for _, line in lines[-30:]))

    out: dict[str, dict] = {}
    try:
        wait_for(BUILT, 0)
        time.sleep(1.0)  # let the watcher settle
        for name, page in (pages or EDITED).items():
            seen = len(lines)
            edited = project / "docs" / page
            started = time.perf_counter()
            edited.write_text(edited.read_text(encoding="utf-8") + "\n\n新增一段測試文字。\n",
                              encoding="utf-8")
            finished, _ = wait_for(RELOAD, seen)
            time.sleep(2.0)
            built = [BUILT.search(line) for _, line in lines[seen:]]
            reported = [float(found.group(1)) for found in built if found]
            out[name] = {"wall_seconds": finished - started,
                         "mkdocs_seconds": reported[0] if reported else None,
                         "extra_rebuilds": sum(1 for _, line in lines[seen:]
                                               if RELOAD.search(line)) - 1}
    finally:
        server.terminate()
        server.wait(timeout=20)
    return out
