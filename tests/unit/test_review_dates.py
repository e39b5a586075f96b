"""Review discipline: every page has `reviewed` and `next_review` (at most 3 years later);
`make check` warns when a page is due and the build fails when it is overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scripts.checks.run import review_warnings
from scripts.front_matter import latest_next_review, page_problems, review_due, split_front_matter
from scripts.pages.staging import stage

TODAY = dt.date(2027, 6, 1)
BASE = {"kind": "article", "title": "t", "description": "d", "reviewed": dt.date(2026, 11, 21),
        "sources": [{"title": "s", "url": "https://doi.org/10.1/x", "evidence": "rct"}]}


def review_problems(**fields: object) -> list[str]:
    meta = {**BASE, **fields}
    return [p.message for p in page_problems(meta, "docs/p.zh-Hant.md", {}, TODAY)
            if p.field == "next_review"]


@pytest.mark.parametrize(("next_review", "words"), [
    (None, "next_review is None"),
    ("2027-11-21", "next_review is '2027-11-21'"),  # a quoted date is text, not a date
    (dt.date(2026, 11, 21), "not after reviewed"),
    (dt.date(2029, 11, 22), "more than 3 years"),
    (dt.date(2027, 5, 31), "overdue"),
])
def test_bad_or_overdue_next_review_is_a_problem(next_review: object, words: str) -> None:
    (message,) = review_problems(next_review=next_review)
    assert words in message


def test_in_date_next_review_is_fine() -> None:
    assert review_problems(next_review=dt.date(2029, 11, 21)) == []  # exactly 3 years
    assert review_problems(next_review=TODAY) == []  # due today, not yet overdue


def test_three_years_from_29_february() -> None:
    assert latest_next_review(dt.date(2028, 2, 29)) == dt.date(2031, 2, 28)


def test_due_within_90_days_is_a_warning_only() -> None:
    assert review_due({"next_review": dt.date(2027, 8, 1)}, TODAY) == dt.date(2027, 8, 1)
    assert review_due({"next_review": dt.date(2027, 12, 1)}, TODAY) is None
    assert review_due({"next_review": dt.date(2027, 5, 1)}, TODAY) is None  # overdue: an error


def test_every_real_page_has_review_dates_in_date() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    pages = sorted(docs.rglob("*.md"))
    assert pages
    for path in pages:
        parsed, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        assert parsed and isinstance(parsed.meta.get("next_review"), dt.date), path
        assert parsed.meta["next_review"] <= latest_next_review(parsed.meta["reviewed"]), path


PAGE = """---
title: 标题
description: 说明
kind: article
reviewed: {reviewed}
next_review: {next_review}
sources:
  - title: Example
    url: https://doi.org/10.1000/x
    evidence: rct
---
正文。
"""


def test_overdue_page_fails_the_build_and_due_page_warns(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.zh-Hans.md").write_text(
        PAGE.format(reviewed="2020-01-01", next_review="2021-01-01"), encoding="utf-8")
    today = dt.date.today()
    soon = today + dt.timedelta(days=30)
    (docs / "soon.zh-Hans.md").write_text(
        PAGE.format(reviewed=today - dt.timedelta(days=300), next_review=soon), encoding="utf-8")
    problems = [str(p) for p in stage(docs, tmp_path / "staged").problems]
    assert len(problems) == 1 and "docs/old.zh-Hans.md:6" in problems[0]
    assert "overdue" in problems[0]
    warnings = review_warnings(docs)
    assert warnings == [f"warning: docs/soon.zh-Hans.md:6 [next_review]: due for review on "
                        f"{soon}; check it against its sources and set new dates"]
