"""`python -m scripts.case_reports.new_case`: a complete skeleton, TODOs reported, never
overwrites."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from scripts.case_reports.frontmatter import read_front_matter
from scripts.case_reports.new_case import ask_missing, main
from scripts.case_reports.schema import CaseReport, _model_of
from scripts.case_reports.validate import problems_in_case

FLAGS = ["--slug", "lee-2019", "--title", "測試病例", "--author", "Lee A", "--year", "2019",
         "--doi", "10.1234/abc.2019", "--condition", "CKD", "--cell-type", "UC-MSC",
         "--route", "IV", "--non-interactive"]
TERMS = {"serum creatinine"}


def schema_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every field path of the schema; list items are addressed through their first element."""
    found = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        found.append(path)
        inner = _model_of(info.annotation)
        if inner is not None and inner is not model:
            is_list = "list[" in str(info.annotation)
            found += schema_paths(inner, f"{path}.0." if is_list else f"{path}.")
    return found


def lookup(meta: Any, path: str) -> bool:
    """Whether `path` is written in `meta`; below a field written as null (an optional block
    such as total_dose) there is nothing more to write."""
    for part in path.split("."):
        if meta is None:
            return True
        if isinstance(meta, list):
            if not meta:
                return False
            meta = meta[int(part)]
        elif isinstance(meta, dict) and part in meta:
            meta = meta[part]
        else:
            return False
    return True


def scaffold(tmp_path: Path, *extra: str) -> Path:
    assert main([*FLAGS, *extra, "--docs-dir", str(tmp_path)]) == 0
    return tmp_path / "case-reports"


def test_scaffold_has_every_schema_field(tmp_path: Path) -> None:
    path = scaffold(tmp_path) / "lee-2019.zh-Hant.md"
    meta, _, problem = read_front_matter(path.read_text(encoding="utf-8"))
    assert problem is None
    paths = schema_paths(CaseReport)
    assert "measurements.0.points.0.value" in paths and "intervention.dose.unit" in paths
    assert [p for p in paths if not lookup(meta, p)] == []
    assert meta["citation"]["doi"] == "10.1234/abc.2019"
    assert meta["citation"]["url"] == "https://doi.org/10.1234/abc.2019"
    assert meta["intervention"]["cell_type"] == "UC-MSC"
    assert "{#what-happened}" in path.read_text(encoding="utf-8")


def test_scaffold_todos_are_problems_until_filled(tmp_path: Path) -> None:
    path = scaffold(tmp_path) / "lee-2019.zh-Hant.md"
    meta, lines, _ = read_front_matter(path.read_text(encoding="utf-8"))
    found = problems_in_case(meta, str(path), lines, TERMS)
    todo_fields = {p.field for p in found if "TODO" in p.message}
    assert {"description", "citation.source", "citation.peer_reviewed", "patient.age",
            "editor_note", "measurements.0.points.0.value"} <= todo_fields
    assert all(p.line for p in found)
    # Given values are not flagged.
    assert not {"title", "citation.doi", "condition.type", "intervention.route"} & todo_fields


def test_scaffold_without_values_still_parses_and_flags_everything(tmp_path: Path) -> None:
    code = main(["--slug", "x-2020", "--non-interactive", "--docs-dir", str(tmp_path),
                 "--script", "zh-Hans"])
    assert code == 0
    path = tmp_path / "case-reports" / "x-2020.zh-Hans.md"
    meta, lines, problem = read_front_matter(path.read_text(encoding="utf-8"))
    assert problem is None
    fields = {p.field for p in problems_in_case(meta, str(path), lines, TERMS)}
    assert {"title", "citation.year", "citation.doi", "condition.type",
            "intervention.cell_type", "intervention.route"} <= fields
    assert "发生了什么" in path.read_text(encoding="utf-8")


def test_refuses_to_overwrite_in_either_script(tmp_path: Path, capsys: Any) -> None:
    folder = scaffold(tmp_path)
    path = folder / "lee-2019.zh-Hant.md"
    path.write_text("edited", encoding="utf-8")
    assert main([*FLAGS, "--docs-dir", str(tmp_path)]) == 1
    assert main([*FLAGS, "--script", "zh-Hans", "--docs-dir", str(tmp_path)]) == 1
    assert path.read_text(encoding="utf-8") == "edited"
    assert not (folder / "lee-2019.zh-Hans.md").exists()
    assert "already exists" in capsys.readouterr().err


def test_prints_how_to_check_and_preview(tmp_path: Path, capsys: Any) -> None:
    scaffold(tmp_path)
    out = capsys.readouterr().out
    assert "python -m scripts.checks" in out and "make serve" in out
    assert "http://127.0.0.1:8000/case-reports/lee-2019/" in out


@pytest.mark.parametrize("flags", [["--slug", "Bad Slug"], ["--slug", "ok", "--route", "oral"],
                                   ["--slug", "ok", "--year", "20x1"]])
def test_bad_values_are_refused(tmp_path: Path, flags: list[str], capsys: Any) -> None:
    assert main([*flags, "--non-interactive", "--docs-dir", str(tmp_path)]) == 2
    assert "expected" in capsys.readouterr().err
    assert not (tmp_path / "case-reports").exists()


def test_interactive_prompts_fill_missing_values() -> None:
    answers = iter(["kim-2017", "標題", "Kim JS", "2017", "", "28680828", "CKD", "AD-MSC", "IV",
                    ""])
    values: dict[str, str | None] = {"title": None}
    ask_missing(values, ask=lambda prompt: next(answers))
    assert values["slug"] == "kim-2017" and values["pmid"] == "28680828"
    assert values["doi"] is None and values["script"] == "zh-Hant"
