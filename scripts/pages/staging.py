"""Stage the editors' `docs/` into the folder MkDocs builds from, adding the other script.

For every page written in one script (`name.zh-Hant.md` or `name.zh-Hans.md`) the staging folder
gets the page with its inline rules resolved and, unless a hand-written counterpart exists, a
converted counterpart. Only files whose content changed are written, so `mkdocs serve` sees no
spurious changes. MkDocs then reads the staging folder as its `docs_dir`, which keeps us
independent of static-i18n's internals (STACK-NOTES: languages).
"""

from __future__ import annotations

import json
import re
import shutil
import zlib
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from scripts import LANGUAGES, build_cache
from scripts.conversion.convert import MarkerError, convert_markdown
from scripts.conversion.glossary import GLOSSARY_PATH, other_script
from scripts.conversion.proper_names import PROPER_NAMES_PATH
from scripts.conversion.region_blocks import region_problems
from scripts.front_matter import page_problems, split_front_matter
from scripts.pages.defaults import folder_defaults, with_defaults
from scripts.problems import Problem

PAGE_NAME = re.compile(r"^(?P<stem>.+)\.(?P<lang>zh-Hant|zh-Hans)\.md$")
STAGING_PARENT = ".staging"


def staging_dir_for(docs_dir: Path) -> Path:
    """Where the staged copy of `docs_dir` lives (git-ignored, beside the sources)."""
    return docs_dir.parent / STAGING_PARENT / docs_dir.name


def shown_prefix(source: Path, project: Path) -> str:
    """How messages name the editors' folder: relative to the project when inside it."""
    try:
        return source.relative_to(project).as_posix()
    except ValueError:
        return source.as_posix()


def source_dir_for(docs_dir: Path) -> Path:
    """The editors' folder for a docs_dir that may already be the staging folder."""
    if docs_dir.parent.name == STAGING_PARENT:
        return docs_dir.parent.parent / docs_dir.name
    return docs_dir


@dataclass
class StageResult:
    """What staging did: files written, files unchanged, every problem found, and the staged
    files the sources call for (any other file in the staging folder is stale)."""

    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    expected: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Share:
    """One of `count` disjoint shares of the source files, for staging in several processes.

    A file's share depends on its path only, so it stays in the same share (and the same build
    cache) from one build to the next."""

    index: int
    count: int

    def holds(self, rel: str) -> bool:
        """Whether the source file `rel` (relative to the docs folder) is in this share."""
        return zlib.crc32(rel.encode("utf-8")) % self.count == self.index


def _write_if_changed(path: Path, data: bytes, result: StageResult, rel: str) -> None:
    if path.is_file() and path.read_bytes() == data:
        result.unchanged += 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    result.written.append(rel)


def _read_page(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        return path.read_bytes().decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return None, [Problem(shown, "not UTF-8 text", line,
                              hint="save the file as UTF-8 (without BOM)")]
    except OSError as error:
        return None, [Problem(shown, f"cannot read the file: {error.strerror}",
                              hint="check its permissions")]


def _render(text: str, target: str, source: str, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        return convert_markdown(text, target, source), []
    except MarkerError as error:
        return None, [Problem(shown, error.reason, error.line, hint="see 'Inline conversion "
                              "rules' in CONTRIBUTING.md")]


def check_page(text: str, rel: str, docs_dir: Path, shown: str) -> list[Problem]:
    """Every problem in one page's front matter (after folder defaults)."""
    parsed, problems = split_front_matter(text, shown)
    if parsed is None:
        return problems
    meta = with_defaults(parsed.meta, docs_dir, rel)
    problems = page_problems(meta, shown, parsed.field_lines) + region_problems(text, shown)
    if meta.get("kind") == "case-report":
        from scripts.case_reports.validate import problems_in_case

        problems += problems_in_case(parsed.meta, shown, parsed.field_lines)
    return problems


def _mark_converted(text: str, source_rel: str) -> str:
    """Record in the front matter which editor file a converted page comes from."""
    line = f"converted_from: {source_rel}\n"
    if text.startswith("---"):
        first_break = text.index("\n") + 1
        return text[:first_break] + line + text[first_break:]
    return f"---\n{line}---\n{text}"


def stage(docs_dir: Path, staging_dir: Path, shown_prefix: str = "docs",
          share: Share | None = None) -> StageResult:
    """Fill `staging_dir` from `docs_dir` and remove stale files; return what changed and every
    problem found. With `share`, only that share of the source files is staged and nothing is
    removed: the caller removes what no share expects (`remove_stale`) once every share is done.
    """
    result = StageResult()
    expected = result.expected
    sources = sorted(p for p in docs_dir.rglob("*") if p.is_file())
    present = {p.relative_to(docs_dir).as_posix() for p in sources}
    for path in sources:
        rel = path.relative_to(docs_dir).as_posix()
        if share is not None and not share.holds(rel):
            continue
        shown = f"{shown_prefix}/{rel}"
        if path.suffix != ".md":
            expected.add(rel)
            _write_if_changed(staging_dir / rel, path.read_bytes(), result, rel)
            continue
        name = PAGE_NAME.match(path.name)
        if not name:
            result.problems.append(Problem(shown, "page name has no script suffix",
                                           hint=f"rename it to {path.stem}.zh-Hant.md or "
                                           f"{path.stem}.zh-Hans.md"))
            continue
        text, problems = _read_page(path, shown)
        if text is None:
            result.problems += problems
            continue
        lang = name.group("lang")
        with_source = tuple(
            target for target in LANGUAGES
            if target == lang or rel[: -len(f"{lang}.md")] + f"{target}.md" in present)
        # Folder defaults and the glossary and names versions are part of the cache key: editing
        # under `mkdocs serve` must re-check the page.
        context = json.dumps([folder_defaults(docs_dir, rel), GLOSSARY_PATH.stat().st_mtime_ns,
                              PROPER_NAMES_PATH.stat().st_mtime_ns], sort_keys=True, default=str)
        inputs = (text, rel, lang, with_source, shown, context, str(docs_dir), shown_prefix)
        # An earlier build's result from the build cache; without it (SHENZHI_NO_CACHE), the
        # in-process cache of _stage_page still spares static-i18n's second language.
        cache = build_cache.current()
        outputs, problems = cache.get_or_make(cache.key("stage", json.dumps(inputs)),
                                              partial(_stage_page, *inputs))
        result.problems += problems
        for target_rel, rendered in outputs:
            expected.add(target_rel)
            _write_if_changed(staging_dir / target_rel, rendered.encode("utf-8"), result,
                              target_rel)
    if share is None:
        remove_stale(staging_dir, expected)
    return result


@lru_cache(maxsize=4096)
def _stage_page(text: str, rel: str, lang: str, with_source: tuple[str, ...], shown: str,
                context: str, docs_dir: str, shown_prefix: str,
                ) -> tuple[tuple[tuple[str, str], ...], tuple[Problem, ...]]:
    """The staged files (path, text) for one page and its problems.

    Cached on the page's text and `context` (folder defaults, glossary version): static-i18n
    runs the build once per language and `mkdocs serve` rebuilds on every edit, but an
    unchanged page is converted once. `with_source` lists the scripts written by an editor.
    """
    del context  # cache key only
    problems = check_page(text, rel, Path(docs_dir), shown)
    outputs = []
    for target in LANGUAGES:
        if target != lang and target in with_source:
            continue  # a hand-written counterpart wins
        rendered, marker_problems = _render(text, target, lang, shown)
        problems += marker_problems
        if rendered is None:
            continue
        if target != lang:
            rendered = _mark_converted(rendered, f"{shown_prefix}/{rel}")
        outputs.append((rel[: -len(f"{lang}.md")] + f"{target}.md", rendered))
    return tuple(outputs), tuple(problems)


def remove_stale(staging_dir: Path, expected: set[str]) -> None:
    """Delete staged files whose source is gone, so deleted pages disappear from the site."""
    if not staging_dir.is_dir():
        return
    for path in sorted(staging_dir.rglob("*"), reverse=True):
        rel = path.relative_to(staging_dir).as_posix()
        if path.is_file() and rel not in expected:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            shutil.rmtree(path)


def editor_path(staged_rel: str, docs_dir: Path, shown_prefix: str = "docs") -> str:
    """The editor's file behind a staged page (the source of a converted page)."""
    if (docs_dir / staged_rel).exists():
        return f"{shown_prefix}/{staged_rel}"
    name = PAGE_NAME.match(Path(staged_rel).name)
    if name:
        other = staged_rel[: -len(f"{name.group('lang')}.md")]
        other += f"{other_script(name.group('lang'))}.md"
        if (docs_dir / other).exists():
            return f"{shown_prefix}/{other} (converted to {name.group('lang')})"
    return f"{shown_prefix}/{staged_rel}"
