"""What case reports need from the medical glossary: its English keys and Taiwan names.

A thin view over `scripts.conversion.glossary`, the one reader of scripts/data/glossary.tsv.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from scripts.conversion.glossary import GLOSSARY_PATH, Glossary, parse_glossary

__all__ = ["GLOSSARY_PATH", "load_glossary_terms", "load_zh_hant_names"]


def load_glossary_terms(path: Path = GLOSSARY_PATH) -> set[str]:
    """The set of English keys (`en` column) in the glossary. Raises OSError if unreadable."""
    glossary, _ = parse_glossary(path)
    return {concept.en for concept in glossary}


def load_zh_hant_names(path: Path = GLOSSARY_PATH) -> dict[str, str]:
    """English key -> Taiwan name; empty if the glossary is missing.

    Rendering must not fail because the glossary is absent (the checker reports that), so a
    missing or unreadable file gives an empty mapping and callers fall back to the English key.
    """
    try:
        glossary, _ = parse_glossary(path)
    except OSError:
        return {}
    return _names(glossary)


@lru_cache(maxsize=4)
def _names(glossary: Glossary) -> dict[str, str]:
    return {concept.en: concept.preferred("zh-Hant") for concept in glossary if concept.hant}
