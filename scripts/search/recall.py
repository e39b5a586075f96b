"""What the search should find, worked out from the built pages' text alone: the yardstick for
the browser test and `make bench` (scripts/testing/search_recall.py runs the real search).

The queries are every reader-facing form of every glossary concept: each region's forms in its
own script and converted into the other's (肌酸酐, 肌酐, 肌酸酐 typed in Simplified…), which
includes the lay words the glossary lists (洗腎, 洗肾). A query should find, on each site, every
page whose searchable text contains it, or contains another form of the same concept in that
site's script (洗腎 finds the pages about 透析). "Contains" is within one paragraph, cell or
heading, ignoring spaces and letter case: 2型糖尿病 is in 「第 2 型糖尿病」; punctuation counts,
so 檢驗結果 is not in 「做了哪些檢驗，結果能不能給你看」.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.conversion.glossary import Concept, Glossary, glyphs
from scripts.search.index import language_pages, reader_forms, searchable_runs
from scripts.search.segment import SPACE

NOT_WORDLIKE = re.compile(r"[\W_]+")


def queries(glossary: Glossary) -> list[str]:
    """Every reader-facing form of every concept, once, sorted."""
    return sorted({form for concept in glossary for form in reader_forms(concept)})


def comparable(text: str) -> str:
    """`text` without spaces, lower-cased: what a query must match."""
    return SPACE.sub("", text).lower()


def letters_only(text: str) -> str:
    """`text`'s letters, digits and Han characters, lower-cased: a looser yardstick for pages
    found beyond the expected ones (Pagefind drops punctuation inside a phrase: 因子-α, 因子α)."""
    return NOT_WORDLIKE.sub("", text).lower()


def page_url(site_dir: Path, page: Path) -> str:
    """A built page's URL inside the site (`ckd/basics/`, `zh-Hans/`, `` for the home page)."""
    folder = page.relative_to(site_dir).parent.as_posix()
    return "" if folder == "." else f"{folder}/"


def site_texts(site_dir: Path, lang: str, made: Callable[[str], str] = comparable,
               ) -> dict[str, str]:
    """Each page of `lang` by URL: its searchable runs put through `made`, one line per run (a
    query never spans two paragraphs or cells)."""
    return {page_url(site_dir, page): "\n".join(made(run) for run in
                                                searchable_runs(page.read_text("utf-8")))
            for page in sorted(language_pages(site_dir, lang))}


@dataclass
class Expected:
    """For one site: the pages each query should find."""

    lang: str
    pages: dict[str, set[str]] = field(default_factory=dict)  # query -> page URLs

    @property
    def occurring(self) -> list[str]:
        """The queries found in at least one page's text."""
        return sorted(q for q, urls in self.pages.items() if urls)


def expected_pages(glossary: Glossary, lang: str, texts: dict[str, str],
                   terms: Iterable[str], made: Callable[[str], str] = comparable) -> Expected:
    """The pages of `lang` each query should find: those containing the query, in either
    script, or any form, in this site's script, of a concept the query is a form of (`texts`
    and the forms both put through `made`)."""
    to_lang = glyphs(lang)
    concepts_of: dict[str, list[Concept]] = {}
    for concept in glossary:
        for form in reader_forms(concept):
            concepts_of.setdefault(form, []).append(concept)
    expected = Expected(lang)
    for term in terms:
        wanted = {term, to_lang.convert(term)}
        for concept in concepts_of.get(term, []):
            wanted.update(concept.recognised(lang))
        needles = {made(w) for w in wanted} - {""}
        expected.pages[term] = {url for url, text in texts.items()
                                if any(n in text for n in needles)}
    return expected
