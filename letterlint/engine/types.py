"""Rule types: how a rule file's type-specific keys are validated, compiled and run.

Each type is a class with ``load(rule, spec, checker)`` (validate at load time, no model loaded), ``needs``,
``prepare`` (compile what needs spaCy, once, before the first letter), ``configure`` (a config's extra words and
allow-lists) and ``run(rule, ctx) -> Iterable[Hit]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import Hit, RuleContext
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker
    from letterlint.engine.yamlio import YMap


class RuleImpl:
    """Base of the compiled rule types."""

    type_name = ""
    default_needs: frozenset[str] = frozenset({"tokens", "morph"})

    @classmethod
    def load(cls, rule: "Rule", spec: "YMap", chk: "Checker") -> "RuleImpl":  # pragma: no cover - abstract
        raise NotImplementedError

    def needs(self, rule: "Rule") -> set[str]:
        return set(self.default_needs)

    def prepare(self, rule: "Rule") -> None:
        """Compile what needs a model (spaCy Matcher…). Called once per process before the first letter."""

    def configure(self, rule: "Rule", settings: Any, chk: "Checker") -> None:
        """Apply a config's extra ``words``/``allow`` for this rule (types that have no words reject them)."""
        if getattr(settings, "words", None):
            raise chk.fail(settings.line, f"правило {rule.id} (тип {rule.type}) не принимает «words»: слова есть только у lexicon")
        if getattr(settings, "allow", None) and not hasattr(self, "add_allow"):
            raise chk.fail(settings.line, f"правило {rule.id} (тип {rule.type}) не принимает «allow»")
        if getattr(settings, "allow", None):
            self.add_allow(settings.allow, chk, settings.line)  # type: ignore[attr-defined]

    def clone(self) -> "RuleImpl":
        import copy

        return copy.copy(self)

    def run(self, rule: "Rule", ctx: "RuleContext") -> Iterable["Hit"]:  # pragma: no cover - abstract
        raise NotImplementedError


def rule_type(name: str) -> type[RuleImpl]:
    from letterlint.engine.checktype import CheckRule
    from letterlint.engine.lexicon import Lexicon
    from letterlint.engine.metric import MetricRule
    from letterlint.engine.pattern import PatternRule

    return {"lexicon": Lexicon, "pattern": PatternRule, "metric": MetricRule, "check": CheckRule}[name]
