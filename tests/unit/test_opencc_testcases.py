"""OpenCC's own s2twp / tw2sp test cases (tests/cases/opencc_testcases.json): raw OpenCC must
pass them all (a binding upgrade that changes an answer shows here), and our converter must
give OpenCC's answer except where tests/cases/opencc_testcases_deliberate.tsv says why not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest

from scripts.conversion.convert import convert_markdown, convert_text
from scripts.data_table import records

CASES = Path(__file__).resolve().parents[1] / "cases"
VENDORED = json.loads((CASES / "opencc_testcases.json").read_text(encoding="utf-8"))
DELIBERATE = {(row["id"], row["direction"]): row
              for row in records(CASES / "opencc_testcases_deliberate.tsv")}
TARGET = {"s2twp": "zh-Hant", "tw2sp": "zh-Hans"}  # OpenCC config -> our direction
ANSWERS = [(case["id"], config, case["input"], expected)
           for case in VENDORED["cases"] for config, expected in case["expected"].items()]


def test_vendored_file_names_its_source_and_licence() -> None:
    upstream = VENDORED["upstream"]
    assert upstream["repository"] == "https://github.com/BYVoid/OpenCC"
    assert upstream["path"] == "test/testcases/testcases.json"
    assert re.fullmatch("[0-9a-f]{40}", upstream["commit"])
    assert upstream["licence"] == "Apache-2.0" and "Apache License" in upstream["notice"]
    assert {config for _, config, _, _ in ANSWERS} == set(TARGET)
    ids = [case["id"] for case in VENDORED["cases"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("answer", ANSWERS, ids=lambda a: f"{a[0]}-{a[1]}")
def test_raw_opencc_passes_its_own_case(answer: tuple[str, str, str, str]) -> None:
    _, config, text, expected = answer
    assert opencc.OpenCC(config).convert(text) == expected


def test_converter_gives_opencc_answers_except_listed() -> None:
    ours = {}
    for case_id, config, text, expected in ANSWERS:
        got = convert_text(text, TARGET[config])
        assert convert_markdown(text, TARGET[config]) == got, case_id  # no Markdown in them
        if got != expected:
            ours[(case_id, TARGET[config])] = (got, expected)
    unlisted = sorted(set(ours) - set(DELIBERATE))
    assert unlisted == [], ("differences from OpenCC's answer: fix the glossary or rule that "
                            "broke them, or list them with a reason in "
                            f"opencc_testcases_deliberate.tsv: {[(k, ours[k]) for k in unlisted]}")
    stale = sorted(set(DELIBERATE) - set(ours))
    assert stale == [], f"now equal to OpenCC's answer: remove from the deliberate list: {stale}"
    changed = sorted(key for key, row in DELIBERATE.items()
                     if (row["ours"], row["expected"]) != ours[key])
    assert changed == [], f"the converter now writes something else: update the rows {changed}"


def test_every_deliberate_difference_has_a_reason() -> None:
    for row in DELIBERATE.values():
        assert row["direction"] in TARGET.values() and len(row["reason"]) > 20, row["id"]
