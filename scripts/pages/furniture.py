"""What the build adds around every content page: the disclaimer, sources and reviewed date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from html import escape
from typing import Any

import markdown
import yaml

from scripts import DATA
from scripts.front_matter import evidence_types

Convert = Callable[[str, str], str]


@lru_cache(maxsize=1)
def disclaimer_texts() -> dict[str, dict[str, str]]:
    """Disclaimer texts per page kind, in Traditional Chinese (scripts/data/disclaimers.yml)."""
    return yaml.safe_load((DATA / "disclaimers.yml").read_text(encoding="utf-8"))


def disclaimer_for(kind: str, lang: str, convert: Convert) -> str:
    """The disclaimer for a page of `kind` in the script of `lang`, as the HTML Python-Markdown's
    admonition extension would write (rendered once per text, not parsed on every page)."""
    entry = disclaimer_texts()[kind]
    return _admonition(entry["type"], convert(entry["title"], lang),
                       convert(entry["text"], lang)) + "\n\n"


@lru_cache(maxsize=32)
def _admonition(kind: str, title: str, text: str) -> str:
    return (f'<div class="admonition {kind} shenzhi-disclaimer">\n'
            f'<p class="admonition-title">{escape(title)}</p>\n{markdown.markdown(text)}\n</div>')


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def sources_block(meta: dict[str, Any], lang: str, convert: Convert) -> str:
    """The reviewed date, the source list with each source's kind of evidence, and a note when
    the page was converted from the other script. The heading stays Markdown (it belongs in
    the table of contents); the rest is plain HTML that Python-Markdown does not re-parse."""
    labels = evidence_types()
    items = []
    for source in meta.get("sources") or []:
        label = escape(convert(labels[source["evidence"]]["label"], lang))
        items.append(f'<li><a href="{escape(source["url"])}">{escape(source["title"])}</a>'
                     f" — {label}</li>")
    reviewed, date = escape(convert("最後審閱日期", lang)), escape(_date(meta["reviewed"]))
    lines = [f"## {convert('參考文獻', lang)} {{#sources .shenzhi-sources-heading}}", "",
             '<div class="shenzhi-sources">']
    if items:
        lines += ["<ol>", *items, "</ol>"]
    lines.append(f'<p class="shenzhi-reviewed">{reviewed}：'
                 f'<time datetime="{date}">{date}</time></p>')
    if meta.get("converted_from"):
        origin = "簡體中文版" if lang == "zh-Hant" else "繁體中文版"
        note = escape(convert(f"本頁由{origin}自動轉換，並套用本站醫學詞彙表。", lang))
        lines.append(f'<p class="shenzhi-converted">{note}</p>')
    lines += ["</div>", ""]
    return "\n".join(lines)


def dress_page(markdown: str, meta: dict[str, Any], lang: str, convert: Convert) -> str:
    """Put the disclaimer above the content and the sources block below it."""
    return disclaimer_for(meta["kind"], lang, convert) + markdown.rstrip() + "\n\n" + \
        sources_block(meta, lang, convert)
