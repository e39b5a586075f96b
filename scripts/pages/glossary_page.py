"""The glossary pages, generated from scripts/data/glossary.tsv: both scripts side by side.

One page per category (front matter `glossary_category`) rather than one page of every term: a
phone downloads only the table it needs (the whole glossary is over 140 KB gzipped), and each
page still prints and is indexed for search as ordinary HTML. The index page lists the
categories with their term counts (directive `glossary-categories`).
"""

from __future__ import annotations

import html

from scripts.conversion.glossary import CATEGORIES, Concept, Glossary, load_glossary
from scripts.directives import DirectiveContext
from scripts.problems import ContentError, Problem

# Section titles per category, in Traditional Chinese (converted for zh-Hans pages).
CATEGORY_TITLES = {
    "anatomy": "腎臟構造", "lab": "檢驗項目", "disease": "疾病", "treatment": "治療",
    "drug": "藥物", "cell": "細胞與幹細胞", "immunology": "免疫", "study": "研究設計與統計",
    "regulation": "法規", "everyday": "日常醫療用語",
}


def _concepts(glossary: Glossary, category: str) -> list[Concept]:
    """The rows readers need (protect-only rows have no definition), by English name."""
    return sorted((c for c in glossary if c.category == category and c.definition),
                  key=lambda c: c.en.casefold())


def _page_category(ctx: DirectiveContext) -> str | None:
    """The `glossary_category` of the page being built, or None (then every category)."""
    category = ctx.page_meta.get("glossary_category")
    if category is not None and category not in CATEGORIES:
        raise ContentError([Problem(ctx.page_src, f"unknown glossary_category {category!r}",
                                    field="glossary_category",
                                    hint=f"expected one of {', '.join(CATEGORIES)}")])
    return category


def render_glossary_categories(ctx: DirectiveContext) -> str:
    """The glossary index: a link to each category page with its number of terms."""
    glossary = load_glossary()
    items = []
    for category in CATEGORIES:
        count = len(_concepts(glossary, category))
        if count:
            items.append(f"- [{ctx.t(CATEGORY_TITLES[category])}]"
                         f"({ctx.link_to(f'glossary/{category}.md')})（{count} {ctx.t('個詞')}）")
    return "\n".join(items)


def render_glossary_table(ctx: DirectiveContext) -> str:
    """The table of the page's category (every category when the page names none): the
    reader's form first, the other region's form, English, abbreviation and a one-line
    definition."""
    glossary = load_glossary()
    other = "zh-Hans" if ctx.lang == "zh-Hant" else "zh-Hant"
    here_label = ctx.t("臺灣用語" if ctx.lang == "zh-Hant" else "大陸用語")
    other_label = ctx.t("大陸用語" if ctx.lang == "zh-Hant" else "臺灣用語")
    wanted = _page_category(ctx)
    out: list[str] = []
    for category in CATEGORIES:
        if wanted and category != wanted:
            continue
        rows = _concepts(glossary, category)
        if not rows:
            continue
        if not wanted:  # a page of every category needs a heading per table
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
