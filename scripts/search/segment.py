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
from itertools import pairwise

# Kept equal to HAN, SPACE and WORDLIKE in docs/assets/js/search.js (a browser test compares).
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
SPACE = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
WORDLIKE = re.compile(r"[^\W_]")  # a letter or digit: what Pagefind keeps of a word
# Separating and closing Chinese punctuation ends a word (index side only: a query is a glossary
# form or what a reader types, without such punctuation between words).
AFTER_CJK_PUNCTUATION = re.compile("(?<=[、。〉》」』】〕〗〙〛！），．：；？］｝])")


SEGMENT = re.compile(f"(?P<han>{HAN.pattern}+)|(?P<space>{SPACE.pattern}+)"
                     f"|(?P<other>[^{HAN.pattern[1:-1]}{SPACE.pattern[1:-1]}]+)")


def encoded(text: str) -> str:
    """`text` with its search words separated by spaces."""
    out: list[str] = []
    before = "space"  # what the previous run was: space, han, word or punctuation (stuck)
    for match in SEGMENT.finditer(text):
        kind, run = match.lastgroup, match.group()
        if kind == "han":
            if before == "word" or before == "stuck":
                out.append(" ")
            out.append(" ".join(map("".join, pairwise(run))) + " " + run[-1]
                       if len(run) > 1 else run)
        elif kind == "other":
            wordlike = WORDLIKE.search(run) is not None
            if before == "han" and wordlike:
                out.append(" ")
            # Chinese punctuation ends a word: 「TGF-β、I型胶原」 holds the words TGF-β and I;
            # Pagefind splits only at spaces and would index one word TGF-βI.
            seen_word = False
            for piece in filter(None, AFTER_CJK_PUNCTUATION.split(run)):
                piece_wordlike = WORDLIKE.search(piece) is not None
                if seen_word and piece_wordlike:
                    out.append(" ")
                out.append(piece)
                seen_word = seen_word or piece_wordlike
            # Punctuation with no word before it (「 at the start) sticks to the next word;
            # after a word it sticks to that word, and the next word starts after a space.
            kind = "word" if wordlike else "stuck" if before == "han" else "loose"
        else:
            out.append(run)
        before = kind
    return "".join(out)


def index_words(text: str) -> list[str]:
    """The words of `text` as they go into the index (before Pagefind drops punctuation)."""
    return encoded(text).split()
