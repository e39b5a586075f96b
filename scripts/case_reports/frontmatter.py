"""Front matter of a case-report file, as the case-report checks want it.

A thin view over `scripts.front_matter`, which reads every page's front matter.
"""

from __future__ import annotations

from typing import Any

from scripts.front_matter import FRONT_MATTER
from scripts.front_matter import split_front_matter as parse_page


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(yaml_text, body) between the first two `---` lines, or None if there is none."""
    match = FRONT_MATTER.match(text)
    return (match.group(2), text[match.end():]) if match else None


def read_front_matter(text: str) -> tuple[Any, dict[str, int], str | None]:
    """(meta, top-level key -> file line, problem message or None) for a Markdown page."""
    if not FRONT_MATTER.match(text):
        return None, {}, "no front matter: the file must start with a line `---`"
    parsed, problems = parse_page(text, "page")
    if parsed is None:
        return None, {}, problems[0].message if problems else "front matter is not valid"
    return parsed.meta, parsed.field_lines, None
