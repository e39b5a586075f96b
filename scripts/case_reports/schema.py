"""The front matter of a case-report page, as a pydantic model.

This model *is* the readable schema: every field has a docstring saying what to write.
`scripts/data/case-report.example.yml` is a commented copy editors can start from.

Checks that need outside data (is the lab in the glossary? is the unit allowed for that lab?)
read it from the validation context: `CaseReport.model_validate(meta, context=...)` with
`glossary_terms` (set of English keys) and `labs` (dict from `labs.load_labs()`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# Strict numbers: YAML `yes` or `"3"` is a mistake, not a number; NaN/inf are never data.
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
WholeNumber = Annotated[int, Field(strict=True)]

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
PMID_PATTERN = re.compile(r"^[1-9]\d{0,8}$")
SOURCE_URL_PATTERN = re.compile(r"^https://(doi\.org/10\.\d{4,9}/\S+|pubmed\.ncbi\.nlm\.nih\.gov/\d+/?)$")
STAGE_PATTERN = re.compile(r"^G(1|2|3a|3b|4|5)(A[1-3])?$")

PublicationType = Literal["case-report", "case-series", "trial", "review"]
ConditionType = Literal["AKI", "CKD", "AKI-on-CKD"]
CellType = Literal[
    "UC-MSC", "BM-MSC", "AD-MSC", "PL-MSC", "DP-MSC", "MSC", "CD34+", "SVF", "other"
]
Origin = Literal["autologous", "allogeneic", "not-reported"]
Route = Literal["IV", "intra-arterial", "intra-renal", "subcutaneous", "other", "not-reported"]
DoseUnit = Literal["cells/kg", "cells", "10^6 cells/kg", "10^6 cells", "10^8 cells"]
OutcomeDirection = Literal["improved", "worsened", "unchanged", "unclear"]
Sex = Literal["male", "female", "not-reported"]
EvidenceLevel = Literal[
    "case-report", "case-series", "single-arm", "cohort", "rct",
    "systematic-review", "meta-analysis", "narrative-review",
]


class _Strict(BaseModel):
    """Shared settings: unknown keys are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True)


def _not_in_future(value: date) -> date:
    if value > date.today():
        raise ValueError(f"date {value.isoformat()} is in the future")
    return value


class Citation(_Strict):
    """The primary publication the case comes from."""

    authors: Text
    """Authors as printed, Vancouver style: "Suzuki H, Ohtake T, Tsukiyama T, et al."."""
    year: WholeNumber = Field(ge=1950)
    """Year of publication, e.g. 2021 (not in the future)."""
    source: Text
    """Journal (with volume and pages) or book: "Stem Cells Transl Med 2021;10(9):1253–1257"."""
    doi: str | None = None
    """DOI without https://doi.org/, e.g. 10.1002/sctm.20-0561. Give a DOI, a PMID or both."""
    pmid: str | None = None
    """PubMed ID, digits only, e.g. "35958462". Give a DOI, a PMID or both."""
    url: str
    """Link to the primary source: https://doi.org/… or https://pubmed.ncbi.nlm.nih.gov/…/."""
    peer_reviewed: Literal[True, False, "unknown"]
    """true for a peer-reviewed journal; false for a book chapter, preprint or abstract;
    "unknown" when the journal's review process could not be established."""
    peer_review_note: Text | None = None
    """Why peer review is uncertain, in the page's script, e.g. "非腎臟科期刊，審查方式不明"."""

    @field_validator("peer_reviewed", mode="before")
    @classmethod
    def _peer_reviewed_strict(cls, value: Any) -> Any:
        # A Literal accepts 1 for True; YAML `yes`, "true" or 1 is a typo here, not an answer.
        if isinstance(value, bool) or value == "unknown":
            return value
        raise ValueError(f"{value!r} is not true, false or unknown")

    @field_validator("year")
    @classmethod
    def _year_not_future(cls, value: int) -> int:
        if value > date.today().year:
            raise ValueError(f"year {value} is in the future")
        return value

    @field_validator("doi")
    @classmethod
    def _doi_format(cls, value: str | None) -> str | None:
        if value is not None and not DOI_PATTERN.match(value):
            raise ValueError(f"'{value}' is not a DOI like 10.1002/sctm.20-0561 (no https://)")
        return value

    @field_validator("pmid", mode="before")
    @classmethod
    def _pmid_format(cls, value: Any) -> Any:
        # YAML reads an unquoted PMID as an int; accept it but keep one representation.
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and not PMID_PATTERN.match(value):
            raise ValueError(f"'{value}' is not a PubMed ID (digits only, e.g. 35958462)")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_primary(cls, value: str) -> str:
        if not SOURCE_URL_PATTERN.match(value):
            raise ValueError("expected https://doi.org/10.… or https://pubmed.ncbi.nlm.nih.gov/NNN/")
        return value

    @model_validator(mode="after")
    def _doi_or_pmid(self) -> Citation:
        if not self.doi and not self.pmid:
            raise ValueError("give at least one of citation.doi or citation.pmid")
        return self


class Patient(_Strict):
    """Who was treated, as far as the source says."""

    age: WholeNumber | None = Field(ge=0, le=120)
    """Age in years at treatment; null if not reported (or for a series)."""
    sex: Sex
    """male, female or not-reported."""


class Condition(_Strict):
    """The kidney problem being treated."""

    type: ConditionType
    """AKI (急性腎損傷), CKD (慢性腎臟病) or AKI-on-CKD (慢性腎臟病上的急性腎損傷)."""
    diagnosis: Text
    """The diagnosis in words, in the page's script: "IgA 腎病變", "多囊腎"."""
    stage: str | None
    """KDIGO category such as G4 or G3bA2 at the start; null if not reported or not applicable."""

    @field_validator("stage")
    @classmethod
    def _stage_format(cls, value: str | None) -> str | None:
        if value is not None and not STAGE_PATTERN.match(value):
            raise ValueError(f"'{value}' is not a KDIGO category such as G3a, G4 or G3bA2")
        return value


class Dose(_Strict):
    """Cells per infusion."""

    value: Number = Field(gt=0)
    """The number, e.g. 1.0 for 1.0×10⁶ cells/kg written with unit "10^6 cells/kg"."""
    unit: DoseUnit
    """One of: cells/kg, cells, 10^6 cells/kg, 10^6 cells, 10^8 cells."""


class Intervention(_Strict):
    """What was given."""

    cell_type: CellType
    """UC-MSC, BM-MSC, AD-MSC, PL-MSC, DP-MSC; MSC (tissue unknown); CD34+ (not MSC); SVF; other."""
    origin: Origin
    """autologous (the patient's own cells), allogeneic (a donor's) or not-reported."""
    dose: Dose | None
    """Cells per infusion; null if the source does not say."""
    doses: WholeNumber | None = Field(ge=1, le=1000)
    """Number of infusions; null if not reported."""
    total_dose: Dose | None = None
    """All cells given, when the source states only a total (e.g. 1.2×10⁸ cells over 3 days);
    leave `dose` null then rather than dividing it yourself."""
    route: Route
    """IV, intra-arterial, intra-renal, subcutaneous, other or not-reported."""
    co_treatments: list[Text]
    """Other treatments at the same time (drugs, dialysis); [] if none were reported."""


class Point(_Strict):
    """One measured value."""

    time: Text
    """Label as the source gives it, in the page's script: "基線", "第3個月"."""
    day: WholeNumber = Field(ge=-3650, le=36500)
    """Days from the first infusion (negative = before); approximate months as 30 days."""
    value: Number
    """The measured value, a plain number in `unit`."""


class Measurement(_Strict):
    """A series of one laboratory value over time."""

    lab: Text
    """English glossary key (the `en` column of glossary.tsv), e.g. "serum creatinine"."""
    unit: Text
    """A unit allowed for that lab in scripts/data/lab_reference.yml, e.g. mg/dL."""
    points: list[Point] = Field(min_length=1)
    """The values, earliest first."""

    @field_validator("lab")
    @classmethod
    def _lab_known(cls, value: str, info: ValidationInfo) -> str:
        terms = (info.context or {}).get("glossary_terms")
        if terms is not None and value not in terms:
            raise ValueError(f"'{value}' is not an English key in the glossary (glossary.tsv `en`)")
        labs = (info.context or {}).get("labs")
        if labs is not None and value not in labs:
            raise ValueError(f"'{value}' has no unit list in scripts/data/lab_reference.yml")
        return value

    @field_validator("unit")
    @classmethod
    def _unit_allowed(cls, value: str, info: ValidationInfo) -> str:
        # A field validator (not a model one) so a bad unit is reported even when points are bad.
        labs = (info.context or {}).get("labs") or {}
        lab = labs.get(info.data.get("lab"))
        if lab is not None and value not in lab.units:
            allowed = ", ".join(lab.units)
            raise ValueError(f"unit '{value}' is not allowed for {lab.key}; expected {allowed}")
        return value


class Source(BaseModel):
    """A standard page source; checked in full by the page checker, here only for shape."""

    model_config = ConfigDict(extra="allow")

    title: Text
    url: Text
    evidence: Text


class Verification(_Strict):
    """How far the page's facts were checked against the publication itself."""

    checked_against: Literal["full-text", "abstract", "secondary"]
    """full-text: the whole paper was read; abstract: only the abstract (PubMed); secondary:
    neither, only reports about it (fields taken from them belong in `unverified`)."""
    note: Text | None = None
    """What was and was not available, in the page's script, e.g. "全文需付費，只核對摘要"."""


class CaseReport(_Strict):
    """Front matter of one case-report page (docs/case-reports/*.md)."""

    model_config = ConfigDict(extra="allow", use_attribute_docstrings=True)

    title: Text
    """Page title in the page's script: what was given, to whom, and the source (author year)."""
    publication_type: PublicationType
    """What the source is: case-report, case-series, trial or review."""
    citation: Citation
    """The primary source."""
    patient: Patient
    """Age and sex."""
    condition: Condition
    """The kidney problem."""
    intervention: Intervention
    """Cells, origin, dose, route, other treatments."""
    measurements: list[Measurement]
    """Lab values over time; [] if the source gives no numbers that could be checked."""
    adverse_events: list[Text]
    """Harms the source reports, in words; [] if none were reported (the key must be present)."""
    follow_up: Text | None
    """How long the patient was followed, e.g. "12 個月"; null if not reported."""
    outcome_as_reported: Text
    """What the authors say happened, attributed to them; not our judgement."""
    outcome_direction: OutcomeDirection | None = None
    """For the case index: improved, worsened, unchanged or unclear as reported; null = work it
    out from the first kidney lab in `measurements`."""
    evidence_level: EvidenceLevel
    """case-report, case-series, single-arm, cohort, rct, …"""
    funding_and_conflicts: Text
    """Funding and the authors' commercial interests, or "未說明" if the source does not say."""
    reviewed: date
    """Date an editor last checked this page against the primary source (not in the future)."""
    next_review: date
    """Date the page is due for its next review: after `reviewed`, at most 3 years later."""
    verification: Verification
    """What this page was checked against: the full text, only the abstract, or only secondary
    sources, shown on the page and in the case index."""
    harm_report: StrictBool = False
    """true when the publication reports harm from a treatment (its disclaimer says so)."""
    editor_note: Text
    """Limitations in plain words: what this case cannot show."""
    unverified: list[str]
    """Field paths whose facts could not be checked in the primary source, e.g. ["patient.age"]."""
    description: Text
    """One sentence for search engines and sharing."""
    sources: list[Source] = Field(min_length=1)
    """Standard page sources; the first is normally the case's own publication."""

    @field_validator("reviewed")
    @classmethod
    def _reviewed_not_future(cls, value: date) -> date:
        return _not_in_future(value)

    @field_validator("unverified")
    @classmethod
    def _paths_exist(cls, value: list[str]) -> list[str]:
        bad = [p for p in value if not is_field_path(p)]
        if bad:
            raise ValueError(f"not field paths of this schema: {', '.join(map(str, bad))}")
        return value


def is_field_path(path: object) -> bool:
    """Whether `path` names a field of CaseReport, e.g. "patient.age" or "measurements.0.points"."""
    if not isinstance(path, str) or not path:
        return False
    model: Any = CaseReport
    for part in path.split("."):
        if part.isdigit():
            continue  # an index into a list field
        if model is None or part not in model.model_fields:
            return False
        model = _model_of(model.model_fields[part].annotation)
    return True


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None` or `list[X]`, so paths can descend into it."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def field_description(path: tuple[str | int, ...]) -> str:
    """The docstring of the field at `path` (list indexes skipped), or "" if there is none."""
    model: Any = CaseReport
    text = ""
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            return ""
        text = info.description or ""
        model = _model_of(info.annotation)
    return text
