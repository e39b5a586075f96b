"""Region blocks: each region's own text, shown as written on its page only."""

from __future__ import annotations

import pytest

from scripts.conversion.convert import MarkerError, convert_markdown
from scripts.conversion.region_blocks import region_problems, select_regions
from scripts.pages.staging import stage

PAGE = """# 治疗前要问的问题

通用：肾小球滤过率。

<!-- shenzhi: region zh-Hant -->
在台灣，請問是否為食藥署核准的人體試驗？里長。
<!-- shenzhi: end-region -->
<!-- shenzhi: region zh-Hans -->
在中国大陆，请问是否已在国家卫健委备案？里程。
<!-- shenzhi: end-region -->

结尾：随访。
"""


def test_own_region_as_written_other_region_left_out() -> None:
    hant = convert_markdown(PAGE, "zh-Hant", "zh-Hans")
    assert "在台灣，請問是否為食藥署核准的人體試驗？里長。" in hant  # 里 not turned into 裡
    assert "国家卫健委" not in hant and "國家衛健委" not in hant
    assert "腎絲球過濾率" in hant and "追蹤" in hant  # the rest is converted as usual
    hans = convert_markdown(PAGE, "zh-Hans", "zh-Hans")
    assert "在中国大陆，请问是否已在国家卫健委备案？里程。" in hans
    assert "台灣" not in hans and "台湾" not in hans
    assert "shenzhi: region" not in hant + hans and "end-region" not in hant + hans


def test_line_numbers_after_a_block_stay_true() -> None:
    for target in ("zh-Hant", "zh-Hans"):
        selected = select_regions(PAGE, target)
        assert selected.count("\n") == PAGE.count("\n")


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a\n<!-- shenzhi: region zh-TW -->\nx\n<!-- shenzhi: end-region -->\n", 2, "unknown region"),
    ("a\n\n<!-- shenzhi: region zh-Hant -->\nx\n", 3, "never closed"),
    ("a\n<!-- shenzhi: end-region -->\n", 2, "without a region block"),
    ("<!-- shenzhi: region zh-Hant -->\n<!-- shenzhi: region zh-Hans -->\n"
     "<!-- shenzhi: end-region -->\n", 2, "inside another"),
])
def test_malformed_blocks_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(MarkerError) as error:
        convert_markdown("---\ntitle: t\n---\n" + text, "zh-Hant", "zh-Hans")
    assert error.value.line == line + 3 and words in error.value.reason
    problems = region_problems(text, "docs/p.zh-Hans.md")
    assert len(problems) == 1 and problems[0].line == line and words in problems[0].message


def test_block_in_the_wrong_script_is_a_problem() -> None:
    text = "<!-- shenzhi: region zh-Hant -->\n在台湾，请问\n<!-- shenzhi: end-region -->\n"
    (problem,) = region_problems(text, "docs/p.zh-Hans.md")
    assert problem.line == 1 and "灣" not in problem.message and "湾" in problem.message
    assert region_problems(PAGE, "docs/p.zh-Hans.md") == []


def test_staging_gives_each_page_its_region(tmp_path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "q.zh-Hans.md").write_text("---\ntitle: 问题\n---\n" + PAGE, encoding="utf-8")
    result = stage(docs, tmp_path / "staged")
    assert [p for p in result.problems if "region" in p.message] == []  # front matter is short
    hant = (tmp_path / "staged" / "q.zh-Hant.md").read_text(encoding="utf-8")
    hans = (tmp_path / "staged" / "q.zh-Hans.md").read_text(encoding="utf-8")
    assert "食藥署" in hant and "卫健委" not in hant
    assert "卫健委" in hans and "食藥署" not in hans


def test_a_mark_counts_only_alone_on_its_line() -> None:
    text = "前言 <!-- shenzhi: region zh-Hant --> 後語\n  <!-- shenzhi: end-region -->\t\n"
    with pytest.raises(MarkerError, match="without a region block"):
        select_regions(text, "zh-Hant")


def test_an_indented_mark_takes_its_whole_line() -> None:
    # The indentation and the tab after the mark belong to the mark: neither is left on the page.
    text = "前\n  <!-- shenzhi: region zh-Hans -->\t\n简\n<!-- shenzhi: end-region -->\n後"
    assert select_regions(text, "zh-Hans") == "前\n\n简\n\n後"
