"""Synthetic sites: the real site plus N generated case reports that pass the schema."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

from scripts.front_matter import split_front_matter

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "docs" / "case-reports" / "makhlough-2017.zh-Hant.md"
SENTENCE = re.compile(r"[^。！？\n]{12,80}[。！？]")


def _sentences() -> list[str]:
    """Real Traditional-Chinese sentences from the site's own zh-Hant pages (no markup)."""
    found: list[str] = []
    for page in sorted((ROOT / "docs").rglob("*.zh-Hant.md")):
        parsed, _ = split_front_matter(page.read_text(encoding="utf-8"), str(page))
        text = parsed.body if parsed else ""  # prose only, not the front matter's fields
        # Inline conversion rules (-{zh-Hans:…;zh-Hant:…}-) go first: stripped of their
        # hyphens below they would be left in the text as {zhHans:…}.
        body = re.sub(r"-\{.*?\}-", "", text)
        body = re.sub(r"<[^>]+>|\[[^\]]*\]\([^)]*\)|[#*`>|-]", "", body)
        found += [s.strip() for s in SENTENCE.findall(body)]
    return found


def case_page(index: int, rng: random.Random, sentences: list[str]) -> str:
    """One valid case-report page with about 1,500 Chinese characters of body text."""
    parsed, _ = split_front_matter(TEMPLATE.read_text(encoding="utf-8"), str(TEMPLATE))
    meta = dict(parsed.meta)
    condition = rng.choice(["狼瘡性腎炎", "糖尿病腎病變", "多囊腎病"])
    meta["title"] = f"合成病例 {index:04d}：{condition}"
    meta["description"] = f"效能測試用的合成病例 {index}，不是真實病人。"
    base = round(rng.uniform(1.2, 6.0), 2)
    meta["measurements"] = [{
        "lab": "serum creatinine", "unit": "mg/dL",
        "points": [{"time": f"第 {m} 個月", "day": m * 30,
                    "value": round(base * rng.uniform(0.8, 1.2), 2)} for m in (0, 3, 6, 12)],
    }]
    paragraphs, length = [], 0
    while length < 1500:
        paragraph = "".join(rng.choice(sentences) for _ in range(4))
        paragraphs.append(paragraph)
        length += len(paragraph)
    body = "\n\n".join(f"## 第 {i + 1} 段 {{#part-{i + 1}}}\n\n{p}" if i % 3 == 0 else p
                       for i, p in enumerate(paragraphs))
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}\n"


def make_site(target: Path, cases: int, seed: int = 7) -> Path:
    """Copy the project's site sources to `target` and add `cases` synthetic case reports."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    # The copy has no scripts/data folder to watch; MkDocs rejects a missing watch path.
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(config.replace("  - scripts/data\n", ""), encoding="utf-8")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(ROOT / "docs", target / "docs")
    rng = random.Random(seed)
    sentences = _sentences()
    folder = target / "docs" / "case-reports"
    for index in range(cases):
        script = "zh-Hant"
        (folder / f"synthetic-{index:04d}.{script}.md").write_text(
            case_page(index, rng, sentences), encoding="utf-8")
    return target
