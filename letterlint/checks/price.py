"""price-breakdown (20 заповедей, «Что включено»): a price of our service is named and nothing says what it includes.

«Описывая стоимость услуги, бери за правило расписывать все-все, что в нее входит» is about a service or a
package — a project, an event, a translation, an audit. A demanding editor does not ask for the contents of a
rate per unit («450 рублей за адрес», «2 800 ₽ за час»), of one self-explanatory unit
(«Диагностика ходовой — 1 200 ₽», «Сессия идёт 50 минут и стоит 4 500 рублей», «Бутыль 19 литров — 390 ₽»),
of a price the client already knows («стоимость останется прежней»), or of a sum whose contents the letter
names around it. Each of those is one named predicate below; the words they use are the rule's YAML params.
The rule reads only the author's words (no sign-off, no «>» citations).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text import extras
from letterlint.text.layout import draft_body, has_phrase, rule_params, span_tokens

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.text.layout import Body

_has = has_phrase
_tokens = span_tokens


def trace_prices(ctx: "RuleContext") -> list[str]:
    """For `letterlint explain price-breakdown FILE`: every sum in the author's words and what the rule made of it."""
    seen = list(_sums(ctx))
    if not seen:
        return ["В тексте автора нет сумм с валютой."]
    return [f"«{m.text}» — {why or 'ЦЕНА БЕЗ СОСТАВА'}" for m, why in seen]


@register("price-breakdown", needs=("morph",), trace=trace_prices)
def price_breakdown(ctx: "RuleContext") -> Iterable[Hit]:
    """A price of our service is named and the letter nowhere says what it includes (one finding, at the first
    such price)."""
    for m, why in _sums(ctx):
        if not why:
            yield Hit.span(ctx.letter.new_text, m.start, m.end, price=m.text)
            return


def _sums(ctx: "RuleContext") -> Iterator[tuple[Any, str]]:
    """Every sum of money in the author's words, in order, with why it needs no contents ("" when it does)."""
    from letterlint.text.layout import is_list_item, overlaps
    from letterlint.text.money import DEFAULT_CURRENCIES, find_money

    body = draft_body(ctx)
    if body is None:
        return
    p = rule_params(ctx)
    text = body.text
    currencies = tuple(p.get("currencies") or DEFAULT_CURRENCIES)
    included = _has(body, list(p.get("included_phrases") or []), body.start, body.end)
    sents = body.sentences
    for k, (s, e) in enumerate(sents):
        found = [m for m in find_money(text, currencies, s, e) if not overlaps(m.start, m.end, body.skip)]
        prev = sents[k - 1] if k > 0 else None
        nxt = sents[k + 1] if k + 1 < len(sents) else None
        units = [m for m in found if _unit_price(body, p, m, s, e)]
        first_price = True
        for m in found:
            if included:
                why = "в письме сказано, что входит в цену (included_phrases)"
            elif m in units:
                why = "ставка за единицу или цена одной понятной единицы"
            elif units and units[0].start < m.start and not _total(m):
                why = "вариант ставки за единицу"            # «…, при объёме от 300 — 390 рублей»
            elif not _our_price(body, p, m, s, e, prev):
                why = "не цена нашей работы: долг, налог, разница, известная клиенту цена, деньги клиента"
            elif not first_price:
                why = "не первая цена в предложении"
            elif re.search(r":\s*\S.*(?:,|\sи\s)", text[m.end:e]) or (
                    text[s:e].rstrip().endswith(":") and nxt is not None and is_list_item(text[nxt[0]:nxt[1]])):
                why = "состав перечислен после двоеточия"  # «За 42 000 ₽ сделаем: перенос, настройку и обучение»
            elif _itemised(text, found, s, e):
                why = "части сложены по суммам"
            elif _contents_named(body, p, m, s, e):
                why = "состав назван в том же предложении"
            elif _single_addon(body, p, m, s, e):
                why = "одна дополнительная единица в условии"
            elif _described_before(body, p, m, s, prev):
                why = "работы описаны в предложении перед ценой"
            elif _explained_after(body, p, nxt):
                why = "следующее предложение раскрывает сумму"
            else:
                why = ""
            if why not in ("ставка за единицу или цена одной понятной единицы", "вариант ставки за единицу") \
                    and not why.startswith("не цена"):
                first_price = False
            yield m, why


# --- is it our price? ---------------------------------------------------------------------------------------

def _money_clause(text: str, m: Any, s: int, e: int) -> tuple[int, int]:
    """The clause of a sum: between the commas, semicolons or colons around it («Тысяча комплектов обойдётся в
    42 000 ₽, светоотражающие — дороже на 9 000 ₽»: two clauses, one price and one difference)."""
    a = max(text.rfind(ch, s, m.start) for ch in ",;:")
    b = min([x for x in (text.find(ch, m.end, e) for ch in ",;") if x >= 0] or [e])
    return (a + 1 if a >= s else s), b


def _our_price(body: "Body", p: dict, m: Any, s: int, e: int, prev: Any) -> bool:
    """Is this sum a price of our work? Not a debt, a fine, a tax, a difference, a price the client already knows
    («стоимость останется прежней», «цена снизится до 28,90 ₽») — not_price_words in its clause, or in the
    sentence when its clause names no price — not the client's own spending («бюджет первой недели кампании —
    150 000 ₽»: client_spend_words), and not a figure continuing a sentence about such a sum («…пересчитает
    налог… Ориентир по прошлому кварталу — около 310 000 ₽»)."""
    text = body.text
    price_words = list(p.get("price_words") or [])
    not_price = list(p.get("not_price_words") or [])
    cs, ce = _money_clause(text, m, s, e)
    clause_price = _has(body, price_words, cs, ce)
    if _has(body, not_price, cs, ce) or (not clause_price and _has(body, not_price, s, e)):
        return False
    if re.search(r"\bна\s*$", text[cs:m.start]) and _has(body, not_price, s, e):
        return False       # «срок увеличится на два дня, а цена — на 18 ₽»: a difference
    dashed = bool(re.search(r"(?:[—–-]|\bза)\s*(?:(?:от|около|всего)\s+)?$", text[s:m.start]))
    if not (_has(body, price_words, s, e) or dashed):
        return False
    spend_words = list(p.get("client_spend_words") or [])
    if spend_words and _has(body, list(p.get("spend_price_words") or []), s, e) and _has(body, spend_words, s, e):
        return False
    strong = [w for w in price_words if w not in (p.get("weak_price_words") or [])]
    if not _has(body, strong, s, e) and prev is not None and _has(body, not_price, *prev):
        return False       # «Ориентир — около 310 000 ₽» after a sentence about the tax; «Сумма — …» after a payout
    return True


def _unit_price(body: "Body", p: dict, m: Any, s: int, e: int) -> bool:
    """A rate per unit or the price of one self-explanatory unit, which has no contents to list: «450 рублей за
    адрес», «1,2 ₽ за литр в сутки», «2 800 ₽ за час», «от 3 000 ₽ на адрес»; «Диагностика ходовой — 1 200 ₽»,
    «заказать курьера — 500 рублей», «сезон стоит 3 200 рублей» (every thing the clause prices is one of
    unit_items or a period). Not a period of a service («45 000 ₽ за месяц») nor a package per person («3 900 ₽
    в месяц за сотрудника»: per_person_words)."""
    text = body.text
    cs, ce = _money_clause(text, m, s, e)
    periods = _words(p, "period_words")
    per = re.match(r"\s*(?:в\s+[а-яё]+\s+)?(?:за|на)\s+([а-яё]+)", text[m.end:ce], re.I)
    if per:
        t = _token_at(body, m.end + per.start(1))
        if (t is not None and {"NOUN", "sing"} <= extras.oc(t)
                and not _lem(t) & (periods | _words(p, "per_person_words"))):
            return True
    heads = _heads(body, p, cs, m.start)
    units = _words(p, "unit_items")
    others = {h for h in heads if not h & (units | _words(p, "price_words") | periods)}
    return any(h & (units | periods) for h in heads) and not others


# --- are the contents named? -------------------------------------------------------------------------------

def _total(m: Any) -> bool:
    return m.text.lower().startswith("всего")


def _itemised(text: str, money: list, s: int, e: int) -> bool:
    """The sentence adds up parts, each with its sum: «Морем до Владивостока — 4 650 долл., плюс автодоставка до
    склада — 38 тыс. руб.»."""
    return len(money) >= 2 and any(re.search(r"\bплюс\b", text[a.end:b.start]) for a, b in zip(money, money[1:]))


def _contents_named(body: "Body", p: dict, m: Any, s: int, e: int) -> bool:
    """What the price includes is said in its own sentence: a scope with a number and a part «с …» («Перевод 40
    страниц на немецкий с редактурой носителя обойдётся в 64 000 ₽», «40 аптечек … обойдутся в 46 800 ₽ — …, с
    пластиковым футляром и вложенной инструкцией»); a number of unit items («Абонемент — 8 занятий по 45 минут —
    стоит 6 400 ₽»); or two things priced together («Подъём на 7-й этаж и сборка обойдутся в 5 200 ₽»)."""
    text = body.text
    not_parts = [w.lower() for w in p.get("not_part_words") or []]
    parts = [x for x in re.finditer(r"\b(?:с|со)\s+([а-яё]+)", text[s:e], re.I)
             if not any(x.group(1).lower().startswith(w) for w in not_parts)]
    head = _tokens(body, s, m.start)
    if parts and any(t.like_num or "NUMR" in extras.oc(t) for t in head):
        return True
    if _counted_units(body, p, s, m.start):
        return True
    cs, _ = _money_clause(text, m, s, e)
    things = [h for h in _heads(body, p, cs, m.start) if not h & _words(p, "price_words")]
    return len(things) >= 2 and bool(re.search(r",|\sи\s", text[cs:m.start]))


def _described_before(body: "Body", p: dict, m: Any, s: int, prev: Any) -> bool:
    """The previous sentence says what we will do or deliver and the price refers to it: «Подготовим обращение и
    будем вести переписку за вас. Стоимость — 3 000 ₽»; «…перенесём продажи и остатки, справочник — с проверкой
    дублей. Стоимость работ — 48 000 ₽»; «станция на 5 кВт: 10 панелей по 500 Вт и сетевой инвертор. Под ключ,
    с монтажом, — около 385 тыс. ₽»; «8 бутылей по 19 литров привезём во вторник. Сумма — 3 120 ₽». The
    price refers back with back_reference_words, by naming nothing new, or by naming a thing of that sentence."""
    if prev is None:
        return False
    text = body.text
    ps, pe = prev
    ours = [t for t in _tokens(body, ps, pe) if {"1per", "futr"} <= extras.oc(t) or {"1per", "past"} <= extras.oc(t)
            or ({"plur", "past"} <= extras.oc(t) and "VERB" in extras.oc(t))]
    separators = len(re.findall(r",|\sи\s", text[ps:pe]))
    described = _colon_list(body, ps, pe) or (ours and (separators >= int(p.get("listed_min_separators", 2))
                                                        or len(ours) >= 2 or _counted_units(body, p, ps, pe)))
    if not described:
        return False
    if _has(body, list(p.get("back_reference_words") or []), s, m.start):
        return True
    things = [h for h in _heads(body, p, s, m.start) if not h & _words(p, "price_words")]
    return not things or bool(_nouns(body, s, m.start) & _nouns(body, ps, pe))


def _colon_list(body: "Body", s: int, e: int) -> bool:
    """A sentence ending in a list of things after a colon, with no verb there: «Подойдёт станция на 5 кВт: 10
    панелей по 500 Вт и сетевой инвертор»."""
    text = body.text
    colon = text.find(":", s, e)
    if colon < 0 or not re.search(r",|\sи\s", text[colon:e]):
        return False
    return not any(extras.oc(t) & {"VERB", "INFN"} for t in _tokens(body, colon + 1, e))


def _nouns(body: "Body", s: int, e: int) -> frozenset[str]:
    return frozenset().union(*(_lem(t) for t in _tokens(body, s, e) if "NOUN" in extras.oc(t)))


def _explained_after(body: "Body", p: dict, nxt: Any) -> bool:
    """The next sentence says what the sum is made of: «Сумма выкупа — 8 412 600 ₽. Это остаток основного долга
    по двум тягачам и выкупная стоимость»."""
    if nxt is None:
        return False
    ns, ne = nxt
    first = next((t for t in _tokens(body, ns, ne) if not t.is_punct), None)
    return (first is not None and bool(_lem(first) & _words(p, "explained_by"))
            and bool(re.search(r",|\sи\s", body.text[ns:ne])))


def _single_addon(body: "Body", p: dict, m: Any, s: int, e: int) -> bool:
    """An optional extra priced by the unit, the unit being self-explanatory: «Если профиль другой, сделаем
    пробу за 1 500 ₽», «Если понадобятся ещё изменения, каждый следующий круг будет стоить 15 000 ₽»."""
    span = _tokens(body, s, e)
    if not any((extras.form(t) or t.text.lower()) == "если" for t in span):
        return False
    cs, ce = _money_clause(body.text, m, s, e)
    if re.search(r"\d", body.text[cs:m.start]):
        return False                 # a scope with a number is a package, not one unit
    if _has(body, list(p.get("addon_words") or []), cs, ce):
        return True
    before = [t for t in _tokens(body, cs, m.start) if not t.is_punct]
    # «сделаем пробу за 1 500 ₽»: our verb, one thing in the singular, the sum
    return (len(before) >= 3 and (extras.form(before[-1]) or before[-1].text.lower()) == "за"
            and {"NOUN", "sing"} <= extras.oc(before[-2]) and "VERB" in extras.oc(before[-3]))


# --- words --------------------------------------------------------------------------------------------------

def _heads(body: "Body", p: dict, s: int, e: int) -> list[frozenset[str]]:
    """The lemmas of the things a phrase names: its nouns, without those governed by a preposition («в пределах
    МКАД», «со снимком», «для школьников»), counted by a number («50 минут») or completing another thing
    («Диагностика ходовой», «монтаж кухни») — except the thing of a price word («Стоимость перевода»)."""
    price_words = _words(p, "price_words")
    out: list[frozenset[str]] = []
    governed = counted = False
    last: frozenset[str] | None = None
    for t in _tokens(body, s, e):
        oc = extras.oc(t)
        if "PREP" in oc:
            governed = True
        elif t.like_num or "NUMR" in oc:
            counted = True
        elif t.is_punct or oc & _CLAUSE_BREAK:
            governed = counted = False
            last = None
        elif "NOUN" in oc:
            lem = _lem(t)
            complement = "gent" in oc and last is not None and not last & price_words
            if not (governed or counted or complement):
                out.append(lem)
            last = lem
            governed = counted = False
    return out


_CLAUSE_BREAK = frozenset({"VERB", "INFN", "CONJ", "PRED", "ADVB", "PRCL", "GRND"})   # ends a prepositional phrase


def _counted_units(body: "Body", p: dict, s: int, e: int) -> bool:
    """A number of unit items in [s, e): «8 занятий по 45 минут», «8 бутылей по 19 литров»."""
    units = _words(p, "unit_items")
    toks = _tokens(body, s, e)
    return any((a.like_num or "NUMR" in extras.oc(a)) and _lem(b) & units for a, b in zip(toks, toks[1:]))


def _words(p: dict, key: str) -> frozenset[str]:
    return frozenset(str(w).lower().replace("ё", "е") for w in p.get(key) or [])


def _token_at(body: "Body", i: int) -> Any:
    span = body.at.doc.char_span(i, i + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _lem(t: Any) -> frozenset[str]:
    return extras.lemmas(t) | {extras.form(t) or t.text.lower()}
