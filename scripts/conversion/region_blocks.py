"""Region blocks: text that belongs to one region's page only and is never converted.

A statement about one region's law, insurance or agencies must not be converted into the other
region's page, where it would be wrong. An editor writes each region's own text:

    <!-- shenzhi: region zh-Hant -->
    在台灣，…（written in Traditional, Taiwan wording）
    <!-- shenzhi: end-region -->
    <!-- shenzhi: region zh-Hans -->
    在中国大陆，…（written in Simplified, mainland wording）
    <!-- shenzhi: end-region -->

Each block's text appears, exactly as written, only on the page of its own script; the other
region's blocks are left out. Blocks do not nest.
"""

from __future__ import annotations

import re

from scripts import LANGUAGES
from scripts.conversion.inline_rules import MarkerError
from scripts.conversion.markdown_protect import Shield, indented_line_start
from scripts.conversion.script_chars import foreign_in
from scripts.problems import Problem

MARK = "region"  # cheap test before the regular expressions
# A mark is a comment alone on its line. The expression starts with the literal "<!--", which the
# regex engine finds quickly; a pattern anchored with ^ under re.M was tried at every line start
# (3% of the converter's time on a 2 MB corpus). `_mark_line` checks the rest of the line.
ANY_MARK = re.compile(r"<!--\s*shenzhi:\s*(?:region\s+(?P<region>\S+?)|end-region)\s*-->")


def _mark_line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The line holding text[start:end] (without its line break) if only spaces and tabs stand
    beside it there, else None: the span the mark takes, indentation included."""
    line_start = indented_line_start(text, start)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if line_start is None or text[end:line_end].strip(" \t"):
        return None
    return line_start, line_end


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def region_spans(text: str) -> list[tuple[str, int, int, int, int]]:
    """Every block as (region, start, content start, content end, end) offsets in `text`.

    Raises MarkerError with the line for an unknown region, a block left open, an end with no
    block or a block inside another.
    """
    spans = []
    open_at: tuple[str, int, int] | None = None
    for match in ANY_MARK.finditer(text):
        line = _mark_line(text, match.start(), match.end())
        if line is None:
            continue
        mark_start, mark_end = line
        region = match.group("region")
        here = mark_start  # its line is counted only for an error: a page has many marks
        if region is not None:
            if open_at is not None:
                raise MarkerError(_line_of(text, here), "a region block starts inside another "
                                  f"(line {_line_of(text, open_at[1])}); close the first with "
                                  "<!-- shenzhi: end-region -->")
            if region not in LANGUAGES:
                raise MarkerError(_line_of(text, here), f"unknown region '{region}'; write "
                                  f"<!-- shenzhi: region {LANGUAGES[0]} --> or "
                                  f"<!-- shenzhi: region {LANGUAGES[1]} -->")
            open_at = (region, mark_start, mark_end)
        else:
            if open_at is None:
                raise MarkerError(_line_of(text, here), "<!-- shenzhi: end-region --> without a "
                                  "region block before it")
            region, start, content_start = open_at
            spans.append((region, start, content_start, mark_start, mark_end))
            open_at = None
    if open_at is not None:
        raise MarkerError(_line_of(text, open_at[1]), f"region block {open_at[0]} is never "
                          "closed; end it with <!-- shenzhi: end-region -->")
    return spans


def select_regions(text: str, target: str | None, shield: Shield | None = None) -> str:
    """`text` for the page in `target`: its own region's blocks unwrapped (their text hidden in
    `shield`, so no conversion touches it), the other region's blocks removed; with target None,
    every block removed. Line breaks are kept, so line numbers after a block stay true."""
    if MARK not in text:
        return text
    out, done = [], 0
    for region, start, content_start, content_end, end in region_spans(text):
        out.append(text[done:start])
        if region == target:
            content = text[content_start:content_end]
            out.append(shield.hide(content) if shield else content)
        else:
            out.append("\n" * text.count("\n", content_start, content_end))
        done = end
    out.append(text[done:])
    return "".join(out)


def shared_text(text: str) -> str:
    """`text` without any region block: what both regions' pages show (line breaks kept)."""
    return select_regions(text, None)


def region_texts(text: str) -> list[tuple[str, str, int]]:
    """Each block's region, text and first line, for checks."""
    return [(region, text[content_start:content_end], _line_of(text, content_start))
            for region, _, content_start, content_end, _ in region_spans(text)]


def region_problems(text: str, shown: str) -> list[Problem]:
    """Malformed blocks, and blocks not written in their own region's script."""
    try:
        blocks = region_texts(text)
    except MarkerError as error:
        return [Problem(shown, error.reason, error.line,
                        hint="see 'Region blocks' in CONTRIBUTING.md")]
    problems = []
    for region, content, line in blocks:
        foreign = foreign_in(content, region)
        if foreign:
            problems.append(Problem(
                shown, f"region block {region} contains {''.join(foreign[:10])}, which is not "
                f"{region}", line,
                hint=f"a region block is shown as written: write it in {region}"))
    return problems
