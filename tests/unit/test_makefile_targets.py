"""Targets that launch Chromium must first make sure one exists (`browser`): on a fresh machine
`make bench` once ran nineteen minutes and then failed at search recall for want of a browser."""

from __future__ import annotations

import re
from pathlib import Path

MAKEFILE = Path(__file__).resolve().parents[2] / "Makefile"


def prerequisites() -> dict[str, list[str]]:
    """Each target's prerequisites, read from the Makefile's rule lines."""
    rules: dict[str, list[str]] = {}
    for line in MAKEFILE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z][\w.-]*):(?!=)\s*([^#]*)", line)
        if match:
            rules[match.group(1)] = match.group(2).split()
    return rules


def test_every_target_that_opens_a_browser_installs_one_first() -> None:
    rules = prerequisites()
    for target in ("test", "bench", "bench-search"):
        assert "browser" in rules[target], f"make {target} needs the browser target first"
