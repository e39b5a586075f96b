"""The case-report index: filters and sorting work in Chromium, in both scripts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

ROOTS = {"zh-Hant": "", "zh-Hans": "zh-Hans/"}


def visible_rows(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "table.case-index tbody tr",
        "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.cellType)")


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_filter_by_cell_type_and_sort(page: Page, site_base: str, lang: str) -> None:
    page.goto(f"{site_base}{ROOTS[lang]}case-reports/")
    assert page.is_visible("form.case-filters")
    everything = visible_rows(page)
    assert len(everything) >= 5
    page.select_option("#case-filter-cell-type", "CD34+")
    only = visible_rows(page)
    assert only and set(only) == {"CD34+"} and len(only) < len(everything)
    page.select_option("#case-filter-cell-type", "")
    assert len(visible_rows(page)) == len(everything)
    header = page.locator("table.case-index thead th").filter(has=page.locator("button")).first
    header.locator("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
