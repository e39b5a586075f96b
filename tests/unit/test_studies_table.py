"""The studies table: every verified study is shown with a link; bad data fails clearly."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.directives import RENDERERS, DirectiveContext, expand_directives
from scripts.pages.studies_table import DATA_FILE, DESIGN_LABELS, load_studies, render_studies_table


def _ctx() -> DirectiveContext:
    return DirectiveContext(lang="zh-Hant", page_src="msc/evidence.md", convert=lambda s, lang: s)


def _row_for(table: str, study: dict) -> str:
    label = f"{study['first_author']} 等 {study['year']}"
    rows = [line for line in table.splitlines() if line.startswith(f"| {label} |")]
    assert len(rows) == 1, f"expected one row for {label}, found {len(rows)}"
    return rows[0]


def _write(tmp_path: Path, entries: list[dict]) -> Path:
    path = tmp_path / "clinical_studies.yml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def _good_entry(**changes: object) -> dict:
    entry = {
        "id": "example-2020",
        "first_author": "Example",
        "year": 2020,
        "condition": "狼瘡性腎炎",
        "design": "single-arm",
        "cell_source": "UC-MSC",
        "patients_msc": 10,
        "patients_control": None,
        "country": None,
        "main_finding": "一句話。",
        "doi": "10.1000/example",
        "verified": True,
    }
    entry.update(changes)
    return entry


def test_every_verified_study_has_a_row_with_a_primary_source_link() -> None:
    studies = load_studies()
    verified = [study for study in studies if study["verified"]]
    assert verified, "the data file should contain verified studies"
    table = render_studies_table(_ctx())
    for study in verified:
        row = _row_for(table, study)
        if study.get("doi"):
            assert f"(https://doi.org/{study['doi']})" in row
        if study.get("pmid"):
            assert f"(https://pubmed.ncbi.nlm.nih.gov/{study['pmid']}/)" in row
        assert DESIGN_LABELS[study["design"]] in row


def test_unverified_studies_are_not_shown() -> None:
    table = render_studies_table(_ctx())
    for study in load_studies():
        if not study["verified"]:
            label = f"| {study['first_author']} 等 {study['year']} |"
            assert label not in table


def test_table_shape_and_deng_2017_row() -> None:
    table = render_studies_table(_ctx())
    lines = [line for line in table.splitlines() if line.startswith("|")]
    widths = {line.count(" | ") for line in lines[2:]}
    assert len(widths) == 1, "every row should have the same number of cells"
    deng = next(study for study in load_studies() if study["id"] == "deng-2017")
    row = _row_for(table, deng)
    assert "雙盲隨機對照試驗" in row
    assert "12 / 6" in row
    assert "https://doi.org/10.1136/annrheumdis-2017-211073" in row


def test_labels_go_through_the_converter() -> None:
    seen: list[str] = []

    def convert(text: str, lang: str) -> str:
        seen.append(text)
        return text

    render_studies_table(
        DirectiveContext(lang="zh-Hans", page_src="msc/evidence.md", convert=convert)
    )
    assert "研究設計" in seen
    assert "雙盲隨機對照試驗" in seen


def test_directive_is_registered_and_expands() -> None:
    assert RENDERERS["studies-table"] == "scripts.pages.studies_table:render_studies_table"
    page = "前文\n\n<!-- shenzhi: studies-table -->\n\n後文\n"
    out = expand_directives(page, _ctx())
    assert "shenzhi:" not in out
    assert "| 研究 |" in out


@pytest.mark.parametrize("field", ["condition", "design", "patients_msc", "verified"])
def test_missing_field_names_file_entry_and_field(tmp_path: Path, field: str) -> None:
    entry = _good_entry()
    del entry[field]
    path = _write(tmp_path, [entry])
    with pytest.raises(ValueError, match=f"entry 'example-2020': field '{field}'") as info:
        render_studies_table(_ctx(), path)
    assert str(path) in str(info.value)


def test_unknown_design_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, [_good_entry(design="rct")])
    with pytest.raises(ValueError, match="field 'design'"):
        load_studies(path)


def test_verified_entry_needs_doi_or_pmid(tmp_path: Path) -> None:
    entry = _good_entry()
    del entry["doi"]
    path = _write(tmp_path, [entry])
    with pytest.raises(ValueError, match="field 'doi'"):
        load_studies(path)


def test_unverified_entry_may_lack_link_and_finding(tmp_path: Path) -> None:
    entry = _good_entry(verified=False, main_finding=None)
    del entry["doi"]
    path = _write(tmp_path, [_good_entry(id="shown-2021", year=2021), entry])
    table = render_studies_table(_ctx(), path)
    assert "Example 等 2021" in table
    assert "Example 等 2020" not in table


def test_data_file_is_the_default() -> None:
    assert DATA_FILE.name == "clinical_studies.yml"
    assert DATA_FILE.exists()
