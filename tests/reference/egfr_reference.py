"""Test oracle: CKD-EPI 2021 creatinine eGFR, KDIGO categories and unit conversions.

Written independently of the site (docs/assets/js/egfr.js, scripts/data/kdigo.yml) from the
published sources, so the tests compare two implementations rather than one with itself:
- Inker LA et al. N Engl J Med 2021;385:1737-49, https://doi.org/10.1056/NEJMoa2102953
- KDIGO 2024 CKD guideline, https://doi.org/10.1016/j.kint.2023.10.018
Never imported by the site.
"""

from __future__ import annotations

import math

UMOL_PER_MG_DL = 88.4
UREA_MMOL_PER_BUN_MG_DL = 0.357
MG_G_PER_MG_MMOL = 8.84

# (code, lowest eGFR in the category), highest first.
GFR_CATEGORIES = (("G1", 90), ("G2", 60), ("G3a", 45), ("G3b", 30), ("G4", 15), ("G5", 0))

# KDIGO heat map, rows G1…G5, columns A1…A3.
HEAT_MAP = {
    "G1": ("low", "moderate", "high"),
    "G2": ("low", "moderate", "high"),
    "G3a": ("moderate", "high", "very-high"),
    "G3b": ("high", "very-high", "very-high"),
    "G4": ("very-high", "very-high", "very-high"),
    "G5": ("very-high", "very-high", "very-high"),
}


def ckd_epi_2021(scr_mg_dl: float, age: float, female: bool) -> float:
    """eGFR in mL/min/1.73 m² from standardised serum creatinine (mg/dL), age and sex."""
    if scr_mg_dl <= 0:
        raise ValueError("creatinine must be positive")
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = scr_mg_dl / kappa
    value = 142.0 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.200 * 0.9938**age
    return value * 1.012 if female else value


def round_half_up(value: float) -> int:
    """Round like JavaScript's Math.round for positive numbers (Python's round() is banker's)."""
    return math.floor(value + 0.5)


def gfr_category(egfr: float) -> str:
    """KDIGO GFR category code for an eGFR (pass the rounded value a reader sees)."""
    for code, lowest in GFR_CATEGORIES:
        if egfr >= lowest:
            return code
    return "G5"


def albuminuria_category(acr: float, unit: str = "mg/g") -> str:
    """KDIGO albuminuria category: A1 <30, A2 30–300, A3 >300 mg/g (3 and 30 mg/mmol)."""
    low, high = {"mg/g": (30.0, 300.0), "mg/mmol": (3.0, 30.0)}[unit]
    if acr < low:
        return "A1"
    return "A2" if acr <= high else "A3"


def risk_level(g_code: str, a_code: str) -> str:
    """Heat-map risk key of one cell."""
    return HEAT_MAP[g_code][("A1", "A2", "A3").index(a_code)]


def creatinine_to_umol_l(mg_dl: float) -> float:
    """Creatinine mg/dL → µmol/L."""
    return mg_dl * UMOL_PER_MG_DL


def creatinine_to_mg_dl(umol_l: float) -> float:
    """Creatinine µmol/L → mg/dL."""
    return umol_l / UMOL_PER_MG_DL


def bun_to_urea(bun_mg_dl: float) -> float:
    """Blood urea nitrogen mg/dL → urea mmol/L."""
    return bun_mg_dl * UREA_MMOL_PER_BUN_MG_DL


def urea_to_bun(urea_mmol_l: float) -> float:
    """Urea mmol/L → blood urea nitrogen mg/dL."""
    return urea_mmol_l / UREA_MMOL_PER_BUN_MG_DL


def acr_to_mg_g(value: float, unit: str) -> float:
    """Albumin-to-creatinine ratio in mg/g from mg/g or mg/mmol."""
    return value * MG_G_PER_MG_MMOL if unit == "mg/mmol" else value


def contrast_ratio(colour_a: str, colour_b: str) -> float:
    """WCAG 2 contrast ratio between two `#rrggbb` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour_a), luminance(colour_b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
