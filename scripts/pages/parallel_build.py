"""Build the two languages side by side, one MkDocs process each (`make build`).

static-i18n builds the languages one after the other in one process, so a two-core machine
renders on one core (STACK-NOTES: build cost). Here one child process per language builds only
that language, each into a folder of its own, with its own search index and its own build cache
(`.staging/cache/<language>/`: a child prunes what its language no longer uses without touching
the other's); the other language's pages, index and sitemap entries are then moved into the
default language's folder. The site is the same, byte for byte, as `mkdocs build` writes
(tests/integration/test_reproducible_build.py).

The children stage the editors' pages before either reads one, half each
(scripts/pages/shared_staging.py). Staging in the parent instead put one process's start-up
(about 0.6 s of loading the glossary, rules and OpenCC) and all of the staging (4.5 s of a cold
thousand-case build) on one core in front of the children. A child ends without Python's
teardown once its part of the site is written (`_leave`).

`python -m scripts.pages.parallel_build [-f mkdocs.yml] [-d site]`; `mkdocs build` and
`mkdocs serve` still build both languages in one process.
"""

from __future__ import annotations

import argparse
import atexit
import gzip
import logging
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

# Only light modules here: the parent starts the children first and loads MkDocs meanwhile
# (importing it and the staging code first held the children back by about 0.15 s).
from scripts import DEFAULT_LANGUAGE, LANGUAGES
from scripts.pages import offline_assets, shared_staging

# Set by the parent for each child: the one language it builds.
ONLY_LANGUAGE = "SHENZHI_ONLY_LANGUAGE"
MODULE = "scripts.pages.parallel_build"  # run as -m, where __name__ is "__main__"
SITEMAP = "sitemap.xml"
SITEMAP_URLS = 'xmlns:xhtml="http://www.w3.org/1999/xhtml">'  # the end of <urlset …>
SITEMAP_END = "</urlset>"


def only_language() -> str | None:
    """The language this process builds alone, or None (a normal build of every language)."""
    lang = os.environ.get(ONLY_LANGUAGE) or None
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"{ONLY_LANGUAGE}={lang!r}; expected one of {', '.join(LANGUAGES)}")
    return lang


def cache_folder(staging: Path) -> Path:
    """The build cache of this process: one per language in a language's child process."""
    folder = staging.parent / "cache"
    lang = only_language()
    return folder / lang if lang else folder


def build_site(config_file: Path, site_dir: Path) -> int:
    """Build both languages in parallel (the children stage the pages first), finish the site;
    the exit status."""
    shutil.rmtree(site_dir, ignore_errors=True)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # The default language builds into the site folder, each other language into a folder of
    # its own beside it (two processes writing the theme's files into one folder would race),
    # moved in when both are done.
    folders = {lang: site_dir if lang == DEFAULT_LANGUAGE else
               Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-{lang}-", dir=site_dir.parent))
               for lang in LANGUAGES}
    try:
        children = _start_children(config_file, folders)
        from mkdocs.config import load_config
        from mkdocs.exceptions import ConfigurationError

        try:  # meanwhile: the site's URL, for the theme's scripts
            site_url = load_config(str(config_file), site_dir=str(site_dir)).site_url
        except ConfigurationError:
            site_url = None  # each child reports the error and stops
        codes = [child.wait() for child in children]
        if any(codes):
            return max(codes)
        for lang, folder in folders.items():
            if folder != site_dir:
                merge_language(folder, site_dir, lang)
    finally:
        for folder in folders.values():
            if folder != site_dir:
                shutil.rmtree(folder, ignore_errors=True)
    offline_assets.localize_theme_scripts(site_dir, urlsplit(site_url or "/").path)
    return 0


def _start_children(config_file: Path, folders: dict[str, Path]) -> list[subprocess.Popen]:
    """One child per language building into its folder, holding its ends of the staging pipes
    (scripts/pages/shared_staging.py; the default language's child reports)."""
    ends, every_end = shared_staging.pipes_for_children(len(folders))
    try:
        return [subprocess.Popen(
            [sys.executable, "-m", MODULE, "--child", "-f", str(config_file), "-d", str(folder)],
            env={**os.environ, ONLY_LANGUAGE: lang, **{k: str(v) for k, v in mine.items()}},
            pass_fds=tuple(mine.values()))
            for (lang, folder), mine in zip(folders.items(), ends, strict=True)]
    finally:  # only the children hold the pipes: a reader sees the end if a writer stops
        for end in every_end:
            os.close(end)


def merge_language(folder: Path, site_dir: Path, lang: str) -> None:
    """Move one language's build from `folder` into the site: its pages, its search index and
    the query table its pages made, and its half of the sitemap. The rest of `folder` is the
    theme's files again, as the default language wrote them."""
    shutil.move(folder / lang, site_dir / lang)
    search = folder / "search"  # none in a build without the search hook
    if (search / lang).is_dir():
        shutil.move(search / lang, site_dir / "search" / lang)
    for table in search.glob("normalize.*.json"):
        if not (site_dir / "search" / table.name).exists():
            shutil.move(table, site_dir / "search" / table.name)
    merged = _merged_sitemap((site_dir / SITEMAP).read_text(encoding="utf-8"),
                             (folder / SITEMAP).read_text(encoding="utf-8"))
    (site_dir / SITEMAP).write_text(merged, encoding="utf-8")
    # As MkDocs gzips it: the stored name and time are those of the language built last.
    with (folder / f"{SITEMAP}.gz").open("rb") as packed:
        mtime = int.from_bytes(packed.read(8)[4:8], "little")
    with (site_dir / f"{SITEMAP}.gz").open("wb") as out, gzip.GzipFile(
            fileobj=out, filename=str(site_dir / f"{SITEMAP}.gz"), mode="wb",
            mtime=mtime) as gz:
        gz.write(merged.encode("utf-8"))


def _merged_sitemap(first: str, second: str) -> str:
    """static-i18n's sitemap lists every language built so far in this process: here each
    process built one, so the URLs of `second` go after those of `first`."""
    head = first.rpartition(SITEMAP_END)[0].rstrip("\n")  # the next URL starts with one
    opening = second.index(SITEMAP_URLS) + len(SITEMAP_URLS)
    return head + second[opening:]


def _build_one_language(config_file: Path, site_dir: Path) -> int:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    try:
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True))
    except (Abort, ConfigurationError) as error:  # as `mkdocs build` reports them
        print(error, file=sys.stderr)
        return 1
    except shared_staging.StagingFailed:  # the reporting child has said why
        return 1
    return 0


def _leave(code: int) -> None:
    """End a language's child once its part of the site is written: stop the worker processes
    (idle by now; they never write the build cache), run the exit handlers (they flush the
    logs), then exit without Python's teardown.

    The teardown frees OpenCC's dictionaries entry by entry: 0.2–0.3 s measured, on the
    critical path of every build, for memory the operating system takes back at once; waiting
    for a worker to go through its own teardown took another 0.15 s."""
    for worker in multiprocessing.active_children():  # idle now: their results are in
        worker.terminate()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m scripts.pages.parallel_build",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", type=Path)
    parser.add_argument("-d", "--site-dir", default="site", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)-7s -  %(message)s")
    site_dir = args.site_dir.resolve()
    if args.child:
        _leave(_build_one_language(args.config_file, site_dir))
    start = time.perf_counter()
    code = build_site(args.config_file, site_dir)
    if code == 0:
        print(f"INFO    -  Site built in {time.perf_counter() - start:.2f} seconds "
              f"({', '.join(LANGUAGES)} in parallel): {site_dir}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
