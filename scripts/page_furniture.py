"""What the build adds around every content page: the disclaimer, sources and reviewed date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from scripts.front_matter import evidence_types

DATA = Path(__file__).parent / "data"
Convert = Callable[[str, str], str]


@lru_cache(maxsize=1)
def disclaimer_texts() -> dict[str, dict[str, str]]:
    """Disclaimer texts per page kind, in Traditional Chinese (scripts/data/disclaimers.yml)."""
    return yaml.safe_load((DATA / "disclaimers.yml").read_text(encoding="utf-8"))


def disclaimer_for(kind: str, lang: str, convert: Convert) -> str:
    """The disclaimer admonition for a page of `kind`, in the script of `lang`."""
    entry = disclaimer_texts()[kind]
    title = convert(entry["title"], lang).replace('"', "'")
    text = convert(entry["text"], lang)
    return f'!!! {entry["type"]} shenzhi-disclaimer "{title}"\n\n    {text}\n\n'


def _date(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def sources_block(meta: dict[str, Any], lang: str, convert: Convert) -> str:
    """The reviewed date, the source list with each source's kind of evidence, and a note when
    the page was converted from the other script."""
    labels = evidence_types()
    lines = ['<section class="shenzhi-sources" markdown>', "",
             f"## {convert('參考文獻', lang)} {{#sources}}", ""]
    for source in meta.get("sources") or []:
        label = convert(labels[source["evidence"]]["label"], lang)
        title = source["title"].replace("[", "\\[").replace("]", "\\]")
        lines.append(f"1. [{title}]({source['url']}) — {label}")
    lines.append("")
    reviewed = convert("最後審閱日期", lang)
    lines.append(f'<p class="shenzhi-reviewed">{reviewed}：'
                 f'<time datetime="{_date(meta["reviewed"])}">{_date(meta["reviewed"])}</time></p>')
    if meta.get("converted_from"):
        origin = "簡體中文版" if lang == "zh-Hant" else "繁體中文版"
        note = convert(f"本頁由{origin}自動轉換，並套用本站醫學詞彙表。", lang)
        lines.append(f'<p class="shenzhi-converted">{note}</p>')
    lines += ["", "</section>", ""]
    return "\n".join(lines)


def dress_page(markdown: str, meta: dict[str, Any], lang: str, convert: Convert) -> str:
    """Put the disclaimer above the content and the sources block below it."""
    return disclaimer_for(meta["kind"], lang, convert) + markdown.rstrip() + "\n\n" + \
        sources_block(meta, lang, convert)
