"""Editors' inline conversion rules, after MediaWiki's Chinese converter.

`-{text}-` keeps text as written in both scripts; `-{zh-Hans:肾小球;zh-Hant:腎絲球}-` gives each
script its own words. Rules are resolved before conversion and their result is protected, so
markers never reach the output.
"""

from __future__ import annotations

import re

from scripts import LANGUAGES
from scripts.conversion.markdown_protect import Shield

RULE = re.compile(r"-\{(.*?)\}-")  # one line: a rule never spans lines
VARIANT = re.compile(r"^\s*(zh-Hans|zh-Hant)\s*:(.*)$", re.DOTALL)


class MarkerError(ValueError):
    """A malformed `-{…}-` marker; `line` counts from 1 in the text given."""

    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}")

    def shifted(self, lines: int) -> MarkerError:
        """The same error with its line moved down by `lines` (text that came before)."""
        return MarkerError(self.line + lines, self.reason)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _resolve(body: str, lang: str, line: int) -> str:
    """The text one rule produces in `lang`."""
    if not re.search(r"(^|;)\s*zh-[A-Za-z]+\s*:", body):
        if not body:
            raise MarkerError(line, "empty marker -{}-; write the text to keep inside it")
        return body
    variants: dict[str, str] = {}
    for part in body.split(";"):
        if not part.strip():
            continue
        match = VARIANT.match(part)
        if not match:
            raise MarkerError(line, f"'{part.strip()}' in -{{{body}}}- is not 'zh-Hans:…' or "
                              "'zh-Hant:…'")
        if match.group(1) in variants:
            raise MarkerError(line, f"{match.group(1)} given twice in -{{{body}}}-")
        variants[match.group(1)] = match.group(2)
    missing = [lang_name for lang_name in LANGUAGES if lang_name not in variants]
    if missing:
        raise MarkerError(line, f"-{{{body}}}- has no {' or '.join(missing)} text; give both, "
                          "e.g. -{zh-Hans:肾小球;zh-Hant:腎絲球}-")
    return variants[lang]


def shield_rules(text: str, lang: str, shield: Shield) -> str:
    """Replace each rule with a placeholder for its text in `lang`; fail on a stray marker."""

    def replace(match: re.Match[str]) -> str:
        body = match.group(1)
        line = _line_of(text, match.start())
        if "-{" in body:
            raise MarkerError(line, "a marker opens inside another marker; close the first with }-")
        return shield.hide(_resolve(body, lang, line))

    result = RULE.sub(replace, text)
    for stray in ("-{", "}-"):
        # Placeholders replaced all well-formed rules; anything left is unbalanced.
        position = result.find(stray)
        if position != -1:
            line = _line_of(result, position)
            raise MarkerError(line, f"'{stray}' without its partner; rules look like -{{text}}- "
                              "or -{zh-Hans:…;zh-Hant:…}-")
    return result
