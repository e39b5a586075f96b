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

import contextlib
import datetime as dt
import hashlib
import os
import pickle
import sqlite3
import sys
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
# Packages whose output a cached step's result depends on (conversion, Markdown, templates).
PACKAGES = ("opencc", "mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions",
            "markdown", "pyyaml", "jinja2")
FORMAT = "3"  # bump when the layout of stored entries changes
_MISSING = object()
# Steps that hold labels (scripts/pages/labels.py), counted apart in the build log: a label
# is a few words shared by every page, not a page step.
LABEL_STEPS = frozenset({"label", "setting"})


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
    """Stored results in one SQLite file in `folder`, by key.

    One file rather than a file per result: creating ten thousand small files cost about a
    millisecond each on this machine's ext4 while MkDocs was writing the site (seven seconds of
    a thousand-case build); SQLite writes them as rows, in a few transactions. The cache is
    disposable: a file SQLite cannot read, or one locked by another build, is treated as
    empty, never as an error.

    `used` holds the keys read or written since the cache was opened, so that a finished
    build can drop what it no longer needs (`prune`).
    """

    FILE = "cache.sqlite"
    COMMIT_EVERY = 500  # rows; the rest at `close`

    def __init__(self, folder: Path, project_fingerprint: str, enabled: bool = True) -> None:
        self.folder = folder
        self.fingerprint = project_fingerprint
        self.enabled = enabled
        self.used: set[str] = set()
        self.hits = self.stored = self.uncached = 0  # results reused, computed and kept, not kept
        self.label_hits = 0  # of `hits`, the labels
        self._db: sqlite3.Connection | None = None
        self._unsaved = 0
        self.off_reason = "" if enabled else "SHENZHI_NO_CACHE"

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
        value = self._load(key)
        if value is _MISSING:
            value = make()
            self.put(key, value)
        return value

    def get(self, key: str) -> Any | None:
        """The stored result for `key`, or None."""
        value = self._load(key) if self.enabled else _MISSING
        return None if value is _MISSING else value

    def put(self, key: str, value: Any) -> None:
        """Store `value` under `key`."""
        db = self._connection() if self.enabled else None
        if db is None:
            return
        self.used.add(key)
        self.stored += 1
        try:
            db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                       (key, step_of(key), pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
            self._unsaved += 1
            if self._unsaved >= self.COMMIT_EVERY:
                self._commit()
        except sqlite3.Error:
            self._drop_connection()  # e.g. locked by another build: this build keeps nothing

    def _load(self, key: str) -> Any:
        db = self._connection()
        if db is None:
            return _MISSING
        try:
            row = db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            self._drop_connection()
            return _MISSING
        if row is None:
            return _MISSING
        try:
            value = pickle.loads(row[0])
        except (EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
            return _MISSING  # a class that no longer exists (the fingerprint changes anyway)
        self.used.add(key)
        self.hits += 1
        self.label_hits += step_of(key) in LABEL_STEPS
        return value

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is not None:
            return self._db
        path = self.folder / self.FILE
        for attempt in range(2):
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(path, timeout=2, check_same_thread=False)
                # WAL with synchronous=NORMAL: a crash may lose the last rows, never corrupt.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute("CREATE TABLE IF NOT EXISTS results "
                           "(key TEXT PRIMARY KEY, step TEXT NOT NULL, value BLOB NOT NULL)")
                self._db = db
                return db
            except sqlite3.DatabaseError:
                if attempt == 0:  # not a database (garbled): start an empty one
                    for stale in self.folder.glob(f"{self.FILE}*"):
                        stale.unlink(missing_ok=True)
            except (sqlite3.Error, OSError):
                break
        self.enabled = False  # cannot open a cache here: build without one
        self.off_reason = f"cannot open {path}"
        return None

    def _commit(self) -> None:
        if self._db is not None:
            self._db.commit()
            self._unsaved = 0

    def _drop_connection(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
        self._db = None
        self.enabled = False
        self.off_reason = "another build holds it, or it cannot be read"

    def close(self) -> None:
        """Save what is not saved yet."""
        if self._db is not None:
            try:
                self._commit()
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None

    def summary(self) -> str:
        """One line for the build log: how much came from the cache."""
        if not self.enabled:
            return f"build cache off ({self.off_reason})"
        return (f"build cache: {self.hits - self.label_hits} page steps and "
                f"{self.label_hits} labels reused, {self.stored} computed, "
                f"{self.uncached} always computed (they list other pages)")

    def not_kept(self) -> None:
        """Count a result computed and deliberately not stored."""
        self.uncached += 1

    def prune(self) -> int:
        """Delete stored results of the steps this build ran that it did not use; return how
        many. A step the build did not run keeps its results (a build without the search
        hook leaves the search words of the next full build)."""
        db = self._connection() if self.enabled and self.used else None
        if db is None:
            return 0
        steps = sorted({step_of(key) for key in self.used})
        try:
            marks = ",".join("?" * len(steps))
            stale = [(key,) for (key,) in db.execute(
                f"SELECT key FROM results WHERE step IN ({marks})", steps)
                if key not in self.used]
            db.executemany("DELETE FROM results WHERE key = ?", stale)
            self._commit()
        except sqlite3.Error:
            self._drop_connection()
            return 0
        return len(stale)


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
        if _open is not None:
            _open.close()
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
    if _open is not None:
        if succeeded:
            _open.prune()
        _open.close()
    _open = None
    return summary
