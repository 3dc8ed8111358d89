"""Every bundled rule proves itself: its ``bad`` examples fire, its ``good`` examples stay quiet.

The same check a team runs on its own rules with ``letterlint test-rules PATH``.
"""

from __future__ import annotations

import pytest

from letterlint.engine.examples import run_examples
from letterlint.engine.rule import bundled_rules

RULES = bundled_rules()


def test_rules_are_bundled() -> None:
    ids = {r.id for r in RULES}
    assert {"subject-changed", "reply-all", "subject-informative", "missing-attachment", "large-attachment"} <= ids


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_examples(rule) -> None:
    rule.impl.prepare(rule)
    failed = [r.describe() for r in run_examples(rule) if not r.ok]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_documented(rule) -> None:
    assert rule.explain.strip(), f"{rule.id}: no explain"
    assert rule.examples.good, f"{rule.id}: no good examples (traps prove precision)"
    assert rule.title and rule.message
