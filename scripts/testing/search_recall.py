"""Run every glossary query through the site's own search in Chromium and compare the pages
found with the pages whose text contains the query (scripts/search/recall.py).

The search is `window.shenzhiSearch.find`, the function the search box calls, on the served
site's language home page; results are page URLs under the site, as in `recall.site_texts`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from scripts import DEFAULT_LANGUAGE
from scripts.conversion.glossary import load_glossary
from scripts.search.recall import Expected, expected_pages, letters_only, queries, site_texts

# Runs a batch of queries concurrently in the page; returns each query's result URLs.
FIND_ALL = """async (terms) => {
  const out = {};
  await Promise.all(terms.map(async (term) => {
    const results = await window.shenzhiSearch.find(term);
    out[term] = await Promise.all(results.map((r) => r.data().then((d) => d.url)));
  }));
  return out;
}"""


def language_root(base_url: str, lang: str) -> str:
    """The served home page of one language."""
    return base_url if lang == DEFAULT_LANGUAGE else f"{base_url}{lang}/"


def find_all(page: Page, base_url: str, lang: str, terms: list[str], batch: int = 200,
             ) -> dict[str, list[str]]:
    """Each query's results, in ranked order, as URLs inside the site (`ckd/basics/`)."""
    page.goto(language_root(base_url, lang))
    prefix = urlsplit(base_url).path
    found: dict[str, list[str]] = {}
    for start in range(0, len(terms), batch):
        answers = page.evaluate(FIND_ALL, terms[start:start + batch])
        for term, urls in answers.items():
            found[term] = [u[len(prefix):] if u.startswith(prefix) else u for u in urls]
    return found


@dataclass
class SiteRecall:
    """One site's figures: expected (query, page) pairs found, and what was missed or extra."""

    lang: str
    queries: int  # queries run
    occurring: int  # queries whose pages exist
    expected_pairs: int
    found_pairs: int
    misses: list[tuple[str, str]]  # (query, page it should have found)
    extras: list[tuple[str, str]]  # (query, page found that holds it only without punctuation)
    wrong: list[tuple[str, str]]  # (query, page found that does not hold it at all)
    seconds: float

    @property
    def recall(self) -> float:
        """Share of expected (query, page) pairs found."""
        return self.found_pairs / self.expected_pairs if self.expected_pairs else 1.0


def compare(expected: Expected, loose: Expected, found: dict[str, list[str]], seconds: float,
            ) -> SiteRecall:
    """Found against expected, query by query; a page beyond them is an extra if `loose`
    expects it, otherwise wrong."""
    misses, extras, wrong, hits, pairs = [], [], [], 0, 0
    for term, wanted in sorted(expected.pages.items()):
        got = set(found.get(term, []))
        pairs += len(wanted)
        hits += len(wanted & got)
        misses.extend((term, url) for url in sorted(wanted - got))
        for url in sorted(got - wanted):
            (extras if url in loose.pages[term] else wrong).append((term, url))
    return SiteRecall(expected.lang, len(expected.pages), len(expected.occurring), pairs, hits,
                      misses, extras, wrong, seconds)


def measure(page: Page, site_dir: Path, base_url: str, lang: str) -> SiteRecall:
    """Recall of every glossary query on one served site."""
    glossary = load_glossary()
    terms = queries(glossary)
    expected = expected_pages(glossary, lang, site_texts(site_dir, lang), terms)
    loose = expected_pages(glossary, lang, site_texts(site_dir, lang, letters_only), terms,
                           letters_only)
    started = time.perf_counter()
    found = find_all(page, base_url, lang, terms)
    return compare(expected, loose, found, time.perf_counter() - started)


def measure_fresh(page: Page, site_dir: Path, base_url: str, lang: str, count: int = 24,
                  ) -> SiteRecall:
    """Recall of `count` glossary queries spread over the sorted list, each searched on a page
    loaded afresh: in one page, chunks of the index loaded for earlier queries stay loaded and
    can hide a query that would load too few of its own (the large-site miss of
    docs/assets/js/search.js's preload)."""
    glossary = load_glossary()
    every = queries(glossary)
    sample = expected_pages(glossary, lang, site_texts(site_dir, lang),
                            every[::max(1, len(every) // (count * 4))])
    occurring = sample.occurring
    terms = occurring[::max(1, len(occurring) // count)][:count]
    expected = Expected(lang, {term: sample.pages[term] for term in terms})
    loose = expected_pages(glossary, lang, site_texts(site_dir, lang, letters_only), terms,
                           letters_only)
    started = time.perf_counter()
    found = {term: find_all(page, base_url, lang, [term])[term] for term in terms}
    return compare(expected, loose, found, time.perf_counter() - started)
