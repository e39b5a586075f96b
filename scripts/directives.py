"""Generated blocks inside pages: a line `<!-- shenzhi: NAME -->` is replaced by a renderer.

Renderers write their own labels in Traditional Chinese (Taiwan vocabulary) and pass them
through `ctx.t()`, which converts them to the script of the page being built.
"""

from __future__ import annotations

import importlib
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

DIRECTIVE = re.compile(r"^<!--\s*shenzhi:\s*([a-z0-9-]+)\s*-->[ \t]*$", re.MULTILINE)

# name -> "module:function"; imported lazily so a renderer's dependencies load only when used.
RENDERERS: dict[str, str] = {
    "glossary-table": "scripts.pages.glossary_page:render_glossary_table",
    "glossary-categories": "scripts.pages.glossary_page:render_glossary_categories",
    "kdigo-heatmap": "scripts.tools.kdigo:render_kdigo_heatmap",
    "kdigo-data": "scripts.tools.kdigo:render_kdigo_data",
    "studies-table": "scripts.pages.studies_table:render_studies_table",
    "case-index": "scripts.case_reports.index:render_case_index",
    "newest-cases": "scripts.case_reports.index:render_newest_cases",
}


@dataclass(frozen=True)
class PageInfo:
    """One page of the language being built, as a renderer sees it."""

    src: str  # path in docs/ without the script suffix, e.g. "case-reports/suzuki-2021.md"
    url: str  # URL relative to the language root, e.g. "case-reports/suzuki-2021/"
    meta: dict[str, Any]  # front matter, already in the script of the language being built


@dataclass
class DirectiveContext:
    """What a renderer may use: the language, a converter for its labels, the other pages."""

    lang: str
    page_src: str
    convert: Callable[[str, str], str]
    page_loader: Callable[[], list[PageInfo]] = list
    page_meta: dict[str, Any] = field(default_factory=dict)  # this page's, with folder defaults

    pages_read: bool = field(default=False, init=False)  # the output depends on other pages

    @cached_property
    def pages(self) -> list[PageInfo]:
        """Every page of the language being built (read only when a renderer asks)."""
        self.pages_read = True
        return self.page_loader()

    def t(self, text_zh_hant: str) -> str:
        """Return a label written in Traditional Chinese in the script of this build."""
        return self.convert(text_zh_hant, self.lang)

    def link_to(self, src: str) -> str:
        """Relative Markdown link target from the current page to another page's source."""
        return posixpath.relpath(src, posixpath.dirname(self.page_src) or ".")


class UnknownDirective(ValueError):
    """A page names a generated block that does not exist."""


def expand_directives(markdown: str, ctx: DirectiveContext) -> str:
    """Replace every directive line with its rendered Markdown."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        target = RENDERERS.get(name)
        if target is None:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(sorted(RENDERERS))
            raise UnknownDirective(f"line {line}: unknown block '{name}'; expected one of {known}")
        module_name, func_name = target.split(":")
        render = getattr(importlib.import_module(module_name), func_name)
        return render(ctx)

    return DIRECTIVE.sub(replace, markdown)
