"""Precision and recall of each rule on the labelled letters in fixtures/cases/ (DESIGN §8).

Add your rule's thresholds to THRESHOLDS when its cases are in. The table is printed (pytest -s, or on failure);
`python -m letterlint.engine.scoring fixtures/cases` prints the same table as Markdown for the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from letterlint.engine.scoring import markdown_table, run_cases

CASES = Path(__file__).resolve().parent.parent / "fixtures" / "cases"

# rule id → (minimum precision, minimum recall, minimum number of cases that score it)
THRESHOLDS: dict[str, tuple[float, float, int]] = {
    "subject-changed": (0.95, 0.9, 20),
    "reply-all": (0.95, 0.9, 20),
    "subject-informative": (0.95, 0.9, 20),
    "missing-attachment": (0.95, 0.9, 20),
    "large-attachment": (0.95, 0.9, 8),
    # questions answered (issue 4)
    "unanswered-question": (0.85, 0.85, 40),
    **{rule: (0.8, 0.8, 40) for rule in ("answer-order", "unreported-request", "numbered-questions", "asked-again")},
    "call-to-action": (0.9, 0.85, 40),
    "closing": (0.85, 0.8, 40),
    "long-sentence": (0.85, 0.8, 40),
    "letter-length": (0.85, 0.8, 40),
    "price-breakdown": (0.85, 0.8, 40),
    "call-summary": (0.85, 0.8, 40),
    "meeting-invite": (0.85, 0.8, 40),
    "slow-reply": (0.85, 0.8, 40),
    # wording (issue 5): precision 0.9 / recall 0.8 on every labelled letter
    **{rule: (0.9, 0.8, 80) for rule in ("kitchen", "jargon", "abbreviation", "officialese", "filler-words",
                                          "rudeness", "familiarity", "helpless-phrase", "vague-deadline")},
}


@pytest.fixture(scope="module")
def scores():
    s = run_cases(CASES, THRESHOLDS)   # only the rules with thresholds run: keeps the suite fast
    print("\n" + markdown_table(s))
    return s


def test_every_case_reads(scores) -> None:
    broken = [f"{c.name}: {c.error}" for c in scores.cases if c.error]
    assert not broken, "\n".join(broken)


# Session 6 audited the 162 question-set letters (qh, qx, qz, qv, qu, qt) for every other rule as well. The audit
# found false alarms these rules did not show on the letters they were tuned on; they stay below their bars until
# fixed (figures and the list of false alarms: README, «Rules and their precision and recall»). strict: the test
# fails as soon as a rule is back above its bar, so the mark is removed then. Session 7 brought all five
# (price-breakdown, call-to-action, jargon, meeting-invite, missing-attachment) back above their bars.
BELOW_BAR_SINCE_AUDIT: dict[str, str] = {}


@pytest.mark.parametrize("rule", [
    pytest.param(r, marks=pytest.mark.xfail(strict=True, reason=BELOW_BAR_SINCE_AUDIT[r]))
    if r in BELOW_BAR_SINCE_AUDIT else r for r in sorted(THRESHOLDS)])
def test_rule_scores(scores, rule: str) -> None:
    min_p, min_r, min_cases = THRESHOLDS[rule]
    s = scores.rules.get(rule)
    assert s is not None, f"{rule}: no labelled case mentions it"
    problems = "\n".join(scores.problems([rule]))
    assert s.cases >= min_cases, f"{rule}: only {s.cases} cases"
    assert s.precision >= min_p, f"{rule}: precision {s.precision:.2f} < {min_p}\n{problems}\n{markdown_table(scores)}"
    assert s.recall >= min_r, f"{rule}: recall {s.recall:.2f} < {min_r}\n{problems}\n{markdown_table(scores)}"


QUESTION_RULES = ("unanswered-question", "answer-order", "unreported-request", "numbered-questions", "asked-again")


@pytest.mark.parametrize("folder", ["dev", "heldout"])
def test_question_sets_outside_the_bars_read_and_are_fully_labelled(folder: str) -> None:
    """fixtures/dev (blind sets already used for fixing) and fixtures/heldout (never looked at) carry no bars —
    their figures are in the README — but every case must read and label all five question rules, or the
    figures would silently count less than they claim."""
    root = CASES.parent / folder
    s = run_cases(root, QUESTION_RULES)
    assert [c.name for c in s.cases if c.error] == []
    assert len(s.cases) >= 30
    for rule in QUESTION_RULES:
        assert s.rules[rule].cases == len(s.cases), rule
