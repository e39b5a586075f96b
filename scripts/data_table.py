"""Reading the project's tab-separated data files (glossary, context rules)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path


def data_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) for data rows; `#` lines are the file's header comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield number, next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))


def display_path(path: Path) -> str:
    """`path` as an editor sees it in messages: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
