"""The test server (scripts/testing/local_site.py) serves each site it is given."""

from __future__ import annotations

import urllib.request
from pathlib import Path

from scripts.testing.local_site import free_port, serve


def test_two_sites_in_one_folder_are_each_served(tmp_path: Path) -> None:
    served = []
    try:
        for name in ("real-site", "ours-1000"):
            site = tmp_path / name
            site.mkdir()
            (site / "index.html").write_text(name, encoding="utf-8")
            served.append(serve(site, free_port()))
        pages = [urllib.request.urlopen(s.base_url, timeout=10).read().decode() for s in served]
    finally:
        for s in served:
            s.stop()
    assert pages == ["real-site", "ours-1000"]
