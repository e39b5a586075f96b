"""Explain glossary terms and abbreviations on their first use on each page.

Python-Markdown's abbr extension matches only at word boundaries, so a term inside Chinese text
(腎絲球過濾率, or GFR in 「（GFR）」) gets nothing. This step works on the rendered HTML: it wraps
the first occurrence of each glossary term in `<abbr class="shenzhi-term" title="…">`, outside
headings, links, code, figures and other places where a tooltip would be noise.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from scripts.conversion.convert import convert_text
from scripts.conversion.glossary import Concept, Glossary, load_glossary
from scripts.conversion.term_marks import CLOSE, OPEN, mark_terms

# The disclaimer repeats on every page; explaining terms there would use up the "first use"
# before the reader reaches the text. Labels (dt, th) are not explained either.
QUIET_CLASS = re.compile(r'class="[^"]*\bshenzhi-disclaimer\b')
SKIP = {"dt", "a", "abbr", "code", "pre", "script", "style", "svg", "h1", "h2", "h3", "h4", "h5",
        "h6", "button", "label", "option", "select", "textarea", "title", "figcaption", "summary",
        "dfn", "kbd", "th", "nav", "header", "footer", "time"}
TAG = r"<(?P<closing>/?)(?P<name>[a-zA-Z][a-zA-Z0-9-]*)[^>]*?(?P<self_closing>/?)>"
SCANNER = re.compile(f"{OPEN}(?P<term>[^{CLOSE}]*){CLOSE}|(?P<tag>{TAG})")
WORD_CHAR = re.compile(r"[A-Za-z0-9]")
# A capitalised Latin word one space away: the abbreviation is part of a name.
NAME_BEFORE = re.compile(r"[A-Z][a-z]+ $")
NAME_AFTER = re.compile(r" [A-Z][a-z]+")
VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "col", "area", "base",
        "embed", "param", "track"}


@dataclass(frozen=True)
class Terms:
    """The terms of one language and what each one means."""

    words: frozenset[str]
    concept_of: dict[str, Concept]
    titles: dict[str, str]


@lru_cache(maxsize=4)
def terms_for(lang: str, glossary: Glossary) -> Terms:
    """Every glossary form and abbreviation readers of `lang` meet, longest first.

    Keyed on the parsed glossary (one object per version of the file), so `mkdocs serve`
    explains terms from an edited glossary without a restart."""
    concept_of: dict[str, Concept] = {}
    for concept in glossary:
        # Everyday words (醫院, 醫師, 發燒) need no explaining; a tooltip there is noise.
        if not concept.definition or concept.category == "everyday":
            continue
        for form in concept.recognised(lang):
            if len(form) >= 2:
                concept_of.setdefault(form, concept)
        # OpenCC dictionaries cannot hold a space (GLP-1 RA); its Chinese forms still match.
        if concept.abbr and len(concept.abbr) >= 2 and " " not in concept.abbr:
            concept_of.setdefault(concept.abbr, concept)
    titles = {}
    for concept in {id(c): c for c in concept_of.values()}.values():
        english = concept.en + (f" ({concept.abbr})" if concept.abbr else "")
        meaning = convert_text(concept.definition, lang)
        titles[concept.en] = f"{concept.preferred(lang)}｜{english}：{meaning}"
    return Terms(frozenset(concept_of), concept_of, titles)


def add_term_tooltips(page_html: str, lang: str) -> str:
    """`page_html` with the first use of each glossary term explained in a tooltip."""
    terms = terms_for(lang, load_glossary())
    marked = mark_terms(page_html, terms.words)
    if OPEN not in marked:
        return page_html
    used: set[str] = set()
    out: list[str] = []
    # Open elements as (name, inside a place without tooltips); a term is explained only when
    # the innermost open element allows it.
    stack: list[tuple[str, bool]] = []
    quiet = False
    position = 0
    for match in SCANNER.finditer(marked):
        out.append(marked[position:match.start()])
        position = match.end()
        term = match.group("term")
        if term is None:  # a tag: marks found inside its attributes are dropped
            tag = match.group("tag")
            out.append(tag.replace(OPEN, "").replace(CLOSE, "") if OPEN in tag else tag)
            name = match.group("name").lower()
            if match.group("closing"):
                for depth in range(len(stack) - 1, -1, -1):
                    if stack[depth][0] == name:
                        del stack[depth:]
                        break
                quiet = bool(stack) and stack[-1][1]
            elif not match.group("self_closing") and name not in VOID:
                quiet = quiet or name in SKIP or QUIET_CLASS.search(tag) is not None
                stack.append((name, quiet))
            continue
        concept = terms.concept_of[term]
        if quiet or concept.en in used or _in_title(marked, match.start()) or (
                term.isascii() and _inside_word(marked, match)):
            out.append(term)
            continue
        used.add(concept.en)
        title = html.escape(terms.titles[concept.en], quote=True)
        out.append(f'<abbr class="shenzhi-term" title="{title}">{term}</abbr>')
    out.append(marked[position:])
    return "".join(out)


def _in_title(marked: str, start: int) -> bool:
    """True inside a 《…》 title: a law's or a book's name is read whole, not word by word."""
    opened = marked.rfind("《", 0, start)
    return opened != -1 and marked.find("》", opened, start) == -1 and start - opened < 80


def _inside_word(marked: str, match: re.Match[str]) -> bool:
    """True if a Latin abbreviation is part of a longer name rather than a word of its own: of a
    longer Latin word or number (GFR in eGFRs), of a hyphenated name (CKD-EPI, FIDELIO-DKD), or
    next to a capitalised Latin word (the initials in "Ambrozic RA", "BP International")."""
    # A neighbouring term's mark is skipped: its first or last letter is what touches this one.
    text_before = marked[:match.start()].removesuffix(CLOSE)
    text_after = marked[match.end():].removeprefix(OPEN)
    before, after = text_before[-1:], text_after[:1]
    if WORD_CHAR.match(before) or WORD_CHAR.match(after):
        return True
    if (before == "-" and WORD_CHAR.match(text_before[-2:-1])) or (
            after == "-" and WORD_CHAR.match(text_after[1:2])):
        return True
    return bool(NAME_BEFORE.search(text_before) or NAME_AFTER.match(text_after))
