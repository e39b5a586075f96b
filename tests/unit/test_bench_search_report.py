"""`make bench` prints search recall and names each (form, page) pair missed."""

from __future__ import annotations

from scripts.bench.__main__ import search_report


def test_the_report_names_the_misses() -> None:
    figures = {"zh-Hant": {"queries": 3, "occurring": 2, "found_pairs": 2, "expected_pairs": 3,
                           "recall": 2 / 3, "wrong": [], "extras": [], "seconds": 1.0,
                           "misses": [("肌酸酐", "ckd/lab-report/")]}}
    text = "\n".join(search_report(figures))
    assert "66.67%" in text and "MISSED" in text
    assert "missed: 肌酸酐 → /ckd/lab-report/" in text
