"""`python -m scripts.bench` (`make bench`): print the benchmark table and write
bench-results/bench.json."""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from scripts.bench import builds, conversion, live_reload, page_weight, search_recall
from scripts.testing.local_site import build_site, free_port

ROOT = Path(__file__).resolve().parents[2]
TARGETS = {  # from the issues; shown beside the measured figures
    "exact": 0.90, "cer": 0.005, "throughput_ratio": 0.5, "build_1000_s": 30.0,
    "ratio_1000_100": 11.0, "page_kb": 100.0, "reload_s": 2.0,
    "without_search_over_bare_dressed": 1.10, "search_adds": 0.25,
    "search_recall": 1.0,  # issue 16
    "heldout_exact": 0.85, "heldout_cer": 0.01,  # issue 14, on the newest held-out set
}
MISSES_SHOWN = 20


def _row(name: str, value: str, target: str = "", ok: bool | None = None) -> str:
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    return f"  {name:<52} {value:>14}  {target:<10} {mark}"


def run(work: Path, sizes: tuple[int, ...], rounds: int = 3) -> dict:
    """Every figure of the benchmark."""
    figures: dict = {"conversion": {name: conversion.sentence_set_accuracy(path)
                                    for name, path in conversion.SENTENCE_SETS.items()},
                     "throughput": conversion.throughput()}
    figures["builds"] = builds.synthetic_builds(work, sizes, rounds)
    port = free_port()
    real = work / "real-site"
    result = build_site(real, f"http://127.0.0.1:{port}/shenzhi/")
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    figures["downloads"] = page_weight.reader_downloads(real, port)
    figures["search_recall"] = search_recall.search_recall(real)
    figures["search_data_gz"] = {"real": page_weight.search_data_per_language(real)}
    largest = str(max(sizes))
    figures["search_data_gz"][f"synthetic-{largest}"] = page_weight.search_data_per_language(
        work / f"ours-{largest}")
    figures["search_recall_fresh"] = {f"synthetic-{largest}": search_recall.search_recall(
        work / f"ours-{largest}", fresh=True)}
    figures["live_reload"] = live_reload.rebuild_seconds(work)
    return figures


def report(f: dict) -> str:
    """The figures as a table, with targets."""
    lines = ["ShenZhi benchmark"]
    for set_name, results in f["conversion"].items():
        count = next(iter(results.values()))["sentences"]
        lines += ["", f"Conversion ({set_name}, {count} sentence pairs)"]
        targeted = set_name == "dev set"  # the targets are stated for the dev set
        for key, value in results.items():
            ours = key.endswith("ours") and targeted
            lines.append(_row(f"{key}: exact sentences", f"{value['exact']:.1%}",
                              "≥ 90%" if ours else "", value["exact"] >= TARGETS["exact"]
                              if ours else None))
            lines.append(_row(f"{key}: character error rate", f"{value['cer']:.2%}",
                              "≤ 0.5%" if ours else "", value["cer"] <= TARGETS["cer"]
                              if ours else None))
            held_out = key.endswith("ours") and set_name == conversion.NEWEST_HELD_OUT
            if held_out or value.get("exact_any", value["exact"]) != value["exact"] or \
                    value.get("cer_any", value["cer"]) != value["cer"]:
                met = (value["exact_any"] >= TARGETS["heldout_exact"]
                       and value["cer_any"] <= TARGETS["heldout_cer"])
                lines.append(_row(f"{key}: exact / CER, any valid form",
                                  f"{value['exact_any']:.1%} / {value['cer_any']:.2%}",
                                  "≥ 85% / ≤ 1%" if held_out else "",
                                  met if held_out else None))
    t = f["throughput"]
    lines += [_row(f"throughput on {t['corpus_mb']:.1f} MB: raw OpenCC s2twp",
                   f"{t['raw_mb_s']:.1f} MB/s"),
              _row("throughput: our Markdown converter", f"{t['ours_mb_s']:.1f} MB/s",
                   "≥ 50% raw", t["ratio"] >= TARGETS["throughput_ratio"]),
              "", "Builds (2 languages, strict)"]
    sizes = sorted(f["builds"], key=int)
    for size in sizes:
        b = f["builds"][size]
        spread = f"{min(b['ours']['seconds_each']):.1f}–{max(b['ours']['seconds_each']):.1f} s"
        lines += [_row(f"{size} case reports: our build, cold cache (median of {b['rounds']})",
                       f"{b['ours_cold']['seconds']:.1f} s",
                       "≤ 30 s" if size == "1000" else "",
                       b["ours_cold"]["seconds"] <= TARGETS["build_1000_s"] if size == "1000"
                       else None),
                  _row(f"{size} case reports: our build, warm cache (median of {b['rounds']})",
                       f"{b['ours']['seconds']:.1f} s",
                       "≤ 30 s" if size == "1000" else "",
                       b["ours"]["seconds"] <= TARGETS["build_1000_s"] if size == "1000"
                       else None),
                  _row(f"{size} case reports: warm build, fastest–slowest round", spread),
                  _row(f"{size} case reports: peak memory", f"{b['ours']['peak_mb']:.0f} MB"),
                  _row(f"{size} case reports: output size", f"{b['ours']['output_mb']:.0f} MB"),
                  _row(f"{size} case reports: ours without search, cold / warm",
                       f"{b['without_search_cold']['seconds']:.1f} s / "
                       f"{b['without_search']['seconds']:.1f} s"),
                  _row(f"{size} case reports: bare MkDocs over the same dressed pages*",
                       f"{b['bare_dressed']['seconds']:.1f} s")]
        for label, prefix in (("cold", "cold_"), ("warm", "")):
            machinery = b[f"{prefix}without_search_over_bare_dressed"]
            search = b[f"{prefix}search_adds"]
            lines += [_row(f"{size} case reports, {label}: without search / bare dressed "
                           "(paired)", f"{machinery:.2f}×", "≤ 1.10×",
                           machinery <= TARGETS["without_search_over_bare_dressed"]),
                      _row(f"{size} case reports, {label}: search indexing adds (paired)",
                           f"{search:+.0%}", "≤ +25%", search <= TARGETS["search_adds"])]
        lines.append(_row(f"{size} case reports: Pagefind alone on the built site",
                          f"{b['ours']['search_index_seconds']:.1f} s"))
        if "indexed_words" in b["ours"]:  # why search costs what it does: time per word
            words = b["ours"]["indexed_words"]
            lines.append(_row(f"{size} case reports: words indexed, time per word",
                              f"{words / 1e6:.2f} M, "
                              f"{b['ours']['search_index_seconds'] / words * 1e6:.1f} µs"))
        if "pagefind_phases" in b["ours"]:  # its two steps, for one language
            phases = b["ours"]["pagefind_phases"]
            lines.append(_row(f"{size} case reports: Pagefind, one language: add pages / write",
                              f"{phases['adding_pages_s']:.1f} s / "
                              f"{phases['writing_index_s']:.1f} s"))
    lines.append("  * the pages as our hooks leave them (case layout, generated blocks, disclaimer,"
                 " sources)\n    written into the Markdown: same content, theme and plugins, no"
                 " hooks; generated HTML\n    is parsed by Python-Markdown there, ours keeps it"
                 " out of the parser (scripts/pages/html_stash.py).\n    Ours is timed as `make"
                 " build` runs it, one process per language\n    (scripts/pages/parallel_build.py);"
                 " bare MkDocs builds the languages one after the other,\n    as `mkdocs build`"
                 " does")
    if "100" in f["builds"] and "1000" in f["builds"]:
        for label, name in (("cold", "ours_cold"), ("warm", "ours")):
            ratio = (f["builds"]["1000"][name]["seconds"]
                     / f["builds"]["100"][name]["seconds"])
            f[f"ratio_1000_100_{label}"] = ratio
            lines.append(_row(f"1000 / 100 build time, {label}", f"{ratio:.1f}×", "≤ 11×",
                              ratio <= TARGETS["ratio_1000_100"]))
    d = f["downloads"]
    lines += ["", "What a reader downloads (gzipped, empty cache, before any search)"]
    for name, bucket in d.items():
        if name == "first_search":
            continue
        parts = ", ".join(f"{kind} {bucket[kind] / 1024:.0f}" for kind in
                          ("html", "css", "js", "font", "other") if kind in bucket)
        lines.append(_row(f"{name}: total ({parts} KB)", f"{bucket['total'] / 1024:.1f} KB",
                          "≤ 100 KB", bucket["total"] / 1024 <= TARGETS["page_kb"]))
    lines.append(_row("first search: total", f"{d['first_search']['total'] / 1024:.1f} KB"))
    for site, langs in f["search_data_gz"].items():
        for lang, size in langs.items():
            lines.append(_row(f"search data, {site}, {lang} (all of it)",
                              f"{size / 1024:.0f} KB"))
    lines += search_report(f.get("search_recall", {}))
    for site, langs in f.get("search_recall_fresh", {}).items():
        lines += search_report(langs, f"Search recall on the {site} site (a spread of glossary "
                                      "forms, each on a freshly loaded page)")
    lines += ["", "Editing (mkdocs serve)"]
    for name, r in f["live_reload"].items():
        lines += [_row(f"save one {name} → rebuilt", f"{r['wall_seconds']:.1f} s", "≤ 2 s",
                       r["wall_seconds"] <= TARGETS["reload_s"]),
                  _row(f"extra rebuilds after saving the {name}", str(r["extra_rebuilds"]))]
    return "\n".join(lines)


def search_report(figures: dict, title: str = "Search recall (every glossary form, both "
                                              "scripts, through the site's search)",
                  ) -> list[str]:
    """The search recall lines: figures per language and the (form, page) pairs missed."""
    lines = ["", title]
    for lang, r in figures.items():
        lines += [_row(f"{lang}: forms run / found in some page",
                       f"{r['queries']} / {r['occurring']}"),
                  _row(f"{lang}: (form, page) pairs found",
                       f"{r['found_pairs']} / {r['expected_pairs']}"),
                  _row(f"{lang}: recall", f"{r['recall']:.2%}", "100%",
                       r["recall"] >= TARGETS["search_recall"]),
                  _row(f"{lang}: pages found not holding the form", str(len(r["wrong"]))),
                  _row(f"{lang}: holding it only without punctuation", str(len(r["extras"]))),
                  _row(f"{lang}: seconds for all forms", f"{r['seconds']:.0f} s")]
        for term, url in r["misses"][:MISSES_SHOWN]:
            lines.append(f"    missed: {term} → /{url}")
        if len(r["misses"]) > MISSES_SHOWN:
            lines.append(f"    … and {len(r['misses']) - MISSES_SHOWN} more misses")
    return lines


def main() -> None:
    """Run the benchmark, print the table and write the JSON."""
    parser = argparse.ArgumentParser(prog="python -m scripts.bench")
    parser.add_argument("--sizes", default="100,1000", help="synthetic site sizes (case reports)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds of every build")
    parser.add_argument("--out", default="bench-results/bench.json")
    parser.add_argument("--search-only", action="store_true",
                        help="only build the site and measure search recall (about 2 minutes)")
    args = parser.parse_args()
    if args.search_only:
        with tempfile.TemporaryDirectory(prefix="shenzhi-bench-") as scratch:
            real = Path(scratch) / "real-site"
            result = build_site(real, f"http://127.0.0.1:{free_port()}/shenzhi/")
            if result.returncode != 0:
                raise RuntimeError(result.stderr)
            print("\n".join(search_report(search_recall.search_recall(real))))
        return
    sizes = tuple(int(s) for s in args.sizes.split(","))
    with tempfile.TemporaryDirectory(prefix="shenzhi-bench-") as scratch:
        figures = run(Path(scratch), sizes, args.rounds)
    print(report(figures))
    out = ROOT / args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nFigures written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
