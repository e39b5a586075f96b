"""Per-language settings derived from the zh-Hant ones, so no label is kept twice by hand."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from scripts import DEFAULT_LANGUAGE
from scripts.pages.labels import convert_setting


def nav_labels(nav: Iterable[Any]) -> list[str]:
    """Every section or page label written in mkdocs.yml's nav."""
    labels: list[str] = []
    for item in nav or []:
        if isinstance(item, dict):
            for label, child in item.items():
                labels.append(label)
                if isinstance(child, list):
                    labels += nav_labels(child)
    return labels


def localize_languages(languages: list[Any], nav: Iterable[Any],
                       convert: Callable[[str, str], str]) -> None:
    """Fill nav_translations, admonition titles, site name and description of each
    non-default language by converting the default language's values, unless set by hand."""
    default = next(lang for lang in languages if lang.locale == DEFAULT_LANGUAGE)
    labels = nav_labels(nav)
    for lang in languages:
        if lang.locale == DEFAULT_LANGUAGE:
            continue
        lang.nav_translations = {
            label: convert(label, lang.locale) for label in labels
        } | dict(lang.nav_translations or {})
        if default.admonition_translations and not lang.admonition_translations:
            lang.admonition_translations = {
                key: convert(value, lang.locale)
                for key, value in default.admonition_translations.items()
            }
        for option in ("site_name", "site_description", "copyright"):
            if not lang[option] and default[option]:
                lang[option] = convert(default[option], lang.locale)


def alternate_urls(page_url: str, site_url: str) -> dict[str, str]:
    """Absolute URL of a page in every language, for hreflang links (search engines want
    absolute ones). `page_url` is MkDocs' URL of the page, e.g. `zh-Hans/ckd/basics/`."""
    from scripts import LANGUAGES

    base = page_url
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and base.startswith(f"{lang}/"):
            base = base[len(lang) + 1:]
    root = site_url.rstrip("/") + "/"
    urls = {lang: root + ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + base
            for lang in LANGUAGES}
    return {**urls, "x-default": urls[DEFAULT_LANGUAGE]}


def localized_permalinks(page_html: str, title: str, lang: str) -> str:
    """`page_html` with the heading links' title (toc's `permalink_title`, written once in
    Traditional in mkdocs.yml) in the page's script: Python-Markdown writes it as configured."""
    if lang == DEFAULT_LANGUAGE or not title:
        return page_html
    return page_html.replace(f'title="{title}"', f'title="{convert_setting(title, lang)}"')


NOT_FOUND_PAGE = "404.html"


def not_found_page_in_default_language(theme: Any, i18n: Any) -> None:
    """GitHub Pages serves the site root's 404.html for every missing address. Each language's
    build writes it there, so the last language's would win: only the default language's build
    (the site root's language) writes it."""
    if i18n is None:
        return
    if i18n.current_language == i18n.default_language:
        theme.static_templates.add(NOT_FOUND_PAGE)
    else:
        theme.static_templates.discard(NOT_FOUND_PAGE)
