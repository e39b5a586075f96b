"""The build cache (scripts/build_cache.py): results come back only for the same inputs and the
same project, damaged entries are made again, and a finished build drops what it left unused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

from scripts import ROOT, build_cache
from scripts.build_cache import BuildCache, fingerprint, project_files


def counting(value: str) -> tuple[list[str], object]:
    calls: list[str] = []

    def make() -> str:
        calls.append(value)
        return value
    return calls, make


def test_a_result_is_made_once_then_reused(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, "project")
    calls, make = counting("converted")
    key = cache.key("stage", "page text", "zh-Hant")
    assert cache.get_or_make(key, make) == "converted"
    cache.close()
    again = BuildCache(tmp_path, "project")  # the next build, in another process
    assert again.get_or_make(key, make) == "converted"
    assert calls == ["converted"] and (again.hits, again.stored) == (1, 0)


def test_the_build_log_counts_labels_apart_from_page_steps(tmp_path: Path) -> None:
    entries = (("stage", "page"), ("dress", "page"), ("label", "首頁"), ("setting", "腎知"))
    cache = BuildCache(tmp_path, "project")
    for step, text in entries:
        cache.put(cache.key(step, text), text)
    cache.close()
    again = BuildCache(tmp_path, "project")
    for step, text in entries:
        assert again.get(again.key(step, text)) == text
    assert again.summary().startswith("build cache: 2 page steps and 2 labels reused, 0 computed")


def test_keys_differ_for_other_inputs_steps_and_projects(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, "project")
    keys = {cache.key("stage", "ab", "c"), cache.key("stage", "a", "bc"),
            cache.key("dress", "ab", "c"), BuildCache(tmp_path, "edited").key("stage", "ab", "c"),
            cache.key("stage", b"ab", "d")}
    assert len(keys) == 5
    assert cache.key("stage", "ab", "c") == cache.key("stage", b"ab", b"c")


def test_a_damaged_cache_file_is_started_afresh(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path, "project")
    key = cache.key("dress", "page")
    cache.put(key, "dressed")
    cache.close()
    (tmp_path / BuildCache.FILE).write_bytes(b"not a database, half written" * 100)
    for stale in tmp_path.glob(f"{BuildCache.FILE}-*"):  # its write-ahead log
        stale.unlink()
    again = BuildCache(tmp_path, "project")
    calls, make = counting("dressed")
    assert again.get_or_make(key, make) == "dressed" and calls == ["dressed"]
    again.close()
    assert BuildCache(tmp_path, "project").get(key) == "dressed"


def test_a_cache_that_cannot_be_opened_means_a_build_without_one(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file where the cache folder should be")
    cache = BuildCache(tmp_path / "taken", "project")
    calls, make = counting("x")
    assert cache.get_or_make(cache.key("stage", "page"), make) == "x"
    assert cache.get_or_make(cache.key("stage", "page"), make) == "x"
    assert calls == ["x", "x"] and "build cache off (cannot open" in cache.summary()


def test_switched_off_it_computes_every_time_and_stores_nothing(tmp_path: Path) -> None:
    cache = BuildCache(tmp_path / "cache", "project", enabled=False)
    calls, make = counting("x")
    key = cache.key("stage", "page")
    cache.get_or_make(key, make)
    cache.get_or_make(key, make)
    cache.put(key, "y")
    assert calls == ["x", "x"] and cache.get(key) is None
    assert not (tmp_path / "cache").exists()


def test_environment_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHENZHI_NO_CACHE", "1")
    assert not build_cache.cache_enabled()
    monkeypatch.setenv("SHENZHI_NO_CACHE", "0")
    assert build_cache.cache_enabled()


def test_prune_drops_unused_results_of_the_steps_that_ran(tmp_path: Path) -> None:
    old = BuildCache(tmp_path, "project")
    for step, page in [("dress", "a"), ("dress", "b"), ("search-words", "a")]:
        old.put(old.key(step, page), page)
    old.close()
    build = BuildCache(tmp_path, "project")
    assert build.get(build.key("dress", "a")) == "a"  # b's page was deleted since
    assert build.prune() == 1
    build.close()
    after = BuildCache(tmp_path, "project")
    assert after.get(after.key("dress", "a")) == "a" and after.get(after.key("dress", "b")) is None
    # The search words were not asked for (a build without the search hook): they stay.
    assert after.get(after.key("search-words", "a")) == "a"
    assert build_cache.step_of(after.key("search-words", "a")) == "search-words"


def test_fingerprint_covers_every_data_file_hook_and_the_date(tmp_path: Path) -> None:
    files = project_files(ROOT)
    names = {p.relative_to(ROOT).as_posix() for p in files}
    assert {"scripts/data/glossary.tsv", "scripts/data/context_rules.tsv",
            "scripts/pages/build_page.py", "overrides/hooks/shenzhi.py"} <= names
    assert not any("__pycache__" in name for name in names)
    data = tmp_path / "glossary.tsv"
    data.write_text("肌酐\t肌酸酐\n", encoding="utf-8")
    day = dt.date(2026, 12, 6)
    before = fingerprint([data], day)
    assert fingerprint([data], day) == before
    data.write_text("肌酐\t肌酸酐 \n", encoding="utf-8")  # one byte more
    assert fingerprint([data], day) != before
    data.write_text("肌酐\t肌酸酐\n", encoding="utf-8")
    # A page that falls due for review tomorrow must be checked again tomorrow.
    assert fingerprint([data], day + dt.timedelta(days=1)) != before


def test_a_page_listing_other_pages_is_never_kept(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts.pages import build_page

    docs = tmp_path / "docs"
    docs.mkdir()
    cache = BuildCache(tmp_path / "cache", "project")
    monkeypatch.setattr(build_cache, "_open", cache)
    config = SimpleNamespace(docs_dir=str(docs), theme={"language": "zh-Hant"}, site_url="",
                             extra={})
    files = SimpleNamespace(documentation_pages=lambda: [])

    def dressed(name: str, markdown: str) -> str:
        path = docs / f"{name}.zh-Hant.md"
        path.write_text(markdown, encoding="utf-8")
        meta = {"title": name, "reviewed": dt.date(2026, 1, 1),
                "next_review": dt.date(2027, 1, 1)}
        page = SimpleNamespace(meta=meta, url=f"{name}/",
                               file=SimpleNamespace(src_uri=path.name, abs_src_path=str(path),
                                                    locale="zh-Hant"))
        return build_page.dressed_markdown(markdown, page, config, files)

    def dress_entries() -> int:
        return sum(build_cache.step_of(key) == "dress" for key in cache.used)

    listing = dressed("index", "<!-- shenzhi: newest-cases -->\n")
    assert "目前還沒有病例報告" in listing
    assert (dress_entries(), cache.uncached) == (0, 1)
    dressed("plain", "腎絲球。\n")
    assert (dress_entries(), cache.uncached) == (1, 1)
    hits = cache.hits
    assert dressed("plain", "腎絲球。\n") and cache.hits == hits + 1


def test_a_label_is_converted_once_per_build_and_each_build_looks_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scripts.pages.labels import kept

    made: list[str] = []

    def converter() -> Callable[[str, str], str]:
        def convert(text: str, target: str) -> str:
            made.append(text)
            return f"{text}→{target}"
        return convert

    convert = kept("label", converter)
    first = BuildCache(tmp_path, "project")
    monkeypatch.setattr(build_cache, "_open", first)
    keys: list[tuple[str, ...]] = []
    real_key = first.key
    monkeypatch.setattr(first, "key", lambda *parts: keys.append(parts) or real_key(*parts))
    assert [convert("頁面", "zh-Hans") for _ in range(3)] == ["頁面→zh-Hans"] * 3
    assert convert("頁面", "zh-Hant") == "頁面→zh-Hant"
    assert made == ["頁面", "頁面"] and first.stored == 2
    # A label's key is computed once per build, not at each of its uses.
    assert keys == [("label", "頁面", "zh-Hans"), ("label", "頁面", "zh-Hant")]
    assert first.used == {real_key(*parts) for parts in keys}  # kept when the build prunes
    first.close()
    edited = BuildCache(tmp_path, "edited project")  # e.g. the glossary changed under serve
    monkeypatch.setattr(build_cache, "_open", edited)
    assert convert("頁面", "zh-Hans") == "頁面→zh-Hans"
    assert made == ["頁面", "頁面", "頁面"] and edited.stored == 1
