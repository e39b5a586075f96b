"""The eGFR tool preselects the creatinine unit of each region's lab reports (issue 13, item 9).

Taiwan reports give creatinine in mg/dL, mainland reports in µmol/L. The form's own selected option
is mg/dL; the zh-Hans page adds #egfr-defaults in a region block, which egfr.js applies. The browser
test tests/browser/test_egfr_tool.py checks the same on the built pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.conversion.region_blocks import select_regions

ROOT = Path(__file__).resolve().parents[2]
TOOL_PAGE = ROOT / "docs" / "tools" / "egfr.zh-Hant.md"
EGFR_JS = ROOT / "docs" / "assets" / "js" / "egfr.js"
EXPECTED = {"zh-Hant": "mg/dL", "zh-Hans": "umol/L"}


def _default_unit(page: str) -> str:
    """The unit a reader sees preselected: #egfr-defaults if present, else the selected option."""
    named = re.search(r'id="egfr-defaults"[^>]*data-scr-unit="([^"]+)"', page)
    if named:
        return named.group(1)
    select = re.search(r'<select id="egfr-scr-unit".*?</select>', page, re.DOTALL)
    assert select, "the creatinine unit select is missing"
    selected = re.search(r'<option value="([^"]+)" selected>', select.group(0))
    assert selected, "no creatinine unit is selected"
    return selected.group(1)


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_tool_page_preselects_the_regions_creatinine_unit(lang: str) -> None:
    page = select_regions(TOOL_PAGE.read_text(encoding="utf-8"), lang)
    assert _default_unit(page) == EXPECTED[lang]


def test_calculator_reads_the_pages_default() -> None:
    assert 'getElementById("egfr-defaults")' in EGFR_JS.read_text(encoding="utf-8")
