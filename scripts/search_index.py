"""The site's search: a Pagefind index per language plus tables that let a query typed in the
other script, or with the other region's words, find the same pages.

Pagefind (extended build, with Chinese word segmentation) writes a chunked index for each
language into `search/<lang>/`; the browser downloads only the chunks a query needs, and nothing
at all until the reader searches. Material's own search would put both languages in one index
that every page downloads (STACK-NOTES: search).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from scripts import LANGUAGES
from scripts.glossary import Glossary, glyphs, load_glossary, other_script

# What Pagefind indexes: the article, without the repeated disclaimer or permalink signs.
ROOT_SELECTOR = "article.md-content__inner"
EXCLUDE = (".shenzhi-disclaimer", ".headerlink", ".shenzhi-converted", "svg")
CJK = re.compile(r"[\u3400-\u9fff]")


def language_glob(site_dir: Path, lang: str) -> str:
    """Pagefind's file pattern for the pages of one language (globs cannot exclude, so the
    default language's folders are listed by name)."""
    if lang != LANGUAGES[0]:
        return f"{lang}/**/*.html"
    folders = sorted(p.name for p in site_dir.iterdir()
                     if p.is_dir() and p.name not in LANGUAGES and p.name not in ("search",))
    return "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in folders)]) + "}"


def pagefind_command(site_dir: Path, lang: str) -> list[str]:
    """The Pagefind invocation that indexes one language into `search/<lang>/`."""
    from pagefind_bin_extended import get_executable

    command = [str(get_executable()), "--site", str(site_dir), "--root-selector", ROOT_SELECTOR,
               "--glob", language_glob(site_dir, lang), "--output-subdir", f"search/{lang}",
               "--silent"]
    for selector in EXCLUDE:
        command += ["--exclude-selectors", selector]
    return command


def normalisation_table(lang: str, glossary: Glossary, chars_seen: set[str]) -> dict:
    """How to rewrite a query for the `lang` index: glossary phrases of the other script and
    region (肌酐 → 肌酸酐, also typed in this script's characters) and single characters."""
    to_lang = glyphs(lang)
    phrases: dict[str, str] = {}
    for concept in glossary:
        for form in concept.forms(other_script(lang)):
            target = concept.counterpart(form, lang)
            for typed in (form, to_lang.convert(form)):
                if typed != target and len(typed) > 1:
                    phrases.setdefault(typed, target)
    chars = {}
    for char in sorted(chars_seen):
        converted = to_lang.convert(char)
        if converted != char:
            chars[char] = converted
    longest = max((len(p) for p in phrases), default=1)
    return {"longest": longest, "phrases": dict(sorted(phrases.items())), "chars": chars}


def _characters_of(html_files: list[Path]) -> set[str]:
    seen: set[str] = set()
    for path in html_files:
        seen.update(CJK.findall(path.read_text(encoding="utf-8")))
    return seen


def language_pages(site_dir: Path, lang: str) -> list[Path]:
    """The built HTML pages of one language."""
    if lang == LANGUAGES[0]:
        others = [site_dir / other for other in LANGUAGES[1:]]
        return [p for p in site_dir.rglob("*.html")
                if not any(o in p.parents for o in others) and "pagefind" not in p.parts]
    return list((site_dir / lang).rglob("*.html"))


def build_search(site_dir: Path) -> None:
    """Index the built site with Pagefind and write the query normalisation tables."""
    glossary = load_glossary()
    out = site_dir / "search"
    out.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        # Characters a reader of the other script might type: those of the other language's pages.
        seen = _characters_of(language_pages(site_dir, other_script(lang)))
        table = normalisation_table(lang, glossary, seen)
        (out / f"normalize.{lang}.json").write_text(
            json.dumps(table, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    # One Pagefind per language, side by side: each indexes half the pages (two cores here).
    runs = [subprocess.Popen(pagefind_command(site_dir, lang), stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for lang in LANGUAGES]
    for lang, run in zip(LANGUAGES, runs, strict=True):
        output, _ = run.communicate()
        if run.returncode != 0:
            raise RuntimeError(f"Pagefind failed for {lang}:\n{output}")
