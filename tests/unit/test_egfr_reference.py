"""The eGFR oracle against published examples, and the KDIGO data and heat map built from it."""

from __future__ import annotations

import json
import re
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from scripts.directives import DirectiveContext
from scripts.tools.kdigo import (
    DATA_FILE,
    kdigo_json_data,
    load_kdigo,
    parse_kdigo,
    render_kdigo_data,
    render_kdigo_heatmap,
)
from tests.reference import egfr_reference as ref


def ctx(convert=lambda s, lang: s, lang: str = "zh-Hant") -> DirectiveContext:
    return DirectiveContext(lang=lang, page_src="tools/egfr.md", convert=convert)


# Worked examples (facts §3.5, "≈" values) and the integer the calculator shows. Two examples sit
# on a rounding edge (64.495, 88.496): the sheet's ≈65 and ≈89 come from rounding twice
# (64.495 → 64.50 → 65); rounding once, as the site does, gives 64 and 88.
@pytest.mark.parametrize(
    ("scr", "age", "female", "published", "shown", "category"),
    [
        (1.0, 60, False, 86, 86, "G2"),
        (1.0, 60, True, 65, 64, "G2"),
        (3.0, 50, False, 25, 25, "G4"),
        (1.03, 50, False, 89, 88, "G2"),
        (2.96, 36, False, 27, 27, "G4"),
    ],
)
def test_reference_reproduces_worked_examples(scr, age, female, published, shown, category):
    egfr = ref.ckd_epi_2021(scr, age, female)
    assert abs(egfr - published) <= 0.51
    assert ref.round_half_up(egfr) == shown
    assert ref.gfr_category(ref.round_half_up(egfr)) == category


def test_reference_equation_branches():
    # At Scr = κ both power terms are 1: only the constant, age and sex factors remain.
    assert ref.ckd_epi_2021(0.9, 0, female=False) == pytest.approx(142)
    assert ref.ckd_epi_2021(0.7, 0, female=True) == pytest.approx(142 * 1.012)
    # eGFR falls as creatinine rises, on both sides of κ.
    values = [ref.ckd_epi_2021(s / 10, 50, female=True) for s in range(3, 120)]
    assert all(a > b for a, b in pairwise(values))
    with pytest.raises(ValueError):
        ref.ckd_epi_2021(0, 50, female=True)


@pytest.mark.parametrize(
    ("mg_dl", "umol_l"), [(1.0, 88), (1.2, 106), (2.5, 221), (2.96, 262), (3.0, 265)]
)
def test_creatinine_conversion(mg_dl, umol_l):
    assert ref.round_half_up(ref.creatinine_to_umol_l(mg_dl)) == umol_l
    assert ref.creatinine_to_mg_dl(ref.creatinine_to_umol_l(mg_dl)) == pytest.approx(mg_dl)


def test_urea_and_acr_conversion():
    assert ref.bun_to_urea(14) == pytest.approx(4.998)
    assert ref.urea_to_bun(ref.bun_to_urea(28)) == pytest.approx(28)
    assert ref.acr_to_mg_g(3, "mg/mmol") == pytest.approx(26.52)
    assert ref.acr_to_mg_g(30, "mg/g") == 30


@pytest.mark.parametrize(
    ("egfr", "code"),
    [(120, "G1"), (90, "G1"), (89, "G2"), (60, "G2"), (59, "G3a"), (45, "G3a"), (44, "G3b"),
     (30, "G3b"), (29, "G4"), (15, "G4"), (14, "G5"), (0, "G5")],
)
def test_gfr_category_boundaries(egfr, code):
    assert ref.gfr_category(egfr) == code


@pytest.mark.parametrize(
    ("acr", "unit", "code"),
    [(0, "mg/g", "A1"), (29.9, "mg/g", "A1"), (30, "mg/g", "A2"), (300, "mg/g", "A2"),
     (300.1, "mg/g", "A3"), (2.9, "mg/mmol", "A1"), (3, "mg/mmol", "A2"), (30, "mg/mmol", "A2"),
     (31, "mg/mmol", "A3")],
)
def test_albuminuria_category_boundaries(acr, unit, code):
    assert ref.albuminuria_category(acr, unit) == code


# ---- scripts/data/kdigo.yml ----


def test_kdigo_data_loads_with_complete_grid():
    data = load_kdigo()
    assert [c.code for c in data.gfr_categories] == [c for c, _ in ref.GFR_CATEGORIES]
    assert [c.code for c in data.albuminuria_categories] == ["A1", "A2", "A3"]
    assert len(data.risk_grid) == 6
    assert all(len(row) == 3 for row in data.risk_grid.values())
    for g_code, row in ref.HEAT_MAP.items():
        for a_code, expected in zip(("A1", "A2", "A3"), row, strict=True):
            assert data.risk(g_code, a_code).key == expected, (g_code, a_code)


def test_kdigo_thresholds_match_the_guideline():
    data = load_kdigo()
    assert [(c.code, c.min) for c in data.gfr_categories] == list(ref.GFR_CATEGORIES)
    # The display range of each G category ends one below the next category's lower bound.
    for upper, lower in pairwise(data.gfr_categories):
        if "–" in lower.range:
            low, high = (int(x) for x in lower.range.split("–"))
            assert (low, high) == (lower.min, upper.min - 1)
    bounds = [(a.max_mg_g, a.max_mg_mmol, a.max_inclusive) for a in data.albuminuria_categories]
    assert bounds == [(30, 3, False), (300, 30, True), (None, None, False)]
    # The same data file, applied to both units, agrees with the oracle at every boundary.
    for acr, unit in [(29, "mg/g"), (30, "mg/g"), (300, "mg/g"), (301, "mg/g"), (3, "mg/mmol")]:
        key = "max_mg_g" if unit == "mg/g" else "max_mg_mmol"
        for cat in data.albuminuria_categories:
            limit = getattr(cat, key)
            if limit is None or acr < limit or (cat.max_inclusive and acr == limit):
                break
        assert cat.code == ref.albuminuria_category(acr, unit)


def test_kdigo_risk_colours_keep_text_contrast():
    for level in load_kdigo().risk_levels.values():
        assert ref.contrast_ratio(level.background, level.text) >= 4.5, level.key


def test_kdigo_texts_have_no_stray_spaces_between_chinese():
    cjk_space = re.compile(r"[\u3400-\u9fff，。；、）] +[\u3400-\u9fff（]")
    for level in load_kdigo().risk_levels.values():
        for text in (level.label, level.meaning, level.next_step):
            assert not cjk_space.search(text), text


def _raw() -> dict:
    return yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["gfr_categories"][2].pop("min"), "gfr_categories[2].min"),
        (lambda d: d["gfr_categories"][1].update(min="sixty"), "gfr_categories[1].min"),
        (lambda d: d["gfr_categories"][1].update(min=95), "gfr_categories.min"),
        (lambda d: d["albuminuria_categories"][1].update(max_mg_mmol=3), "[1].max_mg_mmol"),
        (lambda d: d["risk_grid"]["G4"].pop(), "risk_grid.G4"),
        (lambda d: d["risk_grid"]["G2"].__setitem__(0, "medium"), "risk_grid.G2.A1"),
        (lambda d: d["risk_levels"]["high"].update(background="orange"), "high.background"),
        (lambda d: d["risk_levels"]["low"].update(label=""), "risk_levels.low.label"),
        (lambda d: d.pop("risk_grid"), "risk_grid"),
    ],
)
def test_bad_kdigo_data_names_the_field(change, field):
    raw = _raw()
    change(raw)
    with pytest.raises(ValueError, match=re.escape(field)):
        parse_kdigo(raw, source="kdigo.yml")


def test_load_kdigo_names_the_file(tmp_path: Path):
    bad = tmp_path / "kdigo.yml"
    bad.write_text("gfr_unit: 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"kdigo\.yml: top level\.gfr_unit"):
        load_kdigo(bad)


# ---- renderers ----


def test_heatmap_has_18_labelled_risk_cells():
    html = render_kdigo_heatmap(ctx())
    cell = r'<td class="kdigo-risk kdigo-risk--([a-z-]+)" data-risk="\1"[^>]*>([^<]+)</td>'
    cells = re.findall(cell, html)
    assert len(cells) == 18
    labels = {level.key: level.label for level in load_kdigo().risk_levels.values()}
    assert all(text == labels[key] for key, text in cells)
    assert html.count("<caption>") == 1
    assert html.count('<th scope="row"') == 6
    assert html.count('<th scope="col"') == 4
    assert '<table class="kdigo-heatmap">' in html
    # Raw HTML block for Markdown: no blank line inside it.
    assert "\n\n" not in html.strip()


def test_heatmap_passes_every_label_through_ctx_t():
    marked = render_kdigo_heatmap(ctx(convert=lambda s, lang: f"«{s}»"))
    chinese_runs = re.findall(r">([^<]*[\u3400-\u9fff][^<]*)<", marked)
    assert chinese_runs
    assert all("«" in run for run in chinese_runs), chinese_runs


def test_kdigo_data_block_is_json_in_the_page_script():
    tagged = ctx(convert=lambda s, lang: f"[{lang}]{s}", lang="zh-Hans")
    html = render_kdigo_data(tagged)
    match = re.fullmatch(
        r'\s*<script type="application/json" id="kdigo-data">(.*)</script>\s*', html, re.DOTALL
    )
    assert match
    body = match.group(1)
    assert "<" not in body and ">" not in body  # cannot close the script element early
    data = json.loads(body)
    assert data == json.loads(json.dumps(kdigo_json_data(tagged)))
    assert [g["code"] for g in data["g"]] == ["G1", "G2", "G3a", "G3b", "G4", "G5"]
    assert data["riskLevels"]["very-high"]["nextStep"].startswith("[zh-Hans]")
    assert data["g"][5]["range"] == "<15"
    assert data["grid"] == {g: list(row) for g, row in ref.HEAT_MAP.items()}


def test_heatmap_caption_names_axes_by_direction_in_both_scripts() -> None:
    """Taiwan's 列 (row) / 欄 (column) would reach mainland readers as 列 / 栏, where 列 means
    column: the caption says which way each axis runs instead."""
    from scripts.conversion.convert import convert_text
    from scripts.directives import DirectiveContext

    for lang in ("zh-Hant", "zh-Hans"):
        html = render_kdigo_heatmap(DirectiveContext(lang, "tools/egfr.md", convert_text))
        caption = html.split("<caption>")[1].split("</caption>")[0]
        assert "（列）" not in caption and "（欄）" not in caption and "（栏）" not in caption
        assert "由上往下" in caption and "由左往右" in caption
