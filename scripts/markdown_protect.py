"""Find the parts of a Markdown document that script conversion must not touch.

Protected: fenced code, inline code, URLs and link targets, reference definitions, raw HTML
tags with their attributes (the text between tags is prose and is converted), HTML comments,
`<script>`/`<style>` bodies, attribute lists and heading anchors such as `{#what-is-egfr}`.
Each protected span is swapped for a placeholder made of private-use characters, which OpenCC
passes through unchanged, so the whole document is converted in one OpenCC call.
"""

from __future__ import annotations

import re

OPEN, CLOSE = "\ue000", "\ue001"
PLACEHOLDER = re.compile(f"{OPEN}(\\d+)\n*{CLOSE}")

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S.*$")  # [label]: url "title"

INLINE = re.compile(
    r"""
    (?=[`<\]{hHwW])                                       # cheap test before the alternatives
    (?:
    (?P<code>(?P<ticks>`+)[^`].*?(?P=ticks))              # inline code
  | (?P<comment><!--.*?-->)                               # HTML comment
  | (?P<rawblock><(?P<rawtag>script|style)\b.*?</(?P=rawtag)\s*>)  # script/style bodies
  | (?P<tag></?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>)    # HTML tag with attributes
  | (?P<autolink><(?:https?|mailto):[^<>\s]+>)            # <https://…>
  | (?P<target>\]\([^)\s]*(?:\s+(?:"[^"]*"|'[^']*'))?\))  # ](url "title")
  | (?P<refuse>\]\[[^\]\n]*\])                             # ][label]
  | (?P<attrs>\{[ \t]*[:#.][^}\n]*\})                     # {#anchor} {: .class }
  | (?P<url>(?:https?://|www\.)[^\s<>()\[\]{}「」（），。；、]+)  # bare URL
    )
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE | re.IGNORECASE,
)


class Shield:
    """Collects protected spans and puts them back after conversion."""

    def __init__(self) -> None:
        self.spans: list[str] = []

    def hide(self, text: str) -> str:
        """Return a placeholder standing for `text`."""
        self.spans.append(text)
        # Keep the span's line breaks so line numbers in the shielded text stay true.
        return f"{OPEN}{len(self.spans) - 1}{chr(10) * text.count(chr(10))}{CLOSE}"

    def restore(self, text: str) -> str:
        """Replace every placeholder with the text it stands for."""
        # Spans may contain placeholders of their own (an inline rule around code), so loop.
        while PLACEHOLDER.search(text):
            text = PLACEHOLDER.sub(lambda m: self.spans[int(m.group(1))], text)
        return text


def shield_fences(text: str, shield: Shield) -> str:
    """Hide fenced code blocks (line by line, so that indented fences in admonitions count)
    and reference-link definitions."""
    out: list[str] = []
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        opened = FENCE_OPEN.match(lines[i])
        if not opened:
            line = lines[i]
            if line[:4].lstrip().startswith("[") and REFERENCE_DEFINITION.match(line):
                trailing = "\n" if line.endswith("\n") else ""
                line = shield.hide(line.rstrip("\n")) + trailing
            out.append(line)
            i += 1
            continue
        fence = opened.group("fence")
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not closing.match(lines[j].rstrip("\n")):
            j += 1
        block = "".join(lines[i : j + 1])
        trailing = "\n" if block.endswith("\n") else ""
        out.append(shield.hide(block[: len(block) - len(trailing)]) + trailing)
        i = j + 1
    return "".join(out)


def shield_inline(text: str, shield: Shield) -> str:
    """Hide inline protected spans: code, HTML, URLs, link targets, attribute lists."""
    return INLINE.sub(lambda match: shield.hide(match.group(0)), text)
