"""Theme files listed without hidden folders: MkDocs copies exactly the same static files."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from scripts.pages.theme_files import VisibleFilesTheme, list_visible_files_only

ROOT = Path(__file__).resolve().parents[2]


def _theme_files(tmp_path: Path, visible_only: bool) -> list[tuple[str, str]]:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    if visible_only:
        list_visible_files_only(config.theme)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((f.src_uri, f.abs_src_path) for f in files)


def test_mkdocs_copies_the_same_theme_files(tmp_path: Path) -> None:
    plain = _theme_files(tmp_path, visible_only=False)
    visible = _theme_files(tmp_path, visible_only=True)
    assert visible == plain
    assert any(uri.startswith("assets/javascripts/") for uri, _ in plain)  # not an empty list


def test_hidden_icon_folders_are_not_listed_but_still_load(tmp_path: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    list_visible_files_only(config.theme)
    assert type(config.theme) is VisibleFilesTheme
    env = config.theme.get_env()
    listed = env.list_templates()
    everything = jinja2.FileSystemLoader(config.theme.dirs).list_templates()
    assert len(everything) > 10 * len(listed)  # Material's .icons/: what the walk skips
    assert not [name for name in listed if "/." in f"/{name}"]
    assert "<svg" in env.get_template(".icons/material/magnify.svg").render()
