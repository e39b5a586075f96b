"""Split a Markdown page into its YAML front matter and body, with the line of each top key."""

from __future__ import annotations

import re
from typing import Any

import yaml

TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")


def split_front_matter(text: str) -> tuple[str, str] | None:
    """(yaml_text, body) between the first two `---` lines, or None if there is none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :])
    return None


def read_front_matter(text: str) -> tuple[Any, dict[str, int], str | None]:
    """(meta, top-level key -> file line, problem message or None) for a Markdown page."""
    parts = split_front_matter(text)
    if parts is None:
        return None, {}, "no front matter: the file must start with a line `---`"
    yaml_text, _body = parts
    try:
        meta = yaml.safe_load(yaml_text)
    except yaml.YAMLError as error:
        return None, {}, f"front matter is not valid YAML: {error}".replace("\n", " ")
    field_lines = {}
    for number, line in enumerate(yaml_text.splitlines(), start=2):  # line 1 is the `---`
        match = TOP_KEY.match(line)
        if match:
            field_lines.setdefault(match.group(1), number)
    return meta, field_lines, None
