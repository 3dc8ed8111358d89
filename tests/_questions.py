"""What the question tests share: the shipped vocabulary, and short ways to find asks in a text and to align a
client's questions with a reply."""

from __future__ import annotations

from letterlint.mail.model import SourceText
from letterlint.text.answers import AnswerConfig, Alignment, align
from letterlint.text.asks import Ask, AskLexicon, find_asks, vocabulary
from letterlint.text.pipeline import analyse

PARAMS = vocabulary()   # the shipped vocabulary, thesaurus included
LEX = AskLexicon.from_params(PARAMS)
CFG = AnswerConfig.from_params({**PARAMS, "threshold": 0.58})


def source(text: str) -> SourceText:
    """A text as a letter's body, one source line per line."""
    return SourceText.from_lines("t", [(l, i + 1, 1) for i, l in enumerate(text.split("\n"))])


def asks_in(text: str) -> list[Ask]:
    return find_asks(analyse(source(text)), LEX)


def align_texts(question: str, answer: str) -> list[Alignment]:
    """The client's asks in ``question`` aligned with the reply ``answer``."""
    return align(asks_in(question), analyse(source(answer)), CFG, LEX)
