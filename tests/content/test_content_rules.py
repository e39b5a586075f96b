"""Editorial rules every page must keep (issue 4): sources, dates, own words, no hype."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import opencc
import pytest
import yaml

from scripts.checks.run import name_warnings

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SEEDS = ROOT.parent / "shared" / "reference" / "seeds"
PAGES = sorted(DOCS.rglob("*.md"))
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
PROMOTIONAL = ["革命性", "黃金標準", "黄金标准", "曙光", "徹底改變", "彻底改变", "擺脫透析",
               "摆脱透析", "神奇", "突破性", "奇蹟", "奇迹"]
SOURCE_LINK = re.compile(r"https://(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov)/")
RUN = 15


def front_matter(path: Path) -> dict:
    match = FRONT.match(path.read_text(encoding="utf-8"))
    return yaml.safe_load(match.group(1)) if match else {}


def ids(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


def test_there_is_content_in_both_scripts() -> None:
    hans = [p for p in PAGES if p.name.endswith(".zh-Hans.md")]
    hant = [p for p in PAGES if p.name.endswith(".zh-Hant.md")]
    assert len(hans) >= 4 and len(hant) >= 4


@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_page_has_description_reviewed_and_sources(path: Path) -> None:
    meta = front_matter(path)
    assert isinstance(meta.get("description"), str) and meta["description"].strip()
    assert meta.get("reviewed") is not None
    urls = [s.get("url", "") for s in meta.get("sources") or []]
    assert urls, "no sources"


ARTICLES = [p for p in PAGES if "case-reports" not in p.parts and "glossary" not in p.parts
            and p.stem.split(".")[0] not in ("about", "index", "guide", "questions")]


@pytest.mark.parametrize("path", ARTICLES, ids=ids)
def test_article_links_a_primary_source(path: Path) -> None:
    body = FRONT.sub("", path.read_text(encoding="utf-8"))
    assert SOURCE_LINK.search(body), "no inline doi.org or PubMed link in the text"


@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_no_promotional_words(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert [w for w in PROMOTIONAL if w in text] == []


def _to_simplified(text: str) -> str:
    return opencc.OpenCC("t2s").convert(text)


def _runs(text: str) -> set[str]:
    """Every run of RUN characters of Chinese prose (spaces and ASCII markup dropped)."""
    prose = re.sub(r"https?://\S+|[\x00-\x7f]", "", text)
    return {prose[i : i + RUN] for i in range(len(prose) - RUN + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="reference articles not available")
@pytest.mark.parametrize("path", PAGES, ids=ids)
def test_no_sentence_shared_with_reference_articles(path: Path) -> None:
    seeds = set()
    for seed in SEEDS.glob("*.txt"):
        seeds |= _runs(_to_simplified(seed.read_text(encoding="utf-8")))
    page = FRONT.sub("", path.read_text(encoding="utf-8"))
    shared = _runs(_to_simplified(page)) & seeds
    assert sorted(shared)[:5] == []


def test_names_on_pages_are_listed_or_warned() -> None:
    # An unlisted 《…》 title or transliterated name is advice for the editor, not a failure:
    # the title is still converted character by character.
    for warning in name_warnings(DOCS):
        warnings.warn(f"{warning}", UserWarning, stacklevel=1)
