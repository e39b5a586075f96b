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

from scripts.convert import convert_text
from scripts.glossary import Concept, Glossary, load_glossary

# The disclaimer repeats on every page; explaining terms there would use up the "first use"
# before the reader reaches the text. Labels (dt, th) are not explained either.
QUIET_CLASS = re.compile(r'class="[^"]*\bshenzhi-disclaimer\b')
SKIP = {"dt", "a", "abbr", "code", "pre", "script", "style", "svg", "h1", "h2", "h3", "h4", "h5",
        "h6", "button", "label", "option", "select", "textarea", "title", "figcaption", "summary",
        "dfn", "kbd", "th", "nav", "header", "footer", "time"}
TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "col", "area", "base",
        "embed", "param", "track"}


@dataclass(frozen=True)
class Terms:
    """The terms of one language: a pattern matching any of them and what each one means."""

    pattern: re.Pattern[str]
    concept_of: dict[str, Concept]
    titles: dict[str, str]


@lru_cache(maxsize=4)
def terms_for(lang: str, glossary: Glossary) -> Terms:
    """Every glossary form and abbreviation readers of `lang` meet, longest first.

    Keyed on the parsed glossary (one object per version of the file), so `mkdocs serve`
    explains terms from an edited glossary without a restart."""
    concept_of: dict[str, Concept] = {}
    for concept in glossary:
        if not concept.definition:
            continue
        for form in concept.forms(lang):
            if len(form) >= 2:
                concept_of.setdefault(form, concept)
        if concept.abbr and len(concept.abbr) >= 2:
            concept_of.setdefault(concept.abbr, concept)
    chinese = [w for w in concept_of if not w.isascii()]
    latin = sorted((w for w in concept_of if w.isascii()), key=len, reverse=True)
    # ASCII abbreviations must not sit inside a longer Latin word (GFR in eGFR is its own term).
    parts = [trie_pattern(chinese)] if chinese else []
    if latin:
        parts.append(rf"(?<![A-Za-z0-9])(?:{'|'.join(map(re.escape, latin))})(?![A-Za-z0-9])")
    pattern = re.compile("|".join(parts)) if parts else re.compile(r"(?!)")
    titles = {}
    for concept in {id(c): c for c in concept_of.values()}.values():
        english = concept.en + (f" ({concept.abbr})" if concept.abbr else "")
        meaning = convert_text(concept.definition, lang)
        titles[concept.en] = f"{concept.preferred(lang)}｜{english}：{meaning}"
    return Terms(pattern, concept_of, titles)


def trie_pattern(words: list[str]) -> str:
    """One regular expression matching any of `words`, longest first, shaped as a trie.

    A flat alternation of a thousand terms makes the regex engine try each one at every
    character; a trie shares prefixes (腎絲球|腎絲球過濾率 → 腎絲球(?:過濾率)?), which keeps
    this step a small part of the build.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        # Longer matches first: an optional tail is tried before stopping here.
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def add_term_tooltips(page_html: str, lang: str) -> str:
    """`page_html` with the first use of each glossary term explained in a tooltip."""
    terms = terms_for(lang, load_glossary())
    used: set[str] = set()
    out: list[str] = []
    # Open elements as (name, inside a place without tooltips); text is explained only when
    # the innermost open element allows it.
    stack: list[tuple[str, bool]] = []
    position = 0
    for tag in TAG.finditer(page_html):
        quiet = bool(stack) and stack[-1][1]
        out.append(_explain(page_html[position:tag.start()], terms, used, quiet))
        closing, name, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
        elif not self_closing and name not in VOID:
            stack.append((name, quiet or name in SKIP or QUIET_CLASS.search(tag.group(0))
                          is not None))
        out.append(tag.group(0))
        position = tag.end()
    out.append(_explain(page_html[position:], terms, used, bool(stack) and stack[-1][1]))
    return "".join(out)


def _explain(text: str, terms: Terms, used: set[str], skipping: bool) -> str:
    if skipping or not text.strip():
        return text

    def wrap(match: re.Match[str]) -> str:
        concept = terms.concept_of[match.group(0)]
        if concept.en in used:
            return match.group(0)
        used.add(concept.en)
        title = html.escape(terms.titles[concept.en], quote=True)
        return f'<abbr class="shenzhi-term" title="{title}">{match.group(0)}</abbr>'

    return terms.pattern.sub(wrap, text)
