"""The converter leaves every non-prose part of a Markdown page untouched, in both directions."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scripts.conversion.convert import MarkerError, convert_markdown, convert_text
from scripts.conversion.markdown_protect import Shield, _shield_fences_by_line, shield_fences

HANS = "肾小球"
HANT = "腎絲球"


def test_prose_is_converted_both_ways() -> None:
    assert convert_markdown(f"{HANS}会过滤血液。\n", "zh-Hant") == f"{HANT}會過濾血液。\n"
    assert convert_markdown(f"{HANT}會過濾血液。\n", "zh-Hans") == f"{HANS}会过滤血液。\n"


@pytest.mark.parametrize(
    "markdown",
    [
        f"```python\nx = '{HANS}'  # 注释\n```\n",
        f"~~~\n{HANS}\n~~~\n",
        f"    !!! note\n\n    ```\n    {HANS}\n    ```\n",
        f"`{HANS}`",
        f"``code with ` and {HANS}``",
        f"https://example.org/{HANS}?q=发烧",
        f"<https://example.org/{HANS}>",
        f'<span title="{HANS}" data-x="发烧">',
        f"<!-- {HANS} -->",
        f"<script>var a = '{HANS}';</script>",
        f"<style>.a::after {{ content: '{HANS}'; }}</style>",
        f"[{HANS}]: https://example.org/{HANS} \"{HANS}\"",
        "{#what-is-egfr}",
        "{: .lead #intro }",
    ],
)
def test_protected_parts_pass_through(markdown: str) -> None:
    for target in ("zh-Hant", "zh-Hans"):
        assert convert_markdown(markdown, target) == markdown


@pytest.mark.parametrize("markdown", [
    f"```\n{HANS}\n```\n文字\n~~~~\n```\n~~~~",
    f"前言\n  ```py\n{HANS}\n  ````\n[a]: https://x\n    [b]: https://y\n[c] 不是定義\n",
    f"```\n未關閉的 {HANS}\n",
    "文字\n```",
    "",
    f"```\n{HANS}\n```\n",  # the last fence ends the text: no line after it to look at
    f"x```y\n```\n{HANS}\n```",  # ``` inside a line opens nothing
    f"文字 ]: 不是定義\n [d]: https://e\n{HANS}",  # ]: in prose, then a real definition
    f"```\n{HANS}\n``` 不是結尾\nx```\n  ````\t\n{HANS}",  # only a bare fence line closes
    f"````\n```\n{HANS}\n````\n{HANS}",  # a shorter fence does not close a longer one
])
def test_fences_found_by_jumping_match_the_line_by_line_reading(markdown: str) -> None:
    # Text with only "\n" line breaks takes a fast path; other line breaks take the line loop.
    fast, slow = Shield(), Shield()
    assert shield_fences(markdown, fast) == _shield_fences_by_line(markdown, slow)
    assert fast.spans == slow.spans


def test_link_text_converts_but_target_does_not() -> None:
    out = convert_markdown(f'[{HANS}](ckd/{HANS}.md "{HANS}")', "zh-Hant")
    assert out == f'[{HANT}](ckd/{HANS}.md "{HANS}")'


def test_reference_link_label_untouched() -> None:
    assert convert_markdown(f"[{HANS}][{HANS}]", "zh-Hant") == f"[{HANT}][{HANS}]"


def test_heading_anchor_kept_heading_converted() -> None:
    out = convert_markdown(f"## 什么是{HANS} {{#what-is-a-glomerulus}}\n", "zh-Hant")
    assert out == f"## 什麼是{HANT} {{#what-is-a-glomerulus}}\n"


def test_text_between_html_tags_converts() -> None:
    out = convert_markdown(f'<text x="1" y="2">{HANS}</text>', "zh-Hant")
    assert out == f'<text x="1" y="2">{HANT}</text>'


def test_front_matter_keys_stay_values_convert() -> None:
    page = (f"---\ntitle: {HANS}\ndescription: 关于{HANS}\nsources:\n"
            f"  - title: {HANS}\n    url: https://doi.org/10.1/{HANS}\n    evidence: rct\n"
            f"---\n正文\n")
    out = convert_markdown(page, "zh-Hant")
    assert out == (f"---\ntitle: {HANT}\ndescription: 關於{HANT}\nsources:\n"
                   f"  - title: {HANT}\n    url: https://doi.org/10.1/{HANS}\n    evidence: rct\n"
                   f"---\n正文\n")


def test_admonition_title_and_body_convert() -> None:
    page = '!!! warning "注意：本文仅供参考"\n    干细胞疗法目前仍属于临床试验范围。\n'
    assert convert_markdown(page, "zh-Hant") == (
        '!!! warning "注意：本文僅供參考"\n    幹細胞療法目前仍屬於臨床試驗範圍。\n')


def test_quotes_become_corner_brackets_and_back() -> None:
    assert convert_text("他说“要‘随访’”。", "zh-Hant") == "他說「要『追蹤』」。"
    assert convert_text("他說「要『追蹤』」。", "zh-Hans") == "他说“要‘随访’”。"


def test_same_script_only_resolves_rules() -> None:
    page = f"{HANS} -{{zh-Hans:甲;zh-Hant:乙}}- -{{保留}}-"
    assert convert_markdown(page, "zh-Hans", "zh-Hans") == f"{HANS} 甲 保留"


def test_inline_rules() -> None:
    assert convert_markdown(f"-{{{HANS}}}-与{HANS}", "zh-Hant") == f"{HANS}與{HANT}"
    rule = "-{zh-Hans:甲状腺;zh-Hant:甲狀腺（臺）}-"
    assert convert_markdown(rule, "zh-Hant") == "甲狀腺（臺）"
    assert convert_markdown(rule, "zh-Hans") == "甲状腺"


def test_markers_never_leak() -> None:
    out = convert_markdown("a -{x}- b -{zh-Hans:c;zh-Hant:d}- e", "zh-Hant")
    assert "-{" not in out and "}-" not in out


@pytest.mark.parametrize(
    ("page", "line"),
    [
        ("---\ntitle: x\n---\n\n文字 -{没有结束\n", 5),
        ("第一行\n-{zh-Hans:只有简体}-\n", 2),
        ("a\nb\nc }- d\n", 3),
        ("-{zh-Hans:甲;zh-Hans:乙;zh-Hant:丙}-", 1),
        ("-{zh-TW:甲;zh-Hant:乙}-", 1),
        ("-{}-", 1),
        ("---\ntitle: -{坏\n---\n", 2),
    ],
)
def test_malformed_marker_names_line(page: str, line: int) -> None:
    with pytest.raises(MarkerError) as caught:
        convert_markdown(page, "zh-Hant")
    assert caught.value.line == line


def test_command_line_reads_stdin_and_file(tmp_path) -> None:
    run = [sys.executable, "-m", "scripts.conversion.convert", "--to", "zh-Hant"]
    result = subprocess.run(run, input=f"{HANS}\n", capture_output=True, text=True, check=True)
    assert result.stdout == f"{HANT}\n"
    page = tmp_path / "page.zh-Hant.md"
    page.write_text(f"{HANT}\n", encoding="utf-8")
    back = subprocess.run([*run[:-1], "zh-Hans", str(page)], capture_output=True, text=True,
                          check=True)
    assert back.stdout == f"{HANS}\n"


def test_command_line_reports_bad_marker_with_line(tmp_path) -> None:
    page = tmp_path / "bad.zh-Hans.md"
    page.write_text("好\n-{坏\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "scripts.conversion.convert", "--to", "zh-Hant",
                             str(page)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{page}:2:" in result.stderr
    assert "Traceback" not in result.stderr


def test_glossary_edit_is_picked_up_without_restart(tmp_path, monkeypatch) -> None:
    """`mkdocs serve` keeps the process: a changed glossary file must change the conversion."""
    import os

    import scripts.conversion.convert as convert_module
    from scripts.conversion.glossary import GLOSSARY_PATH, load_glossary

    copy = tmp_path / "glossary.tsv"
    copy.write_text(GLOSSARY_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(convert_module, "load_glossary", lambda: load_glossary(copy))
    assert convert_text("肾小球", "zh-Hant") == "腎絲球"
    assert convert_module.label_converter()("肾小球", "zh-Hant") == "腎絲球"
    text = copy.read_text(encoding="utf-8").replace("\t肾小球\t腎絲球\t", "\t肾小球\t腎小球球\t")
    copy.write_text(text, encoding="utf-8")
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    assert convert_text("肾小球", "zh-Hant") == "腎小球球"
    assert convert_module.label_converter()("肾小球", "zh-Hant") == "腎小球球"  # next page


@pytest.mark.parametrize("label", ["病例一覽", "每次 ", "腎絲球過濾率下降", "提示：請回診",
                                   "5克", "「成功」", "用 `code` 寫"])
def test_labels_convert_as_convert_text_does(label: str) -> None:
    from scripts.conversion.convert import label_converter

    for target in ("zh-Hans", "zh-Hant"):
        assert label_converter()(label, target) == convert_text(label, target)


def test_a_page_in_its_own_script_without_markers_is_returned_as_is() -> None:
    text = "---\ntitle: 腎絲球\n---\n\n肌酸酐 `code` [連結](https://example.org)。\n"
    assert convert_markdown(text, "zh-Hant", "zh-Hant") is text
    marked = text.replace("肌酸酐", "-{zh-Hans:肌酐;zh-Hant:肌酸酐}-")
    assert convert_markdown(marked, "zh-Hant", "zh-Hant") == text
