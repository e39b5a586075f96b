"""Laboratory reference data for case reports: allowed units, conversions, reference bands.

The data lives in scripts/data/lab_reference.yml; this module only reads and interprets it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from scripts import DATA

LAB_REFERENCE_PATH = DATA / "lab_reference.yml"


@dataclass(frozen=True)
class ReferenceBand:
    """A simple reference band in the lab's base unit; `low` or `high` may be open (None)."""

    low: float | None
    high: float | None
    label_zh_hant: str
    source: str


@dataclass(frozen=True)
class Lab:
    """One chartable laboratory value."""

    key: str
    units: dict[str, float | None]  # unit -> factor from the base unit; None = not convertible
    reference: ReferenceBand | None
    better: str | None = None  # "lower" or "higher": which way counts as improvement

    @property
    def base_unit(self) -> str:
        """The unit the reference band is written in."""
        return next(iter(self.units))

    def factor(self, unit: str) -> float | None:
        """Multiply a base-unit value by this to get `unit`; None when there is no conversion."""
        return self.units.get(unit)

    def convert(self, value: float, from_unit: str, to_unit: str) -> float | None:
        """Convert a value between two units of this lab, or None if they are not convertible."""
        src, dst = self.factor(from_unit), self.factor(to_unit)
        if not src or not dst:
            return None
        return value / src * dst

    def secondary_unit(self, unit: str) -> str | None:
        """The other unit to show beside `unit` (e.g. µmol/L beside mg/dL), if exactly one."""
        others = [u for u, f in self.units.items() if u != unit and f]
        return others[0] if len(others) == 1 and self.factor(unit) else None


def _parse(data: dict) -> dict[str, Lab]:
    labs: dict[str, Lab] = {}
    for key, entry in (data.get("labs") or {}).items():
        ref = entry.get("reference")
        band = None
        if ref:
            band = ReferenceBand(
                ref.get("low"), ref.get("high"), ref.get("label", ""), ref.get("source", "")
            )
        labs[str(key)] = Lab(str(key), dict(entry["units"]), band, entry.get("better"))
    return labs


@lru_cache(maxsize=4)
def load_labs(path: Path = LAB_REFERENCE_PATH) -> dict[str, Lab]:
    """All labs from the reference file, keyed by their English glossary term."""
    return _parse(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
