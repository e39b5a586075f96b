"""Which characters belong to only one script, from OpenCC's character tables.

OpenCC maps some characters one-to-many although they are also correct in the other script
(若干/幹部, 台/臺, 了解/瞭解, 显著/顯著); those are listed in SHARED and never count as evidence
of the wrong script.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

CJK = range(0x4E00, 0x9FA6)
# Simplified characters that are also standard Traditional (Taiwan) characters.
SHARED_SIMPLIFIED = set("于了准几历发台后咸团尽干征恶斗朴杰汇游签范里钟面松系只制出卷弦御志才沈"
                        "占吁冲核胜泄")  # 胜肽 (peptide), 排泄 and 泄殖腔 are Taiwan usage
# Traditional characters that are also standard Simplified characters.
SHARED_TRADITIONAL = set("乾著覆夥藉瞭甦於")


@lru_cache(maxsize=1)
def _each_character_converted() -> tuple[list[str], list[str], list[str]]:
    """Every CJK character, and each one converted alone to Taiwan Traditional and to
    Simplified. One OpenCC call per direction, with a line break between characters so that no
    phrase spans two of them: 40,000 calls of one character each took half a second."""
    # Taiwan variants (床, 群), not OpenCC's default Traditional forms (牀, 羣).
    chars = [chr(c) for c in CJK]
    text = "\n".join(chars)
    to_traditional = opencc.OpenCC("s2tw").convert(text).split("\n")
    to_simplified = opencc.OpenCC("tw2s").convert(text).split("\n")
    if not len(chars) == len(to_traditional) == len(to_simplified):
        raise RuntimeError("OpenCC changed the number of lines of the character table")
    return chars, to_traditional, to_simplified


@lru_cache(maxsize=2)
def foreign_characters(lang: str) -> frozenset[str]:
    """Characters a page in `lang` should never contain (those of the other script only)."""
    chars, to_traditional, to_simplified = _each_character_converted()
    if lang == "zh-Hant":
        only = {c for c, t, s in zip(chars, to_traditional, to_simplified, strict=True)
                if s == c and t != c}
        return frozenset(only - SHARED_SIMPLIFIED)
    only = {c for c, t, s in zip(chars, to_traditional, to_simplified, strict=True)
            if t == c and s != c}
    return frozenset(only - SHARED_TRADITIONAL)


def foreign_in(text: str, lang: str) -> list[str]:
    """The characters of `text` that belong only to the other script, in order of appearance."""
    foreign = foreign_characters(lang)
    return list(dict.fromkeys(c for c in text if c in foreign))
