"""Case-report front matter: the real cases validate; each kind of mistake is reported."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.case_reports import validate
from scripts.case_reports.frontmatter import read_front_matter
from scripts.case_reports.glossary_terms import GLOSSARY_PATH, load_glossary_terms
from scripts.case_reports.schema import DOI_PATTERN, CaseReport
from scripts.case_reports.validate import problems_in_case

ROOT = Path(__file__).resolve().parents[2]
CASES_DIR = ROOT / "docs" / "case-reports"
EXAMPLE = ROOT / "scripts" / "data" / "case-report.example.yml"
# A tiny glossary so these tests do not depend on the real glossary file being complete.
TERMS = {"serum creatinine", "estimated glomerular filtration rate", "hemoglobin"}


def case_files() -> list[Path]:
    return sorted(p for p in CASES_DIR.glob("*.md") if not p.name.startswith("index."))


def example() -> dict[str, Any]:
    """The commented example front matter: a complete, valid case."""
    text = EXAMPLE.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def problems(meta: Any, **kwargs: Any) -> list:
    return problems_in_case(meta, "docs/case-reports/x.zh-Hant.md", glossary_terms=TERMS, **kwargs)


def fields(found: list) -> set[str | None]:
    return {p.field for p in found}


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_each_real_case_validates(path: Path) -> None:
    meta, lines, problem = read_front_matter(path.read_text(encoding="utf-8"))
    assert problem is None
    assert problems_in_case(meta, str(path), lines, TERMS) == []


def test_there_are_cases_in_both_scripts() -> None:
    names = [p.name for p in case_files()]
    assert len(names) >= 5
    assert any(n.endswith(".zh-Hant.md") for n in names)
    assert any(n.endswith(".zh-Hans.md") for n in names)


def test_case_folder_defaults_to_case_report_kind() -> None:
    meta = yaml.safe_load((CASES_DIR / ".meta.yml").read_text(encoding="utf-8"))
    assert meta == {"kind": "case-report"}


@pytest.mark.skipif(not GLOSSARY_PATH.exists(), reason="scripts/data/glossary.tsv not written yet")
@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_each_real_case_validates_against_the_real_glossary(path: Path) -> None:
    meta, lines, _ = read_front_matter(path.read_text(encoding="utf-8"))
    assert problems_in_case(meta, str(path), lines) == []


def test_suzuki_is_cd34_not_msc_and_marks_seed_facts_unverified() -> None:
    meta, _, _ = read_front_matter((CASES_DIR / "suzuki-2021.zh-Hant.md").read_text("utf-8"))
    assert meta["intervention"]["cell_type"] == "CD34+"
    assert {"patient.age", "measurements"} <= set(meta["unverified"])
    assert meta["measurements"][0]["points"][-1]["value"] == 2.96


def test_wang_peer_review_is_unknown_and_allela_is_not_a_case() -> None:
    meta, _, _ = read_front_matter((CASES_DIR / "wang-2024.zh-Hant.md").read_text("utf-8"))
    assert meta["citation"]["peer_reviewed"] == "unknown"
    assert "腎臟科期刊" in meta["citation"]["peer_review_note"]
    assert not any("allela" in p.name for p in case_files())


def test_example_file_is_valid() -> None:
    assert problems(example()) == []


def mutate(meta: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of `meta` with the dotted `path` set to `value` (or deleted for DELETE)."""
    meta = copy.deepcopy(meta)
    *parents, last = path.split(".")
    target: Any = meta
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    key: Any = int(last) if last.isdigit() else last
    if value is DELETE:
        del target[key]
    else:
        target[key] = value
    return meta


DELETE = object()
FUTURE = dt.date.today() + dt.timedelta(days=3)

BAD_INPUTS = [
    ("reviewed", FUTURE, "reviewed", "future"),
    ("reviewed", "yesterday", "reviewed", "YYYY-MM-DD"),
    ("citation.year", FUTURE.year + 1, "citation.year", "future"),
    ("citation.doi", "doi:10.1002/x", "citation.doi", "not a DOI"),
    ("citation.doi", "https://doi.org/10.1002/x", "citation.doi", "not a DOI"),
    ("citation.pmid", "PMC123", "citation.pmid", "PubMed ID"),
    ("citation.url", "https://example.com/paper", "citation.url", "doi.org"),
    ("citation.peer_reviewed", "yes", "citation.peer_reviewed", "true, false or unknown"),
    ("citation.peer_reviewed", 1, "citation.peer_reviewed", "true, false or unknown"),
    ("verification.checked_against", "pdf", "verification.checked_against", "expected one of"),
    ("next_review", "soon", "next_review", "YYYY-MM-DD"),
    ("measurements.0.unit", "mg/L", "measurements.0.unit", "not allowed"),
    ("measurements.0.lab", "creatine", "measurements.0.lab", "glossary"),
    ("measurements.0.points.0.value", "high", "measurements.0.points.0.value", "number"),
    ("measurements.0.points.0.value", float("nan"), "measurements.0.points.0.value", "finite"),
    ("measurements.0.points.0.day", 1.5, "measurements.0.points.0.day", "whole number"),
    ("measurements.0.points", [], "measurements.0.points", "at least 1"),
    ("intervention.cell_type", "stem cells", "intervention.cell_type", "expected one of"),
    ("intervention.dose.unit", "units", "intervention.dose.unit", "expected one of"),
    ("intervention.dose.value", -1, "intervention.dose.value", "greater than"),
    ("patient.age", "sixty", "patient.age", "whole number"),
    ("patient.sex", "m", "patient.sex", "expected one of"),
    ("condition.stage", "stage 4", "condition.stage", "KDIGO"),
    ("editor_note", "   ", "editor_note", "non-empty"),
    ("adverse_events", DELETE, "adverse_events", "missing"),
    ("adverse_events", "none", "adverse_events", "list"),
    ("unverified", ["patient.height"], "unverified", "not field paths"),
    ("follow_up", "TODO", "follow_up", "TODO"),
    ("citation.source", 12, "citation.source", "text"),
    ("patient", "adult", "patient", "key: value"),
    ("intervention.colour", "red", "intervention.colour", "unknown key"),
]


@pytest.mark.parametrize(("path", "value", "field", "words"), BAD_INPUTS,
                         ids=[f"{b[0]}={b[1]!r}"[:40] for b in BAD_INPUTS])
def test_each_bad_input_names_its_field(path: str, value: Any, field: str, words: str) -> None:
    found = problems(mutate(example(), path, value))
    named = [p for p in found if p.field == field]
    assert named, f"no problem for {field}: {[str(p) for p in found]}"
    assert any(words in p.message for p in named), [str(p) for p in named]
    assert all(p.message and p.path.endswith("x.zh-Hant.md") for p in found)


@pytest.mark.parametrize("name", [n for n, f in CaseReport.model_fields.items() if f.is_required()])
def test_every_required_top_level_field_is_reported_when_missing(name: str) -> None:
    found = problems(mutate(example(), name, DELETE))
    assert [p for p in found if p.field == name and "missing" in p.message]


def test_a_citation_needs_a_doi_or_a_pmid() -> None:
    meta = mutate(mutate(example(), "citation.doi", None), "citation.pmid", None)
    assert any("at least one" in p.message for p in problems(meta) if p.field == "citation")


def test_all_problems_are_reported_at_once() -> None:
    meta = example()
    for path, value in [("reviewed", FUTURE), ("citation.doi", "10.1/x"),
                        ("measurements.0.unit", "mg"), ("measurements.0.points.1.value", "x"),
                        ("editor_note", DELETE), ("patient.sex", "?")]:
        meta = mutate(meta, path, value)
    assert {"reviewed", "citation.doi", "measurements.0.unit", "measurements.0.points.1.value",
            "editor_note", "patient.sex"} <= fields(problems(meta))


def test_problems_carry_the_line_of_the_top_level_key_and_a_hint() -> None:
    found = problems(mutate(example(), "patient.age", "x"), field_lines={"patient": 17})
    (problem,) = [p for p in found if p.field == "patient.age"]
    assert problem.line == 17
    assert "null if not reported" in problem.hint


def test_a_misspelt_key_gets_a_hint() -> None:
    meta = mutate(example(), "editor_note", DELETE)
    meta["editor_notes"] = "x"
    (problem,) = [p for p in problems(meta) if p.field == "editor_note"]
    assert "editor_notes" in problem.hint


@pytest.mark.parametrize("meta", [None, [], "text", 3, {"title": None}])
def test_front_matter_that_is_not_a_mapping_or_is_empty(meta: Any) -> None:
    found = problems(meta)
    assert found and all(p.message for p in found)


def test_doi_pattern_is_the_documented_one() -> None:
    assert DOI_PATTERN.pattern == r"^10\.\d{4,9}/\S+$"


def test_a_missing_glossary_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> set[str]:
        raise FileNotFoundError("glossary.tsv")

    monkeypatch.setattr(validate, "load_glossary_terms", missing)
    found = problems_in_case(example(), "x.md")
    assert any("glossary" in p.message for p in found)


def test_glossary_reader_uses_the_header_and_skips_comments(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tsv"
    header = "en\tabbr\tzh_Hans\tzh_Hant\tzh_Hant_HK\tkind\tcategory\tdefinition\tsource"
    path.write_text(
        f"# a comment\n{header}\n# another\n"
        "serum creatinine\tSCr\t血清肌酐\t血清肌酸酐\t\tmap\tlab\t血中的肌酸酐。\tmemory\n\n"
        "kidney\t\t肾脏\t腎臟\t\tprotect\tanatomy\t\tmemory\n",
        encoding="utf-8",
    )
    assert load_glossary_terms(path) == {"serum creatinine", "kidney"}
