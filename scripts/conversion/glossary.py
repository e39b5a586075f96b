"""The medical glossary: one data file, read once, validated, and turned into what needs terms.

`scripts/data/glossary.tsv` is the single source for the OpenCC user dictionaries, the search
query tables, the glossary page and the term tooltips.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import opencc

from scripts import DATA
from scripts.data_table import display_path, load_checked, parse_once, table_rows
from scripts.problems import Problem

GLOSSARY_PATH = DATA / "glossary.tsv"
COLUMNS = ("en", "abbr", "zh_Hans", "zh_Hant", "zh_Hant_HK", "kind", "category", "definition",
           "source")
KINDS = ("map", "protect")
READ_ONLY = "~"  # a form recognised in source text but never written
# Rows that exist only to steer conversion (collocations such as 通过分泌 → 透過分泌) need no
# definition; they are not shown on the glossary page or as tooltips. The source's first word
# decides (`conversion-review 2026-12-06 …` counts as conversion-review, as in `make check`).
PHRASE_SOURCES = ("opencc-regression", "opencc-testcases", "conversion-review")
CATEGORIES = ("anatomy", "lab", "disease", "treatment", "drug", "cell", "immunology", "study",
              "regulation", "everyday")


@dataclass(frozen=True)
class Concept:
    """One glossary row: a concept keyed by its English term, with its forms per region."""

    en: str
    abbr: str
    hans: tuple[str, ...]  # mainland forms, preferred first
    hant: tuple[str, ...]  # Taiwan forms, preferred first
    hk: str
    kind: str
    category: str
    definition: str  # plain definition in Traditional Chinese (Taiwan vocabulary)
    source: str
    line: int
    # Variants recognised in the source text but never written (`~` in the file): 糖尿病肾病变
    # is read as the mainland form of 糖尿病腎病變, yet Taiwan's 糖尿病腎病變 becomes 糖尿病肾病.
    hans_read: tuple[str, ...] = ()
    hant_read: tuple[str, ...] = ()

    def forms(self, lang: str) -> tuple[str, ...]:
        """The forms written in `lang` ("zh-Hans" or "zh-Hant"), preferred first."""
        return self.hans if lang == "zh-Hans" else self.hant

    def recognised(self, lang: str) -> tuple[str, ...]:
        """Every form read in `lang`: the written forms, then the read-only variants."""
        return self.forms(lang) + (self.hans_read if lang == "zh-Hans" else self.hant_read)

    def preferred(self, lang: str) -> str:
        """The form a reader of `lang` should see."""
        return self.forms(lang)[0]

    def counterpart(self, form: str, target: str) -> str:
        """What `form` (written in the other script) becomes in `target`: its own
        character-for-character equivalent when the target region also uses that word
        (干细胞疗法 → 幹細胞療法), else the target's preferred form (干细胞治疗 → 幹細胞治療)."""
        if form in self.forms(target):  # written the same in both regions: keep it
            return form
        same_word = glyphs(target).convert(form)
        return same_word if same_word in self.forms(target) else self.preferred(target)


@dataclass(frozen=True, eq=False)  # identity hash: one parsed object per file version
class Glossary:
    """All concepts of the glossary file, in file order."""

    concepts: tuple[Concept, ...]
    path: str

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    def __len__(self) -> int:
        return len(self.concepts)

    @property
    def by_en(self) -> dict[str, Concept]:
        """Concepts keyed by English term."""
        return {c.en: c for c in self.concepts}

    def dictionary_pairs(self, target: str) -> list[tuple[str, str]]:
        """OpenCC user-dictionary pairs for converting *to* `target`.

        Every form of the other script maps to the target's preferred form; every form already in
        the target script maps to itself, so text already in the target script stays unchanged.
        A form that is valid in both columns (心衰竭) is therefore kept as written.
        """
        pairs = {form: form for c in self.concepts for form in c.recognised(target)}
        for concept in self.concepts:
            for form in concept.recognised(other_script(target)):
                pairs.setdefault(form, concept.counterpart(form, target))
        return sorted(pairs.items())


@lru_cache(maxsize=2)
def glyphs(target: str) -> opencc.OpenCC:
    """OpenCC's character-only conversion to `target` (Taiwan variants), no phrase tables."""
    return opencc.OpenCC("s2tw" if target == "zh-Hant" else "tw2s")


def other_script(lang: str) -> str:
    """zh-Hans for zh-Hant and the reverse."""
    return "zh-Hans" if lang == "zh-Hant" else "zh-Hant"


def _split_forms(cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(written forms, read-only forms marked with a leading `~`) of one cell."""
    forms = [f.strip() for f in cell.split("|") if f.strip()]
    written = tuple(f for f in forms if not f.startswith(READ_ONLY))
    read = tuple(f[len(READ_ONLY):].strip() for f in forms if f.startswith(READ_ONLY))
    return written, read



def parse_glossary(path: Path = GLOSSARY_PATH) -> tuple[Glossary, list[Problem]]:
    """Read the glossary file and return it with every structural problem found.

    Parsed once per version of the file: the modification time is part of the cache key, so
    `mkdocs serve` picks up an edited glossary without keeping a stale copy.
    """
    return parse_once(_parse, path)


def _parse(path: Path) -> tuple[Glossary, list[Problem]]:
    shown = display_path(path)
    problems: list[Problem] = []
    concepts: list[Concept] = []
    for number, row in table_rows(path, COLUMNS, problems, "separate columns with one TAB each"):
        (hans, hans_read), (hant, hant_read) = _split_forms(row["zh_Hans"]), _split_forms(
            row["zh_Hant"])
        concept = Concept(
            en=row["en"].strip(), abbr=row["abbr"].strip(), hans=hans, hant=hant,
            hk=row["zh_Hant_HK"].strip(), kind=row["kind"].strip(),
            category=row["category"].strip(), definition=row["definition"].strip(),
            source=row["source"].strip(), line=number, hans_read=hans_read, hant_read=hant_read,
        )
        problems.extend(_row_problems(concept, shown))
        concepts.append(concept)
    glossary = Glossary(tuple(concepts), shown)
    problems.extend(_cross_row_problems(glossary))
    return glossary, problems


def _row_problems(c: Concept, shown: str) -> list[Problem]:
    out = []
    if not c.en:
        out.append(Problem(shown, "empty English term", c.line, "en", "every concept needs a key"))
    for column, lang in (("zh_Hans", "zh-Hans"), ("zh_Hant", "zh-Hant")):
        if not c.forms(lang):
            out.append(Problem(shown, f"'{c.en}' has no {column} form", c.line, column,
                               "give the form used in that region (a `~` form is only read)"))
        for form in c.recognised(lang):
            if any(ch.isspace() for ch in form):
                # OpenCC dictionaries separate alternative outputs with spaces.
                out.append(Problem(shown, f"'{form}' contains a space", c.line, column,
                                   "write the form without spaces"))
    if c.kind not in KINDS:
        out.append(Problem(shown, f"kind '{c.kind}' for '{c.en}'", c.line, "kind",
                           f"expected one of {', '.join(KINDS)}"))
    if c.category not in CATEGORIES:
        out.append(Problem(shown, f"category '{c.category}' for '{c.en}'", c.line, "category",
                           f"expected one of {', '.join(CATEGORIES)}"))
    if (c.kind == "map" and not c.definition
            and (c.source.split() or [""])[0].rstrip(":") not in PHRASE_SOURCES):
        out.append(Problem(shown, f"'{c.en}' has no definition", c.line, "definition",
                           "write one plain sentence in Traditional Chinese"))
    if not c.source:
        out.append(Problem(shown, f"'{c.en}' has no source", c.line, "source",
                           "give a URL, 'memory', 'opencc-regression', 'opencc-testcases' or "
                           "'conversion-review'"))
    return out


def _cross_row_problems(glossary: Glossary) -> list[Problem]:
    out: list[Problem] = []
    seen_en: dict[str, Concept] = {}
    for c in glossary:
        key = c.en.casefold()
        if key in seen_en:
            out.append(Problem(glossary.path, f"duplicate concept '{c.en}'", c.line, "en",
                               f"also on line {seen_en[key].line}; merge the two rows"))
        seen_en.setdefault(key, c)
    for target in ("zh-Hant", "zh-Hans"):
        # A form already in the target script of any concept is kept; two concepts may not
        # disagree about what a form becomes.
        claimed: dict[str, tuple[str, Concept]] = {}
        for c in glossary:
            for form in c.recognised(target):
                claimed.setdefault(form, (form, c))
        for c in glossary:
            if not c.hans or not c.hant:
                continue
            for form in c.recognised(other_script(target)):
                mine = c.counterpart(form, target)
                result, owner = claimed.setdefault(form, (mine, c))
                if owner is not c and result != mine:
                    out.append(Problem(
                        glossary.path,
                        f"'{form}' would become '{mine}' here but '{result}' "
                        f"by '{owner.en}' (line {owner.line})",
                        c.line, "zh_Hans" if target == "zh-Hant" else "zh_Hant",
                        "one form may map one way only; merge the concepts or drop one form",
                    ))
    return out



def load_glossary(path: Path = GLOSSARY_PATH) -> Glossary:
    """The glossary, or a ContentError listing every problem in the file (checked once per
    version of the file)."""
    return load_checked(path, parse_glossary)
