"""The search segmenter's word list, generated from the glossary."""

from __future__ import annotations

import logging
from functools import lru_cache

from scripts.glossary import load_glossary


@lru_cache(maxsize=1)
def register_with_jieba() -> int:
    """Teach jieba every glossary form in both scripts, so 腎絲球 or 肌酸酐 inside a sentence is
    one searchable word. Returns the number of words (0 when jieba is not installed)."""
    try:
        import jieba
    except ImportError:
        return 0
    jieba.setLogLevel(logging.WARNING)  # it reports cache building on stderr at every build
    words = load_glossary().search_words()
    for word in words:
        jieba.add_word(word, freq=20000)
    return len(words)
