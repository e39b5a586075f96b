"""The search words of the built pages, handed out in the order the pages came.

Cutting a page into search words (`scripts.search.page_text`) takes about 2.5 ms, in Python on
the core that renders the pages: five seconds of a cold thousand-case build. Past the first
pages a build misses in the build cache, the words are cut in one worker process on the second
core instead (as `scripts.pages.background_tooltips` does for tooltips). A small site, or a
rebuild after an edit, never starts the worker.

Pages leave in the order they arrived, whichever way their words were cut: Pagefind numbers
pages in the order it is given them, and the index must not depend on which pages missed the
cache.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass

from scripts import build_cache
from scripts.worker import Worker

Words = tuple[str, str]  # what Pagefind is sent, and the page's Chinese characters
Cut = Callable[[str, str], Words]  # (page, content) -> Words; a module-level function

# Pages missing the build cache that are cut in line before the worker starts (it takes
# ~0.3 s to start): the real site has fewer pages than this, a rebuild misses only a few.
IN_LINE_FIRST = 100


@dataclass
class _Page:
    path: str
    cache_key: str
    words: Words | None = None
    future: Future[Words] | None = None


class PageWords:
    """The words of one build's pages, per language, cut in line or in a worker process."""

    def __init__(self, cut: Cut, in_line_first: int = IN_LINE_FIRST) -> None:
        self._cut = cut
        self._in_line_first = in_line_first
        self._missed = 0
        self._worker = Worker()
        self._queues: dict[str, deque[_Page]] = {}

    def add(self, lang: str, path: str, page: str, content: str) -> None:
        """Queue one built page of `lang`; its words come from the build cache, are cut now,
        or are cut in the worker."""
        cache = build_cache.current()
        key = cache.key("search-words", page, content)
        entry = _Page(path, key, words=cache.get(key))
        if entry.words is None:
            self._missed += 1
            if self._missed <= self._in_line_first:
                entry.words = self._cut(page, content)
                cache.put(key, entry.words)
            else:
                entry.future = self._worker.submit(self._cut, page, content)
        self._queues.setdefault(lang, deque()).append(entry)

    def ready(self, lang: str) -> Iterator[tuple[str, Words]]:
        """(path, words) of the pages of `lang` whose words are known, in order, up to the
        first still being cut."""
        return self._take(lang, wait=False)

    def drain(self, lang: str) -> Iterator[tuple[str, Words]]:
        """(path, words) of every page of `lang` still queued, in order (waits for the
        worker)."""
        return self._take(lang, wait=True)

    def close(self) -> None:
        """Stop the worker; queued pages are dropped (after a failed build, or at the end)."""
        self._worker.stop()
        self._queues.clear()

    def _take(self, lang: str, wait: bool) -> Iterator[tuple[str, Words]]:
        queue = self._queues.get(lang, deque())
        while queue:
            entry = queue[0]
            if entry.future is not None:
                if not wait and not entry.future.done():
                    return
                entry.words = entry.future.result()
                entry.future = None
                build_cache.current().put(entry.cache_key, entry.words)  # in this thread
            queue.popleft()
            assert entry.words is not None
            yield entry.path, entry.words
