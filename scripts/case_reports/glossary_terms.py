"""Read the English keys and Taiwan names of the medical glossary (scripts/data/glossary.tsv).

The project's full glossary loader lives elsewhere; case reports need only two things from the
file, so this reader is deliberately small and tolerant of extra columns.
"""

from __future__ import annotations

import csv
from pathlib import Path

GLOSSARY_PATH = Path(__file__).resolve().parent.parent / "data" / "glossary.tsv"


def read_glossary_rows(path: Path = GLOSSARY_PATH) -> list[dict[str, str]]:
    """Rows of the glossary TSV as dicts keyed by the header (`en`, `abbr`, `zh_Hans`, ...).

    Lines starting with `#` and blank lines are skipped; the first other line is the header.
    Raises OSError if the file cannot be read.
    """
    lines = [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def load_glossary_terms(path: Path = GLOSSARY_PATH) -> set[str]:
    """The set of English keys (`en` column) in the glossary."""
    return {row["en"] for row in read_glossary_rows(path) if row.get("en")}


def load_zh_hant_names(path: Path = GLOSSARY_PATH) -> dict[str, str]:
    """English key -> Traditional Chinese (Taiwan) name; empty if the glossary is missing.

    Rendering must not fail because the glossary is absent (the checker reports that), so a
    missing or unreadable file gives an empty mapping and callers fall back to the English key.
    """
    try:
        rows = read_glossary_rows(path)
    except OSError:
        return {}
    # A cell may list several forms separated by "|"; the first is the preferred one.
    return {
        row["en"]: row["zh_Hant"].split("|")[0].strip()
        for row in rows
        if row.get("en") and row.get("zh_Hant")
    }
