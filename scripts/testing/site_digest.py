"""A fingerprint of a built site, to show that a refactor changed no byte of the output.

`python -m scripts.testing.site_digest SITE_DIR` prints one line per file (SHA-256 and path) and
the site's digest last; `--against OTHER_DIR` lists the files that differ and exits 1 if any do.
Build both sides with the same site URL (`SHENZHI_SITE_URL`): the URL is part of every page.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path


def file_digests(site_dir: Path) -> dict[str, str]:
    """SHA-256 of every file under `site_dir`, by path relative to it."""
    return {path.relative_to(site_dir).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site_dir.rglob("*")) if path.is_file()}


def site_digest(digests: dict[str, str]) -> str:
    """One SHA-256 over every path and file digest."""
    lines = "".join(f"{digest}  {path}\n" for path, digest in sorted(digests.items()))
    return hashlib.sha256(lines.encode()).hexdigest()


def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    """Paths present on one side only or with different content, sorted."""
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m scripts.testing.site_digest",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--against", type=Path, help="another build to compare with")
    args = parser.parse_args(argv)
    digests = file_digests(args.site_dir)
    if args.against:
        changed = differences(digests, file_digests(args.against))
        for path in changed:
            print(f"differs: {path}")
        print(f"{len(changed)} of {len(digests)} files differ")
        return 1 if changed else 0
    for path, digest in digests.items():
        print(f"{digest}  {path}")
    print(f"site {site_digest(digests)}  ({len(digests)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
