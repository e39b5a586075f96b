"""MkDocs entry points for ShenZhi. Thin: each event hands off to the tested `scripts` package.

Order matters: on_config runs before static-i18n's (priority -100), which re-runs the whole
build once per language, so every handler here is called once per language and keeps no state.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts import build_cache
from scripts.pages import (
    background_tooltips,
    dress_ahead,
    live_preview,
    log_paths,
    offline_assets,
    parallel_build,
    shared_staging,
    site_config,
    theme_files,
)
from scripts.pages.build_page import dress_ahead_of_mkdocs, dressed_markdown, finish_html
from scripts.pages.labels import convert_setting
from scripts.pages.staging import shown_prefix, source_dir_for, stage, staging_dir_for
from scripts.pages.template_cache import TEMPLATES
from scripts.problems import ContentError
from scripts.search import index as search_index

LOG = logging.getLogger("mkdocs.shenzhi")


@event_priority(100)
def on_config(config):
    """Stage docs/ with both scripts before anything reads docs_dir; derive zh-Hans settings;
    list theme files without their hidden icon folders (scripts/pages/theme_files.py)."""
    source = source_dir_for(Path(config.docs_dir))
    staging = staging_dir_for(source)
    project = Path(config.config_file_path).parent
    prefix = shown_prefix(source, project)
    alone = parallel_build.only_language()
    try:
        if alone is not None:  # a language's child of `make build`: its share of the staging
            shared_staging.stage_this_share(source, staging, project)
        build_cache.open_for_build(parallel_build.cache_folder(staging), project)
        if alone is None:  # `mkdocs build` or `mkdocs serve`: stage here
            result = stage(source, staging, prefix)
            if result.problems:
                raise ContentError(result.problems)
    except ContentError as error:  # a bad page, or a broken glossary or other data file
        raise PluginError(str(error)) from None
    config.docs_dir = str(staging)
    theme_files.list_visible_files_only(config.theme)
    log_paths.install(source, staging, prefix)
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        site_config.localize_languages(i18n.config.languages, config.nav, convert_setting)
        if alone is not None:
            # Build this language only: static-i18n starts with it, and its on_post_build,
            # which would build the others, returns at once while `building` is set.
            i18n.current_language = alone
            i18n.building = True
    # A child that does not report: loaded meanwhile; MkDocs reads the staged pages next.
    shared_staging.wait_until_staged()
    return config


def on_env(env, config, files):
    """Reuse the theme templates compiled by an earlier build or language of this process;
    write the site's 404 page in the default language only."""
    env.bytecode_cache = TEMPLATES
    site_config.not_found_page_in_default_language(config.theme, config.plugins.get("i18n"))
    return env


def on_serve(server, config, builder):
    """Live reload watches the editors' docs/ (via `watch:`), not the staging copy we write,
    and notices a save within 0.1 s."""
    server.unwatch(config.docs_dir)
    live_preview.poll_faster(server)
    return server


def on_page_markdown(markdown, page, config, files):
    """Folder defaults, generated blocks, the disclaimer and the sources block."""
    try:
        return dressed_markdown(markdown, page, config, files)
    except ContentError as error:
        raise PluginError(str(error)) from None


def on_files(files, config):
    """A large build adds tooltips in a worker process (scripts/pages/background_tooltips.py)."""
    background_tooltips.start(len(files.documentation_pages()))
    return files


def on_nav(nav, config, files):
    """A cold build dresses pages ahead in a worker process (scripts/pages/dress_ahead.py)."""
    dress_ahead_of_mkdocs(files, config)
    return nav


def on_page_content(html, page, config, files):
    """Generated HTML back in place; tooltips for terms on first use (not on the glossary)."""
    lang = getattr(page.file, "locale", config.theme["language"])
    toc = config.mdx_configs.get("toc", {})
    html = site_config.localized_permalinks(finish_html(html, page), toc.get("permalink_title"),
                                            lang)
    if page.meta.get("tooltips", True) is False:
        return html
    return background_tooltips.current().add(page.file.src_uri, html, lang)


def on_page_context(context, page, config, nav):
    """The page's tooltips are needed from here on, when its template is rendered."""
    page.content = background_tooltips.current().take(page.file.src_uri, page.content)
    return context


def on_post_page(output, page, config):
    """Tag the document so print and tests can tell generated furniture from content."""
    kind = page.meta.get("kind", "article")
    return output.replace("<html ", f'<html data-kind="{kind}" ', 1)


@event_priority(-200)
def on_post_build(config):
    """After static-i18n (-100) has built every language: local theme scripts; wait for the
    search indexes (hooks/search.py fed them page by page)."""
    background_tooltips.stop()
    dress_ahead.stop()
    i18n = config.plugins.get("i18n")
    alone = parallel_build.only_language()
    if alone is None and i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build; the outer build finishes the whole site
    if alone is None:  # else the parallel build does it once both languages are written
        site_dir = Path(config.site_dir)
        offline_assets.localize_theme_scripts(site_dir, urlsplit(config.site_url or "/").path)
    search_index.finish_build()
    LOG.info(build_cache.finish_build())


def on_build_error(error):
    """Stop the workers of a failed build; keep the cache's entries."""
    background_tooltips.stop()
    dress_ahead.stop()
    build_cache.finish_build(succeeded=False)
