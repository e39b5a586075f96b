"""Playwright fixtures: real headless Chromium against the site served under /shenzhi/."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from scripts.testing.browser import FLAGS, executable_path


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable_path(), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def request_log() -> list[str]:
    """Every URL the page requested, for asserting that nothing left 127.0.0.1."""
    return []


@pytest.fixture
def page(browser: Browser, request_log: list[str]) -> Iterator[Page]:
    """A fresh page (own storage) whose requests are recorded in `request_log`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-TW")
    page = context.new_page()
    page.on("request", lambda request: request_log.append(request.url))
    yield page
    context.close()


def external_requests(log: list[str]) -> list[str]:
    """Requests to any host other than the local test server."""
    return [url for url in log
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).hostname not in ("127.0.0.1", "localhost")]
