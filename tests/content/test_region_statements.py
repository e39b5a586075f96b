"""One region's law, insurance and agencies stay on that region's page (issue 13, item 2).

A sentence about the mainland's filing rules or decree 818, converted into the Taiwan page, tells
Taiwan readers to ask about the wrong law, and the other way round. Such sentences belong in region
blocks (`<!-- shenzhi: region zh-Hans -->` … `<!-- shenzhi: end-region -->`). The check reads each
page as the build shows it to one region (its own region blocks kept, the other's dropped, inline
rules resolved for that region) and looks for the other region's names in either script.
Front matter is not checked: a page's sources are a list and may name both regions' laws.
The regulation page compares the regions on purpose, and the editors' guide names both as examples.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.conversion.region_blocks import select_regions

DOCS = Path(__file__).resolve().parents[2] / "docs"
FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
BOTH_REGIONS_ON_PURPOSE = {"msc/regulation", "editors/guide"}
INLINE_RULE = re.compile(
    r"-\{(?:zh-Hans:(?P<hans>[^;]*);zh-Hant:(?P<hant>[^}]*)|(?P<both>[^}]*))\}-")

# Names that only make sense for readers in one region, in both scripts.
MAINLAND_ONLY = [
    "国务院令", "國務院令", "备案", "備案", "卫健委", "衛健委", "卫生健康委员会", "衛生健康委員會",
    "医保", "醫保", "国家药监局", "國家藥監局", "国家药品监督管理局", "國家藥品監督管理局",
    "ChiCTR", "不良反应监测", "不良反應監測",
]
TAIWAN_ONLY = [
    "特管辦法", "特管办法", "再生醫療法", "再生医疗法", "健保", "衛生福利部", "卫生福利部",
    "食藥署", "食药署", "食品藥物管理署", "食品药物管理署", "TFDA", "人體試驗委員會",
    "人体试验委员会", "藥物不良反應通報", "药物不良反应通报",
]
OTHER_REGION = {"zh-Hant": MAINLAND_ONLY, "zh-Hans": TAIWAN_ONLY}

PAGES = sorted(p for p in DOCS.rglob("*.md")
               if p.relative_to(DOCS).as_posix().split(".")[0] not in BOTH_REGIONS_ON_PURPOSE)


def page_for(text: str, region: str) -> str:
    """The page body as `region`'s readers get it, before script conversion."""
    body = select_regions(FRONT.sub("", text), region)

    def resolve(match: re.Match[str]) -> str:
        if match["both"] is not None:
            return match["both"]
        return match["hans"] if region == "zh-Hans" else match["hant"]

    return INLINE_RULE.sub(resolve, body)


@pytest.mark.parametrize("region", sorted(OTHER_REGION))
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_other_regions_rules_outside_region_blocks(path: Path, region: str) -> None:
    text = page_for(path.read_text(encoding="utf-8"), region)
    found = sorted({name for name in OTHER_REGION[region] if name in text})
    assert found == [], (f"{region} readers would see {found}: put the sentence in a region "
                         "block for the region it is about")
