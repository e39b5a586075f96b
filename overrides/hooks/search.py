"""MkDocs entry points for the search index: pages go to Pagefind as they are written.

A hook file of its own because it needs on_post_build at a different priority from
shenzhi.py's: here before static-i18n (-100) builds the next language, so the finished
language's index is written meanwhile; shenzhi.py waits for all of them at the very end.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from scripts.search import index as search_index


@event_priority(-200)  # after every other plugin has finished the page
def on_post_page(output, page, config):
    """Hand the finished page to its language's indexer."""
    language = getattr(page.file, "locale", None) or config.theme["language"]
    search_index.for_build(Path(config.site_dir)).add_page(language, page.file.dest_uri, output,
                                                           page.content)
    return output


@event_priority(0)
def on_post_build(config):
    """This language's pages are all written: start writing its index."""
    search_index.for_build(Path(config.site_dir)).finish_pending()


def on_build_error(error):
    """Stop the indexers of a failed build."""
    search_index.abort_build()
