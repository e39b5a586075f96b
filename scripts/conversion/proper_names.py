"""Names of people, laws, journals, products and organisations: written as listed, never
converted word by word.

`scripts/data/proper_names.tsv` gives each name in both scripts. Before the context rules, the
glossary and OpenCC see the text, every listed name becomes a Shield placeholder for its form in
the target script, and the text of every 《…》 title is converted character by character only
(OpenCC's script tables, no phrase or glossary vocabulary): 《…转化应用管理条例》 must not become
轉譯, and 弗里登施泰因 must not get 裡.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scripts import DATA, LANGUAGES
from scripts.conversion.glossary import glyphs  # OpenCC's script tables only: s2tw / tw2s
from scripts.conversion.markdown_protect import CLOSE, OPEN, Shield
from scripts.conversion.script_chars import foreign_in
from scripts.data_table import display_path, load_checked, parse_once, table_rows
from scripts.problems import Problem

PROPER_NAMES_PATH = DATA / "proper_names.tsv"
COLUMNS = ("name_zh_Hans", "name_zh_Hant", "kind", "note")
KINDS = ("person", "law", "journal", "product", "organisation")
TITLE = "《(?P<title>[^《》\n]*)》"  # a work's title; one line, no nested 《


@dataclass(frozen=True)
class ProperName:
    """One row: a name in each script."""

    hans: str
    hant: str
    kind: str
    note: str
    line: int

    def form(self, lang: str) -> str:
        """The name as written in `lang`."""
        return self.hans if lang == "zh-Hans" else self.hant


@dataclass(frozen=True, eq=False)  # identity hash: one parsed object per file version
class ProperNames:
    """Every listed name, and one scanner per target script."""

    names: tuple[ProperName, ...]
    path: str
    _forms: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)
    _scanners: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)
    _inner: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for target in LANGUAGES:
            # Either script's form becomes the target's: a page may quote a name as the other
            # region writes it.
            forms = {n.form(lang): n.form(target) for n in self.names for lang in LANGUAGES}
            self._forms[target] = forms
            # Longest first, so a law's full title wins over a shorter name inside it.
            listed = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
            self._inner[target] = re.compile(listed) if listed else None
            self._scanners[target] = re.compile(f"{TITLE}|{listed}" if listed else TITLE)

    def __iter__(self) -> Iterator[ProperName]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def shield(self, text: str, target: str, shield: Shield) -> str:
        """Replace each listed name, and the text of each 《…》 title, with a placeholder for
        its target-script form."""
        if "《" not in text and not self.names:
            return text

        def replace(match: re.Match[str]) -> str:
            title = match.group("title")
            if title is None:
                return shield.hide(self._forms[target][match.group(0)])
            return f"《{shield.hide(self.title(title, target))}》"

        return self._scanners[target].sub(replace, text)

    def title(self, text: str, target: str) -> str:
        """A title's text in `target`: listed names as listed, the rest character by
        character."""
        inner = self._inner[target]
        if inner is None:
            return _glyphs(text, target)
        pieces, done = [], 0
        for match in inner.finditer(text):
            pieces += (_glyphs(text[done:match.start()], target),
                       self._forms[target][match.group(0)])
            done = match.end()
        pieces.append(_glyphs(text[done:], target))
        return "".join(pieces)


def _glyphs(text: str, target: str) -> str:
    return glyphs(target).convert(text) if text else text


def _parse(path: Path) -> tuple[ProperNames, list[Problem]]:
    shown = display_path(path)
    problems: list[Problem] = []
    names: list[ProperName] = []
    seen: dict[str, ProperName] = {}
    for number, cells in table_rows(path, COLUMNS, problems, "separate columns with one TAB each"):
        row = {column: cell.strip() for column, cell in cells.items()}
        name = ProperName(row["name_zh_Hans"], row["name_zh_Hant"], row["kind"], row["note"],
                          number)
        before = len(problems)
        for column, lang in (("name_zh_Hans", "zh-Hans"), ("name_zh_Hant", "zh-Hant")):
            form = name.form(lang)
            if not form:
                problems.append(Problem(shown, "empty name", number, column,
                                        "give the name as that region writes it"))
                continue
            if re.search(f"[《》\\s{OPEN}{CLOSE}]", form):
                problems.append(Problem(shown, f"'{form}' contains 《, 》 or a space", number,
                                        column, "write the name alone, without brackets"))
            foreign = foreign_in(form, lang)
            if foreign:
                problems.append(Problem(shown, f"'{form}' contains {''.join(foreign)}, which "
                                        f"is not {lang}", number, column,
                                        "write the name in that column's script"))
        if name.kind not in KINDS:
            problems.append(Problem(shown, f"kind '{name.kind}'", number, "kind",
                                    f"expected one of {', '.join(KINDS)}"))
        if not name.note:
            problems.append(Problem(shown, f"'{name.hans}' has no note", number, "note",
                                    "say who or what it is and where the site uses it"))
        if len(problems) == before:
            for lang in LANGUAGES:  # one form, one counterpart: the scanner maps it one way
                other = seen.setdefault(name.form(lang), name)
                if other is not name:
                    problems.append(Problem(shown, f"'{name.form(lang)}' is also on line "
                                            f"{other.line}", number,
                                            hint="list a name once, with one counterpart"))
        if len(problems) == before:
            names.append(name)
    return ProperNames(tuple(names), shown), problems


def parse_proper_names(path: Path = PROPER_NAMES_PATH) -> tuple[ProperNames, list[Problem]]:
    """Read the names file and return it with every problem found."""
    return parse_once(_parse, path)


def load_proper_names(path: Path = PROPER_NAMES_PATH) -> ProperNames:
    """The names, or a ContentError listing every problem in the file (checked once per version
    of the file)."""
    return load_checked(path, parse_proper_names)
