"""Context rules against their own examples and counterexamples, with the real converter.

Lives here, not beside the rules, because it needs the converter, which itself loads the rules.
"""

from __future__ import annotations

from scripts.conversion.context_rules import ContextRule, ContextRules
from scripts.conversion.convert import convert_markdown
from scripts.problems import Problem


def behaviour_problems(rules: ContextRules) -> list[Problem]:
    """Each rule against its own example and counterexample, with the real converter."""
    problems: list[Problem] = []
    for rule in rules:
        def problem(column: str, message: str, hint: str, rule: ContextRule = rule) -> None:
            problems.append(Problem(rules.path, f"{rule.id}: {message}", rule.line, column, hint))

        found = rule.regex.search(rule.example)
        if found is None:
            problem("example", "the pattern does not match its example",
                    "give a sentence in which the rule applies, or widen the context")
        else:
            got = convert_markdown(rule.example, rule.target, rules=rules)
            if got != rule.expected:
                problem("expected", f"the example converts to '{got}', not to the expected text",
                        "fix the rule, or write the full conversion of the example as expected")
            elif (again := convert_markdown(got, rule.target, rules=rules)) != got:
                problem("expected", f"converting the expected text again gives '{again}'",
                        "text already in the target script must stay as it is; narrow the "
                        "pattern so it does not match target-script text")
            if found.group(0) not in rule.counterexample:
                problem("counterexample", f"the counterexample does not contain "
                        f"'{found.group(0)}'", "give a sentence with the same word where the "
                        "rule must not apply")
        if rule.regex.search(rule.counterexample):
            problem("counterexample", "the rule changes its counterexample",
                    "narrow the context so the ordinary conversion applies there")
    return problems
