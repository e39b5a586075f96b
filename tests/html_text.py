"""Read built HTML the way the tests need it: visible prose, links, the page's language."""

from __future__ import annotations

from html.parser import HTMLParser

SKIP = {"code", "pre", "script", "style", "svg:style", "kbd", "samp"}


class PageText(HTMLParser):
    """Collects prose outside code and outside elements marked as another language."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.prose: list[str] = []
        self.urls: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self._stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = values.get("lang", "")
        for attribute in ("src", "href", "srcset", "data", "action", "poster"):
            if attribute in values:
                self.urls.append((tag, attribute, values[attribute]))
        hidden = tag in SKIP or ("lang" in values and tag != "html"
                                 and values["lang"] != self.lang)
        if tag not in {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "path",
                       "circle", "rect", "line", "polygon", "polyline", "ellipse", "use"}:
            self._stack.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if not any(hidden for _, hidden in self._stack):
            self.prose.append(data)

    @property
    def text(self) -> str:
        """All visible prose, joined."""
        return "".join(self.prose)


def read_page(html: str) -> PageText:
    """Parse one built page."""
    parser = PageText()
    parser.feed(html)
    return parser
