"""Each script's pages use that region's words: no mainland-only glossary form on a zh-Hant
page, no Taiwan-only form on a zh-Hans page, outside code and protected spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

from scripts.checks.prose import checked_prose
from scripts.conversion.glossary import Glossary, load_glossary, other_script
from scripts.problems import Problem


@dataclass(frozen=True)
class WrongForm:
    """A form readers of one script should not see, and what they should see instead."""

    form: str
    expected: str
    en: str


@lru_cache(maxsize=4)
def wrong_forms(lang: str, glossary: Glossary) -> tuple[list[WrongForm], re.Pattern]:
    """The other region's forms written in `lang`'s characters, and a pattern that matches the
    forms `lang` legitimately uses (masked first, so 腎小管 is not read as containing a hit)."""
    other = other_script(lang)
    glyphs = opencc.OpenCC("s2t" if lang == "zh-Hant" else "t2s")
    legitimate = {f for c in glossary for f in c.recognised(lang)}
    wrong: dict[str, WrongForm] = {}
    for c in glossary:
        if c.kind != "map":
            continue
        for form in c.forms(other):
            written = glyphs.convert(form)
            if len(written) < 2 or written in legitimate:
                continue
            wrong.setdefault(written, WrongForm(written, c.preferred(lang), c.en))
    words = sorted(legitimate, key=len, reverse=True)
    mask = re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")
    return sorted(wrong.values(), key=lambda w: -len(w.form)), mask


def vocabulary_problems(text: str, lang: str, shown: str, first_line: int = 1) -> list[Problem]:
    """Every wrong-region form in the Markdown `text` of a page in `lang`."""
    prose = checked_prose(text, lang)
    if prose is None:
        return []
    forms, mask = wrong_forms(lang, load_glossary())
    prose = mask.sub(lambda m: "\0" * len(m.group(0)), prose)
    problems = []
    for wrong in forms:
        for match in re.finditer(re.escape(wrong.form), prose):
            line = prose.count("\n", 0, match.start()) + first_line
            problems.append(Problem(shown, f"'{wrong.form}' is not {lang} usage ({wrong.en})",
                                    line, hint=f"write '{wrong.expected}', or keep it with "
                                    f"-{{{wrong.form}}}- if it is meant"))
            prose = prose[: match.start()] + "\0" * len(wrong.form) + prose[match.end():]
    return problems
