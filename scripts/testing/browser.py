"""Which Chromium the browser tests and the benchmark drive: Debian's when present, else
Playwright's own (installed by `playwright install chromium` where downloads are allowed)."""

from __future__ import annotations

import os

DEBIAN_CHROMIUM = "/usr/bin/chromium"
# Headless, and no background calls to Google's services (this network refuses them).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def executable_path() -> str | None:
    """Debian's Chromium if installed; None means Playwright's bundled browser."""
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None
