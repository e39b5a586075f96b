"""Which Chromium the browser tests use: Debian's when present, else Playwright's own.

`python -m tests.browser.find_browser` exits 0 when a usable browser exists, 1 otherwise (the
Makefile then runs `playwright install chromium`, which works where downloads are allowed).
"""

from __future__ import annotations

import os
import sys

DEBIAN_CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]


def executable_path() -> str | None:
    """Debian's Chromium if installed; None means Playwright's bundled browser."""
    return DEBIAN_CHROMIUM if os.access(DEBIAN_CHROMIUM, os.X_OK) else None


def main() -> int:
    """Exit status 0 when some Chromium can be launched."""
    if executable_path():
        return 0
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            playwright.chromium.launch(args=FLAGS).close()
    except Exception as error:
        print(f"no usable Chromium: {error}".splitlines()[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
