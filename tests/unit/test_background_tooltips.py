"""Tooltips in a worker process for large builds, in line for small ones."""

from __future__ import annotations

from scripts.pages import background_tooltips
from scripts.pages.background_tooltips import IN_LINE_FIRST, MIN_PAGES, BackgroundTooltips
from scripts.pages.tooltips import add_term_tooltips

HTML = "<p>腎絲球會過濾血液，肌酸酐上升代表過濾變差。</p>"


def test_a_large_build_gets_the_same_tooltips_from_the_worker() -> None:
    tips = BackgroundTooltips(MIN_PAGES)
    try:
        for n in range(IN_LINE_FIRST):  # the first pages are done in line
            assert tips.add(f"{n}.md", HTML, "zh-Hant") == add_term_tooltips(HTML, "zh-Hant")
        assert tips._worker.started is False
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
    for n in range(IN_LINE_FIRST + 1):
        first.add(f"{n}.md", HTML, "zh-Hant")
    assert first._worker.started
    second = background_tooltips.start(1)
    assert background_tooltips.current() is second and first._worker.started is False
    background_tooltips.stop()


def test_no_worker_starts_when_every_page_comes_from_the_build_cache(tmp_path, monkeypatch
                                                                     ) -> None:
    from scripts import build_cache

    monkeypatch.setattr(build_cache, "_open", build_cache.BuildCache(tmp_path, "project"))
    pages = [f"<p>{n}</p>{HTML}" for n in range(IN_LINE_FIRST + 1)]
    first = BackgroundTooltips(MIN_PAGES)
    try:
        for n, page in enumerate(pages):
            first.add(f"{n}.md", page, "zh-Hant")
        assert first._worker.started  # the last one computed in the worker, then kept
        assert first.take(f"{IN_LINE_FIRST}.md", "") == add_term_tooltips(pages[-1], "zh-Hant")
    finally:
        first.close()
    again = BackgroundTooltips(MIN_PAGES)  # the next build
    for n, page in enumerate(pages):
        assert again.add(f"{n}.md", page, "zh-Hant") == add_term_tooltips(page, "zh-Hant")
    assert again._worker.started is False
