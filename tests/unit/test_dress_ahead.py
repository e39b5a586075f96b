"""Pages dressed ahead in a worker: MkDocs's process gets each page once, in order, and uses the
worker's result only under the same key."""

from __future__ import annotations

import os
import time
from pathlib import Path

from scripts.pages import dress_ahead
from scripts.pages.dress_ahead import IN_LINE_FIRST, MIN_LEFT, DressAhead, PageFile

PAGES = [PageFile(f"p{n}.md", f"/nowhere/p{n}.md", "zh-Hant", f"p{n}/")
         for n in range(IN_LINE_FIRST + MIN_LEFT + 30)]


def dressed_slowly(page: PageFile) -> tuple[str, tuple[str, int]]:
    time.sleep(0.002)
    return f"key-{page.src_uri}", (f"dressed {page.src_uri}", os.getpid())


def dressed_otherwise(page: PageFile) -> tuple[str, tuple[str, int]]:
    return "a key MkDocs's process does not have", ("stale", os.getpid())


def nothing() -> None:
    return None


def build(ahead: DressAhead) -> list[tuple[str, int]]:
    """What MkDocs's process does: each page in order, the worker's result or its own."""
    out = []
    for page in PAGES:
        stored = ahead.take(page.src_uri, f"key-{page.src_uri}")
        if stored is None:
            time.sleep(0.01)  # dressing a page here takes longer than the worker's fake one
            stored = (f"dressed {page.src_uri}", os.getpid())
            ahead.missed(page.src_uri)
        out.append(stored)
    return out


def test_pages_come_in_order_and_the_worker_takes_them_from_the_back() -> None:
    ahead = dress_ahead.start(PAGES, dressed_slowly, nothing)
    try:
        out = build(ahead)
    finally:
        dress_ahead.stop()
    assert [text for text, _ in out] == [f"dressed {page.src_uri}" for page in PAGES]
    here = [pid == os.getpid() for _, pid in out]
    assert all(here[:IN_LINE_FIRST]), "the first pages are dressed in line"
    assert not here[-1], "the worker dressed the last page"
    assert here == sorted(here, reverse=True), "one boundary: this process's, then the worker's"


def test_a_result_under_another_key_is_not_used() -> None:
    ahead = dress_ahead.start(PAGES, dressed_otherwise, nothing)
    try:
        out = build(ahead)
        assert ahead.started
    finally:
        dress_ahead.stop()
    assert all(pid == os.getpid() for _, pid in out)


def test_a_small_build_never_starts_the_worker() -> None:
    few = PAGES[: IN_LINE_FIRST + MIN_LEFT - 1]
    ahead = DressAhead(few, dressed_slowly, nothing)
    for page in few:
        assert ahead.take(page.src_uri, f"key-{page.src_uri}") is None
        ahead.missed(page.src_uri)
    assert not ahead.started


def test_the_worker_reads_a_page_as_mkdocs_does(tmp_path: Path) -> None:
    from mkdocs.structure.files import File

    from scripts.pages.build_page import read_as_mkdocs

    raw = "\ufeff---\r\ntitle: 甲\r\n---\r\n\r\n腎絲球\r過濾率\n".encode()
    (tmp_path / "a.md").write_bytes(raw)
    mkdocs_file = File("a.md", str(tmp_path), str(tmp_path / "site"), use_directory_urls=True)
    assert read_as_mkdocs(tmp_path / "a.md") == (raw, mkdocs_file.content_string)
