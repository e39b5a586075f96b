"""Pages dressed in a worker process before MkDocs reaches them, in a build that misses the cache.

MkDocs reads, dresses (`scripts.pages.build_page`) and renders pages one after another on one
core. Once a build has dressed IN_LINE_FIRST pages itself (a cold build, or a new glossary), the
worker dresses the rest of the language's pages from the last one backwards, while MkDocs goes
on from the front; where they meet, MkDocs waits for at most one chunk. The worker reads each
staged file as MkDocs would and returns the dressed page under its build-cache key: MkDocs's
process uses it only if its own key (everything the dressing reads) is the same, and otherwise
dresses the page itself. A warm build or an edit under `mkdocs serve` never starts the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from scripts.worker import Worker

# Pages dressed in line before the worker starts: a rebuild after an edit misses only a few.
IN_LINE_FIRST = 20
# Pages left after that point from which the worker pays for its start (about 1 s).
MIN_LEFT = 150
CHUNK = 8  # pages per task: MkDocs's process waits for at most one chunk where they meet

Dressed = tuple[str, Any]  # (build-cache key, what the dressing step stores under it)
Dress = Callable[[Any], "Dressed | None"]  # module-level function (or a partial of one)


@dataclass(frozen=True)
class PageFile:
    """What the dressing reads of a page's MkDocs File and Page, as plain values."""

    src_uri: str
    abs_src_path: str
    locale: str
    url: str


class DressAhead:
    """The pages of one language build, in MkDocs's order, and those the worker has taken."""

    def __init__(self, pages: list[PageFile], dress: Dress, warm_up: Callable[[], object]
                 ) -> None:
        self._pages = pages
        self._position = {page.src_uri: index for index, page in enumerate(pages)}
        self._dress, self._warm_up = dress, warm_up
        self._worker = Worker()
        self._lock = threading.Lock()
        self._front = 0  # the first page MkDocs's process has not reached
        self._back = len(pages)  # the worker has taken the pages from here on
        self._missed = 0
        self._chunks: dict[int, tuple[int, Future[list[Dressed | None]]]] = {}  # page -> chunk

    @property
    def started(self) -> bool:
        """Whether the worker was started."""
        return self._worker.started

    def take(self, src_uri: str, key: str) -> Any | None:
        """What the worker stored for this page under `key`, or None: the page is MkDocs's
        to dress (not reached by the worker, or read differently there)."""
        index = self._position.get(src_uri)
        if index is None:
            return None
        with self._lock:
            self._front = max(self._front, index + 1)
            taken = self._chunks.pop(index, None)
        if taken is None:
            return None
        offset, future = taken
        try:
            dressed = future.result()[offset]
        except Exception:  # the worker failed: this page is dressed here, errors raised here
            return None
        return dressed[1] if dressed is not None and dressed[0] == key else None

    def missed(self, src_uri: str) -> None:
        """MkDocs's process dressed this page itself; past IN_LINE_FIRST, start the worker."""
        self._missed += 1
        index = self._position.get(src_uri)
        if (self._missed == IN_LINE_FIRST and index is not None
                and len(self._pages) - index - 1 >= MIN_LEFT):
            self._worker.submit(self._warm_up).add_done_callback(self._feed)

    def close(self) -> None:
        """Stop the worker; what it has not handed over is dropped."""
        self._worker.stop()
        with self._lock:
            self._chunks.clear()
            self._back = self._front

    def _feed(self, done: Future[Any]) -> None:
        """Give the worker the next chunk from the back, one at a time (a queued chunk could not
        be taken back). A failed task stops the feeding: MkDocs's process does the rest."""
        if done.cancelled() or done.exception() is not None:
            return
        with self._lock:
            start = max(self._front, self._back - CHUNK)
            if start >= self._back:
                return
            chunk = self._pages[start:self._back]
            try:
                future = self._worker.submit(_dress_chunk, self._dress, chunk)
            except RuntimeError:  # stopped meanwhile
                return
            for offset in range(len(chunk)):
                self._chunks[start + offset] = (offset, future)
            self._back = start
        future.add_done_callback(self._feed)


def _dress_chunk(dress: Dress, pages: list[PageFile]) -> list[Dressed | None]:
    return [dress(page) for page in pages]


# The dressing of the language build in progress (static-i18n runs one build per language).
_current: DressAhead | None = None


def start(pages: list[PageFile], dress: Dress, warm_up: Callable[[], object]) -> DressAhead:
    """Begin a language build of `pages` (stops what an earlier, failed build left running)."""
    global _current
    stop()
    _current = DressAhead(pages, dress, warm_up)
    return _current


def current() -> DressAhead | None:
    """The build in progress, if `start` was called."""
    return _current


def stop() -> None:
    """End the build in progress."""
    global _current
    if _current is not None:
        _current.close()
        _current = None
