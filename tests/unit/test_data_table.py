"""The reader shared by the glossary and the context rules: header, widths, comments."""

from __future__ import annotations

from pathlib import Path

from scripts.data_table import table_rows

COLUMNS = ("a", "b")


def _read(tmp_path: Path, text: str) -> tuple[list, list]:
    path = tmp_path / "table.tsv"
    path.write_text(text, encoding="utf-8")
    problems: list = []
    return list(table_rows(path, COLUMNS, problems, "one TAB each")), problems


def test_rows_by_column_with_line_numbers(tmp_path: Path) -> None:
    rows, problems = _read(tmp_path, "# note\na\tb\n\n甲\t乙\n丙\n丁\t戊\n")
    assert rows == [(4, {"a": "甲", "b": "乙"}), (6, {"a": "丁", "b": "戊"})]
    assert [(p.line, p.message, p.hint) for p in problems] == [
        (5, "1 columns, expected 2", "one TAB each")]


def test_a_wrong_header_ends_the_reading(tmp_path: Path) -> None:
    rows, problems = _read(tmp_path, "a\tc\n甲\t乙\n")
    assert rows == []
    assert [(p.line, p.message) for p in problems] == [(1, "header is ['a', 'c']")]
    assert "a<TAB>b" in problems[0].hint


def test_a_file_without_a_header_is_reported(tmp_path: Path) -> None:
    rows, problems = _read(tmp_path, "# only comments\n")
    assert rows == [] and [p.message for p in problems] == ["no header line"]
