"""A saved page is noticed within 0.1 s under `mkdocs serve` (scripts/pages/live_preview.py)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from scripts.pages.live_preview import poll_faster


def test_watches_added_after_on_serve_poll_every_tenth_of_a_second(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))  # before: MkDocs' own half-second polling
        assert poll_faster(server)
        watched = tmp_path / "docs"
        watched.mkdir()
        server.watch(str(watched))
        emitters = {Path(e.watch.path).name: e.timeout for e in server.observer.emitters}
        assert emitters == {tmp_path.name: 0.5, "docs": 0.1}
    finally:
        server.server_close()


def test_an_unknown_server_is_left_alone() -> None:
    class Other:
        observer = object()

    assert not poll_faster(Other())
