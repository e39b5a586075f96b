"""Scaffold a new case-report page, interactively or with flags:
`python -m scripts.case_reports.new_case`.

Writes docs/case-reports/SLUG.zh-Hant.md (or .zh-Hans.md) with every schema field present.
Unknown values are `TODO` placeholders, which `python -m scripts.checks` reports until filled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import get_args

from scripts.case_reports.schema import CellType, ConditionType, Route

SCRIPTS = ("zh-Hant", "zh-Hans")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TODO = "TODO"

# Body skeleton per script: the editor rewrites it; headings keep ASCII anchors.
BODY = {
    "zh-Hant": (
        "## 發生了什麼 {#what-happened}\n\n"
        "<!-- TODO: 用白話寫這個病例：誰、什麼病、接受了什麼、之後怎樣。連結原始文獻。 -->\n\n"
        "## 能說明什麼、不能說明什麼 {#what-it-can-show}\n\n"
        "- 能說明：TODO\n- 不能說明：TODO\n"
    ),
    "zh-Hans": (
        "## 发生了什么 {#what-happened}\n\n"
        "<!-- TODO: 用通俗的话写这个病例：谁、什么病、接受了什么、之后怎样。链接原始文献。 -->\n\n"
        "## 能说明什么、不能说明什么 {#what-it-can-show}\n\n"
        "- 能说明：TODO\n- 不能说明：TODO\n"
    ),
}

TEMPLATE = """\
---
# Case report: every field is required. Replace each TODO; see docs/editors/guide.zh-Hant.md
# and scripts/data/case-report.example.yml. Check with: python -m scripts.checks
title: {title}
description: {todo}
reviewed: {today}
next_review: {next_review}           # at most 3 years after reviewed; 1 year is the site's rule
publication_type: case-report      # case-report | case-series | trial | review
harm_report: false                 # true if the publication reports harm from the treatment
citation:
  authors: {authors}
  year: {year}
  source: {todo}                   # journal with volume and pages, or the book
  doi: {doi}                       # 10.xxxx/... without https://doi.org/ (or null)
  pmid: {pmid}                     # digits only (or null); give a DOI, a PMID or both
  url: {url}
  peer_reviewed: {todo}            # true | false | unknown
  peer_review_note: null           # why it is unknown, if it is
patient:
  age: {todo}                      # whole number, or null if not reported
  sex: not-reported                # male | female | not-reported
condition:
  type: {condition}                # AKI | CKD | AKI-on-CKD
  diagnosis: {todo}
  stage: null                      # KDIGO category such as G4, or null
intervention:
  cell_type: {cell_type}  # UC-MSC | BM-MSC | AD-MSC | PL-MSC | DP-MSC | MSC | CD34+ | SVF | other
  origin: not-reported             # autologous | allogeneic | not-reported
  dose:                            # per infusion; or write `dose: null` if not reported
    value: {todo}
    unit: 10^6 cells/kg            # cells/kg | cells | 10^6 cells/kg | 10^6 cells | 10^8 cells
  doses: null                      # number of infusions, or null
  total_dose: null                 # only when the source gives just a total (value, unit)
  route: {route}  # IV | intra-arterial | intra-renal | subcutaneous | other | not-reported
  co_treatments: []
measurements:                      # [] if there are no checkable numbers
  - lab: serum creatinine          # English glossary key (glossary.tsv `en` column)
    unit: mg/dL                    # allowed units: scripts/data/lab_reference.yml
    points:
      - time: {todo}               # label as in the source, e.g. 基線
        day: {todo}                # days from the first infusion
        value: {todo}
adverse_events: []                 # harms reported by the source; [] if none reported
follow_up: {todo}                  # e.g. 12 個月, or null
outcome_as_reported: {todo}
outcome_direction: null            # improved | worsened | unchanged | unclear, or null
evidence_level: case-report        # case-report | case-series | single-arm | cohort | rct | ...
funding_and_conflicts: {todo}      # or 未說明 / 未说明
editor_note: {todo}
verification:
  checked_against: {todo}          # full-text | abstract | secondary
  note: null                       # what was and was not available
unverified: []                     # field paths not checked in the primary source
sources:
  - title: {todo}
    url: {url}
    evidence: case-report
---

{body}"""


def _yaml(value: str) -> str:
    """A YAML scalar for editor text: JSON strings are valid YAML and need no other escaping."""
    return json.dumps(value, ensure_ascii=False)


def next_year(day: dt.date) -> dt.date:
    """The same date a year later (28 February for 29 February): the site's review interval."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def render_scaffold(values: dict[str, str | None], today: dt.date | None = None) -> str:
    """The page text for `values` (keys: title, author, year, doi, pmid, condition, cell_type,
    route, script); missing values become TODO placeholders."""
    doi, pmid = values.get("doi"), values.get("pmid")
    url = (
        f"https://doi.org/{doi}" if doi
        else f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if pmid
        else TODO
    )
    author = values.get("author")
    year = values.get("year")
    return TEMPLATE.format(
        title=_yaml(values.get("title") or TODO),
        todo=TODO,
        today=(today := today or dt.date.today()).isoformat(),
        next_review=next_year(today).isoformat(),
        authors=_yaml(f"{author}, et al." if author else TODO),
        year=year if year and year.isdigit() else TODO,
        doi=_yaml(doi) if doi else ("null" if pmid else TODO),
        pmid=_yaml(pmid) if pmid else "null",
        url=_yaml(url),
        condition=values.get("condition") or TODO,
        cell_type=_yaml(values.get("cell_type") or TODO),
        route=values.get("route") or TODO,
        body=BODY[values.get("script") or "zh-Hant"],
    )


CHOICES: dict[str, tuple[str, ...]] = {
    "condition": get_args(ConditionType),
    "cell_type": get_args(CellType),
    "route": get_args(Route),
    "script": SCRIPTS,
}
PROMPTS = [
    ("slug", "網址代號 slug（小寫英文、數字、連字號，如 kim-2017）"),
    ("title", "標題 title"),
    ("author", "第一作者 first author（如 Kim JS）"),
    ("year", "年份 year"),
    ("doi", "DOI（如 10.23876/j.krcp.2017.36.2.200；沒有就留空）"),
    ("pmid", "PMID（數字；沒有就留空）"),
    ("condition", "病情 condition"),
    ("cell_type", "細胞種類 cell type"),
    ("route", "給予途徑 route"),
    ("script", "寫作文字 script"),
]


def problems_in_values(values: dict[str, str | None]) -> list[str]:
    """Messages for values that cannot be used (bad slug, unknown choice, malformed year)."""
    messages = []
    slug = values.get("slug")
    if not slug or not SLUG.match(slug):
        messages.append(f"--slug {slug!r}: expected lowercase words joined by '-', e.g. kim-2017")
    for key, allowed in CHOICES.items():
        value = values.get(key)
        if value and value not in allowed:
            flag = key.replace("_", "-")
            messages.append(f"--{flag} {value!r}: expected one of {', '.join(allowed)}")
    year = values.get("year")
    if year and not year.isdigit():
        messages.append(f"--year {year!r}: expected a year such as 2021")
    return messages


def ask_missing(values: dict[str, str | None], ask: Callable[[str], str] = input) -> None:
    """Prompt for every value not given as a flag; an empty answer leaves a TODO."""
    for key, prompt in PROMPTS:
        if values.get(key):
            continue
        choices = CHOICES.get(key)
        suffix = f" [{' | '.join(choices)}]" if choices else ""
        default = " (zh-Hant)" if key == "script" else ""
        answer = ask(f"{prompt}{suffix}{default}: ").strip()
        values[key] = answer or (SCRIPTS[0] if key == "script" else None)


def create_case(values: dict[str, str | None], docs_dir: Path) -> Path:
    """Write the new page and return its path; FileExistsError if the slug is taken."""
    folder = docs_dir / "case-reports"
    slug, script = values["slug"], values.get("script") or SCRIPTS[0]
    # One source per page: a page in the other script with the same slug also blocks.
    for existing in (folder / f"{slug}.{s}.md" for s in SCRIPTS):
        if existing.exists():
            raise FileExistsError(existing)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{slug}.{script}.md"
    target.write_text(render_scaffold({**values, "script": script}), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m scripts.case_reports.new_case",
                                     description=__doc__)
    parser.add_argument("--slug")
    parser.add_argument("--title")
    parser.add_argument("--author", help="first author, e.g. 'Kim JS'")
    parser.add_argument("--year")
    parser.add_argument("--doi")
    parser.add_argument("--pmid")
    parser.add_argument("--condition", help=" | ".join(CHOICES["condition"]))
    parser.add_argument("--cell-type", dest="cell_type", help=" | ".join(CHOICES["cell_type"]))
    parser.add_argument("--route", help=" | ".join(CHOICES["route"]))
    parser.add_argument("--script", help="zh-Hant (default) | zh-Hans")
    parser.add_argument("--docs-dir", default="docs", type=Path)
    parser.add_argument("--non-interactive", action="store_true",
                        help="do not ask; leave TODO for anything not given")
    args = parser.parse_args(argv)
    values: dict[str, str | None] = {
        key: getattr(args, key) for key, _prompt in PROMPTS
    }
    if not args.non_interactive:
        ask_missing(values)
    values["script"] = values.get("script") or SCRIPTS[0]
    messages = problems_in_values(values)
    if messages:
        print("\n".join(messages), file=sys.stderr)
        return 2
    try:
        target = create_case(values, args.docs_dir)
    except FileExistsError as error:
        print(f"{error.args[0]} already exists; choose another --slug (nothing was written)",
              file=sys.stderr)
        return 1
    print(f"Wrote {target}")
    print("Next: replace every TODO, then check:  python -m scripts.checks")
    print(f"Preview:  make serve  →  http://127.0.0.1:8000/case-reports/{values['slug']}/")
    if values["script"] == "zh-Hans":
        print(f"(Simplified page: http://127.0.0.1:8000/zh-Hans/case-reports/{values['slug']}/)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
