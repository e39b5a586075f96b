"""The search index: pages fed to Pagefind's service, one index per language, query tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scripts.search.index import (
    PAGEFIND_CONFIG,
    SiteSearch,
    build_search,
    indexed_part,
    language_pages,
)
from scripts.search.pagefind_service import PagefindError, PagefindService

PAGE = ('<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>'
        '<nav>導覽不算</nav><article class="md-content__inner"><h1>{title}</h1><p>{text}</p>'
        '<div class="shenzhi-disclaimer">免責聲明不索引</div></article></body></html>')


def _write(site: Path, rel: str, lang: str, title: str, text: str) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(lang=lang, title=title, text=text), encoding="utf-8")


def _entry(site: Path, lang: str) -> dict:
    return json.loads((site / "search" / lang / "pagefind-entry.json").read_text("utf-8"))


def test_each_language_gets_its_own_index_and_query_table(tmp_path: Path) -> None:
    _write(tmp_path, "index.html", "zh-Hant", "首頁", "腎絲球過濾率")
    _write(tmp_path, "ckd/basics/index.html", "zh-Hant", "認識腎臟病", "肌酸酐上升")
    _write(tmp_path, "zh-Hans/index.html", "zh-Hans", "首页", "肾小球滤过率")
    build_search(tmp_path)
    hant, hans = _entry(tmp_path, "zh-Hant"), _entry(tmp_path, "zh-Hans")
    assert [v["page_count"] for v in hant["languages"].values()] == [2]
    assert [v["page_count"] for v in hans["languages"].values()] == [1]
    table = json.loads((tmp_path / "search" / "normalize.zh-Hant.json").read_text("utf-8"))
    assert table["chars"]["肾"] == "腎"  # a character of the zh-Hans pages, typed on zh-Hant
    assert table["phrases"]["肌酐"] == "肌酸酐"


def test_pages_fed_during_a_build_are_written_language_by_language(tmp_path: Path) -> None:
    search = SiteSearch(tmp_path)
    search.add_page("zh-Hant", "a/index.html", PAGE.format(lang="zh-Hant", title="甲",
                                                           text="腎絲球"))
    search.finish_pending()  # the zh-Hant index is being written while zh-Hans is "built"
    search.add_page("zh-Hans", "zh-Hans/a/index.html", PAGE.format(lang="zh-Hans", title="甲",
                                                                   text="肾小球"))
    search.finish()
    fragments = list((tmp_path / "search" / "zh-Hans" / "fragment").iterdir())
    assert len(fragments) == 1
    assert (tmp_path / "search" / "zh-Hant" / "pagefind.js").is_file()


def test_a_rejected_request_is_reported(tmp_path: Path) -> None:
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        service.add_html("", "<html></html>")  # no path and no URL: Pagefind refuses it
        service.start_writing(tmp_path / "out")
        with pytest.raises(PagefindError, match="Pagefind"):
            service.wait_written(timeout=60)
    finally:
        service.close()


def test_waiting_for_added_pages_counts_a_rejected_page_as_answered(tmp_path: Path) -> None:
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        service.add_html("a/index.html", PAGE.format(lang="zh-Hant", title="甲", text="腎絲 絲球"))
        service.add_html("", "<html></html>")  # refused: its error is its answer
        service.wait_added(timeout=60)  # returns: both pages are answered
        service.start_writing(tmp_path / "out")
        with pytest.raises(PagefindError, match="Pagefind"):
            service.wait_written(timeout=60)
    finally:
        service.close()


def test_a_stopped_indexer_is_reported_not_waited_for(tmp_path: Path) -> None:
    service = PagefindService(PAGEFIND_CONFIG)
    service.close()
    service.start_writing(tmp_path / "out")
    with pytest.raises(PagefindError, match="stopped"):
        service.wait_written(timeout=30)


THEMED = ('<!doctype html><html lang="zh-Hant"><head><title>甲 - 腎知</title></head>'
          '<body dir="ltr"><header>頁首</header><nav class="md-nav">{nav}</nav>'
          '<div class="md-content"><article class="md-content__inner md-typeset">'
          '<h1 id="a">甲</h1><p>腎絲球過濾率 <img src="x.png" alt="圖"></p><h2 id="b">乙</h2>'
          '<p data-pagefind-meta="kind:article">肌酸酐</p></article></div>'
          '<footer>頁尾</footer></body></html>')


def _index_files(site: Path, html: str) -> dict[str, bytes]:
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        service.add_html("a/index.html", html)
        service.start_writing(site)
        service.wait_written(timeout=60)
    finally:
        service.close()
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file()}


def test_only_the_article_is_sent_and_the_index_is_the_same(tmp_path: Path) -> None:
    page = THEMED.format(nav="<a href='x/'>導覽</a>" * 500)
    sent = indexed_part(page)
    assert "導覽" not in sent and "頁尾" not in sent and "肌酸酐" in sent
    assert sent.startswith('<!doctype html><html lang="zh-Hant"><head>')
    assert _index_files(tmp_path / "whole", page) == _index_files(tmp_path / "part", sent)


def test_a_page_without_the_theme_article_is_sent_whole() -> None:
    page = "<html lang='zh-Hant'><body><main>內容</main></body></html>"
    assert indexed_part(page) == page


def test_the_index_is_on_disk_when_writing_is_reported_done(tmp_path: Path) -> None:
    """Pagefind's own WriteFiles answers before its last writes land; a process stopped then
    left empty files. The files now come through the pipe and are written before the wait ends."""
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        service.add_html("a/index.html", PAGE.format(lang="zh-Hant", title="甲", text="腎絲球"))
        service.start_writing(tmp_path / "out")
        service.wait_written(timeout=60)
    finally:
        service.close()  # stops the process at once, as a finished build does
    entry = json.loads((tmp_path / "out" / "pagefind-entry.json").read_text("utf-8"))
    assert [v["page_count"] for v in entry["languages"].values()] == [1]
    assert all(p.stat().st_size > 0 for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert len(list((tmp_path / "out" / "fragment").iterdir())) == 1


def test_an_index_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    blocked = tmp_path / "search"
    blocked.write_text("a file where the index folder should be", encoding="utf-8")
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        service.add_html("a/index.html", PAGE.format(lang="zh-Hant", title="甲", text="腎絲球"))
        service.start_writing(blocked / "zh-Hant")
        with pytest.raises(PagefindError, match="cannot write the index"):
            service.wait_written(timeout=60)
    finally:
        service.close()


def test_a_site_inside_a_folder_named_search_is_still_indexed(tmp_path: Path) -> None:
    site = tmp_path / "search" / "site"
    _write(site, "index.html", "zh-Hant", "首頁", "腎絲球")
    _write(site, "zh-Hans/index.html", "zh-Hans", "首页", "肾小球")
    _write(site, "search/zh-Hant/x.html", "zh-Hant", "索引", "不算")
    assert [p.relative_to(site).as_posix() for p in language_pages(site, "zh-Hant")] == [
        "index.html"]
    assert [p.relative_to(site).as_posix() for p in language_pages(site, "zh-Hans")] == [
        "zh-Hans/index.html"]


def _search_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted((site / "search").rglob("*")) if p.is_file()}


def test_words_cut_in_the_worker_give_the_index_cut_in_line(tmp_path: Path) -> None:
    pages = [(f"p{i}/index.html", PAGE.format(lang="zh-Hant", title=f"第{i}頁",
                                              text="腎絲球過濾率下降" * (i + 1)))
             for i in range(6)]

    def build(site: Path, in_line_first: int) -> dict[str, bytes]:
        search = SiteSearch(site, in_line_first=in_line_first)
        for relative_path, html in pages:
            search.add_page("zh-Hant", relative_path, html)
        assert search._words._worker.started == (in_line_first < len(pages))
        search.finish()
        return _search_files(site)

    in_line, in_worker = build(tmp_path / "a", 100), build(tmp_path / "b", 2)
    assert in_line == in_worker and len(in_line) > 10


def test_a_page_from_the_cache_waits_for_the_page_before_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts import build_cache
    from scripts.build_cache import BuildCache
    from scripts.search.index import _indexed_words
    from scripts.search.page_words import PageWords

    cache = BuildCache(tmp_path / "cache", "project")
    monkeypatch.setattr(build_cache, "_open", cache)
    first, second = (PAGE.format(lang="zh-Hant", title=t, text=t) for t in ("甲頁", "乙頁"))
    cache.put(cache.key("search-words", second, second), _indexed_words(second, second))
    words = PageWords(_indexed_words, in_line_first=0)
    try:
        words.add("zh-Hant", "a/index.html", first, first)  # missed: cut in the worker
        words.add("zh-Hant", "b/index.html", second, second)  # from the cache at once
        early = [path for path, _ in words.ready("zh-Hant")]
        assert early in ([], ["a/index.html", "b/index.html"])  # never b before a
        rest = [path for path, _ in words.drain("zh-Hant")]
        assert early + rest == ["a/index.html", "b/index.html"]
    finally:
        words.close()
    assert cache.get(cache.key("search-words", first, first)) is not None  # kept once cut


def test_query_tables_are_reused_until_a_page_brings_a_new_character(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts import build_cache
    from scripts.search import index

    made: list[str] = []
    real = index._query_table_json

    def counting(lang: str, page_chars: set[str]) -> str:
        made.append(lang)
        return real(lang, page_chars)

    monkeypatch.setattr(index, "_query_table_json", counting)
    project = Path(__file__).resolve().parents[2]

    def build(text: str) -> str:
        build_cache.open_for_build(tmp_path / "cache", project)
        site = tmp_path / "site"
        _write(site, "index.html", "zh-Hant", "首頁", text)
        _write(site, "zh-Hans/index.html", "zh-Hans", "首页", "肾小球滤过率")
        build_search(site)
        build_cache.finish_build()
        return (site / "search" / "normalize.zh-Hans.json").read_text("utf-8")

    first = build("腎絲球過濾率")
    assert sorted(made) == ["zh-Hans", "zh-Hant"]
    assert build("過濾率腎絲球") == first  # the same characters: both tables from the cache
    assert sorted(made) == ["zh-Hans", "zh-Hant"]
    with_new = build("腎絲球過濾率與鉀")  # 鉀 is new on zh-Hant pages: zh-Hans's table is remade
    assert made[2:] == ["zh-Hans"]
    assert json.loads(with_new)["chars"]["鉀"] == "钾"
