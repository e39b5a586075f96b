"""`python -m tests.browser.find_browser` exits 0 when a usable Chromium exists, 1 otherwise
(the Makefile then runs `playwright install chromium`)."""

from __future__ import annotations

import sys

from scripts.testing.browser import FLAGS, executable_path


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
