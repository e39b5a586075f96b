"""The site's search: a Pagefind index per language plus tables that let a query typed in the
other script, with the other region's words, or with a lay word (洗腎 for 透析) find the same pages.

Pagefind writes a chunked index for each language into `search/<lang>/`; the browser downloads
only the chunks a query needs, and nothing at all until the reader searches. Material's own
search would put both languages in one index that every page downloads (STACK-NOTES: search).
Pagefind does not cut Chinese here: each page's text reaches it already cut into search words
(scripts/search/segment.py), the same words the site's search script makes of a query.

During a build, `SiteSearch` receives each page as MkDocs writes it and feeds it to a Pagefind
service for its language, so indexing runs beside the rendering instead of after it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

from scripts import LANGUAGES, build_cache
from scripts.conversion.glossary import Concept, Glossary, glyphs, load_glossary, other_script
from scripts.search.page_text import read_page
from scripts.search.page_words import IN_LINE_FIRST, PageWords
from scripts.search.pagefind_service import PagefindService

# What Pagefind indexes: the article, without the repeated disclaimer or permalink signs.
ROOT_CLASS = "md-content__inner"
# Page furniture, the same on every page: the disclaimer, heading links, the review dates, the
# "report an error" link and the converted-page note (a search for 錯誤 or 審閱 should not
# find every page).
EXCLUDED_CLASSES = frozenset({"shenzhi-disclaimer", "headerlink", "shenzhi-converted",
                              "shenzhi-reviewed", "shenzhi-report"})
# No exclude_selectors: the excluded elements are dropped from the page before Pagefind reads it
# (scripts/search/page_text.py), which is much cheaper than Pagefind matching each selector.
PAGEFIND_CONFIG = {"root_selector": f"article.{ROOT_CLASS}"}
CJK = re.compile(r"[\u3400-\u9fff]")
ARTICLE_START = '<article class="md-content__inner'
BODY_START = re.compile(r"<body\b[^>]*>")


def indexed_part(html: str) -> str:
    """The page as Pagefind needs it: the head and the article, without the navigation.

    Pagefind reads only `root_selector`, plus the language from `<html lang>`; the rest of
    the page (most of it, on a site with a sidebar) would only be encoded, piped and parsed
    for nothing. A page without the theme's article is passed whole.
    """
    start, end = html.find(ARTICLE_START), html.rfind("</article>")
    body = BODY_START.search(html)
    if start < 0 or end < start or body is None or body.end() > start:
        return html
    return f"{html[:body.end()]}{html[start:end + len('</article>')]}</body></html>"


def reader_forms(concept: Concept) -> set[str]:
    """A concept's forms as readers type them: both regions', each also in the other script."""
    forms = set(concept.recognised("zh-Hant")) | set(concept.recognised("zh-Hans"))
    return forms | {glyphs(lang).convert(form) for form in forms for lang in LANGUAGES}


def searchable_runs(page: str) -> list[str]:
    """The text Pagefind indexes in a built page, one string per paragraph, cell, heading…"""
    return read_page(page, ROOT_CLASS, EXCLUDED_CLASSES).text_runs()


def indexed_page(page: str) -> str:
    """What Pagefind is sent for a built page: its head and article, text cut into search
    words, and the title as written."""
    return read_page(indexed_part(page), ROOT_CLASS, EXCLUDED_CLASSES).encoded()


def _indexed_words(page: str, content: str) -> tuple[str, str]:
    """What Pagefind is sent for `page`, and the Chinese characters of `content` (for the query
    tables)."""
    return indexed_page(page), "".join(sorted(c for c in set(content) if CJK.match(c)))


def normalisation_table(lang: str, glossary: Glossary, chars_seen: set[str]) -> dict:
    """How to rewrite a query for the `lang` index: glossary phrases of the other script and
    region (肌酐 → 肌酸酐, also typed in this script's characters), single characters, and for
    each form a reader may type, what else to search on this site: the concept's forms here and
    the form in this script (洗腎 → 透析: a query finds the concept, not just the word)."""
    to_lang = glyphs(lang)
    phrases: dict[str, str] = {}
    for concept in glossary:
        for form in concept.recognised(other_script(lang)):
            target = concept.counterpart(form, lang)
            for typed in (form, to_lang.convert(form)):
                if typed != target and len(typed) > 1:
                    phrases.setdefault(typed, target)
    chars = {}
    for char in sorted(chars_seen):
        converted = to_lang.convert(char)
        if converted != char:
            chars[char] = converted
    synonyms: dict[str, set[str]] = {}
    for concept in glossary:
        own = set(concept.recognised(lang))
        for typed in reader_forms(concept):
            found = own | {to_lang.convert(typed)}
            # The phrase rewrite of the whole form is searched anyway.
            synonyms.setdefault(typed, set()).update(found - {typed, phrases.get(typed)})
    longest = max((len(p) for p in phrases), default=1)
    return {"longest": longest, "phrases": dict(sorted(phrases.items())), "chars": chars,
            "synonyms": {form: sorted(others) for form, others in sorted(synonyms.items())
                         if others}}


class SiteSearch:
    """The search files of one build of the site in `site_dir`.

    `add_page` per rendered page, `finish_pending` when the pages added so far are all of their
    languages (those indexes are then written in the background), `finish` at the end; `abort`
    after a failed build.
    """

    def __init__(self, site_dir: Path, in_line_first: int = IN_LINE_FIRST) -> None:
        self.site_dir = site_dir
        self._services: dict[str, PagefindService] = {}
        self._finished: set[str] = set()
        self._characters: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
        self._words = PageWords(_indexed_words, in_line_first)

    def add_page(self, lang: str, relative_path: str, html: str, content: str | None = None,
                 ) -> None:
        """Index one built page of `lang` (`relative_path` inside the site, e.g. `a/index.html`).

        `content`, the article's HTML if known, is where the query tables take their characters
        from (only the article is indexed); otherwise the whole page."""
        if lang not in self._services:
            self._services[lang] = PagefindService(PAGEFIND_CONFIG)
        self._words.add(lang, relative_path, html, html if content is None else content)
        self._send(lang, self._words.ready(lang))

    def _send(self, lang: str, pages: Iterable[tuple[str, tuple[str, str]]]) -> None:
        for relative_path, (words, characters) in pages:
            self._services[lang].add_html(relative_path, words)
            self._characters[lang].update(characters)

    def finish_pending(self) -> None:
        """Every page added so far is final: start writing those languages' indexes (the next
        language can be built meanwhile)."""
        for lang, service in self._services.items():
            if lang not in self._finished:
                self._finished.add(lang)
                self._send(lang, self._words.drain(lang))
                service.start_writing(self.site_dir / "search" / lang)

    def finish(self) -> None:
        """Write the query tables and wait for every index.

        The tables are made while Pagefind builds the last language's index in its own process:
        that index is the end of the build, and this core would otherwise wait for it idle."""
        try:
            self.finish_pending()
            # A language's table is made of the other script's pages: a build of one language
            # (scripts.pages.parallel_build) writes the other language's table only.
            tables = {lang: self._query_table(lang) for lang in LANGUAGES
                      if other_script(lang) in self._services}
            for service in self._services.values():
                service.wait_written()
        finally:
            self.abort()
        for lang, table in tables.items():
            (self.site_dir / "search" / f"normalize.{lang}.json").write_text(table,
                                                                             encoding="utf-8")

    def _query_table(self, lang: str) -> str:
        """`lang`'s query table (`normalisation_table`) for the pages added, as JSON.

        Kept in the build cache by the characters of the other script's pages (the glossary is
        in the cache's fingerprint): a `mkdocs serve` rebuild after an edit that brings no new
        character reuses it (making both tables took about 0.16 s per build)."""
        page_chars = "".join(sorted(self._characters[other_script(lang)]))
        cache = build_cache.current()
        return cache.get_or_make(cache.key("query-table", lang, page_chars),
                                 lambda: _query_table_json(lang, set(page_chars)))

    def abort(self) -> None:
        """Stop the Pagefind processes and the word worker."""
        self._words.close()
        for service in self._services.values():
            service.close()
        self._services.clear()


def _query_table_json(lang: str, page_chars: set[str]) -> str:
    glossary = load_glossary()
    # Characters a reader of the other script might type: those of its pages and words.
    seen = {c for c in page_chars | _glossary_chars(glossary) if CJK.match(c)}
    return json.dumps(normalisation_table(lang, glossary, seen), ensure_ascii=False,
                      separators=(",", ":"))


def _glossary_chars(glossary: Glossary) -> set[str]:
    return {c for concept in glossary for form in reader_forms(concept) for c in form}


def language_pages(site_dir: Path, lang: str) -> list[Path]:
    """The built HTML pages of one language."""
    root = site_dir if lang == LANGUAGES[0] else site_dir / lang
    others = set(LANGUAGES[1:]) if lang == LANGUAGES[0] else set()
    # Parts relative to the site: a site folder inside a folder named "search" is still indexed.
    return [p for p in root.rglob("*.html")
            if not {"search", *others} & set(p.relative_to(site_dir).parts[:-1])]


def build_search(site_dir: Path) -> None:
    """Index an already built site from disk (the build itself indexes pages as it goes)."""
    search = SiteSearch(site_dir)
    try:
        for lang in LANGUAGES:
            for page in sorted(language_pages(site_dir, lang)):
                search.add_page(lang, page.relative_to(site_dir).as_posix(),
                                page.read_text(encoding="utf-8"))
            search.finish_pending()
        search.finish()
    except BaseException:
        search.abort()
        raise


# The search of the build in progress. static-i18n builds each language in a nested build, so
# the hooks reach the same SiteSearch through this module rather than through MkDocs state.
_current: SiteSearch | None = None


def for_build(site_dir: Path) -> SiteSearch:
    """The search being built into `site_dir`, started on first use."""
    global _current
    if _current is None or _current.site_dir != site_dir:
        abort_build()
        _current = SiteSearch(site_dir)
    return _current


def finish_build() -> None:
    """Write the indexes and query tables of the build in progress (none if no page was built)."""
    global _current
    search, _current = _current, None
    if search is not None:
        search.finish()


def abort_build() -> None:
    """Forget the build in progress and stop its indexers (after an error)."""
    global _current
    search, _current = _current, None
    if search is not None:
        search.abort()
