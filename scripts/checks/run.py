"""Validate all content and data: `python -m scripts.checks` exits non-zero listing every problem.

Checks the glossary (structure and OpenCC consistency), the proper names, the context rules
(each against its example and counterexample), every page's front matter (including case
reports against their schema), conversion markers, region blocks and region-bound statements,
and the vocabulary of both scripts. Titles and transliterated names missing from the
proper-names file, and pages due for review, are warnings, not problems.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from scripts import LANGUAGES
from scripts.checks.context_rules import behaviour_problems
from scripts.checks.glossary import opencc_problems, source_report
from scripts.checks.names import unlisted_names
from scripts.checks.region_statements import region_statement_problems
from scripts.checks.vocabulary import vocabulary_problems
from scripts.conversion.context_rules import CONTEXT_RULES_PATH, parse_context_rules
from scripts.conversion.convert import convert_markdown
from scripts.conversion.glossary import GLOSSARY_PATH, load_glossary, other_script, parse_glossary
from scripts.conversion.inline_rules import RULE, MarkerError
from scripts.conversion.proper_names import PROPER_NAMES_PATH, load_proper_names, parse_proper_names
from scripts.conversion.region_blocks import select_regions
from scripts.front_matter import review_due, split_front_matter
from scripts.pages.staging import PAGE_NAME, stage
from scripts.problems import Problem


def glossary_problems(path: Path = GLOSSARY_PATH) -> list[Problem]:
    """Everything wrong with the glossary file."""
    glossary, problems = parse_glossary(path)
    return problems + opencc_problems(glossary)


def proper_name_problems(path: Path = PROPER_NAMES_PATH,
                         glossary_path: Path = GLOSSARY_PATH) -> list[Problem]:
    """Everything wrong with the proper-names file, including a name the glossary would
    convert differently (the two files must agree)."""
    names, problems = parse_proper_names(path)
    glossary, _ = parse_glossary(glossary_path)
    for name in names:
        for lang in LANGUAGES:
            other = other_script(lang)
            for concept in glossary:
                if name.form(lang) in concept.recognised(lang) and concept.counterpart(
                        name.form(lang), other) != name.form(other):
                    problems.append(Problem(
                        names.path, f"'{name.form(lang)}' becomes '{name.form(other)}' here "
                        f"but '{concept.counterpart(name.form(lang), other)}' in the glossary "
                        f"({concept.en}, line {concept.line})", name.line,
                        hint="make the two files agree"))
    return problems


def name_warnings(docs_dir: Path, shown_prefix: str = "docs") -> list[Problem]:
    """Titles and transliterated names on pages that the proper-names file does not list."""
    names = load_proper_names()
    warnings: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = PAGE_NAME.match(path.name)
        if not name:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by staging
        shown = f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}"
        warnings += unlisted_names(text, name.group("lang"), shown, names)
    return warnings



def context_rule_problems(path: Path = CONTEXT_RULES_PATH) -> list[Problem]:
    """Everything wrong with the context-rules file: structure first, then (when every row is
    well formed) each rule against its example and counterexample."""
    rules, problems = parse_context_rules(path)
    return problems or behaviour_problems(rules)


def page_vocabulary_problems(docs_dir: Path, shown_prefix: str = "docs") -> list[Problem]:
    """Wrong-region words in each page as written and as converted (editor markers excluded)."""
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        name = PAGE_NAME.match(path.name)
        if not name:
            continue
        shown = f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported by staging
        lang = name.group("lang")
        try:
            own = select_regions(text, lang)
        except MarkerError:
            continue  # reported by staging
        problems += vocabulary_problems(own, lang, shown)
        problems += region_statement_problems(text, lang, shown)
        for target in LANGUAGES:
            counterpart = path.with_name(path.name.replace(f".{lang}.md", f".{target}.md"))
            if target == lang or counterpart.exists():
                continue
            try:
                converted = convert_markdown(RULE.sub("", text), target, lang)
            except MarkerError:
                continue
            problems += [Problem(p.path, f"after conversion to {target}: {p.message}", p.line,
                                 p.field, p.hint)
                         for p in vocabulary_problems(converted, target, shown)]
    return problems


def review_warnings(docs_dir: Path, today: dt.date | None = None,
                    shown_prefix: str = "docs") -> list[str]:
    """Pages whose next review falls within DUE_WITHIN_DAYS: a warning, not a failure (an
    overdue page is a problem from `page_problems` and fails the build)."""
    warnings = []
    for path in sorted(docs_dir.rglob("*.md")):
        try:
            parsed, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        except (OSError, UnicodeDecodeError):
            continue  # reported by staging
        due = review_due(parsed.meta, today) if parsed else None
        if due:
            line = parsed.field_lines.get("next_review")
            shown = f"{shown_prefix}/{path.relative_to(docs_dir).as_posix()}"
            warnings.append(f"warning: {shown}:{line} [next_review]: due for review on {due}; "
                            "check it against its sources and set new dates")
    return warnings


def run_checks(docs_dir: Path, glossary_path: Path = GLOSSARY_PATH,
               context_rules_path: Path = CONTEXT_RULES_PATH) -> list[Problem]:
    """All problems in the glossary, the context rules and the content under `docs_dir`."""
    problems = glossary_problems(glossary_path) + proper_name_problems(
        glossary_path=glossary_path)
    if not problems:
        problems = context_rule_problems(context_rules_path)
    if problems:
        return problems  # pages cannot be converted reliably with broken conversion data
    with tempfile.TemporaryDirectory(prefix="shenzhi-check-") as scratch:
        problems += stage(docs_dir, Path(scratch) / "docs", docs_dir.name).problems
    problems += page_vocabulary_problems(docs_dir, docs_dir.name)
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m scripts.checks", description=__doc__)
    parser.add_argument("--docs", default="docs", help="content folder (default: docs)")
    args = parser.parse_args(argv)
    problems = run_checks(Path(args.docs))
    for warning in review_warnings(Path(args.docs), shown_prefix=Path(args.docs).name):
        print(warning, file=sys.stderr)
    if not problems:
        for name_warning in name_warnings(Path(args.docs)):  # advice only: never fails the check
            print(f"warning: {name_warning}", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"\n{len(problems)} problem(s). Fix them and run `python -m scripts.checks` again.",
              file=sys.stderr)
        return 1
    print(source_report(load_glossary()))
    print("All content and data checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
