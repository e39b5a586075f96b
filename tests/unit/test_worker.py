"""The build's worker process: started on first use, at a lower priority than the build."""

from __future__ import annotations

import os

from scripts.worker import NICENESS, Worker


def niceness() -> int:
    return os.nice(0)


def test_the_worker_yields_to_the_process_rendering_pages() -> None:
    worker = Worker()
    assert not worker.started
    try:
        in_worker = worker.submit(niceness).result(timeout=60)
        assert worker.started
    finally:
        worker.stop()
    assert in_worker == min(os.nice(0) + NICENESS, 19)
    assert not worker.started
