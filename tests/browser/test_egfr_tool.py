"""The eGFR tool in Chromium: egfr.js against the Python oracle, then the form on real pages.

Three levels:
- egfr.js in a blank page, compared with tests/reference/egfr_reference.py on a grid of inputs;
- the form on the tool page rendered from its Markdown here (no site build needed);
- the form on the BUILT site in both scripts (`*_built_*` tests).
Fixtures `browser`, `page`, `request_log` come from tests/browser/conftest.py, `site_base` from
tests/conftest.py; only the `*_built_*` tests need a site build.
Expected texts are read from the page itself, so the tests hold for both scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
from playwright.sync_api import Browser, Page

from scripts.conversion.region_blocks import select_regions
from scripts.directives import DirectiveContext
from scripts.tools.kdigo import load_kdigo, render_kdigo_data, render_kdigo_heatmap
from tests.reference import egfr_reference as ref

ROOT = Path(__file__).resolve().parents[2]
EGFR_JS = ROOT / "docs" / "assets" / "js" / "egfr.js"
EGFR_CSS = ROOT / "docs" / "assets" / "css" / "egfr.css"
TOOL_PAGE = ROOT / "docs" / "tools" / "egfr.zh-Hant.md"

pytestmark = pytest.mark.browser


def _ctx(lang: str = "zh-Hant") -> DirectiveContext:
    return DirectiveContext(lang=lang, page_src="tools/egfr.md", convert=lambda s, lang: s)


@pytest.fixture
def blank_page(browser: Browser) -> Iterator[Page]:
    """A blank page (in conftest's session Chromium) with egfr.js and #kdigo-data loaded."""
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    _load_js(page, f"<!doctype html><body>{render_kdigo_data(_ctx())}</body>")
    yield page
    context.close()


def _load_js(page: Page, html: str) -> None:
    page.set_content(html)
    page.add_style_tag(path=str(EGFR_CSS))
    page.add_script_tag(path=str(EGFR_JS))


# ---------- (i) egfr.js against the oracle ----------

CREATININE_GRID = sorted(
    {round(0.3 + 0.05 * i, 2) for i in range(35)}  # 0.30 … 2.00, both sides of κ 0.7 and 0.9
    | {0.69, 0.7, 0.71, 0.89, 0.9, 0.91}
    | {round(2.0 + 0.5 * i, 2) for i in range(21)}  # 2.0 … 12.0
)
AGE_GRID = [18, 19, 25, 33, 40, 47, 55, 62, 70, 78, 85, 92, 100]


def test_ckd_epi_2021_matches_the_reference_on_a_grid(blank_page: Page):
    cases = [(s, a, sex) for s in CREATININE_GRID for a in AGE_GRID for sex in ("female", "male")]
    assert len(cases) >= 200
    got = blank_page.evaluate(
        "cases => cases.map(c => ShenZhiEgfr.ckdEpi2021(c[0], c[1], c[2]))", cases
    )
    diffs = []
    for (scr, age, sex), js_value in zip(cases, got, strict=True):
        expected = ref.ckd_epi_2021(scr, age, female=sex == "female")
        diffs.append(abs(js_value - expected))
        # The integer readers see must agree too, unless the value sits on a rounding edge.
        if abs(expected % 1 - 0.5) > 1e-6:
            assert int(js_value + 0.5) == ref.round_half_up(expected), (scr, age, sex)
    print(f"\neGFR grid: {len(cases)} inputs, max |JS - reference| = {max(diffs):.3g}")
    assert max(diffs) < 0.5


def test_worked_examples_in_javascript(blank_page: Page):
    examples = [(1.0, 60, "male", 86), (1.0, 60, "female", 64), (3.0, 50, "male", 25),
                (1.03, 50, "male", 88), (2.96, 36, "male", 27)]
    got = blank_page.evaluate(
        "xs => xs.map(x => Math.round(ShenZhiEgfr.ckdEpi2021(x[0], x[1], x[2])))", examples
    )
    assert got == [e[3] for e in examples]


def test_categories_and_risk_match_the_reference(blank_page: Page):
    egfrs = [x / 2 for x in range(0, 301)]
    g = blank_page.evaluate("xs => xs.map(ShenZhiEgfr.gCategory)", egfrs)
    assert g == [ref.gfr_category(x) for x in egfrs]
    mg_g = [0, 1, 29, 29.9, 30, 31, 150, 299.9, 300, 300.1, 301, 1000, 10000]
    mg_mmol = [0, 2.9, 3, 3.1, 29.9, 30, 30.1, 31, 1131]
    a_g = blank_page.evaluate("xs => xs.map(x => ShenZhiEgfr.aCategory(x))", mg_g)
    a_m = blank_page.evaluate("xs => xs.map(x => ShenZhiEgfr.aCategory(x, 'mg/mmol'))", mg_mmol)
    assert a_g == [ref.albuminuria_category(x, "mg/g") for x in mg_g]
    assert a_m == [ref.albuminuria_category(x, "mg/mmol") for x in mg_mmol]
    cells = [(gc, ac) for gc in ref.HEAT_MAP for ac in ("A1", "A2", "A3")]
    risks = blank_page.evaluate("cs => cs.map(c => ShenZhiEgfr.riskFor(c[0], c[1]))", cells)
    levels = load_kdigo().risk_levels
    for (gc, ac), risk in zip(cells, risks, strict=True):
        key = ref.risk_level(gc, ac)
        assert risk["key"] == key
        assert risk["label"] == levels[key].label
        assert risk["background"] == levels[key].background


def test_unit_conversions_match_the_reference(blank_page: Page):
    result = blank_page.evaluate(
        """() => {
          const E = ShenZhiEgfr;
          return {
            umol: [1.0, 1.2, 2.5, 2.96, 3.0].map(E.creatinineToUmolL),
            mgdl: [E.creatinineToMgDl(262, 'µmol/L'), E.creatinineToMgDl(262, 'umol/L'),
                   E.creatinineToMgDl(1.2, 'mg/dL')],
            urea: [14, 28, 100].map(E.bunToUrea),
            bun: [5, 10].map(E.ureaToBun),
            acr: [E.acrToMgG(3, 'mg/mmol'), E.acrToMgG(30, 'mg/g')],
            parsed: ['1.2', ' 1.2 ', '１．２', '.5', 'abc', '', '1,2', '-1'].map(E.parseNumber),
          };
        }"""
    )
    assert [round(x) for x in result["umol"]] == [88, 106, 221, 262, 265]
    assert result["mgdl"][0] == pytest.approx(ref.creatinine_to_mg_dl(262))
    assert result["mgdl"][1] == pytest.approx(ref.creatinine_to_mg_dl(262))
    assert result["mgdl"][2] == 1.2
    assert result["urea"] == pytest.approx([ref.bun_to_urea(x) for x in (14, 28, 100)])
    assert result["bun"] == pytest.approx([ref.urea_to_bun(x) for x in (5, 10)])
    assert result["acr"] == pytest.approx([ref.acr_to_mg_g(3, "mg/mmol"), 30])
    assert result["parsed"] == [1.2, 1.2, 1.2, 0.5, None, None, None, -1]


def test_bad_arguments_throw_instead_of_returning_nan(blank_page: Page):
    errors = blank_page.evaluate(
        """() => [
          () => ShenZhiEgfr.ckdEpi2021(NaN, 50, 'male'),
          () => ShenZhiEgfr.ckdEpi2021(1, 50, 'x'),
          () => ShenZhiEgfr.ckdEpi2021(0, 50, 'male'),
          () => ShenZhiEgfr.creatinineToMgDl(1, 'mmol/L'),
          () => ShenZhiEgfr.acrToMgG(1, 'mg/L'),
          () => ShenZhiEgfr.riskFor('G6', 'A1'),
        ].map(f => { try { f(); return null; } catch (e) { return e.name; } })"""
    )
    assert None not in errors


# ---------- (ii) the form ----------


def _message(page: Page, key: str) -> str:
    return page.eval_on_selector(f'#egfr-messages [data-key="{key}"]', "e => e.textContent.trim()")


def _page_data(page: Page) -> dict:
    return page.evaluate("() => JSON.parse(document.getElementById('kdigo-data').textContent)")


def _fill(page: Page, scr: str = "", unit: str = "mg/dL", age: str = "", sex: str | None = None,
          uacr: str = "", uacr_unit: str = "mg/g") -> str:
    """Fill the calculator, submit, and return the text of the result region."""
    page.fill("#egfr-scr", scr)
    page.select_option("#egfr-scr-unit", unit)
    page.fill("#egfr-age", age)
    if sex:
        page.check(f"#egfr-sex-{sex}")
    page.fill("#egfr-uacr", uacr)
    page.select_option("#egfr-uacr-unit", uacr_unit)
    page.click("#egfr-form button[type=submit]")
    return page.inner_text("#egfr-result")


def _error(page: Page, field: str) -> str:
    return page.inner_text(f"#egfr-{field}-error")


def check_valid_results(page: Page) -> None:
    data = _page_data(page)
    g_label = {g["code"]: g["label"] for g in data["g"]}
    a_label = {a["code"]: a["label"] for a in data["a"]}
    unit = data["gfrUnit"]

    text = _fill(page, scr="1.0", age="60", sex="female")
    assert f"64 {unit}" in text
    assert f"G2 {g_label['G2']}" in text
    assert _message(page, "estimate-note") in text
    assert _message(page, "no-uacr") in text

    text = _fill(page, scr="262", unit="umol/L", age="36", sex="male", uacr="450")
    assert f"27 {unit}" in text
    assert f"G4 {g_label['G4']}" in text
    assert f"A3 {a_label['A3']}" in text
    very_high = data["riskLevels"]["very-high"]
    badge = page.locator("#egfr-result .egfr-risk")
    assert badge.inner_text() == very_high["label"]
    assert badge.get_attribute("class").endswith("egfr-risk--very-high")
    assert very_high["nextStep"] in text and very_high["meaning"] in text

    # 3 mg/mmol is A2 by the mg/mmol thresholds, although 3 × 8.84 = 26.5 mg/g would be A1.
    text = _fill(page, scr="1.0", age="60", sex="male", uacr="3", uacr_unit="mg/mmol")
    assert f"86 {unit}" in text and f"A2 {a_label['A2']}" in text
    assert data["riskLevels"]["moderate"]["label"] in text
    assert "NaN" not in page.inner_text("body")


def check_invalid_inputs(page: Page) -> None:
    text = _fill(page)
    assert _message(page, "fix-fields") in text
    assert _error(page, "scr") == _message(page, "required")
    assert _error(page, "age") == _message(page, "required")
    assert _error(page, "sex") == _message(page, "sex-required")
    assert page.get_attribute("#egfr-scr", "aria-invalid") == "true"
    assert "egfr-scr-error" in page.get_attribute("#egfr-scr", "aria-describedby")
    assert page.evaluate("document.activeElement.id") == "egfr-scr"

    _fill(page, scr="abc", age="60", sex="male")
    assert _error(page, "scr") == _message(page, "not-number")
    assert page.is_hidden("#egfr-age-error")
    assert page.get_attribute("#egfr-age", "aria-invalid") is None

    _fill(page, scr="25", age="60", sex="male")
    error = _error(page, "scr")
    assert "0.1" in error and "20" in error and "mg/dL" in error and "{" not in error
    _fill(page, scr="5", unit="umol/L", age="60", sex="male")
    assert "8.8" in _error(page, "scr") and "1768" in _error(page, "scr")

    _fill(page, scr="1.0", age="130", sex="male")
    assert "110" in _error(page, "age")
    _fill(page, scr="1.0", age="60", sex="male", uacr="20000")
    assert "10000" in _error(page, "uacr")

    text = _fill(page, scr="1.0", age="16", sex="male")
    assert _error(page, "age") == _message(page, "age-adult-only")
    assert _message(page, "fix-fields") in text

    # Correcting the field clears its message as the reader types.
    page.fill("#egfr-age", "40")
    assert page.is_hidden("#egfr-age-error")
    assert "NaN" not in page.inner_text("body")


def check_converter(page: Page) -> None:
    page.fill("#conv-scr-mgdl", "2.96")
    assert page.input_value("#conv-scr-umol") == "262"
    page.fill("#conv-scr-umol", "88.4")
    assert page.input_value("#conv-scr-mgdl") == "1.00"
    page.fill("#conv-bun", "14")
    assert page.input_value("#conv-urea") == "5.0"
    page.fill("#conv-urea", "abc")
    assert page.inner_text("#conv-urea-error") == _message(page, "not-number")
    assert page.input_value("#conv-bun") == ""
    page.fill("#conv-scr-mgdl", "50")
    assert "20" in page.inner_text("#conv-scr-mgdl-error")
    assert page.get_attribute("#conv-scr-mgdl", "aria-invalid") == "true"
    page.fill("#conv-scr-mgdl", "")
    assert page.is_hidden("#conv-scr-mgdl-error")
    assert "NaN" not in page.inner_text("body")


def _rendered_tool_page() -> str:
    """The tool page through Python-Markdown, with its two blocks expanded (zh-Hant)."""
    text = select_regions(TOOL_PAGE.read_text(encoding="utf-8"), "zh-Hant")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    body = body.replace("<!-- shenzhi: kdigo-data -->", render_kdigo_data(_ctx()))
    body = body.replace("<!-- shenzhi: kdigo-heatmap -->", render_kdigo_heatmap(_ctx()))
    html = markdown.markdown(body, extensions=["tables", "attr_list", "md_in_html"])
    return f'<!doctype html><html lang="zh-Hant"><body><article>{html}</article></body></html>'


@pytest.fixture
def tool_page(blank_page: Page) -> Page:
    _load_js(blank_page, _rendered_tool_page())
    return blank_page


def test_form_gives_results_on_the_rendered_page(tool_page: Page):
    check_valid_results(tool_page)


def test_form_explains_invalid_input_on_the_rendered_page(tool_page: Page):
    check_invalid_inputs(tool_page)


def test_converter_on_the_rendered_page(tool_page: Page):
    check_converter(tool_page)


def test_rendered_page_has_the_heatmap_and_no_chinese_in_js():
    html = _rendered_tool_page()
    assert html.count('data-risk="') == 18
    assert not re.search(r"[\u3400-\u9fff]", EGFR_JS.read_text(encoding="utf-8"))


# ---------- (ii) on the built site, both scripts ----------

BUILT_PAGES = {"zh-Hant": "tools/egfr/", "zh-Hans": "zh-Hans/tools/egfr/"}


@pytest.fixture(params=sorted(BUILT_PAGES))
def built_tool_page(request: pytest.FixtureRequest, site_base: str, page: Page) -> Page:
    page.set_viewport_size({"width": 375, "height": 800})  # the narrow phone the CSS targets
    page.goto(site_base + BUILT_PAGES[request.param])
    page.wait_for_selector("#egfr-form[data-ready]")
    return page


def test_built_form_gives_results(built_tool_page: Page):
    check_valid_results(built_tool_page)


def test_built_form_explains_invalid_input(built_tool_page: Page):
    check_invalid_inputs(built_tool_page)


def test_built_converter(built_tool_page: Page):
    check_converter(built_tool_page)


# Mainland lab reports give creatinine in µmol/L, Taiwan's in mg/dL.
DEFAULT_SCR_UNIT = {"zh-Hant": "mg/dL", "zh-Hans": "umol/L"}


@pytest.mark.parametrize("lang", sorted(BUILT_PAGES))
def test_built_page_preselects_the_readers_creatinine_unit(lang: str, site_base: str, page: Page):
    page.goto(site_base + BUILT_PAGES[lang])
    page.wait_for_selector("#egfr-form[data-ready]")
    assert page.input_value("#egfr-scr-unit") == DEFAULT_SCR_UNIT[lang]
    # A reader who types the number from the report and leaves the unit as it is gets it right.
    example = {"mg/dL": "2.96", "umol/L": "262"}[DEFAULT_SCR_UNIT[lang]]
    page.fill("#egfr-scr", example)
    page.fill("#egfr-age", "36")
    page.check("#egfr-sex-male")
    page.click("#egfr-form button[type=submit]")
    assert f"27 {_page_data(page)['gfrUnit']}" in page.inner_text("#egfr-result")


def test_built_page_works_offline(built_tool_page: Page, site_base: str):
    page = built_tool_page
    origin = site_base.split("/shenzhi/")[0]
    # Refuse every request off the local server, then use the tool from a fresh load.
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        (origin, "data:")) else route.abort())
    page.reload()
    page.wait_for_selector("#egfr-form[data-ready]")
    assert page.locator("table.kdigo-heatmap td[data-risk]").count() == 18
    unit = _page_data(page)["gfrUnit"]
    assert f"25 {unit}" in _fill(page, scr="3.0", age="50", sex="male")
    # The tool's parts fit a 375 px phone; a wider heat map scrolls inside its own box.
    widths = page.evaluate(
        """() => ['#egfr-form', '#egfr-result', '#egfr-converter', '.kdigo-heatmap-wrap']
             .map(s => Math.round(document.querySelector(s).getBoundingClientRect().right))"""
    )
    assert max(widths) <= 375, widths
