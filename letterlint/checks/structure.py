"""How a letter is built (DESIGN §2): call-to-action, closing, long-sentence, letter-length.

All four read only the author's words: the new text without the sign-off («С уважением,», name, position,
contacts — found by letterlint.text.layout even when the reader left them in the new text) and without «>»
citations. Phrase lists and thresholds are the rules' YAML params over letterlint/data/structure.yaml.
The invitation, call-summary and reply-time rules are in structure_meeting.py, price-breakdown in price.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text import extras
from letterlint.text.layout import draft_body, has_phrase, rule_params, shorten, span_tokens, to_colleagues_only

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.text.layout import Body

_params = rule_params      # the structure rules' shared helpers, under the short names the checks use
_body = draft_body
_has = has_phrase
_tokens = span_tokens
_short = shorten


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
    if p.get("skip_internal", True) and to_colleagues_only(ctx):
        return            # an internal forward to colleagues is not a letter to the client
    phrases = list(p.get("closing_phrases") or [])
    last = sents[-max(1, int(p.get("closing_sentences", 2))):]
    opening = _opening(body, sents, list(p.get("greetings") or []))
    last = [x for x in last if x not in opening or x == sents[-1]]
    if any(_has(body, phrases, s, e) for s, e in last):
        return
    wish = p.get("wish_regex")
    if wish and any(re.search(wish, body.text[s:e], re.I) for s, e in last):
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


def _opening(body: "Body", sents: list, greetings: list[str]) -> list:
    """The letter's opening: its first sentence and, after a greeting («Анна, добрый день!»), the next one — thanks
    there («Бриф получили, спасибо.», «Елена Сергеевна, спасибо!») open the letter, they do not close it."""
    if not sents:
        return []
    out = [sents[0]]
    if len(sents) > 1 and _has(body, greetings, *sents[0]):
        out.append(sents[1])
    return out


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
        oc_any = extras.oc_any(t)
        if "impr" in oc_any and "past" not in oc_any and "PREP" not in oc_any and "NOUN" not in extras.oc(t):
            return True
        if "просить" in extras.lemmas(t) and not t.is_punct:
            return True
        if {"мочь", "смочь"} & extras.lemmas(t) and "1per" not in oc_any:   # «Можете прислать…», not «не могу сказать»
            return True
    return False


def _asked(body: "Body", ask: Any) -> bool:
    """A question to the client, not an indirect one in a statement («Сколько времени займёт исправление, пока
    не могу сказать.»): it ends with «?» or has no full stop."""
    frag = body.text[ask.start:ask.end].rstrip()
    return "?" in frag or not frag.endswith((".", "!", "…"))


_NOT_A_STEP = frozenset({"извинить", "простить", "представить", "согласиться"})


def _step_after_clause(body: "Body", s: int, e: int) -> bool:
    """An imperative opening a clause after a comma or dash, which the question finder leaves alone when the
    verb is far from the start of the sentence: «Если к выставке нужна часть каталога раньше, напишите до
    среды», «Могу поставить бронь на неделю — напишите только «да»»."""
    span = [t for t in body.at.doc.char_span(s, e, alignment_mode="expand") or [] if not t.is_space]
    for i, t in enumerate(span[1:], 1):
        if span[i - 1].text not in (",", "—", "–", "-", ":"):
            continue
        if span[i - 1].text == ":":
            # «…: в разделе «Сотрудники» откройте карточку врача»: the clause's first verb, after a place
            k = i
            while (k < len(span) and (not span[k].is_punct or span[k].text in "«»\"'()")
                   and not {"VERB", "INFN", "CONJ"} & extras.oc(span[k])):
                k += 1
            if k < len(span) and "VERB" in extras.oc_any(span[k]) and "CONJ" not in extras.oc(span[k]):
                t = span[k]
        oc_any = extras.oc_any(t)
        if ("impr" in oc_any and "past" not in oc_any and "incl" not in oc_any
                and extras.form(t).endswith(("ите", "йте", "ьте")) and not extras.lemmas(t) & _NOT_A_STEP):
            return True
    return False


# --- call to action: the forms of a next step besides requests and questions (DESIGN §2) -------------------

def _lem(t: Any) -> set[str]:
    return extras.lemmas(t) | {extras.form(t) or t.text.lower()}


def _is_inf(t: Any) -> bool:
    return "INFN" in extras.oc(t)


def _words_ahead(span: list, i: int, n: int) -> list:
    """Up to ``n`` words after span[i], stopping at punctuation other than a hyphen."""
    out = []
    for t in span[i + 1:]:
        if t.is_punct and t.text not in ("-",):
            break
        out.append(t)
        if len(out) >= n:
            break
    return out


def _deadline(p: dict, text: str) -> bool:
    rx = p.get("deadline_regex")
    return bool(rx and re.search(rx, text, re.I))


def _clause_of(span: list, i: int) -> list:
    """The tokens of span[i]'s clause: between the nearest commas, dashes, colons or semicolons."""
    stops = {",", "—", "–", ":", ";"}
    a = i
    while a > 0 and span[a - 1].text not in stops:
        a -= 1
    b = i
    while b + 1 < len(span) and span[b + 1].text not in stops:
        b += 1
    return span[a:b + 1]


def _ours(clause: list, p: dict) -> bool:
    """«нам нужно подготовить», «мне надо уточнить»: the step is ours, not the client's."""
    ours = set(p.get("our_dative") or ())
    return any((extras.form(t) or t.text.lower()) in ours for t in clause)


def _modal_deadline_step(body: "Body", span: list, p: dict, s: int, e: int) -> bool:
    """«Оплатить нужно до 15 апреля», «до 31 марта нужно подписать…», «Платёж нужно провести до 28 октября»:
    a must/may with an infinitive and a deadline, and no «нам/мне» that makes it our own task."""
    modals = set(p.get("deadline_modals") or ())
    if not _deadline(p, body.text[s:e]):
        return False
    for i, t in enumerate(span):
        if (extras.form(t) or t.text.lower()) not in modals:
            continue
        clause = _clause_of(span, i)
        infs = [x for x in clause if _is_inf(x)]
        if (extras.form(t) or t.text.lower()) in set(p.get("permission_modals") or ()) and any(
                extras.lemmas(x) & set(p.get("option_verbs") or ()) for x in infs):
            continue          # «Отменить бронь без штрафа можно до 22 мая»: an option, not a step
        if infs and not _ours(clause, p) and _deadline(p, " ".join(x.text for x in clause)):
            return True
    return False


def _our_dated_step(body: "Body", span: list, p: dict, s: int, e: int) -> bool:
    """«Проект договора пришлю сегодня до 15:00», «Коммерческое предложение отправим в четверг»: what happens next
    is ours and has a date. Off by default (the commandment asks for the client's step); a team that accepts its
    own dated commitment as the next step turns it on with ``our_dated_step: true``."""
    if not p.get("our_dated_step", False) or not _deadline(p, body.text[s:e]):
        return False
    for i, t in enumerate(span):
        oc = extras.oc(t)
        if "VERB" in oc and "1per" in oc and ("futr" in oc or "pres" in oc and "perf" in oc) and \
                not _is_negated(span, i) and _deadline(p, " ".join(x.text for x in _clause_of(span, i))):
            return True
    return False


def _is_negated(span: list, i: int) -> bool:
    return i > 0 and (extras.form(span[i - 1]) or span[i - 1].text.lower()) == "не"


def _wait_step(body: "Body", span: list, p: dict, s: int, e: int) -> bool:
    """«Окончательный список гостей ждём до 20 октября», «Ждём макеты завтра»: we wait for something by a date
    (whatever the word order) — unless we wait for someone else («ждём ответа от поставщика»)."""
    for i, t in enumerate(span):
        if "ждать" not in extras.lemmas(t) or "1per" not in extras.oc_any(t):
            continue
        clause = _clause_of(span, i)
        ctext = " ".join(x.text for x in clause)
        if not (_deadline(p, ctext) or _waited_thing(span, i)):
            continue
        rx = p.get("wait_third_party_regex")
        if rx and re.search(rx, ctext, re.I):
            continue
        return True
    return False


def _waited_thing(span: list, i: int) -> bool:
    """«Ждём таблицу!», «Жду договор и фотографии.»: a thing (accusative) right after «жду/ждём» — the client is to
    send it; «ждём ответа от поставщика» (genitive, a third party) is not."""
    ahead = _words_ahead(span, i, 1)     # «фото» and other indeclinable nouns: accusative among their readings
    return (bool(ahead) and {"NOUN", "accs"} <= extras.oc_any(ahead[0]) and "anim" not in extras.oc(ahead[0])
            and "1per" in extras.oc(span[i]))


def _third_party_request(span: list, p: dict) -> bool:
    """«Подрядчик по монтажу просит подтвердить размер до пятницы»: a request passed on (present tense + inf.)."""
    verbs = set(p.get("relay_verbs") or ())
    for i, t in enumerate(span):
        oc = extras.oc_any(t)
        if extras.lemmas(t) & verbs and "3per" in oc and "pres" in oc and "past" not in extras.oc(t):
            if any(_is_inf(x) for x in _words_ahead(span, i, 3)):
                return True
    return False


def _advice_step(span: list, p: dict) -> bool:
    """«В эти дни в старой базе лучше ничего не проводить», «рекомендуем обновить»: advice what to do."""
    addressed = set(p.get("addressed_advice_words") or ())
    client = set(p.get("client_words") or ())
    words = set(p.get("advice_words") or ()) | addressed
    for i, t in enumerate(span):
        if (extras.form(t) or t.text.lower()) not in words:
            continue
        clause = _clause_of(span, i)
        if _ours(clause, p) or any((extras.form(x) or x.text.lower()) == "если" for x in span[max(0, i - 2):i]):
            continue          # «Если удобнее забрать самим, мы работаем до 20:00» is a condition, not advice
        if (extras.form(t) or t.text.lower()) in addressed and not any(client & extras.lemmas(x) for x in clause):
            continue          # «Их стоит продолжить и осенью» is our plan; «вашим менеджерам стоит перезвонить»
        if any(_is_inf(x) for x in _words_ahead(span, i, 4)):
            return True
    return False


def _need_step(span: list, p: dict) -> bool:
    """«Нам нужны акты КС-2», «нужна только доверенность», «нужно ваше подтверждение»: something we need
    from the client — not a time («нам нужно два дня») nor our own task («нам нужно уточнить»)."""
    needs = set(p.get("need_words") or ())
    not_objects = set(p.get("need_not_objects") or ())
    fillers = set(p.get("need_fillers") or ())
    for i, t in enumerate(span):
        if (extras.form(t) or t.text.lower()) not in needs:
            continue
        prev = [x for x in span[max(0, i - 2):i] if not x.is_punct]
        nxt = [x for x in _words_ahead(span, i, 4) if (extras.form(x) or x.text.lower()) not in fillers]
        if not nxt or _is_inf(nxt[0]) or nxt[0].like_num or extras.lemmas(nxt[0]) & not_objects:
            continue
        oc = extras.oc_any(nxt[0])
        if not ({"NOUN", "ADJF", "Apro"} & oc):
            continue
        if extras.lemmas(nxt[0]) & set(p.get("need_client_objects") or ()):
            return True          # «Для брони нужна предоплата 30%»
        ours = set(p.get("our_dative") or ())
        only = any((extras.form(x) or x.text.lower()) == "только" for x in span[i + 1:i + 2])
        if any((extras.form(x) or x.text.lower()) in ours for x in prev) or only or "ваш" in set().union(*(extras.lemmas(x) for x in nxt)):
            return True
    return False


def _remaining_step(span: list, p: dict) -> bool:
    """«…останется подписать первое», «Вам остаётся только оплатить счёт»: what is left to do, for the client."""
    words = set(p.get("remaining_words") or ())
    ours = set(p.get("our_dative") or ())
    for i, t in enumerate(span):
        if (extras.form(t) or t.text.lower()) not in words:
            continue
        near = [x for x in span[max(0, i - 2):i + 4] if not x.is_punct]
        if any((extras.form(x) or x.text.lower()) in ours for x in near):
            continue           # «нам остаётся дождаться поставщика»: our own wait
        if any(_is_inf(x) for x in _words_ahead(span, i, 3)):
            return True
    return False


def _client_condition(span: list, p: dict) -> bool:
    """«Если условия подходят, пришлю договор», «Если всё устраивает — …», «Если хотите, проведём…», «Если
    согласуете текст до пятницы, …», «Если оплата пройдёт сегодня, …»: a conditional next step whose condition
    is the client's decision or action (a verb in the 2nd person or a phrase of client_decision_phrases) — not
    a third party's («Если акты поставщика задержатся, …»)."""
    decision = [tuple(x.split()) for x in p.get("client_decision_phrases") or ()]
    for i, t in enumerate(span):
        if (extras.form(t) or t.text.lower()) != "если":
            continue
        clause = []
        for x in span[i + 1:]:
            if x.text in (",", "—", "–", ":", ";", ".", "!", "?"):
                break
            clause.append(x)
        if not clause or not _offer_follows(span[i + 1 + len(clause):], p):
            continue
        if any("2per" in extras.oc(x) and "VERB" in extras.oc(x) for x in clause):
            return True
        lemmas = [_lem(x) for x in clause]
        for ph in decision:
            for k in range(len(lemmas)):
                if all(k + j < len(lemmas) and w in lemmas[k + j] for j, w in enumerate(ph)):
                    return True
    return False


def _offer_follows(rest: list, p: dict) -> bool:
    """The main clause after «Если …,» is a step: what we (or someone) will then do — a perfective future
    («пришлю договор», «проведём обучение», «диктор перезапишет») — a request, or what we need («нужна только
    доверенность»); not a plain fact («Если удобнее забрать самим, мы работаем до 20:00»)."""
    needs = set(p.get("need_words") or ())
    for x in rest:
        if x.text in (".", "!", "?"):
            break
        oc = extras.oc(x)
        if ("VERB" in oc and "futr" in oc and "perf" in oc) or (extras.form(x) or x.text.lower()) in needs:
            return True
        if "impr" in extras.oc_any(x) and (extras.form(x) or "").endswith(("ите", "йте", "ьте")) and "indc" not in oc:
            return True
    return False


def _client_task_line(span: list, p: dict) -> bool:
    """«— Вы: выгрузить остатки — до 10 ноября», «— Ваш бухгалтер: проверить тестовые документы — до 25 ноября»:
    a summary's task line whose owner is the client."""
    client = set(p.get("client_words") or ())
    for i, t in enumerate(span):
        if t.text != ":":
            continue
        owner = span[:i]
        if any(client & extras.lemmas(x) for x in owner) and len(owner) <= 5:
            return any(_is_inf(x) for x in _words_ahead(span, i, 3))
        return False
    return False


def _place_step(span: list, p: dict) -> bool:
    """«Обращайтесь туда напрямую с оригиналами», «обращайтесь в МФЦ»: the imperative names where to go, so it
    is a step, not the stock «Обращайтесь, если будут вопросы»."""
    verbs = set(p.get("where_verbs") or ())
    where = set(p.get("where_words") or ())
    for i, t in enumerate(span):
        if not (extras.lemmas(t) & verbs and "impr" in extras.oc_any(t)):
            continue
        ahead = _words_ahead(span, i, 2)
        if not ahead:
            continue
        w = extras.form(ahead[0]) or ahead[0].text.lower()
        ours = set(p.get("our_dative") or ())
        if w in where and not (len(ahead) > 1 and (extras.form(ahead[1]) or ahead[1].text.lower()) in ours):
            return True
    return False


def _other_step(body: "Body", p: dict, s: int, e: int) -> str:
    """The name of the other form of a next step in [s, e), or "" (for `letterlint explain`)."""
    span = _tokens(body, s, e)
    forms = (("«нужно/можно + действие + срок»", lambda: _modal_deadline_step(body, span, p, s, e)),
             ("наш следующий шаг с датой", lambda: _our_dated_step(body, span, p, s, e)),
             ("«ждём …» с датой или вещью", lambda: _wait_step(body, span, p, s, e)),
             ("просьба через третье лицо", lambda: _third_party_request(span, p)),
             ("совет", lambda: _advice_step(span, p)),
             ("что нужно от клиента", lambda: _need_step(span, p)),
             ("что осталось сделать клиенту", lambda: _remaining_step(span, p)),
             ("условный шаг", lambda: _client_condition(span, p)),
             ("задача клиента в резюме", lambda: _client_task_line(span, p)))
    return next((name for name, found in forms if found()), "")


def _with_previous_paragraph(body: "Body", sents: list, window: list, short: int) -> list:
    """The closing window, widened to the paragraph before a short last paragraph: «Пришлите, пожалуйста, до
    пятницы…» followed by a paragraph of wishes or a note («Хорошего отпуска! На это время…»)."""
    if not window or short <= 0:
        return window
    text = body.text

    def para_start(pos: int) -> int:
        m = None
        for m in re.finditer(r"\n[ \t]*\n", text[body.start:pos]):
            pass
        return body.start + (m.end() if m else 0)

    last_start = para_start(window[-1][0])
    last_para = [x for x in sents if x[0] >= last_start]
    if len(last_para) > short or last_start <= body.start:
        return window
    prev_start = para_start(last_start - 1)
    extra = [x for x in sents if prev_start <= x[0] < last_start and x not in window]
    return sorted(set(window) | set(extra))


def trace_ending(ctx: "RuleContext") -> list[str]:
    """For `letterlint explain call-to-action FILE`: the sentences of the ending read and the step found in each."""
    body = _body(ctx)
    if body is None:
        return ["В письме нет текста автора."]
    window, steps = _ending_steps(ctx, body)
    if not window:
        return ["Письмо короче min_words слов: концовка не проверяется."]
    lines = ["Концовка (без благодарностей, пожеланий и подписи):"]
    for (s, e), step in zip(window, steps):
        verdict = "дежурная фраза" if step == "weak" else (f"шаг: {step}" if step else "шага нет")
        lines.append(f"  «{_short(body.text[s:e], 90)}» — {verdict}")
    return lines


@register("call-to-action", needs=("morph",), trace=trace_ending)
def call_to_action(ctx: "RuleContext") -> Iterable[Hit]:
    """The last sentences before the sign-off give the client no next step."""
    body = _body(ctx)
    if body is None:
        return
    window, steps = _ending_steps(ctx, body, first_step_only=True)
    if not window or any(st and st != "weak" for st in steps):
        return
    weak_at = next((w for w, st in zip(window, steps) if st == "weak"), None)
    s, e = weak_at or window[-1]
    hit = Hit.span(ctx.letter.new_text, s, e, last=_short(body.text[s:e]))
    if weak_at:
        hit.message = "weak"
    yield hit


def _ending_steps(ctx: "RuleContext", body: "Body", first_step_only: bool = False) -> tuple[list[tuple[int, int]],
                                                                                         list[str]]:
    """The closing window (the last sentences before the sign-off, thanks and wishes dropped) and, for each
    sentence, the form of next step it holds: "" none, "weak" a stock phrase («Обращайтесь, если будут
    вопросы»), or the name of the form. No window for a letter under ``min_words`` words. With
    ``first_step_only`` (the check) the reading stops at the first step found; the trace reads every sentence."""
    p = _params(ctx)
    if len(body.words()) < int(p.get("min_words", 10)):
        return [], []
    courtesy = list(p.get("closing_phrases") or [])
    sents = _ending(body)
    max_courtesy = int(p.get("courtesy_max_words", 6))
    while len(sents) > 1 and _is_courtesy(body, *sents[-1], courtesy, max_courtesy):
        sents.pop()         # thanks, wishes and farewells («До завтра!») are no step and hide none
    window = sents[-max(1, int(p.get("closing_sentences", 3))):]
    window = _with_previous_paragraph(body, sents, window, int(p.get("last_paragraph_max_sentences", 3)))
    weak_phrases = list(p.get("weak_phrases") or [])
    cta_phrases = list(p.get("cta_phrases") or [])
    asks = _draft_asks(ctx, body)
    steps = []
    for s, e in window:
        if _place_step(_tokens(body, s, e), p):
            steps.append("куда обратиться")
        elif _has(body, weak_phrases, s, e):
            steps.append("weak")   # «Обращайтесь, если будут вопросы» is an imperative, not a next step
        elif _has(body, cta_phrases, s, e):
            steps.append("«прошу», «ждём ваш…», «давайте», «сообщите»")
        elif any(s <= a.start < e and (_real_request(body, a) or (a.kind == "question" and _asked(body, a)))
                 for a in asks):
            steps.append("просьба или вопрос клиенту")
        elif _step_after_clause(body, s, e):
            steps.append("повелительное после двоеточия")
        else:
            steps.append(_other_step(body, p, s, e))
        if first_step_only and steps[-1] and steps[-1] != "weak":
            break
    return window, steps


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
        words = body.words(s, min(e, body.end))
        if not p.get("count_numbers", False):   # «С 1 по 14 декабря», «до 14:00», «№ 14/2024» are read at a glance
            words = [t for t in words if any(c.isalpha() for c in t.text)]
        n = len(words)
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
