"""Shared fixtures: one strict build of the real site per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.testing.local_site import ServedSite, build_site, free_port, serve


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The real site, built strictly for http://127.0.0.1:PORT/shenzhi/ and served there."""
    port = free_port()
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build_site(site_dir, f"http://127.0.0.1:{port}/shenzhi/")
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    site = serve(site_dir, port)
    yield site
    site.stop()


@pytest.fixture(scope="session")
def site_dir(served_site: ServedSite) -> Path:
    """Folder of the built site."""
    return served_site.site_dir


@pytest.fixture(scope="session")
def site_base(served_site: ServedSite) -> str:
    """Base URL of the served site, ending with /shenzhi/."""
    return served_site.base_url
