"""Conversion cases as data: the dev set, the regression cases and every glossary concept."""

from __future__ import annotations

import difflib
from pathlib import Path

import opencc
import pytest

from scripts.bench.conversion import ALTERNATIVES, SENTENCE_SETS, references
from scripts.conversion.context_rules import load_context_rules
from scripts.conversion.convert import convert_markdown
from scripts.conversion.glossary import load_glossary
from scripts.data_table import records

CASES = Path(__file__).resolve().parents[1] / "cases"


def read_tsv(name: str) -> list[dict[str, str]]:
    return records(CASES / name)


DEV = read_tsv("dev_set.tsv")
SETS = {"dev_set": DEV, "review_set": read_tsv("review_set.tsv"),
        "heldout_a": read_tsv("heldout_a.tsv"), "heldout_b": read_tsv("heldout_b.tsv")}
KNOWN_MISSES = {(row["id"], row["direction"]) for name in SETS
                for row in read_tsv(f"{name}_known_misses.tsv")}
REGRESSIONS = read_tsv("conversion_regressions.tsv")
SOURCE_COLUMN = {"zh-Hant": "zh_Hans", "zh-Hans": "zh_Hant_TW"}
TARGET_COLUMN = {"zh-Hant": "zh_Hant_TW", "zh-Hans": "zh_Hans"}


@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("direction", ["zh-Hant", "zh-Hans"])
def test_sentence_sets_match_except_known_misses(name: str, direction: str) -> None:
    rows = SETS[name]
    missed = {row["id"] for row in rows
              if convert_markdown(row[SOURCE_COLUMN[direction]], direction)
              != row[TARGET_COLUMN[direction]]}
    known = {sid for sid, d in KNOWN_MISSES if d == direction} & {row["id"] for row in rows}
    assert missed - known == set(), "sentences that used to convert correctly now fail"
    assert known - missed == set(), f"now correct: remove them from {name}_known_misses.tsv"


# Tuning sets D, G, I, J and K give {preferred|alt} where a region has two normal forms: a sentence
# converts when the output is any valid reading of the reference (the source in its preferred
# reading).
TUNING_SETS = ("tuning_d", "tuning_g", "tuning_i", "tuning_j", "tuning_k")


@pytest.mark.parametrize("name", TUNING_SETS)
@pytest.mark.parametrize("direction", ["zh-Hant", "zh-Hans"])
def test_tuning_sets_match_a_valid_reading_except_known_misses(name: str, direction: str) -> None:
    missed = {row["id"] for row in read_tsv(f"{name}.tsv")
              if convert_markdown(references(row[SOURCE_COLUMN[direction]])[0], direction)
              not in references(row[TARGET_COLUMN[direction]])}
    known = {row["id"] for row in read_tsv(f"{name}_known_misses.tsv")
             if row["direction"] == direction}
    assert missed - known == set(), "sentences that used to convert correctly now fail"
    assert known - missed == set(), f"now correct: remove them from {name}_known_misses.tsv"


@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("direction", ["zh-Hant", "zh-Hans"])
def test_text_already_in_target_script_is_unchanged(name: str, direction: str) -> None:
    for row in SETS[name]:
        text = row[TARGET_COLUMN[direction]]
        assert convert_markdown(text, direction) == text, row["id"]


def context_rule_words() -> set[str]:
    """The words the context rules replace (as matched in their examples) and write."""
    words = set()
    for rule in load_context_rules():
        found = rule.regex.search(rule.example)
        words |= {rule.replacement, found.group(0)} if found else {rule.replacement}
    return words


@pytest.mark.parametrize("direction", ["zh-Hant", "zh-Hans"])
def test_round_trip_changes_only_glossary_words(direction: str) -> None:
    back = "zh-Hans" if direction == "zh-Hant" else "zh-Hant"
    forms = {f for c in load_glossary() for lang in ("zh-Hant", "zh-Hans") for f in c.forms(lang)}
    forms |= context_rule_words()  # a context rule decides its word in one direction only
    for row in DEV:
        original = row[SOURCE_COLUMN[direction]]
        returned = convert_markdown(convert_markdown(original, direction), back)
        matcher = difflib.SequenceMatcher(a=original, b=returned, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                continue
            window = original[max(0, a0 - 6): a1 + 6]
            returned_window = returned[max(0, b0 - 6): b1 + 6]
            assert any(f in window or f in returned_window for f in forms), (
                f"{row['id']}: '{original[a0:a1]}' became '{returned[b0:b1]}' "
                "with no glossary entry or context rule behind it")


@pytest.mark.parametrize("case", REGRESSIONS, ids=lambda c: c["input"][:12])
def test_regression_case(case: dict[str, str]) -> None:
    assert convert_markdown(case["input"], case["direction"]) == case["expected"], case["note"]


@pytest.mark.parametrize("named", [
    ("zh-Hant", "避免提重物", "避免提重物"),
    ("zh-Hant", "前列腺素", "前列腺素"),
    ("zh-Hant", "队列研究", "世代研究"),
    ("zh-Hant", "白细胞介素", "介白素"),
    ("zh-Hant", "包括发烧", "包括發燒"),
    ("zh-Hans", "不能自行停用降血壓藥", "不能自行停用降压药"),
    ("zh-Hans", "指標", "指标"),
    ("zh-Hans", "病毒複製", "病毒复制"),
])
def test_failures_named_in_issue_3(named: tuple[str, str, str]) -> None:
    direction, text, expected = named
    assert convert_markdown(text, direction) == expected


@pytest.mark.parametrize("direction", ["zh-Hant", "zh-Hans"])
def test_every_glossary_concept_converts(direction: str) -> None:
    source = "zh-Hans" if direction == "zh-Hant" else "zh-Hant"
    wrong = []
    for concept in load_glossary():
        for form in concept.forms(source):
            got = convert_markdown(form, direction)
            if got != concept.counterpart(form, direction):
                wrong.append(f"{concept.en}: {form} -> {got}")
        for form in concept.forms(direction):
            if convert_markdown(form, direction) != form:
                wrong.append(f"{concept.en}: {form} (already {direction}) changed")
    assert wrong == []


SEED_MISCONVERSIONS = (Path(__file__).resolve().parents[2].parent / "shared" / "reference"
                       / "seed_misconversions.tsv")
# Wrong Taiwan forms the reference list records that the converter still writes, on purpose:
# context-dependent words (通過/透過, 水平, 伴有), valid Taiwan variants (趨化因子, 適應性免疫,
# 血小板減少, 腎移植) and the insurance of another country (醫保 is not 健保).
SEED_KEPT = {"通過", "水平", "伴有", "趨化因子", "適應性免疫", "血小板減少", "腎移植", "醫保"}


@pytest.mark.skipif(not SEED_MISCONVERSIONS.is_file(), reason="reference list not available")
def test_misconversions_seen_in_the_reference_articles_are_not_repeated() -> None:
    rows = records(SEED_MISCONVERSIONS)
    to_mainland = opencc.OpenCC("tw2s")
    repeated = []
    for row in rows:
        wrong, right = row["wrong"], row["right"]
        # The mainland text the article was converted from, converted by us instead.
        ours = convert_markdown(to_mainland.convert(wrong), "zh-Hant")
        if wrong != right and wrong in ours and right not in ours and wrong not in SEED_KEPT:
            repeated.append(f"{wrong} (should be {right})")
    assert repeated == []


@pytest.mark.parametrize("set_name", sorted(SENTENCE_SETS))
def test_sentence_sets_are_well_formed(set_name: str) -> None:
    """Every pair has an id of its own and both sides; `{a|b}` groups are closed and not nested
    (an unclosed one would be read as literal text, a reading no one wrote). A bar outside a
    group is text: the dev set has Markdown tables."""
    rows = records(SENTENCE_SETS[set_name])
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "an id is used twice"
    for row in rows:
        for column in ("zh_Hans", "zh_Hant_TW"):
            text = row[column]
            assert text.strip(), f"{row['id']}: {column} is empty"
            outside = ALTERNATIVES.sub("", text)
            assert not set("{}") & set(outside), f"{row['id']} {column}: stray brace"
            assert all(len(reading) > 0 for reading in references(text))
