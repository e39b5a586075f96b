"""Glossary checks that need OpenCC: every form written in its own script."""

from __future__ import annotations

from scripts.conversion.glossary import Glossary
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
