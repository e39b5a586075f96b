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
                        "占吁冲核胜")  # 胜肽 (peptide) is Taiwan usage
# Traditional characters that are also standard Simplified characters.
SHARED_TRADITIONAL = set("乾著覆夥藉瞭甦於")


@lru_cache(maxsize=2)
def foreign_characters(lang: str) -> frozenset[str]:
    """Characters a page in `lang` should never contain (those of the other script only)."""
    # Taiwan variants (床, 群), not OpenCC's default Traditional forms (牀, 羣).
    s2t, t2s = opencc.OpenCC("s2tw"), opencc.OpenCC("tw2s")
    chars = [chr(c) for c in CJK]
    if lang == "zh-Hant":
        only = {c for c in chars if t2s.convert(c) == c and s2t.convert(c) != c}
        return frozenset(only - SHARED_SIMPLIFIED)
    only = {c for c in chars if s2t.convert(c) == c and t2s.convert(c) != c}
    return frozenset(only - SHARED_TRADITIONAL)


def foreign_in(text: str, lang: str) -> list[str]:
    """The characters of `text` that belong only to the other script, in order of appearance."""
    foreign = foreign_characters(lang)
    return list(dict.fromkeys(c for c in text if c in foreign))
