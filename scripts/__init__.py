"""ShenZhi: build tooling for a bilingual (zh-Hant / zh-Hans) patient-education site."""

LANGUAGES = ("zh-Hant", "zh-Hans")
DEFAULT_LANGUAGE = "zh-Hant"
