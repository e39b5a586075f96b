"""Validate case-report front matter and report every problem at once, never raising."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from scripts.case_reports.glossary_terms import GLOSSARY_PATH, load_glossary_terms
from scripts.case_reports.labs import load_labs
from scripts.case_reports.schema import CaseReport, field_description
from scripts.problems import Problem

PLACEHOLDER = "TODO"

# pydantic error type -> what the editor should have written.
EXPECTED = {
    "string_type": "expected text",
    "float_type": "expected a number such as 2.96",
    "float_parsing": "expected a number such as 2.96",
    "int_type": "expected a whole number such as 12",
    "int_parsing": "expected a whole number such as 12",
    "int_from_float": "expected a whole number such as 12",
    "finite_number": "expected a finite number (not NaN or infinity)",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "list_type": "expected a list: `[]` or lines starting with `- `",
    "model_type": "expected a group of indented `key: value` lines",
    "model_attributes_type": "expected a group of indented `key: value` lines",
    "dict_type": "expected a group of indented `key: value` lines",
    "string_too_short": "expected non-empty text",
    "missing": "required field is missing",
}


def problems_in_case(
    meta: Any,
    path: str,
    field_lines: dict[str, int] | None = None,
    glossary_terms: set[str] | None = None,
) -> list[Problem]:
    """Every problem in a case report's front matter `meta`, as Problems for file `path`.

    `field_lines` maps top-level keys to line numbers in the file, when the caller knows them.
    `glossary_terms` is the set of English glossary keys; None loads scripts/data/glossary.tsv.
    Never raises: an unexpected failure becomes a Problem too.
    """
    try:
        return _problems(meta, path, field_lines or {}, glossary_terms)
    except Exception as error:  # the contract is "never raises"
        return [
            Problem(
                path,
                f"the case-report checker failed on this file ({type(error).__name__})",
                hint="report this to the developers with the file attached",
            )
        ]


def _problems(
    meta: Any, path: str, field_lines: dict[str, int], glossary_terms: set[str] | None
) -> list[Problem]:
    if not isinstance(meta, dict):
        found = "empty" if meta is None else f"a {type(meta).__name__}"
        return [
            Problem(
                path,
                f"front matter is {found}; expected `key: value` lines between the --- lines",
                line=1,
                hint="copy scripts/data/case-report.example.yml to start",
            )
        ]
    problems: list[Problem] = []
    if glossary_terms is None:
        try:
            glossary_terms = load_glossary_terms()
        except OSError:
            problems.append(
                Problem(
                    path,
                    f"cannot read the glossary {GLOSSARY_PATH.name}, so lab names were not checked",
                    hint="restore scripts/data/glossary.tsv",
                )
            )
    try:
        labs = load_labs()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        labs = None
        problems.append(
            Problem(path, "cannot read scripts/data/lab_reference.yml, so units were not checked")
        )

    def line_of(loc: tuple[Any, ...]) -> int | None:
        return field_lines.get(str(loc[0])) if loc else None

    placeholders = list(_placeholders(meta, ()))
    for loc in placeholders:
        problems.append(
            Problem(
                path,
                f"placeholder {PLACEHOLDER} not filled in",
                line=line_of(loc),
                field=_dotted(loc),
                hint=field_description(loc) or "replace it with the value from the source",
            )
        )

    context = {"glossary_terms": glossary_terms, "labs": labs}
    try:
        CaseReport.model_validate(meta, context=context)
    except ValidationError as error:
        unknown = [k for k in meta if isinstance(k, str) and k not in CaseReport.model_fields]
        for item in error.errors(include_url=False):
            loc = tuple(p for p in item["loc"] if isinstance(p, int) or "[" not in str(p))
            if any(loc[: len(p)] == p for p in placeholders):
                continue  # already reported as an unfilled placeholder
            problems.append(_problem_from_error(item, loc, path, line_of(loc), unknown))
    return problems


def _problem_from_error(
    item: Any, loc: tuple[Any, ...], path: str, line: int | None, unknown: list[str]
) -> Problem:
    kind = item["type"]
    if kind == "literal_error":
        expected = item.get("ctx", {}).get("expected", "")
        message = f"{_show(item.get('input'))} is not allowed; expected one of {expected}"
    elif kind == "extra_forbidden":
        message = f"unknown key '{loc[-1] if loc else ''}'"
    elif kind in ("value_error", "assertion_error"):
        message = str(item["msg"]).removeprefix("Value error, ")
    elif kind.startswith("date") or kind.startswith("datetime"):
        message = f"{_show(item.get('input'))} is not a date; expected YYYY-MM-DD, e.g. 2026-11-20"
    elif kind in EXPECTED:
        shown = "" if kind == "missing" else f"{_show(item.get('input'))}: "
        message = shown + EXPECTED[kind]
    else:
        message = f"{_show(item.get('input'))}: {item['msg']}"
    hint = field_description(loc)
    if kind == "missing" and len(loc) == 1:
        close = difflib.get_close_matches(str(loc[0]), unknown, n=1, cutoff=0.75)
        if close:
            hint = f"found '{close[0]}' — a misspelling of '{loc[0]}'? " + hint
    return Problem(path, message, line=line, field=_dotted(loc) or None, hint=hint.strip())


def _placeholders(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[Any, ...]]:
    """Paths of every string still holding the scaffold's TODO marker."""
    if isinstance(value, str):
        if PLACEHOLDER in value:
            yield loc
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, (*loc, index))


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _show(value: Any) -> str:
    """A short, safe rendering of the offending value for a message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems_in_case_file(path: Path, display_path: str | None = None) -> list[Problem]:
    """Read a case-report Markdown file and validate its front matter (used by tests and CLIs)."""
    from scripts.case_reports.frontmatter import read_front_matter

    shown = display_path or str(path)
    meta, lines, problem = read_front_matter(path.read_text(encoding="utf-8"))
    if problem:
        return [Problem(shown, problem, line=1)]
    return problems_in_case(meta, shown, field_lines=lines)
