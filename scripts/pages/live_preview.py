"""`mkdocs serve` settings: how soon a saved page is noticed.

MkDocs watches files by polling every 0.5 s, so a save waits 0.25 s on average, and up to half
a second, before the rebuild starts: a quarter of the 2-second save-to-reload budget. Polling
the editors' folders every 0.1 s costs a directory listing of some hundred files each time.
"""

from __future__ import annotations

from typing import Any

POLL_SECONDS = 0.1


def poll_faster(server: Any, seconds: float = POLL_SECONDS) -> bool:
    """Make watches added from now on (the `watch:` folders, added after `on_serve`) poll every
    `seconds`; True if the server's observer allowed it.

    watchdog builds each watch's emitter with the observer's timeout, which it keeps in
    `_timeout` (watchdog 7, pinned); a different observer is left as it is.
    """
    observer = getattr(server, "observer", None)
    if not isinstance(getattr(observer, "_timeout", None), int | float):
        return False
    observer._timeout = seconds
    return True
