"""Region-bound statements in text both pages share.

A sentence about one region's law, insurance or agencies (scripts/data/region_terms.tsv) is true
for that region only. In the text that is converted into both pages it must name its region, in
the sentence ("在台灣，健保……") or in its section heading ("## 臺灣的規定"); otherwise it belongs
in a region block, which only that region's page shows. Editorial pages (for editors) are not
checked: they quote these words to explain the rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import opencc

from scripts import DATA
from scripts.checks.prose import checked_prose
from scripts.data_table import records
from scripts.front_matter import FRONT_MATTER
from scripts.problems import Problem

TERMS_PATH = DATA / "region_terms.tsv"
# Naming the region makes the sentence true on both pages: "在台灣" / "中國大陸的醫保".
REGION_NAMES = {"zh-Hant": ("台灣", "臺灣", "台湾"),
                "zh-Hans": ("中國大陸", "中国大陆", "大陸", "大陆", "內地", "内地", "中國", "中国")}
SENTENCE = re.compile(r"[^。！？；\n]+(?:[。！？；]|\n|$)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class RegionTerm:
    """A word that ties a statement to one region."""

    term: str
    region: str
    note: str


@lru_cache(maxsize=1)
def region_terms() -> tuple[RegionTerm, ...]:
    """The terms of scripts/data/region_terms.tsv, each in both scripts."""
    to_hans = opencc.OpenCC("t2s")
    out = []
    for row in records(TERMS_PATH):
        for form in dict.fromkeys((row["term"], to_hans.convert(row["term"]))):
            out.append(RegionTerm(form, row["region"], row["note"]))
    return tuple(out)


def region_statement_problems(text: str, lang: str, shown: str) -> list[Problem]:
    """Sentences of the shared text of a page written in `lang` that use a region-bound term
    without naming its region."""
    front = FRONT_MATTER.match(text)
    if front and re.search(r"^kind:\s*editorial\s*$", front.group(2), re.MULTILINE):
        return []
    offset = text.count("\n", 0, front.end()) if front else 0
    body = text[front.end():] if front else text
    prose = checked_prose(body, lang, shared=True)
    if prose is None:
        return []
    headings = [(m.start(), m.group(1)) for m in HEADING.finditer(prose)]
    problems = []
    for match in SENTENCE.finditer(prose):
        sentence = match.group(0)
        section = next((text for start, text in reversed(headings) if start <= match.start()), "")
        for term in region_terms():
            named = any(n in sentence or n in section for n in REGION_NAMES[term.region])
            if term.term in sentence and not named:
                line = prose.count("\n", 0, match.start()) + 1 + offset
                where = "Taiwan" if term.region == "zh-Hant" else "mainland China"
                problems.append(Problem(
                    shown, f"'{term.term}' ({term.note}) in text shown on both pages, without "
                    f"saying it is about {where}", line,
                    hint="name the region in the sentence, or move it into a region block "
                    f"<!-- shenzhi: region {term.region} --> (see CONTRIBUTING.md)"))
                break
    return problems
