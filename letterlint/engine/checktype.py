"""The ``check`` rule type: a built-in Python check (registered in letterlint.checks) with YAML params and messages.

    type: check
    check: subject-changed      # optional: the registered name; defaults to the rule id
    needs: [thread]             # what the check reads; header-only checks need no text analysis at all
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from letterlint.engine.types import RuleImpl

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.checks import Check
    from letterlint.engine.context import Hit, RuleContext
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker
    from letterlint.engine.yamlio import YMap


class CheckRule(RuleImpl):
    type_name = "check"

    def __init__(self, check: "Check") -> None:
        self.check = check

    @classmethod
    def load(cls, rule: "Rule", spec: "YMap", chk: "Checker") -> "CheckRule":
        from letterlint import checks

        name = chk.string(spec, "check", f"правило {rule.id}") or rule.id
        found = checks.get(name)
        if found is None:
            known = ", ".join(checks.names()) or "нет ни одной"
            raise chk.fail(spec.line_of("check") if "check" in spec else spec.line_of("type"),
                           f"правило {rule.id}: встроенной проверки «{name}» нет; есть: {known}")
        return cls(found)

    def needs(self, rule: "Rule") -> set[str]:
        return set(self.check.needs)

    def run(self, rule: "Rule", ctx: "RuleContext") -> Iterable["Hit"]:
        return self.check.fn(ctx) or ()

    def trace(self, rule: "Rule", ctx: "RuleContext") -> list[str]:
        return self.check.trace(ctx) if self.check.trace else []
