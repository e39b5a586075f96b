"""Turn one page's Markdown into what MkDocs renders: defaults, generated blocks, furniture."""

from __future__ import annotations

import json
import pickle
import re
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path
from typing import Any

from mkdocs.utils import meta as mkdocs_meta

from scripts import DEFAULT_LANGUAGE, build_cache
from scripts.directives import DirectiveContext, PageInfo, UnknownDirective, expand_directives
from scripts.front_matter import split_front_matter
from scripts.pages import dress_ahead
from scripts.pages.defaults import folder_defaults, with_defaults
from scripts.pages.furniture import dress_page, report_error_url
from scripts.pages.html_stash import restore_html_blocks, stash_html_blocks
from scripts.pages.labels import convert_label
from scripts.pages.site_config import alternate_urls
from scripts.pages.staging import editor_path, source_dir_for
from scripts.problems import ContentError, Problem

SCRIPT_SUFFIX = re.compile(r"\.(zh-Hant|zh-Hans)\.md$")


def normalized_src(src_uri: str) -> str:
    """`ckd/basics.zh-Hans.md` -> `ckd/basics.md`: the name links and renderers use."""
    return SCRIPT_SUFFIX.sub(".md", src_uri)


def _front_matter(path: Path) -> dict[str, Any]:
    """A staged page's front matter, parsed once per version of the file (build cache)."""
    def parse() -> dict[str, Any]:
        parsed, _ = split_front_matter(text.decode("utf-8"), str(path))
        return parsed.meta if parsed else {}

    text = path.read_bytes()
    cache = build_cache.current()
    return cache.get_or_make(cache.key("front-matter", text), parse)


# The last builds' page lists, by (id(files), language): every listing block of a build reads
# the same list (a 1,000-case site has two dozen of them). The Files object is kept with its
# list so that a reused id() of a later build's Files can never match.
_LISTED: dict[tuple[int, str], tuple[Any, list[PageInfo]]] = {}


def _language_pages(files: Any, docs_dir: Path, lang: str) -> list[PageInfo]:
    """Every page of language `lang` with its front matter, listed once per build."""
    listed = _LISTED.get((id(files), lang))
    if listed is not None and listed[0] is files:
        return listed[1]
    pages = []
    for file in files.documentation_pages():
        if getattr(file, "locale", lang) != lang or not SCRIPT_SUFFIX.search(file.src_uri):
            continue
        path = Path(file.abs_src_path)
        meta = with_defaults(_front_matter(path), docs_dir, file.src_uri)
        url = file.url
        if lang != DEFAULT_LANGUAGE and url.startswith(f"{lang}/"):
            url = url[len(lang) + 1:]
        pages.append(PageInfo(normalized_src(file.src_uri), url, meta))
    if len(_LISTED) >= 4:  # two languages of this build and of the one before
        _LISTED.clear()
    _LISTED[(id(files), lang)] = (files, pages)
    return pages


def page_context(page: Any, config: Any, files: Any) -> DirectiveContext:
    """The renderer context for `page`, completing its front matter with folder defaults."""
    docs_dir = Path(config.docs_dir)
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    page.meta.update(with_defaults(page.meta, docs_dir, page.file.src_uri))
    page.meta["shenzhi_editor_file"] = editor_path(page.file.src_uri, source_dir_for(docs_dir))
    convert = convert_label
    if config.site_url:
        page.meta["shenzhi_alternates"] = alternate_urls(page.url, config.site_url)
        issues_url = (config.extra or {}).get("issues_url")
        if issues_url:
            page.meta["shenzhi_report_url"] = report_error_url(
                issues_url, config.site_url.rstrip("/") + "/" + page.url,
                str(page.meta.get("title", "")), lang, convert)
    return DirectiveContext(
        lang=lang,
        page_src=normalized_src(page.file.src_uri),
        convert=convert,
        page_meta=page.meta,
        page_loader=lambda: _language_pages(files, docs_dir, lang),
    )


def dress(markdown: str, page: Any, ctx: DirectiveContext) -> str:
    """The page's final Markdown: case-report layout, generated blocks, disclaimer, sources."""
    meta = page.meta
    if meta.get("kind") == "case-report":
        from scripts.case_reports.frontmatter import written_lab_values
        from scripts.case_reports.render import render_case_page

        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        meta["shenzhi_written_values"] = written_lab_values(source)
        markdown = render_case_page(meta, markdown, ctx)
    try:
        markdown = expand_directives(markdown, ctx)
    except UnknownDirective as error:
        raise ContentError([Problem(meta["shenzhi_editor_file"], str(error))]) from None
    markdown, meta["shenzhi_html_blocks"] = stash_html_blocks(
        dress_page(markdown, meta, ctx.lang, ctx.convert))
    return markdown


def _dress_key(cache: build_cache.BuildCache, markdown: str, page: Any, config: Any,
               source: bytes | None = None) -> str:
    """The build-cache key of `dress`: everything the page's context and dressing read.
    `source`: the staged file's bytes, if already read."""
    docs_dir = Path(config.docs_dir)
    if source is None:
        source = Path(page.file.abs_src_path).read_bytes()
    return cache.key("dress", getattr(page.file, "locale", None) or config.theme["language"],
                     page.file.src_uri, page.url, config.site_url or "", str(docs_dir),
                     json.dumps(dict(config.extra or {}), sort_keys=True, default=repr), markdown,
                     pickle.dumps(page.meta), source,
                     json.dumps(folder_defaults(docs_dir, page.file.src_uri), sort_keys=True,
                                default=repr))


def dressed_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """`dress` with its context, or the result of an earlier build for the same inputs, or of
    the worker that dresses pages ahead (`scripts.pages.dress_ahead`).

    The key holds everything the page's context and dressing read: the page as staged, as
    MkDocs parsed it and with its folder defaults, its language, address, the site's address
    and `extra` settings; the project's code and data are in the cache's fingerprint. A page
    whose blocks list other pages (`ctx.pages`) is dressed anew every time: it changes when
    they do."""
    cache = build_cache.current()
    if not cache.enabled:
        return dress(markdown, page, page_context(page, config, files))
    key = _dress_key(cache, markdown, page, config)
    stored = cache.get(key)
    ahead = dress_ahead.current()
    if stored is None and ahead is not None:
        stored = ahead.take(page.file.src_uri, key)
        if stored is not None:
            cache.put(key, stored)
    if stored is not None:
        dressed, meta = stored
        page.meta.clear()
        page.meta.update(meta)
        return dressed
    ctx = page_context(page, config, files)
    dressed = dress(markdown, page, ctx)
    if ahead is not None:
        ahead.missed(page.file.src_uri)
    if ctx.pages_read:
        cache.not_kept()
    else:
        cache.put(key, (dressed, dict(page.meta)))
    return dressed


@dataclass(frozen=True)
class _ConfigView:
    """The settings `dressed_markdown` reads from the MkDocs config, as plain values."""

    docs_dir: str
    theme: dict[str, str]
    site_url: str
    extra: dict[str, Any]
    admonition_titles: dict[str, str]  # static-i18n's admonition_translations, lower-case keys
    details: bool  # pymdownx.details is on: static-i18n also titles `???` blocks

    @cached_property
    def admonition_start(self) -> re.Pattern[str]:
        """The first line of an admonition, as static-i18n matches it."""
        marker = r"(?:\?{3}\+?|!{3})" if self.details else r"!{3}"
        return re.compile(r"^(?P<indent>[ \t]*)(?P<marker>" + marker + r" ?)"
                          r"(?P<type>[\w\-]+(?: +[\w\-]+)*)(?: +\"(?P<title>.*?)\")? *$")


@dataclass
class _PageView:
    file: dress_ahead.PageFile
    url: str
    meta: dict[str, Any]


class _NoOtherPages:
    """A worker knows no other pages: a page whose blocks list them is dressed by MkDocs."""

    def documentation_pages(self) -> list[Any]:
        raise _ListsOtherPages


class _ListsOtherPages(Exception):
    pass


def dress_ahead_of_mkdocs(files: Any, config: Any) -> None:
    """Let a worker dress this language's pages ahead of MkDocs once the build misses the
    cache (`scripts.pages.dress_ahead`); call when MkDocs has made its pages (on_nav)."""
    cache = build_cache.current()
    if not cache.enabled:
        dress_ahead.stop()
        return
    language = config.theme["language"]
    pages = [dress_ahead.PageFile(file.src_uri, file.abs_src_path,
                                  getattr(file, "locale", None) or language, file.page.url)
             for file in files.documentation_pages()
             if file.page is not None and file.abs_src_path]
    i18n = config.plugins.get("i18n")
    language_config = getattr(i18n, "current_language_config", None)
    titles = getattr(language_config, "admonition_translations", None) or {}
    view = _ConfigView(config.docs_dir, {"language": language}, config.site_url or "",
                       dict(config.extra or {}), {k.lower(): v for k, v in titles.items()},
                       "pymdownx.details" in config.markdown_extensions)
    dress_ahead.start(pages, partial(dress_from_file, view, cache.fingerprint), _warm_up)


def dress_from_file(config: _ConfigView, fingerprint: str, file: dress_ahead.PageFile
                    ) -> tuple[str, Any] | None:
    """In the worker: the page read as MkDocs reads it, dressed, under its build-cache key;
    None for a page whose blocks list other pages or that fails (MkDocs's process reports)."""
    source, text = read_as_mkdocs(Path(file.abs_src_path))
    markdown, meta = mkdocs_meta.get_data(text)
    markdown = _with_admonition_titles(markdown, config)
    page = _PageView(file, file.url, meta)
    key = _dress_key(build_cache.BuildCache(Path(), fingerprint, enabled=False), markdown, page,
                     config, source)
    try:
        ctx = page_context(page, config, _NoOtherPages())
        dressed = dress(markdown, page, ctx)
    except Exception:  # dressed again, and any error reported, by MkDocs's process
        return None
    return None if ctx.pages_read else (key, (dressed, dict(page.meta)))


def read_as_mkdocs(path: Path) -> tuple[bytes, str]:
    """A file's bytes, and its text as mkdocs.structure.files.File.content_string reads it
    (UTF-8 without a byte-order mark, universal newlines)."""
    source = path.read_bytes()
    text = source.decode("utf-8-sig", errors="strict")
    return source, text.replace("\r\n", "\n").replace("\r", "\n")


def _with_admonition_titles(markdown: str, config: _ConfigView) -> str:
    """What mkdocs-static-i18n 1.3's on_page_markdown (priority 50, before ours) makes of the
    page: untitled admonitions get the language's title, lines joined by "\\n". Should a new
    version differ, the dressing keys differ and MkDocs's process dresses every page itself."""
    lines = []
    for line in markdown.splitlines():
        match = config.admonition_start.match(line)
        if match and not (match.group("title") or "").strip():
            kind = match.group("type")
            title = config.admonition_titles.get(kind.lower())
            if title is not None:
                line = f'{match.group("indent")}{match.group("marker")}{kind} "{title}"'
        lines.append(line)
    return "\n".join(lines)


def _warm_up() -> None:
    """Import what dressing uses and load the converter's data (in the worker)."""
    from scripts.case_reports import render  # noqa: F401 - imported for the case schema

    convert_label("腎", "zh-Hans")


def finish_html(page_html: str, page: Any) -> str:
    """The rendered page with its generated HTML blocks back in place."""
    return restore_html_blocks(page_html, page.meta.pop("shenzhi_html_blocks", []))
