"""One worker process for a build's background work, started when first given a task.

Used for the work that would otherwise hold up the core rendering pages: term tooltips
(`scripts.pages.background_tooltips`) and search words (`scripts.search.page_words`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
# Workers run at a lower priority than the build: with two of them busy on a two-core machine,
# the process rendering pages must not be the one the scheduler makes wait.
NICENESS = 5


def _yield_to_the_build() -> None:
    os.nice(NICENESS)


class Worker:
    """A single-process pool, started lazily: a build that never needs it pays nothing."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        """Whether the process was started (and not stopped since)."""
        return self._pool is not None

    def submit(self, task: Callable[..., T], *args: Any) -> Future[T]:
        """Run `task(*args)` in the worker; `task` must be a module-level function."""
        if self._pool is None:
            # spawn, not fork: MkDocs's server runs threads, and a forked child can inherit a
            # lock held by one of them.
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_yield_to_the_build)
        return self._pool.submit(task, *args)

    def stop(self) -> None:
        """Stop the process; tasks not started yet are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
