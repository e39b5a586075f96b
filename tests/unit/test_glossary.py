"""The glossary file: structure, generated dictionaries, and clear errors for bad rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checks.run import glossary_problems
from scripts.conversion.glossary import COLUMNS, GLOSSARY_PATH, load_glossary, parse_glossary

HEADER = "\t".join(COLUMNS)


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "glossary.tsv"
    path.write_text("# test glossary\n" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


ROW = "glomerulus\t\t肾小球\t腎絲球\t\tmap\tanatomy\t過濾血液的微血管球。\tmemory"


def test_real_glossary_is_valid_large_and_sorted() -> None:
    assert glossary_problems(GLOSSARY_PATH) == []
    glossary = load_glossary()
    assert len(glossary) >= 400
    keys = [c.en.casefold() for c in glossary]
    assert keys == sorted(keys)
    header = GLOSSARY_PATH.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("#")


def test_every_category_of_the_domain_is_covered() -> None:
    categories = {c.category for c in load_glossary()}
    assert {"anatomy", "lab", "disease", "treatment", "drug", "cell", "immunology", "study",
            "everyday"} <= categories


def test_dictionary_pairs_map_other_script_and_keep_own() -> None:
    pairs = dict(load_glossary().dictionary_pairs("zh-Hant"))
    assert pairs["肾小球"] == "腎絲球"
    assert pairs["腎絲球"] == "腎絲球"
    back = dict(load_glossary().dictionary_pairs("zh-Hans"))
    assert back["肌酸酐"] == "肌酐"


@pytest.mark.parametrize(("rows", "expected"), [
    ((ROW.replace("肾小球", ""),), "has no zh_Hans form"),
    ((ROW, ROW), "duplicate concept 'glomerulus'"),
    ((ROW, "kidney ball\t\t肾小球\t腎球\t\tmap\tanatomy\t說明。\tmemory"),
     "'肾小球' would become"),
    ((ROW.replace("腎絲球", "肾丝球"),), "belongs to the other script"),
    ((ROW.replace("\tmap\t", "\tswap\t"),), "kind 'swap'"),
    ((ROW.replace("\tanatomy\t", "\tmagic\t"),), "category 'magic'"),
    ((ROW.replace("過濾血液的微血管球。", ""),), "has no definition"),
    (("glomerulus\t肾小球",), "2 columns, expected 9"),
])
def test_bad_rows_are_named(tmp_path: Path, rows: tuple[str, ...], expected: str) -> None:
    path = write(tmp_path, *rows)
    problems = [str(p) for p in glossary_problems(path)]
    assert any(expected in p for p in problems), problems
    assert all(":" in p.split(" ")[0] for p in problems)  # file:line first


def test_wrong_header_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_text("en\tzh\n", encoding="utf-8")
    _, problems = parse_glossary(path)
    assert "header" in problems[0].message


def test_form_with_space_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, ROW.replace("腎絲球", "腎 絲球"))
    assert any("contains a space" in str(p) for p in glossary_problems(path))


def test_read_only_forms_are_read_but_never_written(tmp_path) -> None:
    from scripts.conversion.glossary import parse_glossary

    header = "\t".join(("en", "abbr", "zh_Hans", "zh_Hant", "zh_Hant_HK", "kind", "category",
                        "definition", "source"))
    row = "\t".join(("diabetic nephropathy", "", "糖尿病肾病|~糖尿病肾病变", "糖尿病腎病變", "",
                     "map", "disease", "糖尿病引起的腎臟病。", "memory"))
    path = tmp_path / "g.tsv"
    path.write_text(f"{header}\n{row}\n", encoding="utf-8")
    glossary, problems = parse_glossary(path)
    assert problems == []
    to_hant, to_hans = dict(glossary.dictionary_pairs("zh-Hant")), dict(
        glossary.dictionary_pairs("zh-Hans"))
    assert to_hant["糖尿病肾病变"] == "糖尿病腎病變"  # read whole
    assert to_hans["糖尿病腎病變"] == "糖尿病肾病"  # never written
    assert to_hans["糖尿病肾病变"] == "糖尿病肾病变"  # already mainland text stays as it is
    only_read = row.replace("糖尿病肾病|~糖尿病肾病变", "~糖尿病肾病变")
    path.write_text(f"{header}\n{only_read}\n", encoding="utf-8")
    _, problems = parse_glossary(path)
    assert any("no zh_Hans form" in p.message for p in problems)


def test_source_classes_of_real_rows_and_the_report() -> None:
    from scripts.checks.glossary import source_class, source_report, source_shares
    from scripts.conversion.glossary import load_glossary

    assert source_class("https://epaper.ntuh.gov.tw/x") == "published"
    assert source_class("second review 2026-12-06 (reviewer 1): TW 仿單 usage") == "second review"
    assert source_class("memory; second review 2026-12-06 unsure: x") == "memory only"
    assert source_class("memory") == "memory only"
    assert source_class("conversion-review 2026-11-22") == "project review"
    assert source_class("conversion-review 2026-12-07 tuning set D ; second review 2026-12-07 "
                        "(reviewer 6): confirmed, CN 说明书 usage") == "second review"
    assert source_class("conversion-review 2026-12-07 (found by a second reviewer): x") == (
        "project review")
    glossary = load_glossary()
    shares = source_shares(glossary)
    assert sum(shares.values()) == len(list(glossary))
    # Every row is vouched for except those a reviewer could not confirm (listed in the file).
    assert shares["memory only"] <= 12
    assert "memory only" in source_report(glossary) and "%" in source_report(glossary)
