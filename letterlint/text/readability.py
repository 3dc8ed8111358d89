"""Readability of Russian text: Flesch reading ease in Oborneva's adaptation (DESIGN §7).

    FRE = 206.835 − 1.3 · ASL − 60.1 · ASW

ASL is the average number of words per sentence, ASW the average number of syllables per word; a Russian
syllable is a vowel (а е ё и о у ы э ю я; Latin vowels count too, for brand names). Higher is easier: 80+
reads like a short friendly letter, below 30 like a contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.mail.model import SourceText

VOWELS = re.compile(r"[аеёиоуыэюяaeiouy]", re.I)


def syllables(word: str) -> int:
    return len(VOWELS.findall(word))


def oborneva(words: int, sentences: int, syllable_count: int) -> float:
    """Flesch reading ease for Russian from the three counts (0 words → 0.0)."""
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.3 * (words / sentences) - 60.1 * (syllable_count / words)


@dataclass(frozen=True)
class Readability:
    score: float          # rounded to one decimal
    words: int
    sentences: int
    syllables: int

    @property
    def asl(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def asw(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    def as_dict(self) -> dict:
        return {"score": self.score, "words": self.words, "sentences": self.sentences,
                "words_per_sentence": round(self.asl, 1), "syllables_per_word": round(self.asw, 2)}


def readability(source: "SourceText") -> Readability | None:
    """The readability of a text (None when it has no words), sentences as the text layer splits them."""
    from letterlint.text.pipeline import analyse

    if not source.text.strip():
        return None
    at = analyse(source, ("tokens",))
    words = [t.text for t in at.words() if any(c.isalnum() for c in t.text)]
    sents = [x for x in at.sentences() if any(c.isalnum() for c in at.text[x[0]:x[1]])]
    if not words or not sents:
        return None
    syl = sum(syllables(w) for w in words)
    return Readability(round(oborneva(len(words), len(sents), syl), 1), len(words), len(sents), syl)
