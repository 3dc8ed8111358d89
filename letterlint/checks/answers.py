"""«Сколько вопросов, столько ответов»: the five rules that read the client's letter against the draft.

unanswered-question, answer-order and unreported-request align the client's questions and requests (their
latest letter, new text only) with the draft's sentences; numbered-questions looks at the questions the draft
asks; asked-again at what the draft asks that the thread already gave. The vocabulary is YAML
(letterlint/data/questions.yaml, overridable per rule in params); the questions of one client letter are found
once per letter and shared by all five rules.
"""

from __future__ import annotations

import json
import re
import weakref
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable


from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text import extras
from letterlint.text.layout import shorten
from letterlint.text.phrases import inside
from letterlint.text.asks import squash
from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.mail.model import Message
    from letterlint.text.answers import Alignment, AnswerConfig
    from letterlint.text.asks import Ask, AskLexicon

_CACHE: "weakref.WeakKeyDictionary[Any, dict[Any, Any]]" = weakref.WeakKeyDictionary()


def _vocabulary() -> dict[str, Any]:
    from letterlint.text.asks import vocabulary

    return vocabulary()


@dataclass(frozen=True)
class _Setup:
    """The vocabulary merged with one rule's params, compiled once per distinct params."""

    key: str
    params: dict[str, Any]
    lex: "AskLexicon"
    cfg: "AnswerConfig"


_SETUPS: dict[str, _Setup] = {}


def _setup(ctx: "RuleContext") -> _Setup:
    from letterlint.text.answers import AnswerConfig
    from letterlint.text.asks import AskLexicon

    own = {k: v for k, v in ctx.params.items() if v is not None}
    key = json.dumps(own, sort_keys=True, ensure_ascii=False, default=str)
    if key not in _SETUPS:
        params = {**_vocabulary(), **own}
        lex, cfg = AskLexicon.from_params(params), AnswerConfig.from_params(params)
        # what is shared between rules (asks, alignments) depends on the vocabulary, not on every param
        shared = f"{hash(lex.fingerprint)}:{hash(repr(cfg))}"
        _SETUPS[key] = _Setup(shared, params, lex, cfg)
    return _SETUPS[key]


def _shared(ctx: "RuleContext", what: str, make: Any) -> Any:
    """A result computed once per letter for every rule with the same params (rules usually share them)."""
    st = _CACHE.setdefault(ctx.run, {})
    key = (what, _setup(ctx).key)
    if key not in st:
        st[key] = make()
    return st[key]


def client_letter(ctx: "RuleContext") -> "Message | None":
    """The letter the draft answers: the latest one not from us — unless the draft does not go to its author
    (forwarding a venue's letter to the client does not answer the venue's questions)."""
    msg = ctx.answered(ctx.me())
    letter = ctx.letter
    recipients = {a.addr.lower() for a in (*letter.to, *letter.cc) if a.addr}
    if msg is not None and msg.sender and msg.sender.addr and recipients and \
            msg.sender.addr.lower() not in recipients and (letter.forwarded or letter.is_reply):
        return None
    return msg


def client_asks(ctx: "RuleContext") -> tuple["Message | None", list["Ask"]]:
    """The questions and requests of the letter being answered (found once per letter)."""
    from letterlint.text.asks import find_asks

    def make() -> tuple["Message | None", list["Ask"]]:
        msg = client_letter(ctx)
        if msg is None or not msg.text:
            return msg, []
        asks = find_asks(ctx.analysed(msg.text), _setup(ctx).lex)
        return msg, [a for a in asks if not _quotes_us(a, ctx)]

    return _shared(ctx, "client_asks", make)


def draft_asks(ctx: "RuleContext") -> list["Ask"]:
    """The questions and requests the draft itself asks the client (found once per letter)."""
    from letterlint.text.asks import find_asks

    src = ctx.letter.new_text

    def make() -> list["Ask"]:
        # (the client's questions the draft quotes inline — «> Когда будет доставка?» — are not ours)
        cited = ctx.cited(src)
        return [a for a in find_asks(ctx.analysed(src), _setup(ctx).lex) if not inside((a.start, a.start + 1), cited)]

    return _shared(ctx, "draft_asks", make) if src else []


def _quotes_us(ask: "Ask", ctx: "RuleContext") -> bool:
    """A question the client copied from one of our earlier letters is ours, not theirs."""
    me = ctx.me()
    key = squash(ask.text)
    if len(key) < 12:
        return False
    return any(m.sender and m.sender in me and key in squash(m.text.text) for m in ctx.earlier())


def alignments(ctx: "RuleContext") -> list["Alignment"]:
    from letterlint.text.answers import align

    def make() -> list["Alignment"]:
        _, asks = client_asks(ctx)
        setup = _setup(ctx)
        src = ctx.letter.new_text
        return align(asks, ctx.analysed(src), setup.cfg, setup.lex, ctx.cited(src)) if asks else []

    return _shared(ctx, "alignments", make)


def _hit(msg: "Message", ask: "Ask", al: "Alignment | None" = None, near: float = 1.0, near_severity: str = "") -> Hit:
    from letterlint.text.answers import veto_text

    best = al.best.text.strip() if al and al.best else ""
    vetoes = al.vetoes if al else []
    hit = Hit.span(msg.text, ask.start, ask.end, question=ask.text, best=_short(best, 70),
                   score=al.score if al else 0.0, reasons="; ".join(al.reasons) if al else "",
                   why=veto_text(vetoes) or "мало общего с вопросом",
                   why_en=veto_text(vetoes, "en") or "little in common")
    if al is not None and best and al.score >= near:
        hit.message = "near"    # a candidate came close: show it, so the manager sees at once whether it answers
        hit.severity_cap = near_severity or None
    return hit


def _short(s: str, n: int = 90) -> str:
    return shorten(s, n)


def trace_alignments(ctx: "RuleContext") -> list[str]:
    """For `letterlint explain RULE FILE`: every client question and request, where the draft answers it
    (the best sentence), the score against the threshold, and why."""
    msg, asks = client_asks(ctx)
    if msg is None:
        return ["Письмо клиента, на которое вы отвечаете, не найдено: передайте его через --thread "
                "или оставьте цитату в черновике."]
    where = _where(msg)
    if not asks:
        return [f"В письме клиента ({where}) нет вопросов и просьб."]
    threshold = _setup(ctx).cfg.threshold
    lines = [f"Письмо клиента: {where}; порог ответа {threshold:.2f}.", ""]
    for n, al in enumerate(alignments(ctx), 1):
        kind = "вопрос" if al.ask.kind == "question" else "просьба"
        verdict = ("отложено с датой" if al.deferred else "есть ответ") if al.answered else "НЕТ ОТВЕТА"
        lines.append(f"{n}. [{kind}] «{_short(al.ask.text, 100)}»")
        lines.append(f"   {verdict}: оценка {al.score:.2f}; ждём ответ вида «{_type_ru(al.ask.answer_type)}»")
        if al.best is not None:
            lines.append(f"   лучшее место в черновике: «{_short(al.best.text, 100)}»")
        if al.reasons:
            lines.append(f"   почему: {'; '.join(al.reasons)}")
    return lines


def _where(msg: "Message") -> str:
    sender = f" от {msg.sender}" if msg.sender else ""
    return (msg.text.path if msg.origin == "file" else "цитата в черновике") + sender


def _type_ru(t: str) -> str:
    from letterlint.text.answers import _TYPE_RU

    return _TYPE_RU.get(t, t)


def trace_draft_asks(ctx: "RuleContext") -> list[str]:
    """For `letterlint explain`: the questions and requests the draft itself puts to the client."""
    asks = draft_asks(ctx)
    if not asks:
        return ["В черновике нет вопросов и просьб к клиенту."]
    out = ["Вопросы и просьбы черновика к клиенту:"]
    for a in asks:
        where = f"пункт {a.number}" + (" (маркер, не номер)" if a.bulleted else "") if a.number else "в тексте"
        out.append(f"  - [{'вопрос' if a.kind == 'question' else 'просьба'}, {where}] «{_short(a.text, 100)}»")
    return out


def _not_answered(ctx: "RuleContext", kind: str) -> Iterable[Hit]:
    """One hit per ask left open; a sentence that asks two questions («Сколько человек приедет и сколько это
    займёт?») with neither answered is one hit on the whole sentence, as the client wrote it."""
    msg, _ = client_asks(ctx)
    every = alignments(ctx)
    missed = [al for al in every if al.ask.kind == kind and not al.answered and not al.ask.standing]
    asked = Counter(al.ask.sentence for al in every)
    left_open = Counter(al.ask.sentence for al in missed)
    done: set[tuple[int, int]] = set()
    for al in missed:
        whole = al.ask.sentence
        if whole is not None and left_open[whole] == asked[whole]:
            if whole not in done:
                done.add(whole)
                text = msg.text.text[whole[0]:whole[1]].strip()
                yield Hit.span(msg.text, whole[0], whole[1], question=text, best="", score=al.score,
                               reasons="; ".join(al.reasons))
            continue
        yield _hit(msg, al.ask, al, float(ctx.params.get("near_score", 1.0)), str(ctx.params.get("near_severity", "")))


@register("unanswered-question", needs=("thread", "morph"), trace=trace_alignments)
def unanswered_question(ctx: "RuleContext") -> Iterable[Hit]:
    """One finding per client question with no answer (or honest deferral) in the draft."""
    return _not_answered(ctx, "question")


@register("unreported-request", needs=("thread", "morph"), trace=trace_alignments)
def unreported_request(ctx: "RuleContext") -> Iterable[Hit]:
    """One finding per client request the draft neither reports done nor gives a date for."""
    return _not_answered(ctx, "request")


@register("answer-order", needs=("thread", "morph"), trace=trace_alignments)
def answer_order(ctx: "RuleContext") -> Iterable[Hit]:
    """One finding per letter whose answers come in another order than the questions."""
    from letterlint.text.answers import answer_order_broken

    als = [a for a in alignments(ctx) if a.ask.kind == "question"]
    pair = answer_order_broken(als, float(ctx.params.get("min_score", 0.0) or 0.0))
    if pair:
        first, second = pair
        src = ctx.letter.new_text
        yield Hit.span(src, second.best.start, second.best.end, question=second.ask.text, earlier=first.ask.text,
                       best=_short(second.best.text))


@register("numbered-questions", needs=("morph",), trace=trace_draft_asks)
def numbered_questions(ctx: "RuleContext") -> Iterable[Hit]:
    """The draft asks the client two or more questions outside a numbered list."""
    # a dashed or bulleted list gives the client nothing to cite («по пункту 2»): only numbers count
    follow_ups = tuple(squash(str(x)) for x in ctx.params.get("follow_up_openers", []))
    # questions with «?» only: requests and indirect asks of the draft («Подтвердите дату…») are not what the
    # client would answer «по пункту 2»
    asks = [a for a in draft_asks(ctx) if a.kind == "question" and (a.number is None or a.bulleted)
            and a.marked and not (follow_ups and squash(a.text).startswith(follow_ups))]
    if len(asks) >= int(ctx.params.get("min_questions", 2)):
        second = asks[1]
        yield Hit.span(ctx.letter.new_text, second.start, second.end, count=len(asks), question=second.text)


@register("asked-again", needs=("thread", "morph"), trace=trace_draft_asks)
def asked_again(ctx: "RuleContext") -> Iterable[Hit]:
    """The draft asks for something (ИНН, deadline, budget…) a client letter in the thread already gave."""
    src = ctx.letter.new_text
    me = ctx.me()
    given_texts = [m.text.text for m in ctx.earlier() if not (m.sender and m.sender in me)]
    if not src or not given_texts:
        return
    from letterlint.text.given import confirms, figure_given

    at = ctx.analysed(src)
    params = _setup(ctx).params
    asks = [a for a in draft_asks(ctx) if not confirms(a, [str(c) for c in params.get("confirmations", [])])]
    reported: set[int] = set()
    for fact in params.get("facts", []):
        given = re.compile(fact["given"], re.I | re.M)
        if not any(given.search(t) for t in given_texts):
            continue
        keys = [k.lower().replace("ё", "е").split() for k in fact["ask"]]
        # «юридический адрес» is not the site address the client gave: words that make it another thing
        other = {norm(w) for w in fact.get("not_when", [])}
        for ask in asks:
            if ask.start in reported:
                continue   # one finding per question, even when two facts fit it
            words = _ask_lemmas(at, ask)
            if any(all(k in words for k in key) for key in keys) and not other & words:
                reported.add(ask.start)
                yield Hit.span(src, ask.start, ask.end, fact=fact["name"], question=ask.text)
                break
    figures = {k: re.compile(str(v), re.I) for k, v in (params.get("given_figures") or {}).items()}
    time_of_day = [str(p) for p in params.get("time_of_day", [])]
    units = {norm(k): str(v) for k, v in (params.get("given_units") or {}).items()}
    letters = [ctx.analysed(m.text) for m in ctx.earlier() if not (m.sender and m.sender in me)]
    for ask in asks:
        if ask.start in reported:
            continue
        given = figure_given(ask, letters, _setup(ctx).cfg, figures, time_of_day, _setup(ctx).lex.type_nouns.keys(),
                             units)
        if given:
            reported.add(ask.start)
            yield Hit.span(src, ask.start, ask.end, fact=f"«{_short(given, 60)}»", question=ask.text)


def _ask_lemmas(at: Any, ask: "Ask") -> set[str]:
    span = at.doc.char_span(ask.start, ask.end, alignment_mode="expand")
    out: set[str] = set()
    for t in span or []:
        out.update(extras.lemmas(t) or (extras.form(t),))
        out.add(extras.form(t))
    return out
