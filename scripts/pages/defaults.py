"""Folder defaults for front matter: a `.meta.yml` in a folder applies to every page below it.

The same idea as Material's meta plugin, kept in our package so it does not depend on a theme.
The page's own front matter wins; deeper folders win over shallower ones.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

BASE_DEFAULTS: dict[str, Any] = {"kind": "article"}


@lru_cache(maxsize=256)
def _folder_meta(meta_file: Path, mtime: float) -> dict[str, Any]:
    del mtime  # part of the cache key so an edited .meta.yml is read again under `mkdocs serve`
    data = yaml.safe_load(meta_file.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{meta_file}: expected 'key: value' lines")
    return data


def folder_defaults(docs_dir: Path, rel_path: str) -> dict[str, Any]:
    """Defaults for the page at `rel_path` (relative to `docs_dir`) from `.meta.yml` files."""
    merged = dict(BASE_DEFAULTS)
    folder = docs_dir
    for part in ("", *PurePosixPath(rel_path).parent.parts):
        folder = folder / part if part else folder
        meta_file = folder / ".meta.yml"
        if meta_file.is_file():
            merged.update(_folder_meta(meta_file, meta_file.stat().st_mtime))
    return merged


def with_defaults(meta: dict[str, Any], docs_dir: Path, rel_path: str) -> dict[str, Any]:
    """The page's front matter completed with its folder defaults."""
    return {**folder_defaults(docs_dir, rel_path), **meta}
