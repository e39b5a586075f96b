"""Generated HTML blocks kept out of Python-Markdown come back exactly where they were."""

from __future__ import annotations

import re

import markdown

from scripts.pages.html_stash import restore_html_blocks, stash_html_blocks

EXTENSIONS = ["attr_list", "md_in_html", "tables", "pymdownx.superfences"]

PAGE = """# 標題

<div class="case-card"><dl><dt>病人</dt><dd>45 歲男性</dd></dl></div>

一段文字，**重點**。

<figure class="lab-chart"><svg viewBox="0 0 10 10"><path d="M0 0L10 10"/></svg></figure>
<table class="data"><tr><td>1.2</td></tr></table>

<div markdown="1">
裡面有 **Markdown**，要交給 Python-Markdown。
</div>

```html
<div class="not-a-block">程式碼裡的 HTML 不動</div>
```
"""


def _render(text: str) -> str:
    return markdown.Markdown(extensions=EXTENSIONS).convert(text)


def _same_layout(html: str) -> str:
    """Whitespace between block tags is not shown; everything else must match."""
    return re.sub(r">\s+<", "><", html)


def test_blocks_are_replaced_and_put_back_as_markdown_would_have_left_them() -> None:
    stashed, blocks = stash_html_blocks(PAGE)
    assert len(blocks) == 2  # the card, and the figure with the table right after it
    assert "case-card" not in stashed and "lab-chart" not in stashed
    assert "not-a-block" in stashed and 'markdown="1"' in stashed
    restored = restore_html_blocks(_render(stashed), blocks)
    assert _same_layout(restored) == _same_layout(_render(PAGE))


def test_a_placeholder_left_inside_raw_html_is_restored_too() -> None:
    stashed, blocks = stash_html_blocks("<section>甲</section>")
    restored = restore_html_blocks(f"<div>{stashed}</div>", blocks)
    assert restored == "<div><section>甲</section></div>"
