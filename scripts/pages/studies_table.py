"""The table of clinical MSC studies in kidney disease (directive `studies-table`).

Data: `scripts/data/clinical_studies.yml`. Only entries marked `verified: true` are shown; the
others stay in the file so reviewers can see what was considered. Labels are written in
Traditional Chinese (Taiwan vocabulary) and converted with `ctx.t()` like every other renderer.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from scripts import DATA

if TYPE_CHECKING:
    from scripts.directives import DirectiveContext

DATA_FILE = DATA / "clinical_studies.yml"

# design key -> label shown to readers
DESIGN_LABELS: dict[str, str] = {
    "rct-double-blind": "雙盲隨機對照試驗",
    "rct-open": "開放標籤隨機對照試驗",
    "non-randomised-controlled": "非隨機對照研究",
    "single-arm": "單組前後比較研究",
    "case-series": "病例系列",
    "case-report": "單一病例報告",
}

# cell_source codes used in the data -> explanation printed under the table
CELL_SOURCE_LEGEND: dict[str, str] = {
    "UC-MSC": "臍帶來源的間質幹細胞",
    "BM-MSC": "骨髓來源的間質幹細胞",
    "AD-MSC": "脂肪來源的間質幹細胞",
    "BM-MPC": "骨髓來源的間質前驅細胞",
    "AD-SVF": "脂肪的基質血管成分，未經培養擴增，不等同間質幹細胞",
}

COLUMNS: tuple[str, ...] = (
    "研究",
    "疾病",
    "研究設計",
    "細胞",
    "人數（細胞組/對照組）",
    "國家",
    "主要結果",
    "原始文獻",
)

REQUIRED_FIELDS: tuple[str, ...] = (
    "id",
    "first_author",
    "year",
    "condition",
    "design",
    "cell_source",
    "patients_msc",
    "patients_control",
    "country",
    "main_finding",
    "verified",
)


class StudyDataError(ValueError):
    """The study data file is malformed; the message names the file, entry and field."""


def _fail(path: Path, entry_id: str, field: str, problem: str) -> StudyDataError:
    """Build the one error message format used for every data problem."""
    return StudyDataError(f"{path}: entry '{entry_id}': field '{field}' {problem}")


def _validate_entry(raw: Any, index: int, path: Path) -> dict[str, Any]:
    """Check one study entry and return it; raise ValueError naming file, entry and field."""
    if not isinstance(raw, Mapping):
        raise StudyDataError(f"{path}: entry #{index + 1} is not a mapping of field: value")
    entry = dict(raw)
    entry_id = str(entry.get("id") or f"#{index + 1}")
    for field in REQUIRED_FIELDS:
        if field not in entry:
            raise _fail(path, entry_id, field, "is missing")
    for field in ("id", "first_author", "condition", "cell_source"):
        if not isinstance(entry[field], str) or not entry[field].strip():
            raise _fail(path, entry_id, field, "must be a non-empty string")
    if not isinstance(entry["year"], int) or isinstance(entry["year"], bool):
        raise _fail(path, entry_id, "year", "must be an integer")
    if entry["design"] not in DESIGN_LABELS:
        allowed = ", ".join(DESIGN_LABELS)
        raise _fail(path, entry_id, "design", f"must be one of: {allowed}")
    for field in ("patients_msc", "patients_control"):
        value = entry[field]
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise _fail(path, entry_id, field, "must be an integer or null")
    if entry["country"] is not None and not isinstance(entry["country"], str):
        raise _fail(path, entry_id, "country", "must be a string or null")
    if not isinstance(entry["verified"], bool):
        raise _fail(path, entry_id, "verified", "must be true or false")
    if entry["verified"]:
        finding = entry["main_finding"]
        if not isinstance(finding, str) or not finding.strip():
            raise _fail(path, entry_id, "main_finding", "must be a sentence for a verified entry")
        if not entry.get("doi") and not entry.get("pmid"):
            raise _fail(path, entry_id, "doi", "(or 'pmid') is required for a verified entry")
    return entry


def load_studies(path: Path = DATA_FILE) -> list[dict[str, Any]]:
    """Read and validate the study list; raise StudyDataError (a ValueError) if malformed."""
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, list):
        raise StudyDataError(f"{path}: expected a list of studies at the top level")
    studies = [_validate_entry(raw, index, path) for index, raw in enumerate(data)]
    seen: set[str] = set()
    for study in studies:
        if study["id"] in seen:
            raise _fail(path, study["id"], "id", "is used twice")
        seen.add(study["id"])
    return studies


def _cell(text: str) -> str:
    """Make text safe inside one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _source_links(study: Mapping[str, Any]) -> str:
    """Links to the primary paper: DOI first, then PubMed."""
    links = []
    if study.get("doi"):
        doi = str(study["doi"]).strip()
        links.append(f"[DOI](https://doi.org/{doi})")
    if study.get("pmid"):
        pmid = str(study["pmid"]).strip()
        links.append(f"[PubMed](https://pubmed.ncbi.nlm.nih.gov/{pmid}/)")
    return " · ".join(links)


def _patients(study: Mapping[str, Any], ctx: DirectiveContext) -> str:
    """Patient numbers as 'cells / control', saying so when there was no control arm."""
    msc = study["patients_msc"]
    control = study["patients_control"]
    msc_text = str(msc) if msc is not None else ctx.t("不詳")
    if control is None:
        return f"{msc_text}{ctx.t('（無對照組）')}"
    return f"{msc_text} / {control}"


def _row(study: Mapping[str, Any], ctx: DirectiveContext) -> str:
    """One table row for one verified study."""
    finding = ctx.t(study["main_finding"])
    if study.get("note"):
        finding = f"{finding}<br>{ctx.t('註：')}{ctx.t(study['note'])}"
    cells = [
        f"{study['first_author']} {ctx.t('等')} {study['year']}",
        ctx.t(study["condition"]),
        ctx.t(DESIGN_LABELS[study["design"]]),
        study["cell_source"],
        _patients(study, ctx),
        ctx.t(study["country"]) if study["country"] else "—",
        finding,
        _source_links(study),
    ]
    return "| " + " | ".join(_cell(text) for text in cells) + " |"


def render_studies_table(ctx: DirectiveContext, path: Path = DATA_FILE) -> str:
    """Render the verified studies as a Markdown table followed by a legend of cell codes."""
    studies = load_studies(path)
    shown = sorted(
        (study for study in studies if study["verified"]),
        key=lambda study: (study["year"], study["first_author"]),
    )
    header = "| " + " | ".join(ctx.t(label) for label in COLUMNS) + " |"
    divider = "|" + "---|" * len(COLUMNS)
    lines = [header, divider, *(_row(study, ctx) for study in shown)]

    used = {study["cell_source"] for study in shown}
    legend = [f"{code}：{ctx.t(text)}" for code, text in CELL_SOURCE_LEGEND.items() if code in used]
    lines.append("")
    lines.append(ctx.t("細胞代號：") + ctx.t("；").join(legend) + ctx.t("。"))
    hidden = len(studies) - len(shown)
    if hidden:
        lines.append("")
        lines.append(ctx.t(f"另有 {hidden} 項研究因原始文獻的關鍵資料未能核實，暫不列入本表。"))
    return "\n".join(lines) + "\n"
