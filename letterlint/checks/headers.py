"""Header commandments: «Тему письма не менять», «Reply to all», «Говорящая тема», attachments.

subject-changed, reply-all, subject-informative and large-attachment read only headers (no text model is
loaded for them); missing-attachment reads the new text with lemmas, so quoted history, signatures and
forwarded originals never trigger it.
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Iterator

from letterlint.checks import register
from letterlint.engine.context import Hit
from letterlint.text import extras
from letterlint.text.normalize import norm
from letterlint.text.phrases import PhraseSet, compile_phrase, token_view

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from letterlint.engine.context import RuleContext
    from letterlint.mail.model import Letter
    from letterlint.text.pipeline import AnalysedText

# --- subjects -------------------------------------------------------------------------------------------------

DEFAULT_REPLY_PREFIXES = ["re", "ответ", "отв", "на", "aw", "sv", "antw", "vs", "odp", "res", "rif", "ynt", "atb"]
DEFAULT_FORWARD_PREFIXES = ["fwd", "fw", "пересл", "переслать", "переслано", "tr", "wg", "rv", "enc", "doorst", "vl", "fwd"]


@lru_cache(maxsize=64)
def _prefix_re(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(p) for p in set(prefixes) if p), key=len, reverse=True))
    # «Re:», «RE :», «Re[2]:», «Re(2):», «Re^2:», «Ответ:», full-width colon; repeated any number of times
    return re.compile(rf"^(?:\s*(?:{alts})\s*(?:\[\d+\]|\(\d+\)|\^\d+|\d+)?\s*[:：])+\s*", re.I)


def _prefixes(ctx: "RuleContext") -> tuple[tuple[str, ...], tuple[str, ...]]:
    reply = tuple(norm(str(p)).rstrip(":") for p in ctx.params.get("reply_prefixes", DEFAULT_REPLY_PREFIXES))
    fwd = tuple(norm(str(p)).rstrip(":") for p in ctx.params.get("forward_prefixes", DEFAULT_FORWARD_PREFIXES))
    return reply, fwd


def strip_prefixes(subject: str, prefixes: Iterable[str]) -> str:
    """The subject without its reply/forward prefixes; inner whitespace collapsed (header folding)."""
    s = " ".join((subject or "").split())
    rx = _prefix_re(tuple(norm(p) for p in prefixes))
    # «ё» and case only matter inside the prefixes: match on a folded copy, cut the original at the same place
    m = rx.match(norm(s))
    return s[m.end():].strip() if m else s.strip()


def _is_forward(subject: str, fwd: tuple[str, ...]) -> bool:
    m = re.match(r"^\s*([^\s:：\[(^]+)\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]", subject or "")
    return bool(m) and norm(m.group(1)) in fwd


def _subject_hit(letter: "Letter", **vars: object) -> Hit:
    """A finding on the subject value (its place in the file when the reader knows it)."""
    subj = letter.subject or ""
    line, col = letter.subject_pos or (1, 1)
    return Hit(path=letter.path, line=line, column=col, end_line=line, end_column=col + max(len(subj), 1),
               excerpt=subj, line_text=subj if letter.subject_pos else None, line_col=col, vars=dict(vars))


def _header_hit(letter: "Letter", where: "str | tuple[int, int] | None", excerpt: str, **vars: object) -> Hit:
    """A finding on a header value («to», «cc», …) or at an explicit place (an attachment's name in the file);
    line 1 when the reader could not place it."""
    pos = letter.header_pos.get(where) if isinstance(where, str) else where
    line, col = pos or (1, 1)
    return Hit(path=letter.path, line=line, column=col, end_line=line, end_column=col + 1, excerpt=excerpt,
               vars=dict(vars))


@register("subject-changed", needs=("thread",))
def subject_changed(ctx: "RuleContext") -> Iterator[Hit]:
    """The draft's subject differs from the thread's once reply/forward prefixes are removed."""
    letter = ctx.letter
    reply, fwd = _prefixes(ctx)
    both = reply + fwd
    earlier = ctx.earlier()
    if not earlier:
        return
    if _is_forward(letter.subject, fwd) or (letter.forwarded and not letter.quoted):
        return  # a forward to someone else is a new conversation
    me = ctx.me(own_domain=bool(ctx.params.get("own_domain", True)))
    answered = ctx.answered(me)
    candidates = ([answered] if answered else []) + list(reversed(earlier))
    original = next((m.subject for m in candidates if m and (m.subject or "").strip()), None)
    if original is None:
        return
    ours, theirs = strip_prefixes(letter.subject, both), strip_prefixes(original, both)
    if ours == theirs:
        return
    if not ctx.params.get("case_sensitive", True) and ours.casefold() == theirs.casefold():
        return
    m = _prefix_re(tuple(norm(p) for p in both)).match(norm(letter.subject or ""))
    prefix = (letter.subject or "")[: m.end()].strip() if m else "Re:"
    expected = f"{prefix or 'Re:'} {theirs}".strip()
    hit = _subject_hit(letter, subject=ours, original=theirs, expected=expected)
    if not ours:
        hit.message = "removed"
    yield hit


@register("reply-all", needs=("thread",))
def reply_all(ctx: "RuleContext") -> Iterator[Hit]:
    """Everyone on the letter being answered (From, To, Cc, minus us) is on the draft's To/Cc."""
    letter = ctx.letter
    _, fwd = _prefixes(ctx)
    if not ctx.earlier():
        return
    if _is_forward(letter.subject, fwd) or (letter.forwarded and not letter.quoted):
        return
    if letter.kind == "template" and "to" not in letter.headers_present:
        return
    if not letter.to and not letter.cc:
        return
    me = ctx.me(own_domain=bool(ctx.params.get("own_domain", True)))
    answered = ctx.answered(me)
    if answered is None:
        return
    ignore = [norm(str(g)) for g in ctx.params.get("ignore", [])]
    present = {a.addr.lower() for a in [*letter.to, *letter.cc] if a.addr}
    reply_to = {a.addr.lower() for a in (answered.letter.reply_to if answered.letter else []) if a.addr}
    seen: set[str] = set()
    roles = [("from", [answered.sender] if answered.sender else []), ("to", answered.to), ("cc", answered.cc)]
    for role, addrs in roles:
        for a in addrs:
            addr = (a.addr or "").lower()
            if not addr or "@" not in addr or addr in seen:
                continue
            seen.add(addr)
            if addr in present or addr in me or any(fnmatch.fnmatch(addr, g) for g in ignore):
                continue
            if role == "from" and reply_to and reply_to & present:
                continue  # the sender asked for replies to another address, and it is there
            hit = _header_hit(letter, "to" if "to" in letter.header_pos else "cc", str(a), address=addr, name=a.name or addr,
                              role={"from": "отправитель", "to": "получатель", "cc": "в копии"}[role],
                              role_en={"from": "sender", "to": "recipient", "cc": "Cc"}[role])
            hit.excerpt = str(a)
            yield hit


@register("subject-informative")
def subject_informative(ctx: "RuleContext") -> Iterator[Hit]:
    """A new thread needs a subject one can find in five years: not empty, not «Вопрос» or «Документы»."""
    letter = ctx.letter
    if letter.is_reply or ctx.earlier():
        return
    if letter.kind == "template" and "subject" not in letter.headers_present:
        return  # a body-only template: the subject is set elsewhere
    reply, fwd = _prefixes(ctx)
    if _is_forward(letter.subject, fwd) or letter.forwarded:
        return
    core = strip_prefixes(letter.subject, reply + fwd)
    if core and core != " ".join((letter.subject or "").split()):
        return  # «Re: Договор» without reply headers is still a reply: its subject is inherited
    key = norm(re.sub(r"[^\w\s-]+", " ", core, flags=re.U))
    key = " ".join(key.replace("_", " ").split()).strip(" -")
    generic = {" ".join(norm(re.sub(r"[^\w\s-]+", " ", str(g))).split()) for g in ctx.params.get("generic", [])}
    if not key:
        hit = _subject_hit(letter, subject=letter.subject or "")
        hit.message = "empty"
        yield hit
    elif key in generic or _only_meeting_and_time(key, ctx.params):
        yield _subject_hit(letter, subject=core)


def _only_meeting_and_time(key: str, params: dict) -> bool:
    """«Созвон в среду», «Встреча 12.03 в 11:00»: a meeting word with a time and nothing about the topic.
    Words are compared by their start (``meeting_words``, ``time_words``) after «ё» → «е»; numbers count as time."""
    meeting = [norm(str(w)) for w in params.get("meeting_words") or ()]
    timing = [norm(str(w)) for w in params.get("time_words") or ()]
    words = key.split()
    if not meeting or not any(any(w.startswith(m) for m in meeting) for w in words):
        return False
    return all(any(w.startswith(m) for m in meeting) or re.fullmatch(r"[\d.:/-]+", w)
               or any(w == t or (len(t) > 3 and w.startswith(t)) for t in timing) for w in words)


def _fmt_mb(size: int) -> str:
    mb = size / (1024 * 1024)
    return (f"{mb:.1f}" if mb < 100 else f"{mb:.0f}").replace(".", ",")


def _fmt_number(v: object) -> str:
    """10 → «10», 0.5 → «0,5»: a config number as a Russian reader writes it."""
    try:
        f = float(v)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(v)
    return (str(int(f)) if f.is_integer() else f"{f:g}").replace(".", ",")


@register("large-attachment")
def large_attachment(ctx: "RuleContext") -> Iterator[Hit]:
    """An attachment over ``max_mb`` with no word about its size or a link in the text."""
    letter = ctx.letter
    limit = float(ctx.params.get("max_mb", 10)) * 1024 * 1024
    big = [a for a in letter.attachments if a.size > limit]
    if not big:
        return
    words = [norm(str(w)) for w in ctx.params.get("notice_words", [])]
    text = norm(f"{letter.subject}\n{letter.new_text.text}")
    if words and re.search(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")", text):
        return
    for a in big:
        yield _header_hit(letter, a.pos, f"{a.name} ({_fmt_mb(a.size)} МБ)", name=a.name,
                          size_mb=_fmt_mb(a.size), max_mb=_fmt_number(ctx.params.get("max_mb", 10)))


# --- missing-attachment -----------------------------------------------------------------------------------------

_MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
_WHEN_RE = re.compile(
    rf"\b\d{{1,2}}(?:-?го)?\s+(?:{_MONTHS})\b|\b\d{{1,2}}[./]\d{{1,2}}(?:[./]\d{{2,4}})?\b|"
    r"\b(?:в|во|к|до)\s+(?:понедельник|вторник|сред[уы]|четверг|пятниц[уы]|суббот[уы]|воскресенье)\b|"
    r"\b(?:завтра|послезавтра|на следующей неделе|через\s+\w+\s+(?:дн|недел))", re.I)
# a habit or a process described, not this letter — anywhere in the sentence: «в начале месяца мы сами присылаем
# сводный отчёт», «каждую пятницу высылаем акт», «после договора мы присылаем список — обычно это занимает…»
_HABIT_RE = re.compile(
    r"\b(?:кажд\w+|ежемесячно|еженедельно|ежедневно|ежеквартально|ежегодно|обычно|всегда|регулярно|"
    r"раз в\s+\w+|в (?:начале|конце|середине) (?:каждого |каждой )?(?:месяца|недели|квартала|года))\b", re.I)
_FILE_RE = re.compile(r"(?<![\w/@.-])[\w][\w\-. ]{0,80}?\.(?P<ext>[a-z0-9]{2,5})(?![\w/])", re.I)
_LINE_HEAD_RE = re.compile(r"^\s*(?:приложени[еяй]|вложени[еяй]|attachments?)\s*(?:№\s*\d+\s*)?:", re.I | re.M)


class _Lists:
    """The missing-attachment word lists of one rule configuration, compiled once."""

    def __init__(self, params: dict) -> None:
        def ps(key: str) -> PhraseSet:
            return PhraseSet(compile_phrase(str(p)) for p in params.get(key, []) if str(p).strip())

        def lemmas(key: str) -> set[str]:
            return {norm(str(w)) for w in params.get(key, [])}

        self.phrases = ps("phrases")
        self.appendix = ps("appendix_phrases")
        self.cancel = ps("cancel_phrases")
        self.elsewhere = ps("elsewhere_phrases")
        self.attach_verbs = lemmas("attach_verbs")
        self.send_verbs = lemmas("send_verbs")
        self.documents = lemmas("documents")
        self.inline_documents = lemmas("inline_documents")
        self.document_phrases = ps("document_phrases")
        self.app_words = lemmas("app_words")
        self.link_words = lemmas("link_words")
        self.offline = ps("offline_phrases")
        self.goods = lemmas("goods_words")
        self.not_objects = lemmas("not_objects")
        self.extensions = {norm(str(e)).lstrip(".") for e in params.get("file_extensions", [])}
        self.ignore = [norm(str(g)) for g in params.get("ignore_attachments", [])]


_LISTS: dict[int, tuple[dict, _Lists]] = {}


def _lists(params: dict) -> _Lists:
    key = id(params)
    cached = _LISTS.get(key)
    if cached is None or cached[0] is not params:
        cached = (params, _Lists(params))
        _LISTS[key] = cached
    return cached[1]


def _lemmas(t: "Token") -> set[str]:
    return extras.lemmas(t) | {extras.form(t)}


def _words(at: "AnalysedText", s: int, e: int) -> list["Token"]:
    """Word tokens starting in [s, e) (the word list and offsets are built once per text)."""
    cache = at.__dict__.get("_header_words")
    if cache is None:
        toks = [t for t in at.doc if extras.is_word(t)]
        cache = (toks, [t.idx for t in toks])
        at.__dict__["_header_words"] = cache
    toks, starts = cache
    return toks[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


def _clause(at: "AnalysedText", sent: tuple[int, int], offset: int) -> tuple[int, int]:
    """The part of the sentence between commas/dashes/semicolons that holds ``offset``."""
    text = at.text
    s, e = sent
    left = max(text.rfind(c, s, offset) for c in (",", ";", " — ", " - ", ":"))
    right = [i for i in (text.find(c, offset, e) for c in (",", ";", " — ", " - ", ":")) if i >= 0]
    return (left + 1 if left >= s else s), (min(right) if right else e)


@register("missing-attachment", needs=("tokens", "morph"))
def missing_attachment(ctx: "RuleContext") -> Iterator[Hit]:
    """The new text says something is attached, and nothing is."""
    letter = ctx.letter
    L = _lists(ctx.params)
    real = [a for a in letter.attachments if not any(fnmatch.fnmatch(norm(a.name), g) for g in L.ignore)]
    if real:
        return
    if letter.kind == "template" and not ctx.params.get("check_templates", False):
        return
    src = letter.new_text
    if not src.text.strip():
        return
    at = ctx.analysed(src)
    for start, end in _triggers(at, L):
        yield Hit.span(src, start, end)
        return  # one finding per letter: the problem is the letter, not each phrase


def _sentence_cancelled(at: "AnalysedText", L: _Lists, sent: tuple[int, int]) -> bool:
    """Questions, links, later/offline delivery and the client's own attachment cancel the whole sentence."""
    s, e = sent
    text = at.text[s:e].rstrip()
    if text.endswith("?") or "?" in text[-3:]:
        return True
    words = _words(at, s, e)
    for t in words:
        if _is_link(t, L):
            return True
        if _lemmas(t) & L.link_words:
            return True
    for ps in (L.cancel, L.offline):
        if ps and any(s <= m.start < e for m in ps.finditer(at, loose=True)):
            return True
    return False


def _negated(at: "AnalysedText", sent: tuple[int, int], start: int, L: "_Lists | None" = None) -> bool:
    """Negation, a request («пришлите … во вложении»), a promise («пришлём во вложении») or the past
    («договор был во вложении») in the clause: not a claim that something is attached now."""
    cs, ce = _clause(at, sent, start)
    if L is not None and L.elsewhere and any(cs <= m.start < ce for m in L.elsewhere.finditer(at, loose=True)):
        return True   # attached somewhere else: «к заявке на сайте», «в тикете»
    for t in _words(at, cs, ce):
        if extras.form(t) in ("не", "нет", "ни"):
            return True
        if L is None:
            continue
        oc = extras.oc(t)
        lem = _lemmas(t)
        if lem & (L.send_verbs | L.attach_verbs) and oc & {"impr", "futr", "INFN"}:
            return True
        if "быть" in lem and oc & {"past", "futr"}:
            return True
    return False


def _has_document(at: "AnalysedText", L: _Lists, s: int, e: int) -> bool:
    if any(_lemmas(t) & L.documents for t in _words(at, s, e)):
        return True
    if L.document_phrases and any(True for _ in L.document_phrases.finditer(at, start=s, end=e)):
        return True
    return any(_file_name_ok(m, L) for m in _FILE_RE.finditer(at.text[s:e]))


def _file_name_ok(m: re.Match[str], L: _Lists) -> bool:
    return norm(m.group("ext")) in L.extensions


def _triggers(at: "AnalysedText", L: _Lists) -> Iterator[tuple[int, int]]:
    """Character spans that claim an attachment, in text order, each already checked against the traps."""
    text = at.text
    found: list[tuple[int, int]] = []
    sentences = at.sentences() or [(0, len(text))]

    def sent_of(off: int) -> tuple[int, int]:
        for s in sentences:
            if s[0] <= off < s[1]:
                return s
        return at.sentence_of(off)

    # 1. «Приложение: …» / «Вложения:» heading lines
    for m in _LINE_HEAD_RE.finditer(text):
        s0 = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        found.append((s0, m.end() - 1))
    # 2. fixed phrases: «во вложении», «см. вложение», «прикреплённый файл»…
    for m in L.phrases.finditer(at):
        sent = sent_of(m.start)
        if _sentence_cancelled(at, L, sent) or _negated(at, sent, m.start, L):
            continue
        found.append((m.start, m.end))
    # 3. «в приложении»: an appendix or a mobile app? Only with a document and without app words.
    for m in L.appendix.finditer(at):
        sent = sent_of(m.start)
        if _sentence_cancelled(at, L, sent) or _negated(at, sent, m.start, L):
            continue
        if _appendix_means_attachment(at, L, sent, m):
            found.append((m.start, m.end))
    # 4. verbs: «прилагаю», «прикрепляю», «приложила», «направляю договор», «высылаем счёт»
    doc = at.doc
    v = token_view(at)
    for i in range(v.n):
        if not v.word[i]:
            continue
        lem = v.lemmas[i] | {v.form[i]}
        attach = bool(lem & L.attach_verbs)
        send = bool(lem & L.send_verbs)
        if not (attach or send):
            continue
        t = doc[i]
        oc = extras.oc(t)
        sent = sent_of(t.idx)
        if _sentence_cancelled(at, L, sent):
            continue
        if _verb_claims(at, L, t, sent, oc, attach):
            found.append((t.idx, t.idx + len(t.text)))
    # 5. a file name with an extension («dogovor_v2.pdf»)
    for m in _FILE_RE.finditer(text):
        if not _file_name_ok(m, L):
            continue
        s = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        if _inside_url(at, s):
            continue
        sent = sent_of(s)
        if _sentence_cancelled(at, L, sent) or _negated(at, sent, s, L):
            continue
        if _their_file(at, sent):
            continue
        found.append((s, m.end()))
    for span in sorted(set(found)):
        yield span


def _is_link(t: "Token", L: _Lists) -> bool:
    """A URL or a bare domain — but not a file name («report.pdf» looks like a URL to spaCy)."""
    text = t.text.lower()
    if re.fullmatch(r"[\d№/.\-]+", text):
        return False   # «договор № 77/25», «14/2024»: a number, not a path
    if "://" in text or text.startswith("www.") or "/" in text:
        return True
    return bool(t.like_url) and "@" not in text and text.rsplit(".", 1)[-1] not in L.extensions


def _inside_url(at: "AnalysedText", offset: int) -> bool:
    for t in at.doc:
        if t.idx <= offset < t.idx + len(t.text):
            return "/" in t.text or "@" in t.text or "://" in t.text or t.text.lower().startswith("www.")
    return False


def _their_file(at: "AnalysedText", sent: tuple[int, int]) -> bool:
    """«В вашем файле report.xlsx…», «вы прислали dogovor.pdf»: the client's file, not ours."""
    for t in _words(at, *sent):
        lem = _lemmas(t)
        if "ваш" in lem or extras.form(t) in ("вы", "вами", "вас"):
            return True
        if lem & {"прислать", "получить", "открыть", "открываться", "найти", "загрузить", "скачать"}:
            return True
    return False


def _appendix_means_attachment(at: "AnalysedText", L: _Lists, sent: tuple[int, int], m) -> bool:
    s, e = sent
    words = _words(at, s, e)
    if any(_lemmas(t) & L.app_words for t in words):
        return False
    after = [t for t in at.doc[m.end_token:] if not t.is_space]
    nxt = after[0] if after else None
    if nxt is not None and (nxt.like_num or nxt.text in ("№", "N") or (extras.form(nxt) == "к" and len(after) > 1
                                                                       and not (_lemmas(after[1]) & {"письмо", "сообщение"})
                                                                       and not (len(after) > 2 and _lemmas(after[2]) & {"письмо", "сообщение"}))):
        return False  # «в Приложении 2», «в приложении к договору»: a document's appendix
    if nxt is not None and extras.form(nxt) == "к":
        return True   # «в приложении к письму»
    at_end = nxt is None or nxt.idx >= e or (nxt.is_punct and nxt.text in ".!…")
    at_start = m.start <= s + 1
    if at_start and nxt is not None and (nxt.text in (":", "—", "-", "–") or _lemmas(nxt) & L.documents
                                          or _lemmas(nxt) & {"вы", "найти", "находиться"}):
        return True
    return at_end and _has_document(at, L, s, e)


def _inside_goods(at: "AnalysedText", L: _Lists, t: "Token", before: list, after: list, sent: tuple[int, int]) -> bool:
    """«аптечки с футляром и вложенной инструкцией», «схема есть во вложенной инструкции в коробке»: «вложенный»
    said of what comes inside the goods (after «с …», or with a box or a package in the sentence), not a file."""
    if not _lemmas(t) & {"вложить", "вкладывать", "вложенный"}:
        return False
    if after and _lemmas(after[0]) & {"файл", "документ", "архив"}:
        return False
    with_goods = "ablt" in extras.oc_any(t) and any(extras.form(w) in ("с", "со") for w in before)
    return with_goods or any(_lemmas(w) & L.goods for w in _words(at, *sent))


def _verb_claims(at: "AnalysedText", L: _Lists, t: "Token", sent: tuple[int, int], oc: set[str], attach: bool) -> bool:
    """Does this verb form say «I/we attach (send) it now»?"""
    if oc & {"INFN", "impr", "futr", "GRND", "2per"}:
        return False
    if "3per" in oc and not (attach and extras.form(t).endswith(("ся", "сь"))):
        return False  # «бухгалтер прикрепляет» is a report; «счёт прилагается» is a claim
    if _negated_verb(at, t):
        return False
    cs, ce = _clause(at, sent, t.idx)
    if L.elsewhere and any(cs <= m.start < ce for m in L.elsewhere.finditer(at, loose=True)):
        return False
    clause = _words(at, cs, ce)
    before = [w for w in clause if w.idx < t.idx]
    after = [w for w in _words(at, t.idx + len(t.text), sent[1])]
    # «Спасибо, что приложили», «вы прикрепили», «как вы и прислали» — the client's action
    sent_words = _words(at, *sent)
    if any(extras.form(w) in ("вы", "вами") for w in before) or any(
            _lemmas(w) & {"спасибо", "благодарить", "благодарный"} for w in sent_words if w.idx < t.idx):
        return False
    # «прилагаем все усилия», «прикрепляем за вами менеджера»
    if any(_lemmas(w) & L.not_objects for w in after[:4]) or (after and extras.form(after[0]) == "за"):
        return False   # «за» right after the verb — «прикрепляем за вами»; «направляем счёт за апрель» is a claim
    if "PRTF" in oc:   # «приложенный договор», «в прикреплённом файле»
        if _inside_goods(at, L, t, before, after, sent):
            return False
        return attach and _has_document(at, L, t.idx, sent[1])
    if "PRTS" in oc:   # «договор приложен», «файлы прикреплены»
        return attach
    if not attach:
        # a send verb counts only in the present, first person, with a document named in the sentence —
        # and not as the present of a plan: «27 мая присылаем готовые макеты»
        if not ({"1per", "pres"} <= oc):
            return False
        if _WHEN_RE.search(at.text[cs:ce]) or _HABIT_RE.search(at.text[sent[0]:sent[1]]):
            return False
        if not (_has_document(at, L, t.idx + len(t.text), sent[1]) or _has_document(at, L, sent[0], t.idx)):
            return False
        return not _content_follows(at, L, t, sent)
    if "past" in oc or "pres" in oc:
        return True
    return False


_LIST_START_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[—–\-•*])\s")


def _content_follows(at: "AnalysedText", L: _Lists, verb: "Token", sent: tuple[int, int]) -> bool:
    """«Как и обещали, присылаем расчёт.» + «Перевод 230 страниц — 379 500 ₽…»: the calculation is given right
    here in the text, not attached. Only for documents that can be written in a letter (``inline_documents``:
    расчёт, смета, реквизиты, план…) and only when the content follows at once — the sentence ends with a colon,
    or the next sentence carries figures or opens a list. A file-only document in the same sentence
    («присылаем расчёт и договор»), a file name or a document phrase keep the claim."""
    if not L.inline_documents:
        return False
    s, e = sent
    docs = {lem for w in _words(at, s, e) if w.i != verb.i for lem in (_lemmas(w) & L.documents)}
    if not docs or not docs <= L.inline_documents:
        return False
    if L.document_phrases and any(True for _ in L.document_phrases.finditer(at, start=s, end=e)):
        return False
    if any(_file_name_ok(m, L) for m in _FILE_RE.finditer(at.text[s:e])):
        return False
    if at.text[s:e].rstrip().endswith(":"):
        return True
    sentences = at.sentences() or [(0, len(at.text))]
    nxt = next(((a, b) for a, b in sentences if a >= e and at.text[a:b].strip()), None)
    if nxt is None:
        return False
    piece = at.text[nxt[0]:nxt[1]]
    line_start = at.text.rfind("\n", 0, nxt[0]) + 1
    return bool(re.search(r"\d", piece)) or bool(_LIST_START_RE.match(at.text[line_start:nxt[1]]))


def _negated_verb(at: "AnalysedText", t: "Token") -> bool:
    j = t.i - 1
    while j >= 0 and at.doc[j].is_space:
        j -= 1
    return j >= 0 and extras.form(at.doc[j]) in ("не", "ни")
