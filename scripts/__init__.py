"""ShenZhi: build tooling for a bilingual (zh-Hant / zh-Hans) patient-education site.

Subpackages, with imports pointing one way (hooks -> pages -> conversion/search -> data):
`conversion` (script conversion), `pages` (staging and building pages), `search`, `case_reports`,
`tools` (reader tools), `checks` (`python -m scripts.checks`), `bench`, `testing` (local serving and
the browser for tests). The modules here are the shared base every subpackage may use.
"""

from pathlib import Path

LANGUAGES = ("zh-Hant", "zh-Hans")
DEFAULT_LANGUAGE = "zh-Hant"
ROOT = Path(__file__).resolve().parent.parent  # the project folder
DATA = ROOT / "scripts" / "data"  # data files editors read and edit
