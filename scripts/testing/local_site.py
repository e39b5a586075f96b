"""Build the real site once and serve it on 127.0.0.1 under a sub-path, as on GitHub Pages."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from scripts import ROOT

SUB_PATH = "shenzhi"


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(site_dir: Path, site_url: str, project: Path = ROOT,
               extra_env: dict[str, str] | None = None, parallel: bool = False,
               ) -> subprocess.CompletedProcess[str]:
    """Run the strict production build of `project` into `site_dir`: `mkdocs build`, or with
    `parallel` the languages side by side (`make build`, scripts/pages/parallel_build.py)."""
    env = {**os.environ, "SHENZHI_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1",
           **(extra_env or {})}
    command = (["-m", "scripts.pages.parallel_build", "-d", str(site_dir)] if parallel else
               ["-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)])
    return subprocess.run([sys.executable, *command], cwd=project, env=env,
                          capture_output=True, text=True, check=False)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    log: list[str]

    def log_message(self, format: str, *args: object) -> None:
        self.log.append(self.path)


@dataclass
class ServedSite:
    """A built site and the server that serves it."""

    site_dir: Path
    base_url: str  # e.g. http://127.0.0.1:PORT/shenzhi/
    requests: list[str]
    server: http.server.ThreadingHTTPServer

    def stop(self) -> None:
        """Shut the server down."""
        self.server.shutdown()
        self.server.server_close()


def serve(site_dir: Path, port: int) -> ServedSite:
    """Serve `site_dir` at http://127.0.0.1:port/shenzhi/ in a background thread."""
    # A web root per site: with one shared by the folder, a second site served from the same
    # folder was served the first one's files (the benchmark measured the real site's search
    # when it meant the synthetic site's).
    root = site_dir.parent / f"webroot-{site_dir.name}"
    root.mkdir(exist_ok=True)
    link = root / SUB_PATH
    if not link.exists():
        link.symlink_to(site_dir, target_is_directory=True)
    requests: list[str] = []
    handler = functools.partial(type("Handler", (_QuietHandler,), {"log": requests}),
                                directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return ServedSite(site_dir, f"http://127.0.0.1:{port}/{SUB_PATH}/", requests, server)
