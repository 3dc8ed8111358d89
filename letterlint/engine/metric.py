"""The ``metric`` rule type: a built-in measurement compared with thresholds in ``params``.

    type: metric
    metric: sentence_words          # one of MEASURES below
    params: {max: 25}               # ``max`` and/or ``min``; a finding when the value is above max / below min
    message: "Слов в предложении: {value} (больше {max})."

A measure yields (value, start, end) per unit it measures: the whole scope (``words``, ``sentences``,
``readability``, ``chars``) or each sentence/paragraph (``sentence_words``, ``paragraph_words``), so the finding
points at the long sentence, not at the letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from letterlint.engine.context import Hit
from letterlint.engine.types import RuleImpl

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker
    from letterlint.engine.yamlio import YMap
    from letterlint.text.pipeline import AnalysedText

Unit = tuple[float, int, int]
_VOWELS = re.compile(r"[аеёиоуыэюяaeiouy]", re.I)
_LIST_RE = re.compile(r"^\s*(\d{1,2}[.)]|[-•*—–])\s")


@dataclass
class Measure:
    fn: Callable[["AnalysedText", int, int, dict], Iterator[Unit]]
    needs: frozenset[str]
    doc: str


MEASURES: dict[str, Measure] = {}


def measure(name: str, doc: str, needs: Iterable[str] = ("tokens",)) -> Callable:
    def deco(fn: Callable) -> Callable:
        MEASURES[name] = Measure(fn, frozenset(needs), doc)
        return fn
    return deco


def _words(at: "AnalysedText", start: int, end: int) -> list:
    return [t for t in at.words() if start <= t.idx < end and any(c.isalnum() for c in t.text)]


def _trimmed(at: "AnalysedText", start: int, end: int) -> tuple[int, int]:
    text = at.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@measure("words", "число слов в тексте")
def _m_words(at: "AnalysedText", start: int, end: int, params: dict) -> Iterator[Unit]:
    s, e = _trimmed(at, start, end)
    if s < e:
        yield float(len(_words(at, start, end))), s, e


@measure("sentences", "число предложений в тексте")
def _m_sentences(at: "AnalysedText", start: int, end: int, params: dict) -> Iterator[Unit]:
    sents = [x for x in at.sentences() if start <= x[0] < end]
    if sents:
        yield float(len(sents)), sents[0][0], sents[-1][1]


@measure("sentence_words", "число слов в каждом предложении (пункты списков не считаются)")
def _m_sentence_words(at: "AnalysedText", start: int, end: int, params: dict) -> Iterator[Unit]:
    for s, e in at.sentences():
        if s < start or s >= end:
            continue
        if params.get("skip_lists", True) and _LIST_RE.match(at.text[s:e]):
            continue
        yield float(len(_words(at, s, e))), s, e


@measure("paragraph_words", "число слов в каждом абзаце")
def _m_paragraph_words(at: "AnalysedText", start: int, end: int, params: dict) -> Iterator[Unit]:
    text = at.text
    for m in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text[start:end]):
        s, e = _trimmed(at, start + m.start(), start + m.end())
        if s < e:
            yield float(len(_words(at, s, e))), s, e


@measure("readability", "индекс удобочитаемости Флеша в адаптации Оборневой (больше — проще)")
def _m_readability(at: "AnalysedText", start: int, end: int, params: dict) -> Iterator[Unit]:
    words = _words(at, start, end)
    sents = [x for x in at.sentences() if start <= x[0] < end]
    if len(words) < int(params.get("min_words", 30)) or not sents:
        return
    asl = len(words) / len(sents)
    asw = sum(len(_VOWELS.findall(t.text)) for t in words) / len(words)
    fre = 206.835 - 1.3 * asl - 60.1 * asw
    s, e = _trimmed(at, start, end)
    yield round(fre, 1), s, e


@measure("chars", "число знаков в тексте", needs=())
def _m_chars(at: "AnalysedText", start: int, end: int, params: dict) -> Iterator[Unit]:
    s, e = _trimmed(at, start, end)
    if s < e:
        yield float(e - s), s, e


class MetricRule(RuleImpl):
    type_name = "metric"

    def __init__(self) -> None:
        self.name = ""

    @classmethod
    def load(cls, rule: "Rule", spec: "YMap", chk: "Checker") -> "MetricRule":
        self = cls()
        where = f"правило {rule.id}"
        name = chk.string(spec, "metric", where, choices=sorted(MEASURES))
        if not name:
            raise chk.fail(spec.line, f"{where}: у правила типа metric нужен ключ «metric»: {', '.join(sorted(MEASURES))}")
        self.name = name
        if "max" not in rule.params and "min" not in rule.params:
            raise chk.fail(spec.line_of("params"), f"{where}: у метрики нужен порог: params.max и/или params.min")
        for k in ("max", "min"):
            v = rule.params.get(k)
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                raise chk.fail(spec.line_of("params"), f"{where}: params.{k} должен быть числом")
        return self

    def needs(self, rule: "Rule") -> set[str]:
        n = set(MEASURES[self.name].needs)
        return n | {"morph"} if n else {"tokens"}

    def run(self, rule: "Rule", ctx: "RuleContext") -> Iterable[Hit]:
        src, start, end = ctx.scope()
        if not src.text.strip() or start >= end:
            return
        at = ctx.analysed(src)
        hi, lo = ctx.params.get("max"), ctx.params.get("min")
        for value, s, e in MEASURES[self.name].fn(at, start, end, ctx.params):
            if (hi is not None and value > hi) or (lo is not None and value < lo):
                shown = int(value) if float(value).is_integer() else value
                yield Hit.span(src, s, e, value=shown)
