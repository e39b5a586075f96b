"""Theme files listed without Material's hidden icon folders.

On every build (and every `mkdocs serve` rebuild, per language) MkDocs lists all the theme's
files to copy its static ones (`Files.add_files_from_theme`), then drops each name with a part
starting with a dot. Material keeps 14,000 icons in `templates/.icons`, so that walk and filter
cost about 0.1 s per language here, for files never copied. Listing without hidden folders
gives MkDocs the same files; icons are still read by name when a template includes one.
"""

from __future__ import annotations

import os

import jinja2
from mkdocs.theme import Theme


class VisibleFilesLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader whose `list_templates` skips names with a part starting with '.'."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                folder = os.path.relpath(dirpath, searchpath).replace(os.path.sep, "/")
                prefix = "" if folder == "." else f"{folder}/"
                found.update(prefix + name for name in filenames if not name.startswith("."))
        return sorted(found)


class VisibleFilesTheme(Theme):
    """MkDocs's Theme, whose Jinja environments list only files outside hidden folders."""

    def get_env(self) -> jinja2.Environment:
        env = super().get_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:  # what MkDocs 1.6 makes; else leave it
            env.loader = VisibleFilesLoader(loader.searchpath, loader.encoding,
                                            loader.followlinks)
        return env


def list_visible_files_only(theme: Theme) -> None:
    """Make `theme` a VisibleFilesTheme (its class, so a copy of it stays one)."""
    if type(theme) is Theme:
        theme.__class__ = VisibleFilesTheme
