"""Term tooltips added in a worker process while MkDocs goes on rendering other pages.

MkDocs renders pages one after another on one core. A page's tooltips are needed only when its
template is rendered, after every page has been read and converted, so on a large site they are
computed beside that work on the second core. A small site (the real one, or a live-reload
rebuild) does them in line: starting a worker would cost more than it saves.
"""

from __future__ import annotations

from concurrent.futures import Future

from scripts import build_cache
from scripts.pages.tooltips import add_term_tooltips
from scripts.worker import Worker

# Pages per build from which a worker pays for itself (it takes ~0.3 s to start).
MIN_PAGES = 200
# Pages not in the build cache done in line before the worker starts: a rebuild after an edit
# misses a few pages, and they are done sooner here than a worker would start.
IN_LINE_FIRST = 20


class BackgroundTooltips:
    """Tooltips for the pages of one build, in line or in one worker process."""

    def __init__(self, pages: int) -> None:
        self._worker = Worker()
        self._in_worker = pages >= MIN_PAGES
        self._missed = 0  # pages not in the build cache so far
        self._pending: dict[str, tuple[str, Future[str]]] = {}

    def add(self, key: str, html: str, lang: str) -> str:
        """The page's HTML with tooltips now, or unchanged if they are being added meanwhile
        (an unchanged page's come from an earlier build, `scripts.build_cache`)."""
        cache = build_cache.current()
        cache_key = cache.key("tooltips", lang, html)
        stored = cache.get(cache_key)
        if stored is not None:
            return stored
        self._missed += 1
        if not self._in_worker or self._missed <= IN_LINE_FIRST:
            with_tooltips = add_term_tooltips(html, lang)
            cache.put(cache_key, with_tooltips)
            return with_tooltips
        self._pending[key] = (cache_key, self._worker.submit(add_term_tooltips, html, lang))
        return html

    def take(self, key: str, html: str) -> str:
        """The page's HTML with its tooltips (waits for the worker if it is still busy)."""
        pending = self._pending.pop(key, None)
        if pending is None:
            return html
        cache_key, future = pending
        with_tooltips = future.result()
        build_cache.current().put(cache_key, with_tooltips)
        return with_tooltips

    def close(self) -> None:
        """Stop the worker; pending pages are dropped (a failed build)."""
        self._worker.stop()
        self._pending.clear()


# The tooltips of the build in progress (static-i18n runs one build per language).
_current: BackgroundTooltips | None = None


def start(pages: int) -> BackgroundTooltips:
    """Begin a build of `pages` pages (stops what an earlier, failed build left running)."""
    global _current
    stop()
    _current = BackgroundTooltips(pages)
    return _current


def current() -> BackgroundTooltips:
    """The build in progress (in line if `start` was not called)."""
    return _current if _current is not None else start(0)


def stop() -> None:
    """End the build in progress."""
    global _current
    if _current is not None:
        _current.close()
        _current = None
