"""Benchmark only, used as an MkDocs hook: write each page's Markdown as the project's hooks
leave it (case layout, generated blocks, disclaimer and sources in place) into `.dressed/docs/`
beside the config, so that a bare MkDocs build can render exactly the same content."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.front_matter import FRONT_MATTER
from scripts.pages.html_stash import restore_html_blocks

DRESSED = Path(".dressed") / "docs"


@event_priority(-100)  # after shenzhi.py has dressed the page
def on_page_markdown(markdown, page, config, files):
    """Record the page: its staged front matter, then the Markdown it is rendered from."""
    staged = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    front = FRONT_MATTER.match(staged)
    target = Path(config.config_file_path).parent / DRESSED / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    body = restore_html_blocks(markdown, page.meta.get("shenzhi_html_blocks", []))
    target.write_text((front.group(0) if front else "") + body, encoding="utf-8")
    return markdown
