"""Calls and reply time (DESIGN §2): meeting-invite, call-summary, slow-reply.

meeting-invite and call-summary read the author's words (the new text without the sign-off and «>» citations,
as letterlint.text.layout finds them), so a Telemost room in a signature is not an invitation. slow-reply
reads the dates of the thread: the client's letter and the draft's Date header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text import extras
from letterlint.text import placeholders
from letterlint.text.layout import draft_body, has_phrase, rule_params, shorten, span_tokens

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.text.layout import Body

_params = rule_params      # the structure rules' shared helpers, under the short names the checks use
_body = draft_body
_has = has_phrase
_tokens = span_tokens
_short = shorten


def _search(patterns: Iterable[str], text: str) -> re.Match[str] | None:
    for p in patterns:
        m = re.search(p, text, re.I)
        if m:
            return m
    return None


def _requests(body: "Body", s: int, e: int) -> bool:
    """The sentence asks the reader to do something: a real imperative («поправьте»), «прошу/просим»."""
    span = body.at.doc.char_span(s, e, alignment_mode="expand") or []
    for t in span:
        oc_any = extras.oc_any(t)
        if "impr" in oc_any and "past" not in oc_any and "PREP" not in oc_any and "incl" not in oc_any:
            return True
        if {"просить"} & extras.lemmas(t):
            return True
    return False


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " и " + items[-1]


def _subject(ctx: "RuleContext") -> str:
    return re.sub(r"^\s*(?:(?:re|fwd?|ответ|отв|пересл)(?:\[\d+\])?\s*:\s*)+", "", ctx.letter.subject or "", flags=re.I)


# --- meeting invitation -------------------------------------------------------------------------------------

@dataclass
class _Invitation:
    """What the meeting-invite rule read in a letter (shared by the check and `letterlint explain`)."""

    title: Any = None                                   # a generic calendar title (re.Match in the author's words)
    sentences: list[tuple[int, int]] = field(default_factory=list)   # the invitation's sentences
    links: list[str] = field(default_factory=list)      # call links
    anchor: tuple[int, int] | None = None               # where a finding about what is missing points
    topic: str = ""                                     # "" | "в письме" | "тема письма"
    time: bool = False
    ask: bool = False
    long: tuple[int, int, int] | None = None            # (minutes, start, end) of a meeting over max_minutes

    @property
    def missing(self) -> list[str]:
        if self.anchor is None:
            return []
        return [m for m, ok in (("темы встречи", self.topic), ("времени (день и час)", self.time),
                                ("вопроса, удобно ли это клиенту", self.ask)) if not ok]


def trace_invitation(ctx: "RuleContext") -> list[str]:
    """For `letterlint explain meeting-invite FILE`: the invitation found and what it has."""
    body = _body(ctx)
    if body is None:
        return ["В письме нет текста автора."]
    inv = _read_invitation(ctx, body)
    lines = []
    if inv.title is not None:
        lines.append(f"Шаблонное название встречи: «{inv.title.group(0)}»")
    if inv.anchor is None:
        return lines + ["Приглашения на встречу или созвон нет (ни фразы-приглашения, ни ссылки на созвон)."]
    for s, e in inv.sentences or [inv.anchor]:
        lines.append(f"Приглашение: «{_short(body.text[s:e], 100)}»")
    if inv.links:
        lines.append("Ссылка на созвон: " + ", ".join(inv.links))
    yes, no = "есть", "НЕТ"
    lines.append(f"Тема: {yes + ' (' + inv.topic + ')' if inv.topic else no}; время рядом с приглашением: "
                 f"{yes if inv.time else no}; «удобно ли»: {yes if inv.ask else no}")
    if inv.long:
        lines.append(f"Длительность: {inv.long[0]} мин — дольше max_minutes")
    return lines


@register("meeting-invite", needs=("morph",), trace=trace_invitation)
def meeting_invite(ctx: "RuleContext") -> Iterable[Hit]:
    """An invitation to a call lacks topic, time or «удобно ли»; a generic meeting title; a meeting over 40 min."""
    body = _body(ctx)
    if body is None:
        return
    src = ctx.letter.new_text
    inv = _read_invitation(ctx, body)
    if inv.title is not None:   # a calendar title says «meeting» by itself: «Zoom Meeting Invitation — Ольга Кравец»
        hit = Hit.span(src, body.start + inv.title.start(), body.start + inv.title.end(), title=inv.title.group(0))
        hit.message = "generic"
        yield hit
    if inv.missing and inv.anchor is not None:
        yield Hit.span(src, *inv.anchor, missing=_join(inv.missing))
    if inv.long:
        hit = Hit.span(src, inv.long[1], inv.long[2], minutes=inv.long[0])
        hit.message = "long"
        yield hit


def _read_invitation(ctx: "RuleContext", body: "Body") -> _Invitation:
    from letterlint.text.timing import durations, has_clock_time

    p = _params(ctx)
    text = body.text
    words_text = text[body.start:body.end]
    inv = _Invitation(title=_search(p.get("generic_titles") or [], words_text))
    links = [m for pat in p.get("link_patterns") or [] for m in re.finditer(pat, words_text, re.I)]
    links = [m for m in links if not _search(p.get("not_invite_links") or [], m.group(0))]
    inv.links = [m.group(0) for m in links]
    inv.sentences = [(s, e) for s, e in body.sentences if _has(body, p.get("invite_phrases") or [], s, e)
                     or _invite_question(body, p, s, e) or _proposed_meeting(body, p, s, e)]
    if not links and not inv.sentences:
        return inv
    if inv.sentences:
        inv.anchor = inv.sentences[0]
    else:
        at = body.start + links[0].start()
        inv.anchor = next(((s, e) for s, e in body.sentences if s <= at < e), (at, body.start + links[0].end()))
    if any(_has(body, p.get("topic_phrases") or [], s, e) for s, e in body.sentences):
        inv.topic = "в письме"
    elif [w for w in re.findall(r"[\w-]+", _subject(ctx).lower().replace("ё", "е"))
          if len(w) > 2 and not any(w.startswith(g) for g in p.get("generic_subject_words") or [])]:
        inv.topic = "тема письма"
    near = _around(body, inv.sentences or [inv.anchor])   # «…до 12:00» elsewhere in the letter is not the meeting's
    inv.time = has_clock_time(near) or placeholders.present(near, "date")
    inv.ask = any(_has(body, p.get("ask_phrases") or [], s, e) for s, e in body.sentences)
    limit = int(p.get("max_minutes", 40))
    about = p.get("duration_context") or []
    other = p.get("other_event_words") or []
    meeting = p.get("meeting_words") or []
    for s, e in body.sentences:
        sent = text[s:e]
        if other and _has(body, other, s, e) and not _has(body, meeting, s, e):
            continue      # «Обучение займёт около двух часов»: the length of another event, not of the call
        for minutes, a, b in durations(sent):
            ranged = bool(re.match(r"\d", sent[a:b]) and ":" in sent[a:b])
            if minutes > limit and (ranged or (s, e) in inv.sentences or _has(body, about, s, e)):
                inv.long = (minutes, s + a, s + b)
                return inv
    return inv


def _around(body: "Body", sents: list[tuple[int, int]], after: int = 3) -> str:
    """The text where an invitation states its time: each invitation sentence, the one before it in the same
    paragraph and up to ``after`` sentences after it («Предлагаю видеовстречу. Тема: … Когда: вторник, 11:00»)."""
    order = body.sentences
    keep: set[int] = set()
    for x in sents:
        if x not in order:
            continue
        k = order.index(x)
        keep |= set(range(k, min(len(order), k + after + 1)))
        if k > 0 and "\n\n" not in body.text[order[k - 1][1]:x[0]]:
            keep.add(k - 1)
    return " ".join(body.text[order[i][0]:order[i][1]] for i in sorted(keep))


def _proposed_meeting(body: "Body", p: dict, s: int, e: int) -> bool:
    """«Предлагаю коротко созвониться», «Предлагаю видеозвонок в четверг», «Назначаю встречу на среду»: a word of
    proposing (proposal_words, said by us) and, within three words after it, a call or a meeting (meeting_words)."""
    proposing = set(p.get("proposal_words") or ())
    meeting = set(p.get("meeting_words") or ())
    toks = [t for t in _tokens(body, s, e) if not t.is_punct]
    for i, t in enumerate(toks):
        oc = extras.oc(t)
        if not (extras.lemmas(t) & proposing and ("1per" in oc or "impr" in oc)):
            continue
        if any(extras.lemmas(x) & meeting for x in toks[i + 1:i + 4]):
            return True
    return False


def _invite_question(body: "Body", p: dict, s: int, e: int) -> bool:
    """«Созвонимся в четверг после отчёта?», «Встретимся у вас в офисе?»: a question whose verb is «созвониться»
    or «встретиться» in the 1st person plural future — an invitation, unlike «если останутся вопросы, созвонимся»."""
    if not body.text[s:e].rstrip().endswith("?"):
        return False
    words = set(p.get("invite_question_words") or ())
    return any(extras.lemmas(t) & words and {"1per", "plur", "futr"} <= extras.oc(t) for t in _tokens(body, s, e))


# --- call summary -------------------------------------------------------------------------------------------

@register("call-summary", needs=("morph",))
def call_summary(ctx: "RuleContext") -> Iterable[Hit]:
    """A letter after a call or meeting lacks decisions, owners, deadlines or a request to confirm."""
    body = _body(ctx)
    if body is None:
        return
    p = _params(ctx)
    text = body.text
    triggers = p.get("trigger_patterns") or []
    head = body.sentences[: int(p.get("trigger_sentences", 3))]
    trig = [(s, e) for s, e in head if _search(triggers, text[s:e])]
    if not trig and not _search(triggers, _subject(ctx)):
        return
    rest = [(s, e) for s, e in body.sentences if (s, e) not in trig]
    confirm = [(s, e) for s, e in rest if _has(body, p.get("confirm_phrases") or [], s, e) and _requests(body, s, e)]
    content = [x for x in rest if x not in confirm]
    decisions = any(_has(body, p.get("decision_phrases") or [], s, e) for s, e in content)
    dated = [(s, e) for s, e in content if _search(p.get("deadline_patterns") or [], text[s:e])
             or placeholders.present(text[s:e], "date")]
    owners = decisions and any(_owner(body, s, e, p) for s, e in (dated or content))
    missing = [name for name, ok in (("решений", decisions), ("исполнителей", owners), ("сроков", bool(dated)),
                                     ("просьбы подтвердить или поправить", bool(confirm))) if not ok]
    if missing:
        s, e = trig[0] if trig else body.sentences[0]
        yield Hit.span(ctx.letter.new_text, s, e, missing=_join(missing))


def _owner(body: "Body", s: int, e: int, p: dict[str, Any]) -> bool:
    """Who does it: «я», «мы», «вы», «наш сценарист», «ваш юрист», a person's name, «готовлю», «присылаете»."""
    if placeholders.present(body.text[s:e], "person"):
        return True           # «{{ manager_name }} присылает…» in a template
    span = [t for t in body.at.doc.char_span(s, e, alignment_mode="expand") or [] if not (t.is_space or t.is_punct)]
    pronouns = set(p.get("owner_pronouns") or [])
    for i, t in enumerate(span):
        oc_any, lem = extras.oc_any(t), extras.lemmas(t)
        if extras.form(t) in pronouns:
            return True
        if lem & {"наш", "ваш"} and i + 1 < len(span) and "anim" in extras.oc_any(span[i + 1]) and "NOUN" in extras.oc_any(span[i + 1]):
            return True
        if t.text[:1].isupper() and ({"Name", "Surn"} & oc_any) and i + 1 < len(span) and \
                span[i + 1].text[:1].isupper() and ({"Name", "Surn"} & extras.oc_any(span[i + 1])):
            return True       # «Наталья Грибова», «Артём Савельев»
        if "VERB" in oc_any and "past" not in oc_any and "impr" not in extras.oc(t) and (
                {"1per", "sing"} <= extras.oc(t) or {"2per", "plur"} <= extras.oc(t)
                or ({"1per", "plur", "futr"} <= extras.oc(t) and "pres" not in oc_any)):
            return True       # «готовлю», «присылаете», «пришлём» (but not «проводим»: we all hold the party)
    return False


# --- reply time ---------------------------------------------------------------------------------------------

@register("slow-reply", needs=("thread",))
def slow_reply(ctx: "RuleContext") -> Iterable[Hit]:
    """The draft goes out more than ``max_hours`` working hours after the client's letter, with no
    acknowledgement from us in between."""
    from letterlint.text.timing import parse_hhmm, working_seconds, zone

    sent = ctx.letter.date
    if sent is None:
        return
    p = ctx.params
    me = ctx.me(own_domain=bool(p.get("own_domain", True)))
    earlier = ctx.earlier()
    ours = [i for i, m in enumerate(earlier) if m.sender and m.sender in me]
    last_ours = ours[-1] if ours else -1
    waiting = [m for m in earlier[last_ours + 1:] if not (m.sender and m.sender in me)]
    if not waiting or waiting[0].date is None:
        return                # nothing unanswered, or its date is unknown
    received = waiting[0].date
    tz = zone(str(p.get("timezone", "Europe/Moscow")))
    off = sent.utcoffset() if sent.tzinfo else None
    if p.get("timezone_from_draft", True) and off:
        # the author's own working day: «Date: … +0500» is written in Yekaterinburg. A UTC Date (+0000) is often
        # stamped by a server and says nothing, so the configured zone stays.
        from datetime import timezone as _tz

        tz = _tz(off)
    holidays = []
    for d in p.get("holidays") or []:
        try:
            holidays.append(date.fromisoformat(str(d)))
        except ValueError:
            continue
    secs = working_seconds(received, sent, tz, parse_hhmm(p.get("day_start", "10:00")), parse_hhmm(p.get("day_end", "19:00")),
                           p.get("workdays") or [1, 2, 3, 4, 5], holidays)
    limit = float(p.get("max_hours", 2))
    if secs <= limit * 3600:
        return
    src = ctx.letter.new_text
    where = ctx.letter.header_pos.get("date")
    if where:                                          # the draft's Date header: the letter as a whole is late
        hit = Hit(path=ctx.letter.path, line=where[0], column=where[1], end_line=where[0], end_column=where[1] + 1,
                  excerpt=ctx.letter.date.strftime("%d.%m.%Y %H:%M") if ctx.letter.date else "")
    elif src:
        hit = Hit.span(src, *_first_line(src.text))      # no Date line in the file: the greeting
    else:
        hit = Hit(path=ctx.letter.path, excerpt=ctx.letter.subject or "")
    rt = received.astimezone(tz) if received.tzinfo else received
    hit.vars.update(delay=_hours(secs), client_date=rt.strftime("%d.%m.%Y %H:%M"), max_hours=_num(limit))
    yield hit


def _first_line(text: str) -> tuple[int, int]:
    s = len(text) - len(text.lstrip())
    e = text.find("\n", s)
    return s, (len(text) if e < 0 else e)


def _hours(secs: float) -> str:
    mins = int(round(secs / 60))
    h, m = divmod(mins, 60)
    return f"{h} ч {m:02d} мин" if m else f"{h} ч"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
