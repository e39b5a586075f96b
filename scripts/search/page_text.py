"""A built page's searchable text, read the way Pagefind reads it, and the same page with its
text cut into search words (scripts/search/segment.py): what the index is built from.

Pagefind joins the text of inline elements (`<abbr>透析</abbr>的` is one run) and breaks at every
other element; it reads only the root selector, without the excluded selectors, its own list of
removed elements or `data-pagefind-ignore`. The element lists below are Pagefind's
(pagefind/src/fossick/parser.rs). Markup is read with one regular expression rather than
html.parser: a thousand case reports are 30 MB of articles, and the parser took 16 s of them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from scripts.search.segment import encoded

INLINE = frozenset("a abbr acronym b bdo big button cite code dfn em i img input kbd label map "
                   "object output q samp script select small span strong sub sup textarea time "
                   "tt var".split())  # Pagefind's, less <br>, which breaks a run
REMOVED = frozenset("head style script noscript label form svg footer nav iframe template".split())
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

# Comments, script and style elements whole, other tags (a quoted attribute may hold '>'),
# with the tag's name and whether it closes.
MARKUP = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>"
                    r"|<(/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>|<[^>]*>",
                    re.DOTALL | re.IGNORECASE)
CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
IGNORE = re.compile(r"\sdata-pagefind-ignore(?=[\s=/>])", re.IGNORECASE)


@dataclass
class PageReader:
    """One page, read once: its markup in pieces, and which text pieces form each run."""

    root_class: str
    excluded_classes: frozenset[str]
    pieces: list[str] = field(default_factory=list)
    runs: list[list[int]] = field(default_factory=lambda: [[]])  # text pieces of each run
    root_tag: int | None = None  # piece of the root's start tag
    title: str = ""  # the first heading's text, as written
    # Pieces of elements left out by class (or svg), start tag to end tag: `encoded` drops them,
    # so Pagefind needs no exclude_selectors (which cost it 0.7 s per selector per thousand
    # pages, four seconds of a language's index).
    dropped: list[tuple[int, int]] = field(default_factory=list)

    def read(self, page: str) -> None:
        """Split `page` into markup and text pieces and group the searchable text into runs."""
        stack: list[tuple[str, bool, bool, int]] = []  # tag, in the root, hidden, dropped from
        title_from: int | None = None  # first run of the first <h1>, while it is open
        last = 0
        for match in MARKUP.finditer(page):
            if match.start() > last:
                self._text(page[last:match.start()], stack)
            last = match.end()
            whole, script, slash, name = match.group(0, 1, 2, 3)
            self.pieces.append(whole)
            if name is None or script:
                continue  # a comment, a declaration, or a whole script or style element
            closing, name = slash == "/", name.lower()
            inside, hidden = stack[-1][1:3] if stack else (False, False)
            if closing:
                for index in range(len(stack) - 1, -1, -1):
                    if stack[index][0] == name:
                        hidden = stack[index][2]
                        self._drop(stack[index:], len(self.pieces) - 1)
                        del stack[index:]
                        break
                if name == "h1" and title_from is not None:
                    self.title = "".join(self.text(run) for run in self.runs[title_from:]).strip()
                    title_from = None
            else:
                attributes = whole
                classes = CLASS.search(attributes)
                names = set("".join(classes.groups(default="")).split()) if classes else set()
                if not inside and name == "article" and self.root_class in names:
                    inside, self.root_tag = True, len(self.pieces) - 1
                excluded = not hidden and (name == "svg" or bool(names & self.excluded_classes))
                hidden = (hidden or name in REMOVED or excluded
                          or IGNORE.search(attributes) is not None)
                here = len(self.pieces) - 1
                if name not in VOID and not attributes.endswith("/>"):
                    stack.append((name, inside, hidden, here if excluded else -1))
                elif excluded:
                    self.dropped.append((here, here))
            if (name not in INLINE) and not hidden:
                self._break()
                if not closing and name == "h1" and inside and not self.title:
                    title_from = len(self.runs) - 1
        if last < len(page):
            self._text(page[last:], stack)
        self._drop(stack, len(self.pieces) - 1)  # never closed: hidden to the end, as read

    def _drop(self, closed: list[tuple[str, bool, bool, int]], closing_tag: int) -> None:
        """Record the dropped element among `closed` (at most one: its children are hidden, so
        none of them starts another), up to the closing tag when it is its own, else before."""
        for depth, (_, _, _, dropped_from) in enumerate(closed):
            if dropped_from >= 0:
                self.dropped.append((dropped_from, closing_tag if depth == 0 else closing_tag - 1))

    def _text(self, text: str, stack: list[tuple[str, bool, bool, int]]) -> None:
        self.pieces.append(text)
        if stack and stack[-1][1] and not stack[-1][2]:
            self.runs[-1].append(len(self.pieces) - 1)

    def _break(self) -> None:
        if self.runs[-1]:
            self.runs.append([])

    def text(self, run: list[int]) -> str:
        """A run's text, entities decoded."""
        return html.unescape("".join(self.pieces[i] for i in run))

    def text_runs(self) -> list[str]:
        """The searchable text, one string per run (paragraph, cell, heading, list item…)."""
        return [text for text in (self.text(run) for run in self.runs) if text.strip()]

    def encoded(self) -> str:
        """The page with its searchable text cut into search words, and the first heading as
        written kept as the result title (Pagefind would show the cut one).

        A run's words go into its first text piece (inline markup between them is kept, emptied
        of the run's text): Pagefind joins the run's pieces anyway, and the words may straddle
        them. A leading space makes each run start a word, whatever Pagefind makes of the
        element around it. Elements left out by class are dropped whole (one never closed, to
        the end of the page: what `text_runs` leaves out too)."""
        pieces = list(self.pieces)
        for first, last in self.dropped:
            pieces[first:last + 1] = [""] * (last + 1 - first)
        for run in self.runs:
            if run:
                pieces[run[0]] = html.escape(" " + encoded(self.text(run)), quote=False)
                for index in run[1:]:
                    pieces[index] = ""
        if self.root_tag is not None and self.title:
            tag = pieces[self.root_tag]
            end = len(tag) - (2 if tag.endswith("/>") else 1)
            pieces[self.root_tag] = (
                f'{tag[:end]} data-shenzhi-title="{html.escape(self.title)}"'
                f' data-pagefind-meta="title[data-shenzhi-title]"{tag[end:]}')
        return "".join(pieces)


def read_page(page: str, root_class: str, excluded_classes: frozenset[str]) -> PageReader:
    """Read a built page."""
    reader = PageReader(root_class, excluded_classes)
    reader.read(page)
    return reader
