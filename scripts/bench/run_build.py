"""Run one MkDocs build in this process and print its time and peak memory as JSON.

Used by the benchmark in a fresh subprocess, so that peak memory belongs to one build only.
`python -m scripts.bench.run_build CONFIG SITE_DIR [--parallel]`; with --parallel, the build
`make build` runs (one process per language, scripts/pages/parallel_build.py), whose peak is the
largest of this process and its children.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from pathlib import Path

from scripts.pages.parallel_build import build_site


def main() -> None:
    """Build, then report seconds and peak resident memory (this process and its children)."""
    config_file, site_dir = sys.argv[1], sys.argv[2]
    logging.basicConfig(level=logging.ERROR)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    start = time.perf_counter()
    if "--parallel" in sys.argv[3:]:
        if build_site(Path(config_file), Path(site_dir).resolve()) != 0:
            sys.exit(1)
    else:  # imported here, as in `mkdocs build`: the parallel build's parent loads it later
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(config_file, site_dir=site_dir, strict=True))
    seconds = time.perf_counter() - start
    peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
