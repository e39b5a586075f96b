"""The editors' pages staged by the children of the parallel build, a share each, before either
reads a page (scripts/pages/parallel_build.py).

Staging converts and checks every page: a cold thousand-case build spends about 4.5 s of one core
on it. Each of the first two children stages one share of the source files
(`scripts.pages.staging.Share`), with a build cache of its own. The second sends what it found
(problems, staged file names) through a pipe to the first, which reports every problem at once,
removes stale files and then tells every other child, through a second pipe, that the pages are
staged. A child that stops early closes its end of a pipe: the other sees the end and stops too,
without a message of its own (the first child reports).

Outside the parallel build none of the pipes is set, and these functions do nothing.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from scripts import LANGUAGES, build_cache
from scripts.problems import ContentError, Problem

if TYPE_CHECKING:
    from scripts.pages.staging import StageResult

# Each name holds a file descriptor number, set by the parent for the child that uses it.
SHARE_READ_FD = "SHENZHI_SHARE_READ_FD"  # the first child: the second child's share arrives here
SHARE_WRITE_FD = "SHENZHI_SHARE_WRITE_FD"  # the second child: its share goes here
STAGED_WRITE_FD = "SHENZHI_STAGED_WRITE_FD"  # the first child: "staged" goes here
STAGED_READ_FD = "SHENZHI_STAGED_READ_FD"  # every other child: "staged" arrives here
STAGED = b"1"  # one per waiting child
SHARES = 2
SECOND_SHARE_CACHE = "staging-2"  # beside the language caches in .staging/cache/

ShareReport = tuple[list[Problem], set[str]]  # what the second child sends: problems, staged files


class StagingFailed(Exception):
    """Another child stopped before the pages were staged (it has said why)."""


def pipes_for_children(count: int) -> tuple[list[dict[str, int]], list[int]]:
    """For `count` children, the first of which stages and reports: each child's descriptors by
    name, and every descriptor (the parent closes them all once the children hold theirs)."""
    share_read, share_write = os.pipe()
    staged_read, staged_write = os.pipe()
    first = {SHARE_READ_FD: share_read, STAGED_WRITE_FD: staged_write}
    second = {SHARE_WRITE_FD: share_write, STAGED_READ_FD: staged_read}
    others = [{STAGED_READ_FD: staged_read} for _ in range(count - 2)]
    return [first, second, *others][:count], [share_read, share_write, staged_read, staged_write]


def stage_this_share(source: Path, staging: Path, project: Path) -> None:
    """Stage this child's share of `source` (nothing outside the parallel build). The first child
    then reports every problem (ContentError), removes stale files and tells the others."""
    if SHARE_READ_FD in os.environ:
        _stage_first(source, staging, project, int(os.environ.pop(SHARE_READ_FD)))
    elif SHARE_WRITE_FD in os.environ:
        _stage_second(source, staging, project, int(os.environ.pop(SHARE_WRITE_FD)))


def wait_until_staged() -> None:
    """In a child that does not report: return once the pages are staged (at once in any other
    process); raise StagingFailed if the reporting child stopped first."""
    descriptor = os.environ.pop(STAGED_READ_FD, None)
    if descriptor is None:
        return
    answer = os.read(int(descriptor), len(STAGED))  # empty once the writer has exited
    os.close(int(descriptor))
    if answer != STAGED:
        raise StagingFailed


def _stage_share(source: Path, staging: Path, project: Path, index: int,
                 cache: Path) -> StageResult:
    # Imported here: the parent of the parallel build imports this module for its pipes only,
    # before it starts the children, and staging brings in the whole converter.
    from scripts.pages.staging import Share, shown_prefix, stage

    share = Share(index, SHARES)
    build_cache.open_for_build(cache, project)
    try:
        return stage(source, staging, shown_prefix(source, project), share)
    finally:
        build_cache.finish_build()


def _stage_first(source: Path, staging: Path, project: Path, share_read: int) -> None:
    from scripts.pages.staging import remove_stale

    mine = _stage_share(source, staging, project, 0, staging.parent / "cache")
    with os.fdopen(share_read, "rb") as pipe:
        received = pipe.read()  # empty if the second child stopped
    try:
        problems, expected = pickle.loads(received)
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError):
        raise StagingFailed from None
    # In the order of the source files, as one process reports them.
    everything = sorted(mine.problems + problems, key=lambda problem: Path(problem.path))
    if everything:
        raise ContentError(everything)
    remove_stale(staging, mine.expected | expected)
    descriptor = int(os.environ.pop(STAGED_WRITE_FD))
    os.write(descriptor, STAGED * (len(LANGUAGES) - 1))  # every other child waits
    os.close(descriptor)


def _stage_second(source: Path, staging: Path, project: Path, share_write: int) -> None:
    try:
        result = _stage_share(source, staging, project, 1,
                              staging.parent / "cache" / SECOND_SHARE_CACHE)
        report: ShareReport = (result.problems, result.expected)
    except ContentError as error:  # a broken data file: the first child meets it too
        report = (error.problems, set())
    try:
        with os.fdopen(share_write, "wb") as pipe:
            pickle.dump(report, pipe)
    except BrokenPipeError:
        pass  # the first child has stopped; waiting for "staged" notices
