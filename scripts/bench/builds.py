"""Build timings: our build of the synthetic sites against a bare MkDocs build of the same
pre-converted files (same theme, plugins and templates, without the project's hook)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

from scripts.bench.synthetic import make_site
from scripts.search_index import build_search


def timed_build(config_file: Path, site_dir: Path) -> dict[str, float]:
    """Seconds, peak memory (MB) and output size (MB) of one strict build in a fresh process."""
    result = subprocess.run([sys.executable, "-m", "scripts.bench.run_build", str(config_file),
                             str(site_dir)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"build of {config_file} failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["output_mb"] = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()) / 1e6
    return figures


def bare_config(project: Path) -> Path:
    """mkdocs.yml without the project's hook, reading the staged (already converted) pages."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text = text.replace("docs_dir: docs\n", "docs_dir: .staging/docs\n")
    bare = project / "mkdocs-bare.yml"
    bare.write_text(text, encoding="utf-8")
    return bare


def without_search_config(project: Path) -> Path:
    """mkdocs.yml without the search hook: what indexing adds to the build's wall time."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    variant = project / "mkdocs-no-search.yml"
    variant.write_text(text.replace("  - overrides/hooks/search.py\n", ""), encoding="utf-8")
    return variant


def synthetic_builds(work: Path, sizes: tuple[int, ...] = (100, 1000)) -> dict[str, dict]:
    """Our build, ours without the search hook, and the bare build for each site size."""
    out: dict[str, dict] = {}
    for cases in sizes:
        project = make_site(work / f"site-{cases}", cases)
        config = project / "mkdocs.yml"
        ours = timed_build(config, work / f"out-{cases}")
        bare = timed_build(bare_config(project), work / f"bare-{cases}")
        no_search = timed_build(without_search_config(project), work / f"no-search-{cases}")
        start = time.perf_counter()
        build_search(work / f"out-{cases}")  # alone: Pagefind's own time, mostly hidden in a build
        ours["search_index_seconds"] = time.perf_counter() - start
        out[str(cases)] = {"ours": ours, "bare": bare, "without_search": no_search,
                           "overhead": ours["seconds"] / bare["seconds"] - 1,
                           "overhead_without_search": no_search["seconds"] / bare["seconds"] - 1}
    return out
