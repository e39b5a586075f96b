"""Glossary checks that need OpenCC: every form written in its own script."""

from __future__ import annotations

import re

from scripts.conversion.glossary import PHRASE_SOURCES, Glossary
from scripts.conversion.script_chars import foreign_in
from scripts.problems import Problem


def opencc_problems(glossary: Glossary) -> list[Problem]:
    """Forms that OpenCC's character tables would change: a zh_Hans form with a
    Traditional-only character, or a zh_Hant form with a Simplified-only one.

    Phrase-level rewrites by OpenCC's Taiwan tables (停用→禁用) are not errors here: the
    glossary goes first in every conversion step, so its forms are never rewritten.
    """
    out: list[Problem] = []
    for c in glossary:
        for column, lang in (("zh_Hans", "zh-Hans"), ("zh_Hant", "zh-Hant")):
            for form in c.recognised(lang):
                foreign = foreign_in(form, lang)
                if foreign:
                    out.append(Problem(glossary.path, f"'{form}' in {column} contains "
                                       f"{''.join(foreign)}, which belongs to the other script",
                                       c.line, column, "write the form in that script"))
    return out


# How a row's `source` cell vouches for it, most to least: a published source (web address or a
# named terminology), an independent second reviewer, the project's own conversion reviews,
# or one person's memory (not yet checked: the goal is none).
SOURCE_CLASSES = ("published", "second review", "project review", "memory only")
CONFIRMED = re.compile(r"; second review \d{4}-\d{2}-\d{2} \(reviewer \d+\): confirmed")


def source_class(source: str) -> str:
    """Which of SOURCE_CLASSES a glossary row's source cell belongs to."""
    text = source.strip()
    if text.startswith("memory"):
        return "memory only"
    if text.startswith("second review"):
        return "second review"
    if text.split()[0].rstrip(":") in PHRASE_SOURCES:
        # A row the project added and an independent reviewer later confirmed; the source keeps
        # its first word, which is what exempts a steering row from needing a definition.
        return "second review" if CONFIRMED.search(text) else "project review"
    return "published"


def source_shares(glossary: Glossary) -> dict[str, int]:
    """Rows per source class, in the order of SOURCE_CLASSES."""
    counts = dict.fromkeys(SOURCE_CLASSES, 0)
    for concept in glossary:
        counts[source_class(concept.source)] += 1
    return counts


def source_report(glossary: Glossary) -> str:
    """One line for `make check`: the share of rows in each source class."""
    counts = source_shares(glossary)
    total = sum(counts.values())
    parts = [f"{name} {count} ({count / total:.1%})" for name, count in counts.items()]
    return f"Glossary sources ({total} rows): " + ", ".join(parts)
