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


def answered(question: str, answer: str) -> bool:
    """Whether the reply ``answer`` answers the first question or request of ``question``."""
    return align_texts(question, answer)[0].answered


def rule_messages(rule_id: str, client: str, reply: str) -> list[str]:
    """The messages of the shipped rule ``rule_id`` on ``reply`` answering the client's letter ``client``."""
    from pathlib import Path

    from letterlint.engine import Config, Engine, load_rule_file
    from letterlint.engine.examples import example_letter

    rule = load_rule_file(Path(__file__).parent.parent / "rules" / f"{rule_id}.yaml")
    engine = Engine([rule], Config())
    letter, thread, params, _ = example_letter({"thread": [{"from": "Клиент <c@client.ru>", "text": client}],
                                                "from": "Менеджер <m@firm.ru>", "text": reply})
    engine.rules[0].params.update(params)
    return [f.message for f in engine.check(letter, thread)]
