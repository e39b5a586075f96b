"""Proper names (scripts/data/proper_names.tsv): listed names written exactly as listed, 《…》
titles converted character by character only, clear errors for bad rows, warnings for names
that are not listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.checks.names import unlisted_names
from scripts.checks.run import proper_name_problems
from scripts.conversion.convert import convert_markdown, convert_text
from scripts.conversion.glossary import COLUMNS as GLOSSARY_COLUMNS
from scripts.conversion.proper_names import (
    COLUMNS,
    PROPER_NAMES_PATH,
    load_proper_names,
    parse_proper_names,
)

NAMES = tuple(load_proper_names())
HEADER = "\t".join(COLUMNS)


def write(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "proper_names.tsv"
    path.write_text("# test names\n" + HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_real_file_is_valid_and_agrees_with_the_glossary() -> None:
    assert proper_name_problems(PROPER_NAMES_PATH) == []
    first_row = {}
    for index, name in enumerate(NAMES):
        first_row.setdefault(name.kind, index)
    # Grouped by kind, sorted by the mainland form within a kind.
    assert list(NAMES) == sorted(NAMES, key=lambda n: (first_row[n.kind], n.hans))


@pytest.mark.parametrize("name", NAMES, ids=lambda n: n.hans)
def test_listed_name_is_written_exactly_as_listed(name) -> None:
    assert convert_text(name.hans, "zh-Hant") == name.hant
    assert convert_text(name.hant, "zh-Hans") == name.hans
    assert convert_text(name.hant, "zh-Hant") == name.hant  # already in the target script
    assert convert_text(name.hans, "zh-Hans") == name.hans
    assert convert_text(f"《{name.hans}》", "zh-Hant") == f"《{name.hant}》"


@pytest.mark.parametrize("case", [
    # The law's own word 转化 stays 轉化 (OpenCC's phrase tables give 轉譯).
    ("zh-Hant", "依据《生物医学新技术临床研究和临床转化应用管理条例》，临床研究不得收费。",
     "依據《生物醫學新技術臨床研究和臨床轉化應用管理條例》，臨床研究不得收費。"),
    # A transliteration's 里 is never 裡, while 骨髓里 outside the name is.
    ("zh-Hant", "苏联学者弗里登施泰因（Friedenstein）研究骨髓里的细胞。",
     "蘇聯學者弗里登施泰因（Friedenstein）研究骨髓裡的細胞。"),
    # A name next to glossary terms: 科普 around it is still the glossary's 衛教.
    ("zh-Hant", "科普兰的科普文章", "柯普蘭的衛教文章"),
    ("zh-Hant", "弗里登施泰因发现了间充质干细胞", "弗里登施泰因發現了間質幹細胞"),
    ("zh-Hans", "國際幹細胞研究學會（ISSCR）提醒民眾：衛教內容不是療效證明。",
     "国际干细胞研究学会（ISSCR）提醒民众：健康教育内容不是疗效证明。"),
    # An unlisted title keeps its words (随访, 衛教), only the characters change; outside the
    # title the glossary applies.
    ("zh-Hant", "《慢性肾脏病随访手册》建议定期随访。", "《慢性腎臟病隨訪手冊》建議定期追蹤。"),
    ("zh-Hans", "《腎臟病衛教手冊》是衛教內容。", "《肾脏病卫教手册》是健康教育内容。"),
    # A listed name inside a longer title is written as listed, the rest character by character.
    ("zh-Hans", "《藥事法施行細則》", "《药事法施行细则》"),
    ("zh-Hant", "《干细胞临床研究管理办法（试行）》", "《幹細胞臨床研究管理辦法（試行）》"),
    # Titles in Markdown: the link target is protected, the link text is a title.
    ("zh-Hans", "[《再生醫療法》](https://law.moj.gov.tw/)", "[《再生医疗法》](https://law.moj.gov.tw/)"),
])
def test_names_and_titles_in_sentences(case: tuple[str, str, str]) -> None:
    target, text, expected = case
    assert convert_markdown(text, target) == expected


def test_marker_inside_a_title_still_decides() -> None:
    text = "《-{zh-Hans:干细胞制剂指导原则;zh-Hant:幹細胞製劑指導原則}-》"
    assert convert_markdown(text, "zh-Hant") == "《幹細胞製劑指導原則》"


@pytest.mark.parametrize(("rows", "expected"), [
    (("弗里登施泰因\t弗里登施泰因\tscientist\tFriedenstein",), "kind 'scientist'"),
    (("药事法\t药事法\tlaw\tTaiwan",), "which is not zh-Hant"),
    (("《药事法》\t《藥事法》\tlaw\tTaiwan",), "contains 《, 》 or a space"),
    (("药事法\t藥事法\tlaw\t",), "has no note"),
    (("\t藥事法\tlaw\tTaiwan",), "empty name"),
    (("药事法\t藥事法\tlaw\tTaiwan", "药事法\t藥事法規\tlaw\tagain"), "is also on line"),
])
def test_bad_rows_are_named(tmp_path: Path, rows: tuple[str, ...], expected: str) -> None:
    _, problems = parse_proper_names(write(tmp_path, *rows))
    assert any(expected in p.message for p in problems), problems


def test_a_name_the_glossary_converts_otherwise_is_a_problem(tmp_path: Path) -> None:
    glossary = tmp_path / "glossary.tsv"
    glossary.write_text("\t".join(GLOSSARY_COLUMNS) + "\n" + "\t".join(
        ["Pharmaceutical Affairs Act", "", "药事法", "藥事法規", "", "map", "regulation",
         "臺灣的藥事法律。", "memory"]) + "\n", encoding="utf-8")
    names = write(tmp_path, "药事法\t藥事法\tlaw\tTaiwan")
    problems = proper_name_problems(names, glossary)
    assert any("in the glossary" in p.message for p in problems), problems


def test_unlisted_titles_and_transliterations_are_warned() -> None:
    text = ("卡普兰（Caplan）与施密特（Schmidt）在《干细胞通讯》上发表，\n"
            "引用了《药事法》和《Cell Stem Cell》；间充质干细胞（MSC）、血红蛋白（Hb）；\n"
            "`《代码里的标题》` 与 约翰·史密斯。")
    warned = [(p.line, p.message) for p in unlisted_names(text, "zh-Hans", "t.md",
                                                          load_proper_names())]
    assert [line for line, _ in warned] == [1, 1, 3]
    assert "施密特（Schmidt）" in warned[0][1] and "《干细胞通讯》" in warned[1][1]
    assert "约翰·史密斯" in warned[2][1]
