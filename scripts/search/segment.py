"""Search words: how text is cut for the index (here) and for the query (the same rule in
docs/assets/js/search.js), so that both sides always hold the same words.

Chinese has no spaces, so an index needs words cut out of the text, and a query must be cut the
same way or its words are not the index's words. Pagefind's two segmenters disagree (jieba's
mainland dictionary when indexing; the browser's ICU dictionary for the query, since Pagefind 1.5)
and neither knows Taiwan's medical words: 肌酸酐 was indexed whole and searched as 肌|酸酐, so it
found one page of fifteen. A dictionary of our own (the glossary) still leaves words hidden where
two of them overlap (白蛋白尿 hides 蛋白尿; 16 of 2,678 glossary-term occurrences measured).

So every Han character starts a search word of itself and its successor (overlapping bigrams,
the classic CJK index): any string of two or more Han characters in a page is a run of
consecutive words in the index, whatever the dictionary; a query is the same bigrams, searched
as a phrase. A Han run's last character is a word of one character (what a one-character query
finds, with Pagefind's prefix matching over the bigrams). Text outside Han runs is left as
written: a run of other characters is a word if it holds a letter or digit, otherwise it sticks
to the word before it, so punctuation takes no word position.

    腎絲球過濾率（eGFR）下降  →  腎絲 絲球 球過 過濾 濾率 率 （eGFR） 下降 降
"""

from __future__ import annotations

import re

# Kept equal to HAN, SPACE and WORDLIKE in docs/assets/js/search.js (a browser test compares).
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
WORDLIKE = re.compile(r"[^\W_]")  # a letter or digit: what Pagefind keeps of a word


def encode(text: str) -> list[str]:
    """What each character of `text` becomes in the index's text, one string per character.

    Joined, they are `text` with its search words separated by spaces. Per character, so that a
    caller holding text in several pieces (HTML text nodes) can put each back in its piece."""
    kinds = [_kind(char) for char in text]
    out = list(text)
    start = 0  # where the current run of other characters began
    for i, kind in enumerate(kinds):
        after = kinds[i + 1] if i + 1 < len(kinds) else "space"
        if kind == "other" and (i == 0 or kinds[i - 1] != "other"):
            start = i
        if kind == "han" and after == "han":
            out[i] = text[i] + text[i + 1] + " "
        elif kind == "han" and after == "other" and _wordlike(text, kinds, i + 1):
            out[i] += " "
        elif kind == "other" and after == "han":
            # Punctuation with no word before it (「 at the start) sticks to the next word.
            loose = (start == 0 or kinds[start - 1] == "space") and not _wordlike(
                text, kinds, start)
            if not loose:
                out[i] += " "
    return out


def _kind(char: str) -> str:
    if SPACE.match(char):
        return "space"
    return "han" if HAN.match(char) else "other"


def _wordlike(text: str, kinds: list[str], start: int) -> bool:
    """Whether the run of other characters starting at `start` holds a letter or digit."""
    end = start
    while end < len(text) and kinds[end] == "other":
        end += 1
    return WORDLIKE.search(text, start, end) is not None


def encoded(text: str) -> str:
    """`text` with its search words separated by spaces."""
    return "".join(encode(text))


def index_words(text: str) -> list[str]:
    """The words of `text` as they go into the index (before Pagefind drops punctuation)."""
    return encoded(text).split()
