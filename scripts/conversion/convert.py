"""Markdown-aware conversion between Taiwan Traditional (zh-Hant) and mainland Simplified (zh-Hans).

Library use: `convert_markdown(text, target, source)`; command line:
`python -m scripts.conversion.convert --to zh-Hant|zh-Hans [FILE]` reads FILE or standard input
and writes the converted Markdown to standard output.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from functools import lru_cache, partial

import opencc

from scripts import LANGUAGES
from scripts.conversion.context_rules import ContextRules, load_context_rules
from scripts.conversion.glossary import Glossary, load_glossary
from scripts.conversion.inline_rules import MarkerError, shield_rules
from scripts.conversion.markdown_protect import Shield, shield_fences, shield_inline
from scripts.conversion.opencc_engine import medical_opencc
from scripts.conversion.proper_names import ProperNames, load_proper_names
from scripts.conversion.region_blocks import MARK as REGION_MARK
from scripts.conversion.region_blocks import select_regions
from scripts.front_matter import FRONT_MATTER
from scripts.problems import ContentError

# Mainland quotation marks ↔ Taiwan corner brackets.
QUOTES = {
    "zh-Hant": (("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』")),
    "zh-Hans": (("「", "“"), ("」", "”"), ("『", "‘"), ("』", "’")),
}

# `key: value` (optionally as a list item); the key stays, the value is prose.
YAML_KEY = re.compile(r"^(\s*(?:-\s+)?[A-Za-z0-9_.-]+\s*:)(\s.*|)$")

__all__ = ["MarkerError", "convert_markdown", "convert_text", "label_converter"]


@lru_cache(maxsize=4)
def _converter_for(target: str, glossary: Glossary) -> opencc.OpenCC:
    # Keyed on the parsed glossary (one object per version of the file), so an edit made
    # under `mkdocs serve` is picked up.
    return medical_opencc(target, glossary.dictionary_pairs(target))


def convert_text(text: str, target: str) -> str:
    """Convert plain prose (no Markdown) to `target`: context rules, glossary, OpenCC,
    punctuation."""
    shield = Shield()
    converted = _convert_shielded(text, target, None, shield)
    return shield.restore(converted) if shield.spans else converted


def label_converter() -> Callable[[str, str], str]:
    """`convert_text` for the many short labels of one page (a case page has about fifty).

    The data files are looked up once here rather than once per label, and each label is
    converted once per version of them: looking them up costs more than the cached conversion.
    """
    glossary = load_glossary()
    return partial(_label, glossary=glossary, rules=load_context_rules(),
                   names=load_proper_names())


@lru_cache(maxsize=32768)
def _label(text: str, target: str, glossary: Glossary, rules: ContextRules,
           names: ProperNames) -> str:
    del glossary  # cache key only: _convert_shielded looks it up itself
    shield = Shield()
    converted = _convert_shielded(text, target, None, shield, rules, names)
    return shield.restore(converted) if shield.spans else converted


def _convert_shielded(text: str, target: str, source: str | None, shield: Shield,
                      rules: ContextRules | None = None, names: ProperNames | None = None,
                      ) -> str:
    """Convert text whose protected parts are already placeholders of `shield`. Proper names,
    titles and the words the context rules decide become placeholders of `shield` too; the
    caller restores them."""
    if target not in LANGUAGES:
        raise ValueError(f"unknown script {target!r}; expected one of {', '.join(LANGUAGES)}")
    if source == target:
        return text
    glossary = load_glossary()
    if rules is None:
        rules = load_context_rules()
    # Names first: a context rule or glossary word must not fire inside a name or a title.
    if names is None:
        names = load_proper_names()
    text = names.shield(text, target, shield)
    text = rules.shield(text, target, shield)
    if len(text) < 200:  # labels and titles repeat on every page: convert each once
        return _convert_short(text, target, glossary)
    return _convert(text, target, glossary)


@lru_cache(maxsize=32768)
def _convert_short(text: str, target: str, glossary: Glossary) -> str:
    # The glossary is part of the key: an edited glossary gives new conversions.
    return _convert(text, target, glossary)


def _convert(text: str, target: str, glossary: Glossary) -> str:
    converted = _converter_for(target, glossary).convert(text)
    for old, new in QUOTES[target]:  # str.replace is several times faster than str.translate
        converted = converted.replace(old, new)
    return converted


def _convert_front_matter(block: str, target: str, source: str | None,
                          rules: ContextRules | None) -> str:
    """Convert the values of a YAML front-matter block, never its keys (one OpenCC call)."""
    shield = Shield()
    lines = []
    for line in block.splitlines(keepends=True):
        match = YAML_KEY.match(line.rstrip("\n"))
        if match:
            newline = "\n" if line.endswith("\n") else ""
            line = shield.hide(match.group(1)) + match.group(2) + newline
        lines.append(line)
    text = shield_rules(shield_inline("".join(lines), shield), target, shield)
    return shield.restore(_convert_shielded(text, target, source, shield, rules))


def convert_markdown(text: str, target: str, source: str | None = None, *,
                     rules: ContextRules | None = None) -> str:
    """Convert a Markdown document to `target` ("zh-Hant" or "zh-Hans").

    Code, URLs, link targets, HTML tags and attributes, front-matter keys and heading anchors
    pass through untouched; inline rules `-{…}-` are resolved for `target`; listed proper names
    (`scripts/data/proper_names.tsv`) are written as listed and 《…》 titles converted character
    by character only; then the context rules (`scripts/data/context_rules.tsv`, or `rules`
    when given) decide their words. When `source` equals `target` only the inline rules and
    region blocks are resolved. Region blocks (`scripts.conversion.region_blocks`) of `target`
    pass as written, the other region's are left out. Raises MarkerError (with the line) for a
    malformed rule or block.
    """
    if source == target and "-{" not in text and REGION_MARK not in text:
        return text  # nothing to resolve: the page is already in its own script
    head, body, offset = "", text, 0
    front = FRONT_MATTER.match(text)
    if front:
        opening, inner, closing = front.groups()
        try:
            head = opening + _convert_front_matter(inner, target, source, rules) + closing
        except MarkerError as error:
            raise error.shifted(1) from None
        body = text[front.end():]
        offset = text.count("\n", 0, front.end())
    shield = Shield()
    try:
        body = select_regions(body, target, shield)
        shielded = shield_rules(shield_inline(shield_fences(body, shield), shield), target, shield)
    except MarkerError as error:
        raise error.shifted(offset) from None
    return head + shield.restore(_convert_shielded(shielded, target, source, shield, rules))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m scripts.conversion.convert",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--to", required=True, choices=LANGUAGES, help="target script")
    parser.add_argument("--from", dest="source", choices=LANGUAGES,
                        help="script of the input (only inline rules are resolved when equal)")
    parser.add_argument("file", nargs="?", help="Markdown file (default: standard input)")
    args = parser.parse_args(argv)
    name = args.file or "<stdin>"
    try:
        if args.file:
            with open(args.file, encoding="utf-8") as handle:
                text = handle.read()
        else:
            text = sys.stdin.read()
    except (OSError, UnicodeDecodeError) as error:
        print(f"{name}: cannot read as UTF-8 text: {error}", file=sys.stderr)
        return 2
    try:
        sys.stdout.write(convert_markdown(text, args.to, args.source))
    except MarkerError as error:
        print(f"{name}:{error.line}: {error.reason}", file=sys.stderr)
        return 1
    except ContentError as error:  # a broken glossary or context-rules file
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
