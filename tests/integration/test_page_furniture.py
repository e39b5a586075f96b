"""What the build adds to every page, checked in the built HTML: the disclaimer worded for what
the page is, both review dates, and a link to report an error pre-filled with the page address."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from scripts import DATA
from tests.integration.test_built_site import built_file, page_urls

pytestmark = pytest.mark.integration

TEXTS = yaml.safe_load((DATA / "disclaimers.yml").read_text(encoding="utf-8"))
EXPECTED = {  # page -> disclaimer key, from what each page is
    "case-reports/makhlough-2017/": "trial",
    "case-reports/kim-2017/": "harm-report",
    "case-reports/riordan-2022/": "case-report",
    "editors/guide/": "editorial",
    "tools/egfr/": "tool",
    "msc/evidence/": "article",
}


def disclaimer_title(html: str) -> str:
    found = re.search(r'shenzhi-disclaimer">\s*<p class="admonition-title">([^<]+)</p>', html)
    assert found
    return unescape(found.group(1))


@pytest.mark.parametrize(("url", "key"), sorted(EXPECTED.items()))
def test_disclaimer_is_worded_for_the_page(site_dir: Path, url: str, key: str) -> None:
    html = built_file(site_dir, "zh-Hant", url).read_text(encoding="utf-8")
    assert disclaimer_title(html) == TEXTS[key]["title"]
    if key in ("trial", "harm-report", "editorial"):
        assert "單一病例" not in disclaimer_title(html)


def test_every_disclaimer_text_is_reachable() -> None:
    from scripts.case_reports.schema import CaseReport
    from scripts.front_matter import KINDS

    publication = CaseReport.model_fields["publication_type"].annotation.__args__
    wanted = (set(KINDS) - {"case-report"}) | set(publication) | {"harm-report"}
    assert wanted == set(TEXTS)


@pytest.mark.parametrize("lang", ["zh-Hant", "zh-Hans"])
def test_review_dates_and_report_link_on_every_page(site_dir: Path, site_base: str,
                                                    lang: str) -> None:
    for url in page_urls():
        html = built_file(site_dir, lang, url).read_text(encoding="utf-8")
        dates = re.search(r'<p class="shenzhi-reviewed">(.*?)</p>', html)
        assert dates and dates.group(1).count("<time datetime=") == 2, url
        link = re.search(r'<p class="shenzhi-report"><a href="([^"]+)">', html)
        assert link, url
        parts = urlsplit(unescape(link.group(1)))
        assert parts.netloc == "github.com" and parts.path.endswith("/issues/new"), url
        query = parse_qs(parts.query)
        prefix = "" if lang == "zh-Hant" else "zh-Hans/"
        assert f"{site_base}{prefix}{url}" in query["body"][0], url
        assert query["title"][0].startswith("內容錯誤" if lang == "zh-Hant" else "内容错误")
