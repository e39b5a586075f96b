"""What the build adds around every content page: the disclaimer, sources, review dates and
the link to report an error."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

import markdown
import yaml

from scripts import DATA
from scripts.front_matter import evidence_types

Convert = Callable[[str, str], str]
PAGE_URL = "PAGE-ADDRESS"  # stands for the page's address in the report template


@lru_cache(maxsize=1)
def disclaimer_texts() -> dict[str, dict[str, str]]:
    """Disclaimer texts per page kind, in Traditional Chinese (scripts/data/disclaimers.yml)."""
    return yaml.safe_load((DATA / "disclaimers.yml").read_text(encoding="utf-8"))


def disclaimer_key(meta: dict[str, Any]) -> str:
    """Which disclaimer a page gets: a case-report page by what its publication is (a harm
    report first: its reader needs that warning whatever the study design), others by kind."""
    if meta["kind"] != "case-report":
        return meta["kind"]
    if meta.get("harm_report") is True:
        return "harm-report"
    return meta.get("publication_type") or "case-report"


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


def _review_dates(meta: dict[str, Any], lang: str, convert: Convert) -> str:
    dates = [("最後審閱日期", meta["reviewed"]), ("下次審閱日期", meta.get("next_review"))]
    shown = [f"{escape(convert(label, lang))}：<time datetime=\"{escape(_date(day))}\">"
             f"{escape(_date(day))}</time>" for label, day in dates if day]
    return f'<p class="shenzhi-reviewed">{"；".join(shown)}</p>'


def report_error_url(issues_url: str, page_url: str, title: str, lang: str,
                     convert: Convert) -> str:
    """A new-issue link on the repository, pre-filled with the page's address and title."""
    # The address goes in after conversion: the text around it is then the same label on
    # every page, converted once (an address holds nothing to convert).
    body = convert(f"頁面：{PAGE_URL}\n\n哪裡有錯（請引用原句）：\n\n正確的說法與來源（期刊論文、"
                   "官方網頁）：\n\n請勿寫入您或家人的病情與個人資料：回報內容會公開。\n", lang)
    query = urlencode({"title": convert(f"內容錯誤：{title}", lang),
                       "body": body.replace(PAGE_URL, page_url, 1)}, quote_via=quote)
    return f"{issues_url.rstrip('/')}/new?{query}"


def _report_link(url: str, lang: str, convert: Convert) -> str:
    label = escape(convert("報告本頁錯誤", lang))
    note = escape(convert("（在 GitHub 上公開報告，需要帳號；請勿寫入個人病情）", lang))
    return f'<p class="shenzhi-report"><a href="{escape(url)}">{label}</a>{note}</p>'


def sources_block(meta: dict[str, Any], lang: str, convert: Convert) -> str:
    """The source list with each source's kind of evidence, the review dates, a link to report
    an error in the page, and a note when the page was converted from the other script. The
    heading stays Markdown (it belongs in the table of contents); the rest is plain HTML that
    Python-Markdown does not re-parse."""
    labels = evidence_types()
    items = []
    for source in meta.get("sources") or []:
        label = escape(convert(labels[source["evidence"]]["label"], lang))
        items.append(f'<li><a href="{escape(source["url"])}">{escape(source["title"])}</a>'
                     f" — {label}</li>")
    lines = [f"## {convert('參考文獻', lang)} {{#sources .shenzhi-sources-heading}}", "",
             '<div class="shenzhi-sources">']
    if items:
        lines += ["<ol>", *items, "</ol>"]
    lines.append(_review_dates(meta, lang, convert))
    if meta.get("shenzhi_report_url"):
        lines.append(_report_link(meta["shenzhi_report_url"], lang, convert))
    if meta.get("converted_from"):
        origin = "簡體中文版" if lang == "zh-Hant" else "繁體中文版"
        note = escape(convert(f"本頁由{origin}自動轉換，並套用本站醫學詞彙表。", lang))
        lines.append(f'<p class="shenzhi-converted">{note}</p>')
    lines += ["</div>", ""]
    return "\n".join(lines)


def dress_page(markdown: str, meta: dict[str, Any], lang: str, convert: Convert) -> str:
    """Put the disclaimer above the content and the sources block below it."""
    return disclaimer_for(disclaimer_key(meta), lang, convert) + markdown.rstrip() + "\n\n" + \
        sources_block(meta, lang, convert)
