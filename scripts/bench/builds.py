"""Build timings: our build of the synthetic sites against bare MkDocs builds of the same
pre-converted files (same theme, plugins and templates, without the project's hooks).

Three bare builds, because "bare" can mean three things and they differ by seconds:
- the staged pages as editors wrote them, without search (the issue's baseline);
- the same with MkDocs' default search plugin, which a stock site has and our Pagefind replaces;
- the pages as our hooks leave them (case layout, generated blocks, disclaimer, sources written
  into the Markdown), without search: what is left is the cost of the hooks' machinery rather
  than of the content they add.
"""

from __future__ import annotations

import json
import re
import shutil
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


def bare_config(project: Path, docs_dir: str = ".staging/docs", stock_search: bool = False,
                name: str = "mkdocs-bare.yml") -> Path:
    """mkdocs.yml without the project's hooks, reading already converted pages from `docs_dir`;
    with `stock_search`, MkDocs' default search plugin is added back."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text = text.replace("docs_dir: docs\n", f"docs_dir: {docs_dir}\n")
    if stock_search:
        text = text.replace("\nplugins:\n", "\nplugins:\n  - search\n", 1)
    bare = project / name
    bare.write_text(text, encoding="utf-8")
    return bare


def dressed_pages_config(project: Path, work: Path) -> Path:
    """Build once, untimed, recording the pages as our hooks leave them (record_dressed.py);
    return a bare config over the recorded pages."""
    recorder = Path(__file__).with_name("record_dressed.py")
    text = without_search_config(project).read_text(encoding="utf-8")
    recording = project / "mkdocs-record.yml"
    recording.write_text(text.replace("hooks:\n", f"hooks:\n  - {recorder}\n", 1),
                         encoding="utf-8")
    timed_build(recording, work / f"recorded-{project.name}")
    staged, dressed = project / ".staging" / "docs", project / ".dressed" / "docs"
    for path in staged.rglob("*"):  # images, CSS and scripts are not pages: copy them as staged
        if path.is_file() and path.suffix != ".md":
            target = dressed / path.relative_to(staged)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return bare_config(project, ".dressed/docs", name="mkdocs-bare-dressed.yml")


def without_search_config(project: Path) -> Path:
    """mkdocs.yml without the search hook: what indexing adds to the build's wall time."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    variant = project / "mkdocs-no-search.yml"
    variant.write_text(text.replace("  - overrides/hooks/search.py\n", ""), encoding="utf-8")
    return variant


def synthetic_builds(work: Path, sizes: tuple[int, ...] = (100, 1000)) -> dict[str, dict]:
    """Our build, ours without the search hook, and the bare builds for each site size."""
    out: dict[str, dict] = {}
    for cases in sizes:
        project = make_site(work / f"site-{cases}", cases)
        config = project / "mkdocs.yml"
        ours = timed_build(config, work / f"out-{cases}")
        bare = timed_build(bare_config(project), work / f"bare-{cases}")
        bare_search = timed_build(bare_config(project, stock_search=True,
                                              name="mkdocs-bare-search.yml"),
                                  work / f"bare-search-{cases}")
        bare_dressed = timed_build(dressed_pages_config(project, work),
                                   work / f"bare-dressed-{cases}")
        no_search = timed_build(without_search_config(project), work / f"no-search-{cases}")
        start = time.perf_counter()
        build_search(work / f"out-{cases}")  # alone: Pagefind's own time, mostly hidden in a build
        ours["search_index_seconds"] = time.perf_counter() - start
        out[str(cases)] = {
            "ours": ours, "bare": bare, "without_search": no_search,
            "bare_stock_search": bare_search, "bare_dressed": bare_dressed,
            "overhead": ours["seconds"] / bare["seconds"] - 1,
            "overhead_without_search": no_search["seconds"] / bare["seconds"] - 1,
            "overhead_over_stock_search": ours["seconds"] / bare_search["seconds"] - 1,
            "machinery_overhead_without_search": (no_search["seconds"] / bare_dressed["seconds"]
                                                  - 1),
        }
    return out
