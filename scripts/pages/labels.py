"""Labels converted to a page's script (navigation, site name, heading-link titles, the labels
of generated blocks), kept in the build cache.

A rebuild whose pages all come from the cache would otherwise load the glossary, the context
rules and OpenCC's dictionaries only to convert the same few hundred labels again: a quarter of
a second, a tenth of a hundred-case rebuild.
"""

from __future__ import annotations

from collections.abc import Callable

from scripts import build_cache
from scripts.conversion.convert import convert_text, label_converter

Convert = Callable[[str, str], str]
_KEPT: dict[str, str] = {}  # by cache key, for this process: a label repeats on every page


def kept(step: str, converter: Callable[[], Convert]) -> Convert:
    """`converter()`'s conversion, looked up in the build cache first; `converter` is only
    called (and the data it needs loaded) for a label the cache does not have."""
    def convert(text: str, target: str) -> str:
        cache = build_cache.current()
        if not cache.enabled:
            return converter()(text, target)
        key = cache.key(step, text, target)
        cache.used.add(key)
        if key not in _KEPT:
            if len(_KEPT) > 65536:
                _KEPT.clear()
            _KEPT[key] = cache.get_or_make(key, lambda: converter()(text, target))
        return _KEPT[key]
    return convert


# `label_converter` for generated blocks, `convert_text` for the site's own settings: each
# kept under its own step, so each gives exactly what it gave before.
convert_label = kept("label", label_converter)
convert_setting = kept("setting", lambda: convert_text)
