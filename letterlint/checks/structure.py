"""How a letter is built (DESIGN §2): call-to-action, closing, long-sentence, letter-length, price-breakdown.

All five read only the author's words: the new text without the sign-off («С уважением,», name, position,
contacts — found by letterlint.text.layout even when the reader left them in the new text) and without «>»
citations. Phrase lists and thresholds are the rules' YAML params over letterlint/data/structure.yaml.
The invitation, call-summary and reply-time rules are in structure_meeting.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text.layout import draft_body, has_phrase, rule_params

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.text.layout import Body

_params = rule_params      # the structure rules' shared helpers, under the short names the checks use
_body = draft_body
_has = has_phrase


def _short(s: str, n: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _is_ps(text: str) -> bool:
    return bool(re.match(r"^\s*(?:p\.?\s?s\.?|п\.?\s?с\.?)(?:\W|$)", text, re.I))


def _ending(body: "Body") -> list[tuple[int, int]]:
    """The sentences of the body without a trailing P.S."""
    sents = list(body.sentences)
    while len(sents) > 1 and _is_ps(body.text[sents[-1][0]:sents[-1][1]]):
        sents.pop()
    return sents


def _is_courtesy(body: "Body", s: int, e: int, phrases: list[str], max_words: int) -> bool:
    """«Спасибо!», «Хорошего дня!», «Спасибо за терпение!»: thanks or wishes and little else."""
    return len(body.words(s, e)) <= max_words and _has(body, phrases, s, e)


# --- closing ------------------------------------------------------------------------------------------------

@register("closing", needs=("morph",))
def closing(ctx: "RuleContext") -> Iterable[Hit]:
    """The letter ends without thanks or good wishes (the sign-off «С уважением» is not one)."""
    body = _body(ctx)
    if body is None:
        return
    p = _params(ctx)
    sents = _ending(body)
    if len(body.words()) < int(p.get("min_words", 8)):
        return
    phrases = list(p.get("closing_phrases") or [])
    last = sents[-max(1, int(p.get("closing_sentences", 2))):]
    if any(_has(body, phrases, s, e) for s, e in last):
        return
    # a wish written as the sign-off line («Всего доброго,») or right under the text without punctuation
    tail = body.text[body.end:]
    head = "\n".join(line for line in tail.strip().split("\n")[:2])
    if head and _has(body, phrases, body.end, body.end + tail.find(head) + len(head)):
        return
    sig = ctx.letter.signature        # the reader may have split the sign-off off already
    if sig and _signature_wish(ctx, sig, phrases):
        return
    s, e = sents[-1]
    yield Hit.span(ctx.letter.new_text, s, e, last=_short(body.text[s:e]))


def _signature_wish(ctx: "RuleContext", sig: Any, phrases: list[str]) -> bool:
    from letterlint.text.layout import phrase_hits

    text = sig.text.lstrip()
    first = text.split("\n", 1)[0]
    if not first.strip():
        return False
    at = ctx.analysed(sig)
    off = len(sig.text) - len(text)
    return bool(phrase_hits(at, phrases, off, off + len(first)))


# --- call to action -----------------------------------------------------------------------------------------

def _draft_asks(ctx: "RuleContext", body: "Body") -> list:
    from letterlint.text.asks import default_lexicon, find_asks

    return find_asks(body.at, default_lexicon())   # found once per text and vocabulary, shared with answers


def _real_request(body: "Body", ask: Any) -> bool:
    """A request with a real imperative: not a past-tense homograph («не нашли» is not «нашли, пожалуйста»)."""
    span = body.at.doc.char_span(ask.start, ask.end, alignment_mode="expand") or []
    for t in span:
        oc_any = set(t._.oc_any)
        if "impr" in oc_any and "past" not in oc_any and "PREP" not in oc_any:
            return True
        if {"просить", "мочь", "смочь"} & set(t._.lemmas) and not t.is_punct:
            return True
    return False


_NOT_A_STEP = frozenset({"извинить", "простить", "представить", "согласиться"})


def _step_after_clause(body: "Body", s: int, e: int) -> bool:
    """An imperative opening a clause after a comma or dash, which the question finder leaves alone when the
    verb is far from the start of the sentence: «Если к выставке нужна часть каталога раньше, напишите до
    среды», «Могу поставить бронь на неделю — напишите только «да»»."""
    span = [t for t in body.at.doc.char_span(s, e, alignment_mode="expand") or [] if not t.is_space]
    for i, t in enumerate(span[1:], 1):
        if span[i - 1].text not in (",", "—", "–", "-", ":"):
            continue
        oc_any = set(t._.oc_any)
        if ("impr" in oc_any and "past" not in oc_any and "incl" not in oc_any
                and t._.norm.endswith(("ите", "йте", "ьте")) and not set(t._.lemmas) & _NOT_A_STEP):
            return True
    return False


@register("call-to-action", needs=("morph",))
def call_to_action(ctx: "RuleContext") -> Iterable[Hit]:
    """The last sentences before the sign-off give the client no next step."""
    body = _body(ctx)
    if body is None:
        return
    p = _params(ctx)
    if len(body.words()) < int(p.get("min_words", 10)):
        return
    courtesy = list(p.get("closing_phrases") or [])
    sents = _ending(body)
    max_courtesy = int(p.get("courtesy_max_words", 6))
    while len(sents) > 1 and _is_courtesy(body, *sents[-1], courtesy, max_courtesy):
        sents.pop()
    window = sents[-max(1, int(p.get("closing_sentences", 3))):]
    weak_phrases = list(p.get("weak_phrases") or [])
    cta_phrases = list(p.get("cta_phrases") or [])
    asks = _draft_asks(ctx, body)
    weak_at = None
    for s, e in window:
        if _has(body, weak_phrases, s, e):
            weak_at = (s, e)
            continue          # «Обращайтесь, если будут вопросы» is an imperative, not a next step
        if _has(body, cta_phrases, s, e):
            return
        if any(s <= a.start < e and (a.kind == "question" or _real_request(body, a)) for a in asks):
            return
        if _step_after_clause(body, s, e):
            return
    s, e = weak_at or window[-1]
    hit = Hit.span(ctx.letter.new_text, s, e, last=_short(body.text[s:e]))
    if weak_at:
        hit.message = "weak"
    yield hit


# --- length -------------------------------------------------------------------------------------------------

@register("long-sentence", needs=("morph",))
def long_sentence(ctx: "RuleContext") -> Iterable[Hit]:
    """A sentence of the author's words over ``max`` words (list items, citations and the sign-off excluded)."""
    from letterlint.text.layout import is_list_item

    body = _body(ctx)
    if body is None:
        return
    p = _params(ctx)
    limit = int(p.get("max", 25))
    for s, e in body.sentences:
        if p.get("skip_lists", True) and is_list_item(body.text[s:e]):
            continue
        n = len(body.words(s, min(e, body.end)))
        if n > limit:
            yield Hit.span(ctx.letter.new_text, s, min(e, body.end), value=n)


@register("letter-length", needs=("morph",))
def letter_length(ctx: "RuleContext") -> Iterable[Hit]:
    """The author's words (no quotes, no signature) are over ``max`` words; points where the limit is passed."""
    body = _body(ctx)
    if body is None:
        return
    limit = int(_params(ctx).get("max", 300))
    words = body.words()
    if len(words) <= limit:
        return
    at = words[limit].idx
    s, e = next(((s, e) for s, e in body.sentences if s <= at < e), (at, at + len(words[limit].text)))
    yield Hit.span(ctx.letter.new_text, s, e, value=len(words))


# --- price --------------------------------------------------------------------------------------------------

@register("price-breakdown", needs=("morph",))
def price_breakdown(ctx: "RuleContext") -> Iterable[Hit]:
    """A price is named and the letter nowhere says what it includes (one finding, at the first price)."""
    from letterlint.text.layout import is_list_item, overlaps
    from letterlint.text.money import DEFAULT_CURRENCIES, find_money

    body = _body(ctx)
    if body is None:
        return
    p = _params(ctx)
    text = body.text
    currencies = tuple(p.get("currencies") or DEFAULT_CURRENCIES)
    price_words = list(p.get("price_words") or [])
    not_price = list(p.get("not_price_words") or [])
    included = list(p.get("included_phrases") or [])
    if _has(body, included, body.start, body.end):
        return
    sents = body.sentences
    first = None
    for k, (s, e) in enumerate(sents):
        money = [m for m in find_money(text, currencies, s, e) if not overlaps(m.start, m.end, body.skip)]
        if not money or _has(body, not_price, s, e):
            continue
        priced = _has(body, price_words, s, e) or any(
            re.search(r"(?:[—–-]|\bза)\s*(?:от\s+)?$", text[s:m.start]) for m in money)
        if not priced:
            continue
        after = text[money[0].end:e]
        if re.search(r":\s*\S.*(?:,|\sи\s)", after):       # «За 42 000 ₽ сделаем: перенос, настройку и обучение»
            continue
        if text[s:e].rstrip().endswith(":") or (k + 1 < len(sents) and is_list_item(text[sents[k + 1][0]:sents[k + 1][1]])
                                                 and text[s:e].rstrip().endswith(":")):
            continue
        first = money[0]
        break
    if first is not None:
        yield Hit.span(ctx.letter.new_text, first.start, first.end, price=first.text)
