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
# The labels of the open cache already looked up, by (step, text, target), kept with that cache
# (each build opens its own). A label repeats on every page; computing its cache key (a SHA-256
# over the project fingerprint) 65 times a page cost more than a dictionary lookup.
_looked_up: tuple[build_cache.BuildCache | None, dict[tuple[str, str, str], str]] = (None, {})


def kept(step: str, converter: Callable[[], Convert]) -> Convert:
    """`converter()`'s conversion, looked up in the build cache first; `converter` is only
    called (and the data it needs loaded) for a label the cache does not have."""
    def convert(text: str, target: str) -> str:
        global _looked_up
        cache = build_cache.current()
        if not cache.enabled:
            return converter()(text, target)
        owner, looked_up = _looked_up
        if owner is not cache:
            looked_up = {}
            _looked_up = (cache, looked_up)
        value = looked_up.get((step, text, target))
        if value is None:
            key = cache.key(step, text, target)  # marked used when read or stored
            value = cache.get_or_make(key, lambda: converter()(text, target))
            looked_up[(step, text, target)] = value
        return value
    return convert


# `label_converter` for generated blocks, `convert_text` for the site's own settings: each
# kept under its own step, so each gives exactly what it gave before.
convert_label = kept("label", label_converter)
convert_setting = kept("setting", lambda: convert_text)
