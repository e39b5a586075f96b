"""A built page's searchable text, read the way Pagefind reads it, and the same page with its
text cut into search words (scripts/search/segment.py): what the index is built from.

Pagefind joins the text of inline elements (`<abbr>透析</abbr>的` is one run) and breaks at every
other element; it reads only the root selector, without the excluded selectors and its own list of
removed elements or `data-pagefind-ignore`. The element lists below are Pagefind's
(pagefind/src/fossick/parser.rs).
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

from scripts.search.segment import encode

INLINE = frozenset("a abbr acronym b bdo big br button cite code dfn em i img input kbd label map "
                   "object output q samp script select small span strong sub sup textarea time "
                   "tt var".split()) - {"br"}  # <br> breaks a run
REMOVED = frozenset("head style script noscript label form svg footer nav iframe template".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class PageReader(HTMLParser):
    """Reads a page once: its runs of searchable text, and the page again as markup whose
    searchable text is cut into search words."""

    def __init__(self, root_class: str, excluded_classes: frozenset[str]) -> None:
        super().__init__(convert_charrefs=False)
        self.root_class = root_class
        self.excluded_classes = excluded_classes
        self.output: list[str] = []
        # Each run: (output piece, offset in it, character) for every searchable character; an
        # entity is one unit at offset 0 however many characters it stands for.
        self.runs: list[list[tuple[int, int, str]]] = [[]]
        self._stack: list[tuple[str, bool, bool]] = []  # (tag, inside the root, hidden)
        self._root_tag: int | None = None  # output piece of the root's start tag
        self._title: list[str] | None = None  # text of the first heading, while it is read
        self.title = ""

    def _state(self) -> tuple[bool, bool]:
        return self._stack[-1][1:] if self._stack else (False, False)

    def _break(self) -> None:
        if self.runs[-1]:
            self.runs.append([])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.output.append(self.get_starttag_text() or "")
        classes = set((dict(attrs).get("class") or "").split())
        inside, hidden = self._state()
        if not inside and tag == "article" and self.root_class in classes:
            inside, self._root_tag = True, len(self.output) - 1
        if inside and tag == "h1" and not self.title and self._title is None:
            self._title = []
        hidden = (hidden or tag in REMOVED or bool(classes & self.excluded_classes)
                  or any(name == "data-pagefind-ignore" for name, _ in attrs))
        if tag not in INLINE and not hidden:
            self._break()
        if tag not in VOID:
            self._stack.append((tag, inside, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self._stack and self._stack[-1][0] == tag:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        self.output.append(f"</{tag}>")
        hidden = self._state()[1]
        if tag == "h1" and self._title is not None:
            self.title, self._title = "".join(self._title).strip(), None
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                hidden = self._stack[index][2]
                del self._stack[index:]
                break
        if tag not in INLINE and not hidden:
            self._break()

    def _text(self, raw: str, decoded: str, whole: bool) -> None:
        """Output `raw`; record its characters if searchable (`whole`: one unit, an entity)."""
        inside, hidden = self._state()
        piece = len(self.output)
        self.output.append(raw)
        if inside and not hidden:
            if self._title is not None:
                self._title.append(decoded)
            self.runs[-1].extend((piece, 0 if whole else offset, char)
                                 for offset, char in enumerate(decoded))

    def handle_data(self, data: str) -> None:
        self._text(data, data, whole=False)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};", html.unescape(f"&{name};"), whole=True)

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};", html.unescape(f"&#{name};"), whole=True)

    def handle_comment(self, data: str) -> None:
        self.output.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.output.append(f"<!{decl}>")

    def text_runs(self) -> list[str]:
        """The searchable text, one string per run (paragraph, cell, heading, list item…)."""
        runs = ("".join(char for _, _, char in run) for run in self.runs)
        return [run for run in runs if run.strip()]

    def encoded(self) -> str:
        """The page with its searchable text cut into search words, and the first heading as
        written kept as the result title (Pagefind would show the cut one)."""
        replace: dict[tuple[int, int], list[tuple[str, str]]] = {}
        for run in self.runs:
            outputs = encode("".join(char for _, _, char in run))
            if outputs:  # a run is a word boundary, whatever Pagefind makes of the element
                outputs[0] = " " + outputs[0]
            for (piece, at, char), output in zip(run, outputs, strict=True):
                replace.setdefault((piece, at), []).append((char, output))
        pieces = list(self.output)
        changed: dict[int, dict[int, str]] = {}
        for (piece, at), pairs in replace.items():
            if any(char != output for char, output in pairs):
                text = "".join(output for _, output in pairs)
                whole = pieces[piece].startswith("&")  # an entity: written back escaped
                changed.setdefault(piece, {})[at] = html.escape(text, quote=False) if whole \
                    else text
        for piece, at_offsets in changed.items():
            text = pieces[piece]
            if text.startswith("&"):
                pieces[piece] = at_offsets[0]
            else:
                pieces[piece] = "".join(at_offsets.get(i, char) for i, char in enumerate(text))
        if self._root_tag is not None and self.title:
            tag = pieces[self._root_tag]
            end = len(tag) - (2 if tag.endswith("/>") else 1)
            pieces[self._root_tag] = (
                f'{tag[:end]} data-shenzhi-title="{html.escape(self.title)}"'
                f' data-pagefind-meta="title[data-shenzhi-title]"{tag[end:]}')
        return "".join(pieces)


def read_page(page: str, root_class: str, excluded_classes: frozenset[str]) -> PageReader:
    """Parse a built page."""
    reader = PageReader(root_class, excluded_classes)
    reader.feed(page)
    reader.close()
    return reader
