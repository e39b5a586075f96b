"""Tooltips in a worker process for large builds, in line for small ones."""

from __future__ import annotations

from scripts.pages import background_tooltips
from scripts.pages.background_tooltips import MIN_PAGES, BackgroundTooltips
from scripts.pages.tooltips import add_term_tooltips

HTML = "<p>腎絲球會過濾血液，肌酸酐上升代表過濾變差。</p>"


def test_a_large_build_gets_the_same_tooltips_from_the_worker() -> None:
    tips = BackgroundTooltips(MIN_PAGES)
    try:
        assert tips.add("a.md", HTML, "zh-Hant") == HTML  # not yet: the worker has it
        assert tips.take("a.md", HTML) == add_term_tooltips(HTML, "zh-Hant")
        assert tips.take("a.md", HTML) == HTML  # taken once
    finally:
        tips.close()


def test_a_small_build_adds_tooltips_in_line() -> None:
    tips = BackgroundTooltips(MIN_PAGES - 1)
    assert tips.add("a.md", HTML, "zh-Hant") == add_term_tooltips(HTML, "zh-Hant")
    assert tips.take("a.md", "<p>x</p>") == "<p>x</p>"


def test_a_new_build_stops_the_worker_of_the_last_one() -> None:
    first = background_tooltips.start(MIN_PAGES)
    first.add("a.md", HTML, "zh-Hant")
    second = background_tooltips.start(1)
    assert background_tooltips.current() is second and first._pool is None
    background_tooltips.stop()
