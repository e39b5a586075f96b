"""Keep Material's JavaScript from loading anything it does not need, or from another host.

- Material's bundle loads mermaid and a ResizeObserver polyfill from unpkg.com when a page has a
  diagram or the browser lacks ResizeObserver. Readers in mainland China cannot rely on that
  host, and reading health pages should contact nobody else: point both at local files.
- On every page view it downloads `sitemap.xml` once per `<link rel=alternate>` to map pages
  between languages. Our alternates already name the same page in each script and
  `assets/js/language.js` does the switch, so those downloads are dropped.
"""

from __future__ import annotations

import re
from pathlib import Path

# Local stand-ins, relative to the site root.
RESIZE_OBSERVER_SHIM = "assets/js/vendor/resize-observer-shim.js"
NO_MERMAID = "assets/js/vendor/no-mermaid.js"
UNPKG = re.compile(r"https://unpkg\.com/[^\"'`)\s]+")
SITEMAP_PER_ALTERNATE = 'M("link[rel=alternate]")'
NO_ALTERNATE = 'M("link[rel=alternate][data-shenzhi-never]")'


def local_url_for(remote: str, site_path: str) -> str:
    """The local replacement for a remote script URL found in the theme bundle."""
    target = RESIZE_OBSERVER_SHIM if "resize-observer" in remote else NO_MERMAID
    return site_path.rstrip("/") + "/" + target


def localize_theme_scripts(site_dir: Path, site_path: str) -> list[str]:
    """Rewrite remote script URLs in the built theme bundles; return what was replaced.

    `site_path` is the URL path of the site root (e.g. `/shenzhi/`): the bundle injects the
    script tag into the page, so the URL must not be relative to the page.
    """
    replaced: list[str] = []
    for bundle in sorted((site_dir / "assets" / "javascripts").glob("bundle.*.js")):
        text = bundle.read_text(encoding="utf-8")
        found = sorted(set(UNPKG.findall(text)))
        for remote in found:
            text = text.replace(remote, local_url_for(remote, site_path))
        if SITEMAP_PER_ALTERNATE in text:
            text = text.replace(SITEMAP_PER_ALTERNATE, NO_ALTERNATE)
            found.append("sitemap.xml per alternate link")
        if found:
            bundle.write_text(text, encoding="utf-8")
        replaced += found
    return replaced
