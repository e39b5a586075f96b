"""Build timings of the synthetic sites, as paired ratios in one run (issue 15), each for a cold
build (the build cache emptied, as on a fresh clone) and a warm one (the same tree built again
after one case report was edited):

- our build without the search hook against bare MkDocs over the same dressed pages (the pages
  as our hooks leave them: case layout, generated blocks, disclaimer and sources written into
  the Markdown; same theme, plugins and templates, no hooks): the cost of our machinery, not of
  the content it adds;
- our full build against ours without search: what search indexing adds.

Rounds are interleaved and each ratio is the median of per-round ratios, because a shared
virtual machine's speed drifts by tens of percent between minutes.
"""

from __future__ import annotations

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts import LANGUAGES
from scripts.bench.synthetic import make_site
from scripts.search.index import (
    PAGEFIND_CONFIG,
    build_search,
    indexed_page,
    language_pages,
    searchable_runs,
)
from scripts.search.pagefind_service import PagefindService
from scripts.search.segment import index_words


def timed_build(config_file: Path, site_dir: Path, cold: bool = False,
                parallel: bool = False) -> dict[str, float]:
    """Seconds, peak memory (MB) and output size (MB) of one strict build in a fresh process;
    `cold`: with the build cache (scripts/build_cache.py) emptied first, as on a fresh clone;
    `parallel`: as `make build` runs it, one process per language."""
    if cold:
        shutil.rmtree(config_file.parent / ".staging" / "cache", ignore_errors=True)
    command = [sys.executable, "-m", "scripts.bench.run_build", str(config_file), str(site_dir)]
    result = subprocess.run(command + ["--parallel"] * parallel, capture_output=True, text=True,
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(f"build of {config_file} failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["output_mb"] = sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()) / 1e6
    return figures


def bare_config(project: Path, docs_dir: str = ".staging/docs",
                name: str = "mkdocs-bare.yml") -> Path:
    """mkdocs.yml without the project's hooks, reading already converted pages from
    `docs_dir`."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.MULTILINE)
    text = text.replace("docs_dir: docs\n", f"docs_dir: {docs_dir}\n")
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


def indexed_words(site_dir: Path) -> int:
    """How many words the built site's pages give Pagefind (both languages): its indexing time
    grows with this count, not with the number of pages."""
    return sum(len(index_words(run)) for lang in LANGUAGES
               for page in language_pages(site_dir, lang)
               for run in searchable_runs(page.read_text(encoding="utf-8")))


def pagefind_phases(site_dir: Path, output: Path, lang: str = LANGUAGES[0]) -> dict[str, float]:
    """Seconds Pagefind takes, for one language of a built site, to take in its pages (cut into
    search words first, as the build sends them) and then to write the index into `output`:
    which of the two search indexing spends its time on."""
    pages = [indexed_page(page.read_text(encoding="utf-8"))
             for page in sorted(language_pages(site_dir, lang))]
    service = PagefindService(PAGEFIND_CONFIG)
    try:
        start = time.perf_counter()
        for number, page in enumerate(pages):
            service.add_html(f"page-{number}/index.html", page)
        service.wait_added()
        added = time.perf_counter()
        service.start_writing(output)
        service.wait_written()
        written = time.perf_counter()
    finally:
        service.close()
    return {"adding_pages_s": added - start, "writing_index_s": written - added}


def without_search_config(project: Path) -> Path:
    """mkdocs.yml without the search hook: what indexing adds to the build's wall time."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    variant = project / "mkdocs-no-search.yml"
    variant.write_text(text.replace("  - overrides/hooks/search.py\n", ""), encoding="utf-8")
    return variant


def edit_one_case(project: Path, number: int) -> None:
    """What an editor does between two builds: add a sentence to one case report (a warm build
    is timed after an edit, so it rebuilds that page, its listings and the search index)."""
    page = min((project / "docs" / "case-reports").glob("synthetic-*.md"))
    with page.open("a", encoding="utf-8") as text:
        text.write(f"\n第 {number} 次修改：補上一句追蹤結果。\n")


def _median_run(runs: list[dict[str, float]]) -> dict:
    """One configuration's rounds: median time, highest peak memory, every time."""
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs), "output_mb": runs[-1]["output_mb"],
            "seconds_each": [r["seconds"] for r in runs]}


def _paired_overhead(runs: dict[str, list[dict]], ours: str, base: str) -> float:
    """Median over rounds of ours/base - 1: builds of one round ran back to back, so the ratio
    is steadier than a ratio of medians on a machine whose speed drifts."""
    return statistics.median(o["seconds"] / b["seconds"] - 1
                             for o, b in zip(runs[ours], runs[base], strict=True))


# Sites up to this many case reports get at least SMALL_SITE_ROUNDS rounds: their builds take
# seconds, so the VM's drift moves a paired ratio by tens of percent (1.18× one day, 1.39× the
# next, for nearly the same code), and two more rounds cost about a minute.
SMALL_SITE = 100
SMALL_SITE_ROUNDS = 5


def synthetic_builds(work: Path, sizes: tuple[int, ...] = (100, 1000),
                     rounds: int = 3) -> dict[str, dict]:
    """Our build, ours without the search hook, and the bare builds for each site size, each
    timed `rounds` times in interleaved rounds (a shared VM's speed drifts by tens of percent);
    a small site at least SMALL_SITE_ROUNDS times."""
    out: dict[str, dict] = {}
    for cases in sizes:
        size_rounds = max(rounds, SMALL_SITE_ROUNDS) if cases <= SMALL_SITE else rounds
        project = make_site(work / f"site-{cases}", cases)
        ours, without_search = project / "mkdocs.yml", without_search_config(project)
        # Ours as `make build` runs it (both languages side by side, scripts/pages/
        # parallel_build.py); bare MkDocs as `mkdocs build` does, one language after the other.
        configs = {  # the recording build stages the converted pages the bare build reads
            "bare_dressed": (dressed_pages_config(project, work), False, False),
            # A fresh clone's build (CI, GitHub Pages), then the next build of the same tree
            # (`make build` again, the cache left by the cold ones).
            "without_search_cold": (without_search, True, True), "ours_cold": (ours, True, True),
            "without_search": (without_search, False, True), "ours": (ours, False, True),
        }
        runs: dict[str, list[dict]] = {name: [] for name in configs}
        edits = 0
        for _ in range(size_rounds):
            for name, (config, cold, parallel) in configs.items():
                if name in ("ours", "without_search"):
                    edits += 1
                    edit_one_case(project, edits)
                runs[name].append(timed_build(config, work / f"{name}-{cases}", cold, parallel))
        figures: dict = {name: _median_run(r) for name, r in runs.items()}
        start = time.perf_counter()
        build_search(work / f"ours-{cases}")  # alone: Pagefind's own time, mostly hidden
        figures["ours"]["search_index_seconds"] = time.perf_counter() - start
        figures["ours"]["indexed_words"] = indexed_words(work / f"ours-{cases}")
        figures["ours"]["pagefind_phases"] = pagefind_phases(work / f"ours-{cases}",
                                                             work / f"phases-{cases}")
        figures.update({
            "rounds": size_rounds,
            "without_search_over_bare_dressed": 1 + _paired_overhead(runs, "without_search",
                                                                     "bare_dressed"),
            "search_adds": _paired_overhead(runs, "ours", "without_search"),
            "cold_without_search_over_bare_dressed": 1 + _paired_overhead(
                runs, "without_search_cold", "bare_dressed"),
            "cold_search_adds": _paired_overhead(runs, "ours_cold", "without_search_cold"),
        })
        out[str(cases)] = figures
    return out
