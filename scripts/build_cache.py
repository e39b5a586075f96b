"""Results of a page's build steps kept on disk between builds, keyed by everything they read.

A rebuild (the next `make build`, every `mkdocs serve` reload, the benchmark's rounds) mostly
sees unchanged pages, and each page's conversion, dressing, tooltips and search words are pure
functions of its text and of the project: so each result is stored under a hash of its inputs
and of a fingerprint of the project (every file of the `scripts` package and its data, the hook
files, the versions of the packages that render pages, and today's date, since review-date
checks depend on it). An edit anywhere in those changes the fingerprint and every
key. What a step reads beyond its own inputs must be in the key; steps that read other pages
(listings) are not cached (see `scripts.pages.build_page`).

`SHENZHI_NO_CACHE=1` turns the cache off (the tests compare a build with and without it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
# Packages whose output a cached step's result depends on (conversion, Markdown, templates).
PACKAGES = ("opencc", "mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
            "markdown", "pyyaml", "jinja2")
FORMAT = "1"  # bump when the layout of stored entries changes


def _package_versions() -> list[str]:
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} missing")
    return versions


def project_files(project: Path) -> list[Path]:
    """The files whose every byte a cached result may depend on: this package with its data,
    and the project's hook files. (Settings a step reads from mkdocs.yml go into its key.)"""
    package = Path(__file__).resolve().parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    files += list((project / "overrides" / "hooks").glob("*.py"))
    return sorted(files)


def fingerprint(files: Iterable[Path], today: dt.date | None = None) -> str:
    """One hash of the project's files, package versions, Python and the date."""
    digest = hashlib.sha256(f"{FORMAT}\n{sys.version}\n{today or dt.date.today()}\n".encode())
    digest.update("\n".join(_package_versions()).encode())
    for path in files:
        digest.update(f"\n{path.as_posix()}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class BuildCache:
    """Stored results under `folder`, one file per result, named by its key.

    `used` holds the keys read or written since the cache was opened, so that a finished
    build can drop what it no longer needs (`prune`).
    """

    def __init__(self, folder: Path, project_fingerprint: str, enabled: bool = True) -> None:
        self.folder = folder
        self.fingerprint = project_fingerprint
        self.enabled = enabled
        self.used: set[str] = set()
        self.hits = self.stored = self.uncached = 0  # results reused, computed and kept, not kept

    def key(self, step: str, *parts: str | bytes) -> str:
        """The key of `step`'s result for these inputs."""
        digest = hashlib.sha256(f"{self.fingerprint}\n{step}".encode())
        for part in parts:
            data = part.encode() if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "little"))  # ("ab", "c") is not ("a", "bc")
            digest.update(data)
        return f"{step}-{digest.hexdigest()[:40]}"

    def get_or_make(self, key: str, make: Callable[[], T]) -> T:
        """The stored result for `key`, or `make()`'s, stored."""
        if not self.enabled:
            return make()
        self.used.add(key)
        path = self.folder / key
        try:
            with path.open("rb") as stored:
                value = pickle.load(stored)
            self.hits += 1
            return value
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            pass  # absent, or left half-written by an interrupted build: make it again
        value = make()
        self.put(key, value)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store `value` under `key` (written whole, then renamed: a reader never sees half)."""
        if not self.enabled:
            return
        self.used.add(key)
        self.stored += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        partial = self.folder / f".{key}.{os.getpid()}"
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.folder / key)

    def get(self, key: str) -> Any | None:
        """The stored result for `key`, or None."""
        if not self.enabled:
            return None
        try:
            with (self.folder / key).open("rb") as stored:
                value = pickle.load(stored)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return None
        self.used.add(key)
        self.hits += 1
        return value

    def summary(self) -> str:
        """One line for the build log: how much came from the cache."""
        if not self.enabled:
            return "build cache off (SHENZHI_NO_CACHE)"
        return (f"build cache: {self.hits} page steps reused, {self.stored} computed, "
                f"{self.uncached} always computed (they list other pages)")

    def not_kept(self) -> None:
        """Count a result computed and deliberately not stored."""
        self.uncached += 1

    def prune(self) -> int:
        """Delete stored results of the steps this build ran that it did not use; return how
        many. A step the build did not run keeps its results (a build without the search
        hook leaves the search words of the next full build)."""
        if not self.enabled or not self.folder.is_dir():
            return 0
        steps = {step_of(key) for key in self.used}
        removed = 0
        for path in self.folder.iterdir():
            if path.name not in self.used and step_of(path.name.lstrip(".")) in steps:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def step_of(key: str) -> str:
    """The step a key belongs to: `search-words-1f3a…` -> `search-words`."""
    return key.rsplit("-", 1)[0]


def cache_enabled() -> bool:
    """False when the environment asks for a build without the cache."""
    return os.environ.get("SHENZHI_NO_CACHE", "") in ("", "0")


# The cache of the build in progress: static-i18n runs one build per language, and both use
# (and keep) the same entries.
_open: BuildCache | None = None


def open_for_build(folder: Path, project: Path) -> BuildCache:
    """The cache for a build of the site in `project`, stored in `folder`: the one already open
    when nothing it is keyed on has changed (the next language's build)."""
    global _open
    project_fingerprint = fingerprint(project_files(project))
    enabled = cache_enabled()
    if (_open is None or _open.folder != folder or _open.fingerprint != project_fingerprint
            or _open.enabled != enabled):
        _open = BuildCache(folder, project_fingerprint, enabled)
    return _open


def current() -> BuildCache:
    """The open cache, or a disabled one outside a build (tests calling build steps)."""
    return _open if _open is not None else BuildCache(Path(), "", enabled=False)


def finish_build(succeeded: bool = True) -> str:
    """After a whole build: drop the entries a successful build did not use (a failed one may
    not have reached them); the next build starts afresh. Returns the cache's summary."""
    global _open
    summary = current().summary()
    if _open is not None and succeeded:
        _open.prune()
    _open = None
    return summary
