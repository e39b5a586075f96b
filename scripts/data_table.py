"""Reading the project's tab-separated data files (glossary, context rules)."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from scripts.problems import ContentError, Problem

T = TypeVar("T")


def data_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) for data rows; `#` lines are the file's header comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield number, next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def records(path: Path) -> list[dict[str, str]]:
    """The rows of a tab-separated file under a header row, as dicts by column name (blank
    lines and `#` comment lines skipped): the sentence sets and other test fixtures."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def display_path(path: Path) -> str:
    """`path` as an editor sees it in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def table_rows(path: Path, columns: tuple[str, ...], problems: list[Problem],
               width_hint: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, cells by column name) for every data row of the right width.

    The first row must name `columns`. A wrong header (which ends the reading), a missing one
    and rows of another width are added to `problems`; `width_hint` tells the editor what to do
    about a row of the wrong width.
    """
    shown = display_path(path)
    header_seen = False
    for number, cells in data_rows(path):
        if not header_seen:
            header_seen = True
            if tuple(cells) != columns:
                problems.append(Problem(shown, f"header is {cells}", number,
                                        hint=f"expected the columns {'<TAB>'.join(columns)}"))
                return
            continue
        if len(cells) != len(columns):
            problems.append(Problem(shown, f"{len(cells)} columns, expected {len(columns)}",
                                    number, hint=width_hint))
            continue
        yield number, dict(zip(columns, cells, strict=True))
    if not header_seen:
        problems.append(Problem(shown, "no header line", hint="the file needs the column header"))


def parse_once(parse: Callable[[Path], tuple[T, list[Problem]]], path: Path
               ) -> tuple[T, list[Problem]]:
    """`parse(path)`, run once per version of the file: its modification time is part of the
    cache key, so `mkdocs serve` picks up an edited file without keeping a stale copy."""
    value, problems = _parse_version(parse, Path(path), os.stat(path).st_mtime_ns)
    return value, list(problems)


@lru_cache(maxsize=16)
def _parse_version(parse: Callable[[Path], tuple[Any, list[Problem]]], path: Path,
                   mtime_ns: int) -> tuple[Any, tuple[Problem, ...]]:
    del mtime_ns  # cache key only
    value, problems = parse(path)
    return value, tuple(problems)


def load_checked(path: Path, parse: Callable[[Path], tuple[T, list[Problem]]]) -> T:
    """What `parse` reads from the data file `path`, or a ContentError listing every problem.

    The glossary, context rules and proper names are looked up for every converted label, so
    the common case is one `stat` and a dict lookup; an edited file (new modification time) is
    parsed and checked again.
    """
    key = (parse, str(path), os.stat(path).st_mtime_ns)
    value = _CHECKED.get(key)
    if value is None:
        value, problems = parse(Path(path))
        if problems:
            raise ContentError(problems)
        _CHECKED[key] = value
    return value


# Valid contents by (parser, path, modification time): a new version of a file gets a new entry.
_CHECKED: dict[tuple[Any, str, int], Any] = {}
