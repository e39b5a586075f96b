"""Warnings for names the converter may get wrong: a 《…》 title or a transliterated person's
name on a page that `scripts/data/proper_names.tsv` does not list.

Unlisted titles are converted character by character, which is right for most titles; a
transliteration such as 弗里登施泰因 goes through the phrase tables like any other word. The
warning asks an editor to list the name; it never fails a build.
"""

from __future__ import annotations

import re

from scripts.checks.prose import checked_prose
from scripts.conversion.proper_names import TITLE, ProperNames
from scripts.problems import Problem

HAN = "\u4e00-\u9fff"
# Chinese directly followed by a capitalised Latin name in brackets: 卡普兰（Caplan）; not
# an abbreviation (MSC, Hb).
TRANSLITERATED = re.compile(f"([{HAN}·]{{2,}})[（(]([A-Z][a-z]{{2,}}(?:[ -][A-Z][a-z]+)*)[）)]")
# A name with a middle dot: 沃恩·威廉斯.
DOTTED = re.compile(f"[{HAN}]{{1,6}}·[{HAN}]{{1,8}}")
TITLE_PATTERN = re.compile(TITLE)
BRACKETED_SUFFIX = re.compile(r"[（(][^（）()]*[）)]$")  # （试行） after a law's name


def unlisted_names(text: str, lang: str, shown: str, names: ProperNames) -> list[Problem]:
    """A warning for every unlisted 《…》 title with Chinese in it and every likely
    transliterated name on a page in `lang` (code, URLs and -{…}- markers excluded)."""
    # Region blocks are never converted: their names need no listing.
    prose = checked_prose(text, lang, shared=True)
    if prose is None:
        return []
    listed = {n.form(script) for n in names for script in ("zh-Hans", "zh-Hant")}
    found: list[tuple[int, str]] = []
    for match in TITLE_PATTERN.finditer(prose):
        title = BRACKETED_SUFFIX.sub("", match.group("title").strip())
        if re.search(f"[{HAN}]", title) and title not in listed:
            found.append((match.start(), f"title 《{match.group('title')}》"))
    for match in TRANSLITERATED.finditer(prose):
        run = match.group(1)
        if not any(run.endswith(form) for form in listed):
            found.append((match.start(), f"name '{run}（{match.group(2)}）'"))
    for match in DOTTED.finditer(prose):
        if not any(form in match.group(0) for form in listed):
            found.append((match.start(), f"name '{match.group(0)}'"))
    return [Problem(shown, f"{what} is not in scripts/data/proper_names.tsv",
                    prose.count("\n", 0, start) + 1,
                    hint="list it with both scripts' forms so it is written exactly; an "
                    "unlisted title is converted character by character")
            for start, what in sorted(found)]
