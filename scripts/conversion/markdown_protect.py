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
# A reference definition's line starts like this; it also holds "]:", which is rare in prose.
REFERENCE_START = re.compile(r"[ ]{0,3}\[")
# Line breaks str.splitlines() honours besides "\n": text with them takes the line-by-line path.
# (Nine `in` tests are about five times faster than one character-class search.)
OTHER_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

# Bare URLs stop at whitespace, brackets and CJK punctuation.
_URL_REST = r"[^\s<>()\[\]{}「」（），。；、]+"
# Every alternative starts with a literal character and none sits inside a group, so Python's
# regex engine skips to the next `, <, ], {, h, H, w or W with its fast first-character search
# instead of trying the pattern at every position (1.6x faster on the bench corpus). Hence the
# first backtick of inline code outside `ticks`, and http(s) / www written once per case of
# their first letter.
INLINE = re.compile(
    r"""
      `(?P<ticks>`*)[^`].*?`(?P=ticks)                    # inline code
    | <!--.*?-->                                          # HTML comment
    | <(?P<rawtag>(?i:script|style))\b.*?</(?P=rawtag)\s*>  # script/style bodies
    | </?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>           # HTML tag with attributes
    | <(?i:https?|mailto):[^<>\s]+>                       # <https://…>
    | \]\([^)\s]*(?:\s+(?:"[^"]*"|'[^']*'))?\)            # ](url "title")
    | \]\[[^\]\n]*\]                                      # ][label]
    | \{[ \t]*[:#.][^}\n]*\}                              # {#anchor} {: .class }
    | h(?i:ttps?://)""" + _URL_REST + r"""                 # bare URL …
    | H(?i:ttps?://)""" + _URL_REST + r"""
    | w(?i:ww\.)""" + _URL_REST + r"""
    | W(?i:ww\.)""" + _URL_REST + r"""
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,  # case-insensitive only where needed: faster
)


class Shield:
    """Collects protected spans and puts them back after conversion."""

    def __init__(self) -> None:
        self.spans: list[str] = []

    def hide(self, text: str) -> str:
        """Return a placeholder standing for `text`."""
        spans = self.spans
        spans.append(text)
        if "\n" in text:  # keep the span's line breaks so line numbers stay true
            return f"{OPEN}{len(spans) - 1}{chr(10) * text.count(chr(10))}{CLOSE}"
        return f"{OPEN}{len(spans) - 1}{CLOSE}"  # most spans: one line (links, code, names)

    def hide_match(self, match: re.Match[str]) -> str:
        """`hide` for a whole regex match: a bound method for re.sub, no lambda per span."""
        return self.hide(match.group(0))

    def restore(self, text: str) -> str:
        """Replace every placeholder with the text it stands for."""
        # split() and one loop, not sub() with a callback: ~2x faster with thousands of spans.
        parts = PLACEHOLDER.split(text)  # text, span number, text, span number, …, text
        spans = self.spans
        for i in range(1, len(parts), 2):
            span = spans[int(parts[i])]
            # A span may hold placeholders of its own (an inline rule around code).
            parts[i] = self.restore(span) if OPEN in span else span
        return "".join(parts)


def shield_fences(text: str, shield: Shield) -> str:
    """Hide fenced code blocks (line by line, so that indented fences in admonitions count)
    and reference-link definitions."""
    if any(char in text for char in OTHER_LINE_BREAKS):
        return _shield_fences_by_line(text, shield)
    # Only "\n" breaks lines: jump from one line that may open a fence or define a reference to
    # the next with str.find (`_SpecialLines`), instead of looking at every line in Python.
    out: list[str] = []
    done = 0
    special = _SpecialLines(text)
    while (start := special.next(done)) is not None:
        end = text.find("\n", start) + 1 or len(text)  # the line with its line break
        line = text[start:end]
        opened = FENCE_OPEN.match(line)
        if opened:
            fence = opened.group("fence")
            closing = _closing_fence(text, fence[0], len(fence), end)
            end = len(text) if closing is None else text.find("\n", closing) + 1 or len(text)
        elif not REFERENCE_DEFINITION.match(line):
            out.append(text[done:end])
            done = end
            continue
        block = text[start:end]
        trailing = "\n" if block.endswith("\n") else ""
        out += (text[done:start], shield.hide(block[: len(block) - len(trailing)]), trailing)
        done = end
    out.append(text[done:])
    return "".join(out)


def indented_line_start(text: str, at: int) -> int | None:
    """The start of the line holding text[at] if only spaces and tabs stand before `at` on it,
    else None."""
    line_start = text.rfind("\n", 0, at) + 1
    return None if text[line_start:at].strip(" \t") else line_start


def _closing_fence(text: str, char: str, length: int, start: int) -> int | None:
    """Where the first line at or after `start` (a line start) that closes a fence of `length`
    × `char` ends: a line of only that character (at least `length` of it) between spaces or
    tabs. Found with str.find: a pattern anchored with ^ under re.M is tried at every position."""
    run = char * length
    at = text.find(run, start)
    while at != -1:
        line_end = text.find("\n", at)
        line_end = len(text) if line_end == -1 else line_end
        closes = not text[at:line_end].rstrip(" \t").strip(char)
        if closes and indented_line_start(text, at) is not None:
            return line_end
        at = text.find(run, line_end)
    return None


class _SpecialLines:
    """The lines of a text that may open a fence (```, ~~~ after indentation) or define a
    reference ([label]: …), found with str.find on "```", "~~~" and "]:" rather than a regular
    expression tried at every line break (which took 4% of the converter's time)."""

    LITERALS = ("```", "~~~", "]:")

    def __init__(self, text: str) -> None:
        self.text = text
        # Per literal: the occurrence last looked at (-1 before the first search), None once
        # there is none left.
        self.found: dict[str, int | None] = dict.fromkeys(self.LITERALS, -1)

    def next(self, done: int) -> int | None:
        """Where the first special line at or after `done` (a line start) starts."""
        starts = [s for s in (self._next_line(literal, done) for literal in self.LITERALS)
                  if s is not None]
        return min(starts) if starts else None

    def _next_line(self, literal: str, done: int) -> int | None:
        text = self.text
        at = self.found[literal]
        if at is None:
            return None
        if at < done:
            at = text.find(literal, done)
        while at != -1:
            self.found[literal] = at
            if literal == "]:":
                line_start = text.rfind("\n", 0, at) + 1
                if REFERENCE_START.match(text, line_start):
                    return line_start
            elif (line_start := indented_line_start(text, at)) is not None:
                return line_start
            at = text.find(literal, at + 1)
        self.found[literal] = None
        return None


def _shield_fences_by_line(text: str, shield: Shield) -> str:
    """shield_fences for text with line breaks other than "\n" (str.splitlines semantics)."""
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
    return INLINE.sub(shield.hide_match, text)
