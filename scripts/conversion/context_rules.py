"""Context rules: words whose mainland/Taiwan counterpart depends on the neighbouring characters.

`scripts/data/context_rules.tsv` holds one rule per row: a regular expression over the source
text whose lookbehind/lookahead is the context and whose match is the word itself, and the word
to write in the target script. The converter applies the rules before OpenCC: each matched word
becomes a Shield placeholder whose restored text is the replacement, so neither the glossary nor
OpenCC can touch it. Code, URLs and other protected spans are already placeholders by then, so
rules never fire inside them.

Every row is validated when the file is loaded (once per version of the file and glossary): its
example must convert to its expected text, converting the expected text again must leave it
unchanged, and the rule must not match its counterexample.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as sre  # the regex AST is the only way to learn a rule's first characters
from re import _parser as sre_parse

from scripts import DATA, LANGUAGES
from scripts.conversion.markdown_protect import CLOSE, OPEN, Shield
from scripts.conversion.script_chars import foreign_in
from scripts.data_table import display_path, load_checked, table_rows
from scripts.problems import Problem

CONTEXT_RULES_PATH = DATA / "context_rules.tsv"
COLUMNS = ("id", "target", "pattern", "replacement", "example", "expected", "counterexample",
           "note")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_FIRST_CHARACTERS = 64  # a rule whose word may start with more characters is not a word rule


@dataclass(frozen=True, eq=False)
class ContextRule:
    """One row of the rules file."""

    id: str
    target: str
    pattern: str
    replacement: str
    example: str
    expected: str
    counterexample: str
    note: str
    line: int
    regex: re.Pattern[str]
    first: frozenset[str]  # the characters the replaced word can start with


@dataclass(frozen=True, eq=False)  # identity hash: one parsed object per file version
class ContextRules:
    """All rules of the file, and one combined scanner per target script."""

    rules: tuple[ContextRule, ...]
    path: str
    _scanners: dict[str, tuple[re.Pattern[str], dict[str, str]]] = field(
        default_factory=dict, repr=False)

    def __iter__(self) -> Iterator[ContextRule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def for_target(self, target: str) -> tuple[ContextRule, ...]:
        """The rules that convert into `target`, in file order."""
        return tuple(r for r in self.rules if r.target == target)

    def shield(self, text: str, target: str, shield: Shield) -> str:
        """Replace every word a rule for `target` decides with a placeholder for its replacement.

        Where two rules match at the same place the first in the file wins; a word already
        replaced is not matched again by a rule starting inside it.
        """
        scanner = self._scanners.get(target)
        if scanner is None:
            return text
        pattern, replacements = scanner
        pieces: list[str] = []
        done = 0
        for match in pattern.finditer(text):
            name = match.lastgroup
            assert name is not None  # every alternative is a named group
            start, end = match.span(name)
            if start < done:
                continue
            pieces += (text[done:start], shield.hide(replacements[name]))
            done = end
        if not pieces:
            return text
        pieces.append(text[done:])
        return "".join(pieces)


def build_rules(rules: tuple[ContextRule, ...], path: str) -> ContextRules:
    """ContextRules with their scanners: ONE regular expression per target script.

    Rules start with lookbehinds, which stop Python's regex engine from skipping quickly to the
    places where a rule can match (it would try every rule at every character, ~30 times slower).
    So the scanner first consumes one of the characters the rules' words start with — the
    engine finds those with its fast first-character search — and then, from that character,
    tries inside a lookbehind of width one only the rules whose word can start with it:
    `提(?<=(?=(?P<r0_0>…)|(?P<r1_1>…)).)|表(?<=(?=(?P<r4_2>…)).)`. Grouping by first character
    matters once rules start with common characters (发, 上, 回): every 发 would otherwise try
    every rule. Within a character the rules keep file order. The span of the named group that
    matched is the word to replace.
    """
    scanners: dict[str, tuple[re.Pattern[str], dict[str, str]]] = {}
    for target in LANGUAGES:
        mine = [r for r in rules if r.target == target]
        if not mine:
            continue
        replacements: dict[str, str] = {}
        branches = []
        for char in sorted(set().union(*(r.first for r in mine))):
            alternatives = []
            for index, rule in enumerate(mine):
                if char in rule.first:
                    name = f"r{index}_{len(replacements)}"  # a rule may start several branches
                    replacements[name] = rule.replacement
                    alternatives.append(f"(?P<{name}>{rule.pattern})")
            branches.append(f"{re.escape(char)}(?<=(?={'|'.join(alternatives)}).)")
        scanners[target] = (re.compile("|".join(branches)), replacements)
    return ContextRules(rules, path, scanners)


def _first_characters(items: list) -> tuple[set[str] | None, bool]:
    """The characters a parsed pattern can start its match with, and whether it can match
    nothing at all. None when the set is unknown or too large (a class such as `.` or `\\w`)."""
    chars: set[str] = set()
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero width: the context, not the word
        if op is sre.LITERAL:
            return chars | {chr(av)}, False
        if op is sre.IN:
            found: set[str] = set()
            for kind, value in av:
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] < MAX_FIRST_CHARACTERS:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None, False
            return chars | found, False
        if op is sre.BRANCH:
            nullable = False
            for branch in av[1]:
                branch_chars, branch_nullable = _first_characters(branch)
                if branch_chars is None:
                    return None, False
                chars |= branch_chars
                nullable = nullable or branch_nullable
            if not nullable:
                return chars, False
            continue
        if op is sre.SUBPATTERN:  # only scoped flags (?i:…) here: capturing groups are refused
            _group, add_flags, _del_flags, inner = av
            inner_chars, nullable = _first_characters(inner.data)
            if inner_chars is None:
                return None, False
            if add_flags & sre.SRE_FLAG_IGNORECASE:
                inner_chars = {c for ch in inner_chars for c in (ch.lower(), ch.upper())}
            chars |= inner_chars
            if not nullable:
                return chars, False
            continue
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, inner = av
            inner_chars, nullable = _first_characters(inner.data)
            if inner_chars is None:
                return None, False
            chars |= inner_chars
            if low > 0 and not nullable:
                return chars, False
            continue
        return None, False  # ., \w, [^…], backreferences …
    return chars, True




def _compile(cells: dict[str, str], number: int, shown: str,
             ) -> tuple[tuple[re.Pattern[str], frozenset[str]] | None, list[Problem]]:
    """Compile one row's pattern, or say what to fix."""
    pattern = cells["pattern"]
    rule = cells["id"] or "rule"

    def problem(message: str, hint: str) -> tuple[None, list[Problem]]:
        return None, [Problem(shown, f"{rule}: {message}", number, "pattern", hint)]

    if not pattern:
        return problem("empty pattern", "write the word, with its context in (?<=…) and (?=…)")
    if OPEN in pattern or CLOSE in pattern:
        return problem("pattern contains a private-use placeholder character",
                       "rules run on text whose code and links are placeholders; remove it")
    try:
        regex = re.compile(f"(?:{pattern})")
    except re.error as error:
        hint = "write a Python regular expression"
        if "look-behind" in str(error):
            hint = ("a lookbehind must have one fixed width: split alternatives of different "
                    "lengths, (?:(?<=试验)|(?<=ClinicalTrials\\.gov))")
        return problem(f"pattern does not compile: {error}", hint)
    if regex.groups:
        return problem("pattern has a capturing group",
                       "group with (?:…); the rules are combined into one expression")
    first, nullable = _first_characters(sre_parse.parse(pattern).data)
    if nullable:
        return problem("pattern can match without a word",
                       "only the context goes in lookarounds; the word itself must be matched")
    if not first:
        return problem("the word's first character is not fixed",
                       "start the word with fixed characters (提示, [表]达), not . or \\w")
    return (regex, frozenset(first)), []


def _parse(path: Path) -> tuple[ContextRules, list[Problem]]:
    shown = display_path(path)
    problems: list[Problem] = []
    rules: list[ContextRule] = []
    seen: dict[str, int] = {}
    width_hint = "separate columns with one TAB each; write a TAB inside a pattern as \\t"
    for number, cells in table_rows(path, COLUMNS, problems, width_hint):
        row = {column: cell.strip() for column, cell in cells.items()}
        before = len(problems)
        if not ID.match(row["id"]):
            problems.append(Problem(shown, f"id '{row['id']}'", number, "id",
                                    "lower-case words joined by '-', e.g. suggests-after-result"))
        elif row["id"] in seen:
            problems.append(Problem(shown, f"duplicate id '{row['id']}'", number, "id",
                                    f"also on line {seen[row['id']]}; give each rule its own id"))
        seen.setdefault(row["id"], number)
        if row["target"] not in LANGUAGES:
            problems.append(Problem(shown, f"{row['id']}: unknown target '{row['target']}'",
                                    number, "target", f"expected {' or '.join(LANGUAGES)}"))
        compiled, pattern_problems = _compile(row, number, shown)
        problems += pattern_problems
        for column in ("replacement", "example", "expected", "counterexample", "note"):
            if not row[column]:
                problems.append(Problem(shown, f"{row['id']}: empty {column}", number, column,
                                        "every rule needs all eight columns filled"))
        if row["target"] in LANGUAGES:
            foreign = foreign_in(row["replacement"], row["target"])
            if foreign:
                problems.append(Problem(
                    shown, f"{row['id']}: replacement '{row['replacement']}' contains "
                    f"{''.join(foreign)}, which is not {row['target']}", number, "replacement",
                    "write the replacement in the target script"))
        if compiled is None or len(problems) > before:
            continue
        regex, first = compiled
        rules.append(ContextRule(
            id=row["id"], target=row["target"], pattern=row["pattern"],
            replacement=row["replacement"], example=row["example"], expected=row["expected"],
            counterexample=row["counterexample"], note=row["note"], line=number, regex=regex,
            first=first))
    return build_rules(tuple(rules), shown), problems


def parse_context_rules(path: Path = CONTEXT_RULES_PATH) -> tuple[ContextRules, list[Problem]]:
    """Read the rules file and return it with every structural problem found. Whether each rule
    does what its example says is checked with the converter by
    `scripts.checks.context_rules.behaviour_problems`."""
    return _parse(Path(path))


def load_context_rules(path: Path = CONTEXT_RULES_PATH) -> ContextRules:
    """The rules, or a ContentError listing every problem in the file (checked once per version
    of the file)."""
    return load_checked(path, parse_context_rules)
