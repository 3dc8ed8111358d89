"""The thesaurus keeps the rules its header states: every word a pymorphy3 normal form, each word in one group."""

from collections import Counter
from importlib import resources

import pymorphy3
import yaml

from letterlint.text.normalize import norm


def _groups() -> list[list[str]]:
    text = resources.files("letterlint.data").joinpath("synonyms.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["groups"]


def test_each_word_stands_in_one_group() -> None:
    counts = Counter(w for g in _groups() for w in g)
    assert [w for w, n in counts.items() if n > 1] == []


def test_every_word_is_a_normal_form() -> None:
    m = pymorphy3.MorphAnalyzer()
    wrong = [w for g in _groups() for w in g for part in w.split()
             if part.isalpha() and norm(part) not in {norm(p.normal_form) for p in m.parse(part)}]
    assert wrong == []


def test_groups_are_small_and_not_empty() -> None:
    assert all(2 <= len(g) <= 12 for g in _groups())
