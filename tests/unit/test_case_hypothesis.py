"""`problems_in_case` never raises, whatever the front matter holds."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.case_reports.schema import CaseReport, _model_of
from scripts.case_reports.validate import problems_in_case
from scripts.problems import Problem

EXAMPLE = Path(__file__).resolve().parents[2] / "scripts" / "data" / "case-report.example.yml"
TERMS = {"serum creatinine", "estimated glomerular filtration rate"}
BASE = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8").split("---\n")[1])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.integers().map(lambda n: n * 10**400),  # far beyond any float
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["TODO", "", "   ", "10.1/x", "mg/dL", "CD34+", "\u0000", "腎臟🫘", "null"]),
    st.dates(),
    st.datetimes(),
)
junk = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=12), st.integers(), st.none()), children,
                        max_size=4),
    ),
    max_leaves=12,
)


def check(found: object) -> None:
    assert isinstance(found, list)
    for problem in found:
        assert isinstance(problem, Problem)
        assert problem.message.strip()
        assert problem.path == "docs/case-reports/x.zh-Hans.md"


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key/index path inside the base case."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


ALL_PATHS = paths(BASE)


def replaced(path: tuple[Any, ...], value: Any, delete: bool = False) -> dict[str, Any]:
    meta = copy.deepcopy(BASE)
    target: Any = meta
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return meta


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(junk)
def test_any_value_as_front_matter_never_raises(meta: Any) -> None:
    check(problems_in_case(meta, "docs/case-reports/x.zh-Hans.md", glossary_terms=TERMS))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*sorted(BASE), "extra", "kind"]), junk, max_size=12))
def test_case_shaped_junk_never_raises_and_names_problems(meta: dict[str, Any]) -> None:
    found = problems_in_case(meta, "docs/case-reports/x.zh-Hans.md", glossary_terms=TERMS)
    check(found)
    assert found  # a case built from junk values is never complete


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ALL_PATHS), junk)
def test_mutating_one_field_of_a_valid_case_never_raises(path: tuple[Any, ...], value: Any) -> None:
    found = problems_in_case(replaced(path, value), "docs/case-reports/x.zh-Hans.md",
                             glossary_terms=TERMS)
    check(found)
    for problem in found:
        # Every problem points into the case (or at it as a whole).
        assert problem.field is None or str(problem.field).split(".")[0] in {
            *BASE, *(str(p) for p in path[:1])
        }


def is_required(path: tuple[Any, ...]) -> bool:
    """Whether the schema field at `path` has no default (list indexes skipped)."""
    model: Any = CaseReport
    info = None
    for part in path:
        if isinstance(part, int):
            continue
        info = model.model_fields[part]
        model = _model_of(info.annotation)
    return info is not None and info.is_required()


def test_required_fields_are_read_from_the_schema() -> None:
    assert is_required(("citation", "url")) and is_required(("verification", "checked_against"))
    assert not is_required(("citation", "doi")) and not is_required(("harm_report",))


@settings(max_examples=200)
@given(st.sampled_from([p for p in ALL_PATHS if isinstance(p[-1], str)]))
def test_deleting_a_required_key_is_reported(path: tuple[Any, ...]) -> None:
    found = problems_in_case(replaced(path, None, delete=True), "docs/case-reports/x.zh-Hans.md",
                             glossary_terms=TERMS)
    check(found)
    if is_required(path):
        dotted = ".".join(str(p) for p in path)
        assert any(p.field == dotted for p in found), [str(p) for p in found]


def test_huge_and_odd_numbers_are_problems_not_crashes() -> None:
    for value in (10**400, float("inf"), float("-inf"), float("nan"), True, dt.date(2020, 1, 1)):
        meta = replaced(("measurements", 0, "points", 0, "value"), value)
        found = problems_in_case(meta, "docs/case-reports/x.zh-Hans.md", glossary_terms=TERMS)
        check(found)
        assert [p for p in found if p.field == "measurements.0.points.0.value"], value
