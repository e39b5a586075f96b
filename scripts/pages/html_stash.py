"""Keep generated HTML blocks (case cards, charts, tables, diagrams) out of Python-Markdown.

Python-Markdown re-parses every raw HTML block with its HTML parser, which costs more than the
rest of a case-report page together. Blocks that contain no Markdown are swapped for a short
placeholder before rendering and put back afterwards. The placeholder is a paragraph of plain
text, not an empty `<div>`: raw HTML, even that small, costs the parser several times more.
"""

from __future__ import annotations

import re

BLOCK_START = re.compile(r"<(div|figure|table|svg|dl|form|section|details|script)\b", re.I)
PLACEHOLDER = "@@shenzhi-stash-{}@@"
RESTORE = re.compile(r"(?:<p>)?@@shenzhi-stash-(\d+)@@(?:</p>)?")
FENCE = re.compile(r"^(`{3,}|~{3,})")


def stash_html_blocks(markdown: str) -> tuple[str, list[str]]:
    """Replace top-level raw HTML blocks without Markdown inside by placeholders."""
    lines = markdown.split("\n")
    out: list[str] = []
    blocks: list[str] = []
    fence: str | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        opened = FENCE.match(line)
        if fence is None and opened:
            fence = opened.group(1)[0] * len(opened.group(1))
        elif fence is not None and line.startswith(fence):
            fence = None
        starts_block = (fence is None and BLOCK_START.match(line)
                        and (i == 0 or not lines[i - 1].strip()))
        if not starts_block:
            out.append(line)
            i += 1
            continue
        end = i
        while end < len(lines) and lines[end].strip():
            end += 1
        block = "\n".join(lines[i:end])
        if re.search(r"\smarkdown(=|\s|>)", block):
            out.extend(lines[i:end])
        else:
            out.append(PLACEHOLDER.format(len(blocks)))
            blocks.append(block)
        i = end
    return "\n".join(out), blocks


def restore_html_blocks(html: str, blocks: list[str]) -> str:
    """Put the stashed blocks back into the rendered page."""
    if not blocks:
        return html
    return RESTORE.sub(lambda m: blocks[int(m.group(1))], html)
