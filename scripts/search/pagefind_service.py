"""A client for `pagefind --service`: Pagefind's indexer as a long-running process.

The build hands each page to Pagefind as soon as MkDocs has rendered it, so the indexer works on
the second core while Python renders the next pages, and a language's index is written while
the next language is being built. (The `pagefind` package on PyPI wraps the same protocol, but
waits 0.1 s per reply: 100 s for a thousand pages.)

Protocol, as in that package: each message is base64-encoded JSON followed by a comma, on
stdin for requests and on stdout for replies; a reply carries the request's `message_id`.

The index files are fetched through the pipe (GetFiles) and written here, not written by Pagefind
(WriteFiles): Pagefind answers WriteFiles while its last writes may still be in flight, so a
process stopped after that answer can leave a file cut short or empty (seen for
pagefind-entry.json under load, which breaks search for the whole language).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any


class PagefindError(RuntimeError):
    """Pagefind rejected a request or stopped."""


class PagefindService:
    """One `pagefind --service` process holding one index.

    `add_html` does not wait: requests go through a writer thread, replies are read by a reader
    thread, and `wait_written` reports the first rejected request, if any.
    """

    def __init__(self, config: dict[str, Any], executable: Path | None = None) -> None:
        if executable is None:
            from pagefind_bin import get_executable

            executable = Path(get_executable())
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        # Niced: the indexer should take the cores MkDocs leaves idle, not slow the build down.
        with contextlib.suppress(OSError, AttributeError):  # not on every platform
            os.setpriority(os.PRIO_PROCESS, self._process.pid, 10)
        self._next_id = 0
        self._pages_sent = self._pages_answered = 0
        self._write_id: int | None = None
        self._output_dir: Path | None = None
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._replies: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._arrived = threading.Condition()
        self._writer = threading.Thread(target=self._write_requests, daemon=True)
        self._reader = threading.Thread(target=self._read_replies, daemon=True)
        self._writer.start()
        self._reader.start()
        reply = self._wait_for(self._send({"type": "NewIndex", "config": config}))
        self._index_id = reply["index_id"]

    def add_html(self, relative_path: str, html: str) -> None:
        """Index a page; `relative_path` (e.g. `ckd/basics/index.html`) gives its URL."""
        self._pages_sent += 1
        self._send({"type": "AddFile", "index_id": self._index_id,
                    "file_path": relative_path or None, "url": None, "file_contents": html})

    def wait_added(self, timeout: float = 600) -> None:
        """Block until Pagefind has answered every page sent (the benchmark times adding pages
        apart from writing the index)."""
        with self._arrived:
            if not self._arrived.wait_for(
                    lambda: self._pages_answered >= self._pages_sent
                    or self._process.poll() is not None, timeout):
                raise PagefindError(f"pages not indexed within {timeout:.0f} s")

    def start_writing(self, output_dir: Path) -> None:
        """Ask for the index once Pagefind has every page; the files are written to
        `output_dir` as they arrive (by the reader thread). No waiting."""
        self._output_dir = output_dir
        self._write_id = self._send({"type": "GetFiles", "index_id": self._index_id})

    def wait_written(self, timeout: float = 600) -> None:
        """Block until the index is on disk; raise PagefindError naming any rejected page."""
        if self._write_id is None:
            raise PagefindError("start_writing was not called")
        self._wait_for(self._write_id, timeout)
        if self._errors:
            raise PagefindError("Pagefind rejected: " + "; ".join(self._errors[:5]))

    def close(self) -> None:
        """Stop the process (also after an error)."""
        self._outbox.put(None)
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()

    def _send(self, payload: dict[str, Any]) -> int:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        self._outbox.put(base64.b64encode(
            json.dumps(message, ensure_ascii=False).encode("utf-8")) + b",")
        return self._next_id

    def _wait_for(self, message_id: int, timeout: float = 60) -> dict[str, Any]:
        with self._arrived:
            if not self._arrived.wait_for(
                    lambda: message_id in self._replies or self._process.poll() is not None,
                    timeout):
                raise PagefindError(f"no reply from Pagefind within {timeout:.0f} s")
        if message_id not in self._replies:
            raise PagefindError(f"Pagefind stopped (exit code {self._process.returncode})")
        reply = self._replies[message_id]
        if reply.get("type") == "Error":
            raise PagefindError(str(reply.get("message")))
        return reply

    def _write_requests(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        try:
            while (message := self._outbox.get()) is not None:
                stdin.write(message)
                if self._outbox.empty():
                    stdin.flush()
        except (BrokenPipeError, ValueError):
            pass  # the process stopped; the reader notices and waiters are woken

    def _read_replies(self) -> None:
        stdout = self._process.stdout
        assert stdout is not None
        pending: list[bytes] = []  # parts of a message; the index files come as one of ~10 MB
        while chunk := stdout.read1(1 << 16):
            *ends, rest = chunk.split(b",")
            messages = []
            for end in ends:
                messages.append(b"".join([*pending, end]))
                pending = []
            if rest:
                pending.append(rest)
            for message in messages:
                reply = json.loads(base64.b64decode(message))
                self._write_files(reply.get("payload", {}))
                with self._arrived:
                    self._receive(reply)
                    self._arrived.notify_all()
        with self._arrived:
            self._arrived.notify_all()

    def _write_files(self, payload: dict[str, Any]) -> None:
        """Write the index files of a GetFiles reply into the output folder."""
        if payload.get("type") != "GetFiles" or self._output_dir is None:
            return
        try:
            for file in payload.pop("files"):  # not kept with the reply: ~10 MB a language
                target = self._output_dir / file["path"]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(base64.b64decode(file["content"]))
        except (OSError, KeyError, ValueError) as error:
            self._errors.append(f"cannot write the index to {self._output_dir}: {error}")

    def _receive(self, reply: dict[str, Any]) -> None:
        payload = reply.get("payload", {})
        message_id = reply.get("message_id")
        if payload.get("type") == "Error":
            self._errors.append(str(payload.get("message")))
        if payload.get("type") in ("IndexedFile", "Error") and message_id != self._write_id:
            self._pages_answered += 1  # the reply to a page (an error may answer one too)
        if message_id is not None and payload.get("type") != "IndexedFile":
            self._replies[message_id] = payload  # page replies are only checked for errors
