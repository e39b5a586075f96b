"""Context rules (scripts/data/context_rules.tsv): every row against its own sentences, clear
errors for bad rows, and no rule firing inside protected Markdown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scripts.checks.context_rules import behaviour_problems
from scripts.checks.run import run_checks
from scripts.conversion.context_rules import (
    COLUMNS,
    CONTEXT_RULES_PATH,
    ContextRule,
    build_rules,
    load_context_rules,
    parse_context_rules,
)
from scripts.conversion.convert import convert_markdown, convert_text
from scripts.problems import ContentError

RULES = tuple(load_context_rules())
HEADER = "\t".join(COLUMNS)
# A well-formed row; the bad rows below each break one thing in it.
GOOD = ("hant-test\tzh-Hant\t(?<=研究)提示\t顯示\t研究提示病情稳定。\t研究顯示病情穩定。\t"
        "系统提示病情稳定。\tstudy findings")


def parse_and_check(path: Path = CONTEXT_RULES_PATH):
    """What `make check` reports: structural problems, else each rule against its examples."""
    rules, problems = parse_context_rules(path)
    return rules, problems or behaviour_problems(rules)


def write(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "context_rules.tsv"
    path.write_text("# test rules\n" + header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def without(rule: ContextRule):
    """All rules of the real file except `rule`: what the converter does without it."""
    return build_rules(tuple(r for r in RULES if r is not rule), "context_rules.tsv")


def test_real_file_is_valid_and_covers_both_directions() -> None:
    rules, problems = parse_and_check()
    assert [str(p) for p in problems] == []
    assert {r.target for r in rules} == {"zh-Hant", "zh-Hans"}
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert CONTEXT_RULES_PATH.read_text(encoding="utf-8").startswith("#")  # header comment


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_example_converts_to_expected(rule: ContextRule) -> None:
    assert rule.regex.search(rule.example), "the rule does not apply to its own example"
    assert convert_markdown(rule.example, rule.target) == rule.expected


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_expected_text_is_left_unchanged(rule: ContextRule) -> None:
    assert convert_markdown(rule.expected, rule.target) == rule.expected


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_counterexample_gets_the_ordinary_conversion(rule: ContextRule) -> None:
    word = rule.regex.search(rule.example).group(0)
    assert word in rule.counterexample, "the counterexample must contain the same word"
    assert rule.regex.search(rule.counterexample) is None
    ordinary = convert_markdown(rule.counterexample, rule.target, rules=without(rule))
    assert convert_markdown(rule.counterexample, rule.target) == ordinary


@pytest.mark.parametrize("rule", [r for r in RULES if not r.example.startswith(">")],
                         ids=lambda r: r.id)
def test_plain_prose_conversion_applies_the_rules(rule: ContextRule) -> None:
    # Titles, navigation labels and tooltips go through convert_text, not convert_markdown.
    assert convert_text(rule.example, rule.target) == rule.expected


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
@pytest.mark.parametrize("wrap", [
    "見 `{}` 一節。\n",                       # inline code
    "```text\n{}\n```\n",                    # fenced code
    "保留 -{{{}}}- 原文。\n",                 # inline rule: keep as written
    '<span title="{}">說明</span>\n',        # HTML attribute
    '[連結](https://example.org/ "{}")\n',   # link title
])
def test_rules_never_fire_inside_protected_spans(rule: ContextRule, wrap: str) -> None:
    source = rule.example.removeprefix("> ")
    assert source in convert_markdown(wrap.format(source), rule.target)


def test_rules_never_fire_inside_urls() -> None:
    text = "見 https://example.org/研究提示 與 [研究提示](https://example.org/试验注册)。"
    assert convert_markdown(text, "zh-Hant") == (
        "見 https://example.org/研究提示 與 [研究顯示](https://example.org/试验注册)。")


def test_rule_fires_right_next_to_inline_code() -> None:
    assert convert_markdown("`ChiCTR`：试验注册号见上表。研究提示病情稳定。", "zh-Hant") == (
        "`ChiCTR`：試驗登錄編號見上表。研究顯示病情穩定。")


def test_rules_apply_in_front_matter_values_not_keys() -> None:
    page = "---\ntitle: 研究提示病情稳定\n---\n\n正文。\n"
    assert convert_markdown(page, "zh-Hant").startswith("---\ntitle: 研究顯示病情穩定\n---")


def test_same_script_leaves_rule_words_alone() -> None:
    assert convert_markdown("> 提示：研究提示病情稳定。", "zh-Hans", "zh-Hans") == (
        "> 提示：研究提示病情稳定。")


def test_good_row_is_accepted(tmp_path: Path) -> None:
    rules, problems = parse_and_check(write(tmp_path, GOOD))
    assert problems == []
    assert [r.id for r in rules] == ["hant-test"]


@pytest.mark.parametrize(("row", "line", "expected"), [
    (GOOD.rsplit("\t", 1)[0], 3, "7 columns, expected 8"),
    (GOOD.replace("\tzh-Hant\t", "\tzh-TW\t"), 3, "unknown target 'zh-TW'"),
    (GOOD.replace("(?<=研究)提示", "(?<=研究)提示("), 3, "pattern does not compile"),
    (GOOD.replace("(?<=研究)提示", "(?<=研究|前瞻性)提示"), 3, "must have one fixed width"),
    (GOOD.replace("(?<=研究)提示", "(?<=(研究))提示"), 3, "capturing group"),
    (GOOD.replace("(?<=研究)提示", "(?<=研究).示"), 3, "first character is not fixed"),
    (GOOD.replace("(?<=研究)提示", "(?<=研究)(?=提示)"), 3, "can match without a word"),
    (GOOD.replace("\t顯示\t", "\t显示\t"), 3, "which is not zh-Hant"),
    (GOOD.replace("\tstudy findings", "\t"), 3, "empty note"),
    (GOOD.replace("hant-test", "Hant Test"), 3, "id 'Hant Test'"),
    (GOOD.replace("研究顯示病情穩定。", "研究提示病情穩定。"), 3,
     "the example converts to '研究顯示病情穩定。', not to the expected text"),
    (GOOD.replace("研究提示病情稳定。", "研究表明病情稳定。"), 3,
     "the pattern does not match its example"),
    (GOOD.replace("系统提示病情稳定。", "研究提示病情稳定。"), 3,
     "the rule changes its counterexample"),
    (GOOD.replace("系统提示病情稳定。", "系统说明病情稳定。"), 3,
     "the counterexample does not contain '提示'"),
    ("hant-test\tzh-Hant\t提示\t提示音\t提示病情。\t提示音病情。\t没有。\tloops", 3,
     "converting the expected text again"),
])
def test_bad_row_is_named_with_file_and_line(tmp_path: Path, row: str, line: int,
                                             expected: str) -> None:
    path = write(tmp_path, row)
    _, problems = parse_and_check(path)
    assert any(expected in str(p) for p in problems), [str(p) for p in problems]
    assert all(str(p).startswith(f"{path}:{line}") for p in problems), [str(p) for p in problems]


def test_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    _, problems = parse_and_check(write(tmp_path, GOOD, GOOD))
    assert any("duplicate id 'hant-test'" in str(p) and "line 3" in p.hint for p in problems)


def test_wrong_header_is_reported(tmp_path: Path) -> None:
    _, problems = parse_and_check(write(tmp_path, GOOD, header="id\ttarget\tpattern"))
    assert "header" in problems[0].message


def test_loading_a_bad_file_raises_content_error(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("\tzh-Hant\t", "\tzh-TW\t"))
    with pytest.raises(ContentError, match=r"context_rules.tsv:3 \[target\]"):
        load_context_rules(path)


def test_check_command_reports_a_bad_rule(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("(?<=研究)提示", "(?<=研究|前瞻性)提示"))
    problems = [str(p) for p in run_checks(tmp_path / "no-docs", context_rules_path=path)]
    assert len(problems) == 1 and "pattern does not compile" in problems[0]


def test_edited_file_is_picked_up_without_restart(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    assert len(load_context_rules(path)) == 1
    second = GOOD.replace("hant-test", "hant-test-two").replace("研究", "分析")
    path.write_text(path.read_text(encoding="utf-8") + second + "\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert len(load_context_rules(path)) == 2


def test_first_rule_in_the_file_wins(tmp_path: Path) -> None:
    first = GOOD
    second = GOOD.replace("hant-test", "hant-later").replace("\t顯示\t", "\t表示\t").replace(
        "研究顯示病情穩定。", "研究表示病情穩定。")
    rules, problems = parse_and_check(write(tmp_path, first, second))
    # The later rule never gets its say, and the check says so.
    assert any("hant-later: the example converts to '研究顯示病情穩定。'" in str(p)
               for p in problems)
    assert convert_markdown("研究提示病情稳定。", "zh-Hant", rules=rules) == "研究顯示病情穩定。"
