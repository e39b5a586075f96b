"""Read and check page front matter, with errors that name the file, line and field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from scripts.problems import Problem

DATA = Path(__file__).parent / "data"
KINDS = ("article", "case-report", "tool", "editorial")  # editorial: pages for editors
MAX_REVIEW_INTERVAL_YEARS = 3  # NHS / MedlinePlus practice: no page goes unreviewed longer
DUE_WITHIN_DAYS = 90  # `make check` warns this long before a page's next review
# Groups: the opening line, the YAML, the closing line (the converter keeps both lines as they are).
FRONT_MATTER = re.compile(r"\A(---[ \t]*\n)(.*?)(^---[ \t]*(?:\n|\Z))", re.DOTALL | re.MULTILINE)
URL = re.compile(r"^https?://\S+$")
# libyaml's safe loader when PyYAML was built with it: about ten times faster on front matter.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Parsed:
    """A page split into its front matter and body."""

    meta: dict[str, Any]
    body: str
    body_line: int  # line number of the first body line in the file
    field_lines: dict[str, int]  # top-level key -> line number in the file


@lru_cache(maxsize=1)
def evidence_types() -> dict[str, dict[str, Any]]:
    """The allowed `sources[].evidence` keys with their labels and ranks."""
    return yaml.safe_load((DATA / "evidence_types.yml").read_text(encoding="utf-8"))


def split_front_matter(text: str, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse the YAML front matter of `text`; `path` is the editor's file name for messages."""
    match = FRONT_MATTER.match(text)
    if not match:
        return Parsed({}, text, 1, {}), []
    raw = match.group(2)
    try:
        meta = yaml.load(raw, Loader=SAFE_LOADER) if raw.strip() else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, [Problem(path, f"front matter is not valid YAML: {reason}", line,
                              hint="check indentation and quote values that contain ': '")]
    if not isinstance(meta, dict):
        return None, [Problem(path, "front matter must be 'key: value' lines", 2,
                              hint="start each line with a field name such as title:")]
    field_lines = {}
    for number, line in enumerate(raw.splitlines(), start=2):
        key = re.match(r"^([A-Za-z0-9_-]+)\s*:", line)
        if key:
            field_lines.setdefault(key.group(1), number)
    body_line = text.count("\n", 0, match.end()) + 1
    return Parsed(meta, text[match.end():], body_line, field_lines), []


def latest_next_review(reviewed: dt.date) -> dt.date:
    """The last date the next review may be set to: MAX_REVIEW_INTERVAL_YEARS after `reviewed`."""
    try:
        return reviewed.replace(year=reviewed.year + MAX_REVIEW_INTERVAL_YEARS)
    except ValueError:  # reviewed on 29 February
        return reviewed.replace(year=reviewed.year + MAX_REVIEW_INTERVAL_YEARS, day=28)


def _next_review_problems(reviewed: dt.date, next_review: Any, today: dt.date
                          ) -> list[tuple[str, str]]:
    if not isinstance(next_review, dt.date):
        return [(f"next_review is {next_review!r}", "add 'next_review:' with the date the page "
                 f"is due for review, at most {MAX_REVIEW_INTERVAL_YEARS} years after 'reviewed'")]
    if next_review <= reviewed:
        return [(f"next_review {next_review} is not after reviewed {reviewed}",
                 "set the date of the next review, after the last one")]
    if next_review > latest_next_review(reviewed):
        return [(f"next_review {next_review} is more than {MAX_REVIEW_INTERVAL_YEARS} years after "
                 f"reviewed {reviewed}", f"set it no later than {latest_next_review(reviewed)}")]
    if next_review < today:
        return [(f"the page is overdue for review: next_review was {next_review}",
                 "check the page against its sources again, then set reviewed to today and "
                 "next_review to the next date")]
    return []


def review_due(meta: dict[str, Any], today: dt.date | None = None) -> dt.date | None:
    """The page's next_review date when it falls within DUE_WITHIN_DAYS (a warning, not an
    error: the page is still in date), else None."""
    today = today or dt.date.today()
    next_review = meta.get("next_review")
    if isinstance(next_review, dt.date) and \
            today <= next_review <= today + dt.timedelta(days=DUE_WITHIN_DAYS):
        return next_review
    return None


def page_problems(meta: dict[str, Any], path: str, field_lines: dict[str, int],
                  today: dt.date | None = None) -> list[Problem]:
    """Check the fields every content page needs: kind, title, description, reviewed,
    next_review (after reviewed, within the interval, not past), sources."""
    problems: list[Problem] = []

    def add(field: str, message: str, hint: str) -> None:
        problems.append(Problem(path, message, field_lines.get(field.split("[")[0].split(".")[0]),
                                field, hint))

    kind = meta.get("kind")
    if kind not in KINDS:
        add("kind", f"unknown kind {kind!r}", f"expected one of {', '.join(KINDS)}")
    for field in ("title", "description"):
        value = meta.get(field)
        if not isinstance(value, str) or not value.strip():
            add(field, f"missing or empty {field}", f"add '{field}: …' to the front matter")
    today = today or dt.date.today()
    reviewed = meta.get("reviewed")
    if not isinstance(reviewed, dt.date):
        add("reviewed", f"reviewed is {reviewed!r}", "expected a date like 2026-11-21")
    elif reviewed > today:
        add("reviewed", f"reviewed date {reviewed} is in the future", "use the date of review")
    else:
        for message, hint in _next_review_problems(reviewed, meta.get("next_review"), today):
            add("next_review", message, hint)
    sources = meta.get("sources")
    if not isinstance(sources, list) or not sources:
        add("sources", "no sources", "list at least one source with title, url and evidence")
        return problems
    kinds = evidence_types()
    for index, source in enumerate(sources):
        where = f"sources[{index}]"
        if not isinstance(source, dict):
            add(where, "a source must have title, url and evidence", "see CONTRIBUTING.md")
            continue
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            add(f"{where}.title", "missing title", "give the citation text")
        if not isinstance(source.get("url"), str) or not URL.match(source["url"]):
            add(f"{where}.url", f"url {source.get('url')!r} is not a web address",
                "use https://doi.org/… or https://pubmed.ncbi.nlm.nih.gov/…")
        if source.get("evidence") not in kinds:
            add(f"{where}.evidence", f"unknown evidence type {source.get('evidence')!r}",
                f"expected one of {', '.join(kinds)}")
    return problems
