"""Problems an editor can act on: which file, where, what was expected, what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content or data file.

    `path` is always the editor's file (e.g. `docs/ckd/basics.zh-Hans.md`), never a staging copy.
    """

    path: str
    message: str
    line: int | None = None
    field: str | None = None
    hint: str = ""

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        hint = f" — {self.hint}" if self.hint else ""
        return f"{where}{field}: {self.message}{hint}"


class ContentError(Exception):
    """Raised with every problem found, so an editor sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the content:\n{lines}")
