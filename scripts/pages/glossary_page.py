"""The glossary page, generated from scripts/data/glossary.tsv: both scripts side by side."""

from __future__ import annotations

import html

from scripts.conversion.glossary import CATEGORIES, load_glossary
from scripts.directives import DirectiveContext

# Section titles per category, in Traditional Chinese (converted for zh-Hans pages).
CATEGORY_TITLES = {
    "anatomy": "腎臟構造", "lab": "檢驗項目", "disease": "疾病", "treatment": "治療",
    "drug": "藥物", "cell": "細胞與幹細胞", "immunology": "免疫", "study": "研究設計與統計",
    "regulation": "法規", "everyday": "日常醫療用語",
}


def render_glossary_table(ctx: DirectiveContext) -> str:
    """One table per category: the reader's form first, the other region's form, English,
    abbreviation and a one-line definition. Protect-only rows are not concepts readers need."""
    glossary = load_glossary()
    other = "zh-Hans" if ctx.lang == "zh-Hant" else "zh-Hant"
    here_label = ctx.t("臺灣用語" if ctx.lang == "zh-Hant" else "大陸用語")
    other_label = ctx.t("大陸用語" if ctx.lang == "zh-Hant" else "臺灣用語")
    out: list[str] = []
    for category in CATEGORIES:
        rows = sorted((c for c in glossary if c.category == category and c.definition),
                      key=lambda c: c.en.casefold())
        if not rows:
            continue
        out.append(f"## {ctx.t(CATEGORY_TITLES[category])} {{#{category}}}\n")
        out.append(f'<table class="shenzhi-glossary"><thead><tr><th scope="col">{here_label}</th>'
                   f'<th scope="col">{other_label}</th><th scope="col">English</th>'
                   f'<th scope="col">{ctx.t("說明")}</th></tr></thead><tbody>')
        for c in rows:
            english = html.escape(c.en) + (f" ({html.escape(c.abbr)})" if c.abbr else "")
            # The forms are shown as written; `lang` marks the other region's words for screen
            # readers and for the content check, which expects them there.
            here = "、".join(c.forms(ctx.lang))
            there = "、".join(c.forms(other))
            out.append(
                f'<tr id="term-{_slug(c.en)}"><th scope="row" lang="{ctx.lang}">{here}</th>'
                # Only the reader's term and the English stay in the search index (a query in
                # the other region's words is rewritten into this one's before searching): the
                # page's search fragment, loaded whenever it is a result, stays phone-sized.
                f'<td lang="{other}" data-pagefind-ignore>{there}</td><td lang="en">{english}</td>'
                f"<td data-pagefind-ignore>{html.escape(ctx.t(c.definition))}</td></tr>"
            )
        out.append("</tbody></table>\n")
    return "\n".join(out)


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.casefold()).split())
