"""Characters of one script only, as OpenCC's character tables give them."""

from __future__ import annotations

import opencc
import pytest

from scripts.conversion.script_chars import (
    CJK,
    SHARED_SIMPLIFIED,
    SHARED_TRADITIONAL,
    foreign_characters,
    foreign_in,
)


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_the_table_is_each_character_converted_on_its_own(lang: str) -> None:
    s2t, t2s = opencc.OpenCC("s2tw"), opencc.OpenCC("tw2s")
    if lang == "zh-Hant":  # Simplified-only characters
        expected = {chr(c) for c in CJK
                    if t2s.convert(chr(c)) == chr(c) != s2t.convert(chr(c))} - SHARED_SIMPLIFIED
    else:
        expected = {chr(c) for c in CJK
                    if s2t.convert(chr(c)) == chr(c) != t2s.convert(chr(c))} - SHARED_TRADITIONAL
    assert foreign_characters(lang) == expected
    assert len(expected) > 2000


def test_foreign_characters_in_order_without_the_shared_ones() -> None:
    assert foreign_in("肾脏台湾腎", "zh-Hant") == ["肾", "脏", "湾"]
    assert foreign_in("腎臟臺灣肾乾", "zh-Hans") == ["腎", "臟", "臺", "灣"]
