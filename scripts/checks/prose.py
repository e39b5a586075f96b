"""The text a content check reads in a page: code, URLs, link targets and HTML hidden, inline
rules `-{…}-` resolved for the page's script (as the converter sees it)."""

from __future__ import annotations

from scripts.conversion.inline_rules import shield_rules
from scripts.conversion.markdown_protect import Shield, shield_fences, shield_inline
from scripts.conversion.region_blocks import shared_text


def checked_prose(text: str, lang: str, *, shared: bool = False) -> str | None:
    """The readable prose of Markdown `text` in `lang`, with line breaks kept; with `shared`,
    only the text both regions' pages show (region blocks left out). None when a marker or a
    region block is malformed: the conversion step reports those."""
    shield = Shield()
    try:
        body = shared_text(text) if shared else text
        return shield_rules(shield_inline(shield_fences(body, shield), shield), lang, Shield())
    except ValueError:
        return None
