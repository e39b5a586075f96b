"""Front matter of a case-report file, as the case-report checks want it.

A thin view over `scripts.front_matter`, which reads every page's front matter.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from scripts.front_matter import FRONT_MATTER, SAFE_LOADER
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


# The top-level `measurements:` key and the lines under it: indented, list items (which YAML
# allows at the key's own indentation), comments and blank lines, up to the next top-level key.
MEASUREMENTS_BLOCK = re.compile(r"^measurements:.*\n(?:(?:[ \t#-].*)?\n)*", re.MULTILINE)
PLAIN_DECIMAL = re.compile(r"^-?\d+(?:\.\d+)?$")  # 1_000, 0x1F or 1e3 print as numbers instead


class _WrittenNumbers(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """A YAML loader that keeps numbers as the text the editor wrote (3.0 stays "3.0")."""


for _tag in ("tag:yaml.org,2002:float", "tag:yaml.org,2002:int"):
    _WrittenNumbers.add_constructor(_tag, lambda loader, node: node.value)


def written_lab_values(text: str) -> dict[tuple[int, int], str]:
    """Each lab value as written in the page, by (measurement index, point index): the page
    shows 3.0 mg/dL where the source says 3.0, not the 3 a number would print as."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}
    # Only the measurements block is read again (the rest of a case's front matter is several
    # times larger); the whole front matter when the block cannot be read on its own, e.g.
    # when it refers to an anchor defined elsewhere.
    block = MEASUREMENTS_BLOCK.search(match.group(2))
    meta = None
    for yaml_text in ([block.group(0)] if block else []) + [match.group(2)]:
        try:
            meta = yaml.load(yaml_text, Loader=_WrittenNumbers)
            break
        except yaml.YAMLError:
            continue  # the whole front matter next; if that fails too, the checks report it
    written: dict[tuple[int, int], str] = {}
    measurements = meta.get("measurements") if isinstance(meta, dict) else None
    for i, measurement in enumerate(measurements if isinstance(measurements, list) else []):
        points = measurement.get("points") if isinstance(measurement, dict) else None
        for j, point in enumerate(points if isinstance(points, list) else []):
            value = point.get("value") if isinstance(point, dict) else None
            if isinstance(value, str) and PLAIN_DECIMAL.match(value):
                written[(i, j)] = value
    return written
