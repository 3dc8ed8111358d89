"""Context params of the lexicon type: when a matched word does NOT count, and shouting.

All optional; a lexicon rule lists them under ``params`` (a config may override them like any param).
Entry lists name entries by any of their ``match`` variants.

    set_off_only: [короче]          # only at a sentence start or right after punctuation
    literal_before_noun: [типа]     # quiet when a noun, a Latin word or a number follows directly
    intensifier_only: [реально]     # only before an adjective, adverb, comparative or finite verb
    greetings_only_at_start: [хай]  # only as the first word of the text or of a line
    future_only: [на днях]          # only in a clause with a future-tense verb («выставим на днях»)
    skip_quoted: true               # quiet inside quotation marks: «кнопка «Напиши нам»»
    next_step:                      # quiet when a next step follows: same sentence or the next N sentences
      sentences_after: 2
      phrases: [уточню, узнаем, напишу]
    date_nearby:                    # quiet when a date or time is in the same sentence (scope: sentence | text)
      scope: sentence
      patterns: ['\\b\\d{1,2}:\\d{2}\\b']   # regular expressions, case-insensitive
      phrases: [завтра, до конец день]      # phrases, matched by lemma like entries
    expansion: {window: 8}          # an entry whose first use has one of its «suggest» spelled out within N words
                                    # of the same sentence («техническое задание (ТЗ)») is quiet in the whole text
    common: [НДС, ИНН, "ГК РФ"]     # words never reported even if an entry matches them; a phrase of several
                                    # words («ГК РФ») silences the entry's word inside it only («по ГК» still fires)
    skip_names: true                # quiet inside a company name: our own from the signature («Формула CRM», in
                                    # any case form, quoted or not — its first use there silences the entry in the
                                    # whole letter: the client knows the word from our name) and a quoted name after
                                    # ООО / агентство / студия… («ООО «ТЗ-Сервис»»)
    skip_internal: true             # quiet when the letter goes to colleagues only: every To address is ours, or
                                    # on a domain that carries our domain's name (tablica.pro → tablica-support.com)
    wishes: [удачный, успешный]     # quiet in a short wish about the client's own affair («Удачного релиза!»): the
                                    # sentence opens with one of these lemmas and ends with «!»
    unless_near:                    # per entry: quiet when the clause holds one of these (a legal context)
      - entries: [уведомить]
        phrases: [роскомнадзор, налоговый, арендодатель]   # lemmas, like entries
        patterns: ['за \\d+ (?:рабочих |календарных )?(?:дн|день|недел|месяц)']
    unless_topic:                   # per entry: quiet when the letter (quotes included) or an earlier letter of the
      - entries: [инвойс]           # thread holds one of these — the word is the client's own trade («инвойс» to
        phrases: [таможня, импорт]  # an importer) or another word of the same spelling («футер» the fabric)
    per_sentence: false             # at most one finding per sentence
    shouting:                       # extra findings (message key «shouting» of ``messages``)
      caps_min_words: 3             # N+ words in a row in capitals (0 = off)
      caps_ignore_quoted: true      # «ООО «СТРОЙ ТЕХ ИНВЕСТ»» is a name
      caps_ignore_abbreviations: true
      exclamation_run_min: 2        # «!!» and longer (0 = off)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.text import extras
from letterlint.text.normalize import norm
from letterlint.text.phrases import Phrase, PhraseSet, WordPat, compile_phrase

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from letterlint.text.phrases import PhraseMatch
    from letterlint.text.pipeline import AnalysedText

ENTRY_CONDITIONS = ("set_off_only", "literal_before_noun", "intensifier_only", "greetings_only_at_start",
                    "future_only")
CONTEXT_PARAMS = ENTRY_CONDITIONS + ("skip_quoted", "next_step", "date_nearby", "expansion", "common",
                                     "per_sentence", "shouting", "noun_chain", "skip_names", "skip_internal",
                                     "wishes", "unless_near", "unless_topic")
_NAME_QUOTED_RE = re.compile(r"«\s*([A-ZА-ЯЁ0-9][^«»\n]{0,60}?)\s*»|\"\s*([A-ZА-ЯЁ0-9][^\"\n]{0,60}?)\s*\"")
_OPENERS = {"(", "«", '"', "„", "“", "—", "–", "-"}
_QUOTED_RE = re.compile(r"«[^«»\n]*»|„[^„“”\n]*[“”]|“[^“”\n]*”|\"[^\"\n]*\"")
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[—–-]\s")
_EXCL_RE = re.compile(r"[!?]{2,}")
# a short all-caps token is a word being shouted (not an abbreviation like НДС, ИП) when pymorphy3 knows it as one
_SHOUTED_WORD_TAGS = frozenset({"VERB", "INFN", "ADVB", "NOUN", "ADJF", "PREP", "CONJ", "PRCL", "NPRO", "PRED"})


def _labels(v: Any) -> set[str]:
    return {" ".join(norm(str(x)).split()) for x in (v or [])}


def _named_entries(labels: set[str], entries: list[Any]) -> list[int]:
    """The indexes of the entries a params list names by any of their ``match`` variants."""
    return [i for i, e in enumerate(entries) if any(" ".join(norm(p.text).split()) in labels for p in e.phrases)]


def _phrases(v: Any) -> PhraseSet:
    out = PhraseSet()
    for x in v or []:
        try:
            out.add(compile_phrase(str(x)))
        except ValueError:
            continue
    return out


def lemma_phrase(text: str) -> Phrase | None:
    """A phrase matching any inflection of ``text`` («техническое задание» ~ «техническим заданием»)."""
    from letterlint.text.morph import word_info

    words = []
    for raw in str(text).split():
        w = norm(raw.strip(".,;:!?«»\"'()[]…"))
        if not w:
            continue
        words.append(WordPat(word_info(w).lemma, False))
    return Phrase(tuple(words), text) if words else None


@dataclass
class Shouting:
    caps_min_words: int = 0
    caps_ignore_quoted: bool = True
    caps_ignore_abbreviations: bool = True
    exclamation_run_min: int = 0


@dataclass
class NounChain:
    """Chains of verbal nouns («для обеспечения проведения согласования»): a morphology check, not a list."""

    min_nouns: int = 3
    suffixes: tuple[str, ...] = ()
    genitive_after_first: bool = True
    message: str = ""
    message_en: str = ""


@dataclass
class LexiconContext:
    """The context params of one lexicon rule, compiled once per params dict."""

    entry_conditions: dict[int, tuple[str, ...]] = field(default_factory=dict)
    skip_quoted: bool = False
    next_step: PhraseSet | None = None
    next_step_after: int = 2
    date_patterns: list[re.Pattern[str]] = field(default_factory=list)
    date_phrases: PhraseSet | None = None
    date_scope: str = "sentence"
    expansion_window: int = 0
    expansions: dict[int, PhraseSet] = field(default_factory=dict)
    common: set[str] = field(default_factory=set)
    per_sentence: bool = False
    shouting: Shouting | None = None
    noun_chain: NounChain | None = None
    common_phrases: PhraseSet | None = None
    skip_names: bool = False
    skip_internal: bool = False
    wishes: set[str] = field(default_factory=set)
    unless_near: dict[int, list[tuple[PhraseSet, list[re.Pattern[str]]]]] = field(default_factory=dict)
    unless_topic: dict[int, PhraseSet] = field(default_factory=dict)

    @classmethod
    def build(cls, params: dict, entries: list[Any]) -> "LexiconContext":
        c = cls()
        for cond in ENTRY_CONDITIONS:
            labels = _labels(params.get(cond))
            if not labels:
                continue
            for i in _named_entries(labels, entries):
                c.entry_conditions[i] = c.entry_conditions.get(i, ()) + (cond,)
        c.skip_quoted = bool(params.get("skip_quoted"))
        ns = params.get("next_step")
        if isinstance(ns, dict) and ns.get("phrases"):
            c.next_step = _phrases(ns.get("phrases"))
            c.next_step_after = int(ns.get("sentences_after", 2) or 0)
        dn = params.get("date_nearby")
        if isinstance(dn, dict):
            for p in dn.get("patterns") or []:
                try:
                    c.date_patterns.append(re.compile(str(p), re.I))
                except re.error:
                    continue
            c.date_phrases = _phrases(dn.get("phrases")) or None
            c.date_scope = str(dn.get("scope") or "sentence")
        ex = params.get("expansion")
        if isinstance(ex, dict) and int(ex.get("window", 0) or 0) > 0:
            c.expansion_window = int(ex["window"])
            for i, e in enumerate(entries):
                ps = PhraseSet(p for p in (lemma_phrase(s) for s in e.suggest) if p is not None)
                if ps:
                    c.expansions[i] = ps
        common = [str(x) for x in params.get("common") or []]
        c.common = {norm(x) for x in common if len(x.split()) == 1}
        multi = [x for x in common if len(x.split()) > 1]
        c.common_phrases = _phrases(multi) if multi else None
        c.skip_names = bool(params.get("skip_names"))
        c.skip_internal = bool(params.get("skip_internal"))
        c.wishes = {norm(str(x)) for x in params.get("wishes") or []}
        for item in params.get("unless_near") or []:
            if not isinstance(item, dict):
                continue
            labels = _labels(item.get("entries"))
            pats = []
            for p in item.get("patterns") or []:
                try:
                    pats.append(re.compile(str(p), re.I))
                except re.error:
                    continue
            near = (_phrases(item.get("phrases")), pats)
            for i in _named_entries(labels, entries):
                c.unless_near.setdefault(i, []).append(near)
        for item in params.get("unless_topic") or []:
            if not isinstance(item, dict):
                continue
            topic = _phrases(item.get("phrases"))
            for i in _named_entries(_labels(item.get("entries")), entries) if topic else []:
                c.unless_topic[i] = topic
        c.per_sentence = bool(params.get("per_sentence"))
        sh = params.get("shouting")
        if isinstance(sh, dict):
            c.shouting = Shouting(int(sh.get("caps_min_words", 0) or 0), bool(sh.get("caps_ignore_quoted", True)),
                                  bool(sh.get("caps_ignore_abbreviations", True)),
                                  int(sh.get("exclamation_run_min", 0) or 0))
        nc = params.get("noun_chain")
        if isinstance(nc, dict) and int(nc.get("min_nouns", 0) or 0) >= 2 and nc.get("suffixes"):
            c.noun_chain = NounChain(int(nc["min_nouns"]), tuple(norm(str(x)) for x in nc["suffixes"]),
                                     bool(nc.get("genitive_after_first", True)), str(nc.get("message") or ""),
                                     str(nc.get("message_en") or ""))
        return c


class TextIndex:
    """Sentence and quotation lookups over one analysed text."""

    def __init__(self, at: "AnalysedText") -> None:
        self.at = at
        self.sents = at.sentences() or [(0, len(at.text))]
        self.starts = [s for s, _ in self.sents]
        self.quoted = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(at.text)]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def in_quotes(self, start: int, end: int) -> bool:
        return any(a < start and end < b for a, b in self.quoted)

    def clause(self, offset: int) -> tuple[int, int]:
        s, e = self.sents[self.sentence_index(offset)]
        text = self.at.text
        left = s
        for m in _CLAUSE_BREAK.finditer(text, s, offset):
            left = m.end()
        m = _CLAUSE_BREAK.search(text, offset, e)
        return left, (m.start() if m else e)


def _tokens(at: "AnalysedText", s: int, e: int) -> list["Token"]:
    return [t for t in at.doc if s <= t.idx < e and extras.is_word(t)]


def condition_ok(at: "AnalysedText", idx: TextIndex, m: "PhraseMatch", conds: Iterable[str]) -> bool:
    """Do the entry's position conditions hold for this match?"""
    doc = at.doc
    prev = next((doc[j] for j in range(m.start_token - 1, -1, -1) if not doc[j].is_space), None)
    nxt_i = m.end_token
    while nxt_i < len(doc) and doc[nxt_i].is_space:
        nxt_i += 1
    nxt = doc[nxt_i] if nxt_i < len(doc) else None
    for cond in conds:
        if cond == "set_off_only":
            if prev is not None and not (prev.is_punct or prev.text in _OPENERS) and not prev.is_sent_end \
                    and not doc[m.start_token].is_sent_start:
                return False
        elif cond == "literal_before_noun":
            if nxt is not None and not nxt.is_punct and (
                    "NOUN" in extras.oc_any(nxt) or nxt.like_num or re.fullmatch(r"[A-Za-z][\w.-]*", nxt.text)):
                return False
        elif cond == "intensifier_only":
            if nxt is None or nxt.is_punct or not ({"ADJF", "ADJS", "ADVB", "COMP", "VERB", "PRTS"} & extras.oc(nxt)):
                return False
        elif cond == "greetings_only_at_start":
            line_start = at.text.rfind("\n", 0, m.start) + 1
            before = at.text[line_start:m.start]
            if any(c.isalnum() for c in before):
                return False
        elif cond == "future_only":
            cs, ce = idx.clause(m.start)
            if not any("futr" in extras.oc(t) for t in _tokens(at, cs, ce)):
                return False
    return True


def next_step_follows(at: "AnalysedText", idx: TextIndex, ctx: LexiconContext, start: int) -> bool:
    si = idx.sentence_index(start)
    last = min(len(idx.sents) - 1, si + ctx.next_step_after)
    s, e = idx.sents[si][0], idx.sents[last][1]
    assert ctx.next_step is not None
    return any(s <= m.start < e for m in ctx.next_step.finditer(at))


def date_nearby(at: "AnalysedText", idx: TextIndex, ctx: LexiconContext, start: int) -> bool:
    if ctx.date_scope == "text":
        s, e = 0, len(at.text)
    elif ctx.date_scope == "clause":
        s, e = idx.clause(start)
    else:
        s, e = idx.sents[idx.sentence_index(start)]
    piece = at.text[s:e]
    if any(p.search(piece) for p in ctx.date_patterns):
        return True
    return bool(ctx.date_phrases) and any(s <= m.start < e for m in ctx.date_phrases.finditer(at))  # type: ignore[union-attr]


def expanded(at: "AnalysedText", idx: TextIndex, ctx: LexiconContext, entry: int, m: "PhraseMatch") -> bool:
    """Is one of the entry's suggestions spelled out within the window, in the sentence of ``m``?"""
    ps = ctx.expansions.get(entry)
    if not ps:
        return False
    s, e = idx.sents[idx.sentence_index(m.start)]
    words = _tokens(at, s, e)
    pos = {t.i: k for k, t in enumerate(words)}
    first = pos.get(m.start_token)
    last = pos.get(m.end_token - 1, first)
    if first is None:
        return False
    for x in ps.finditer(at, start=s, end=e):
        xs, xe = pos.get(x.start_token), pos.get(x.end_token - 1)
        if xs is None or xe is None:
            continue
        gap = xs - last - 1 if xs > last else first - xe - 1
        if gap <= ctx.expansion_window:
            return True
    return False


def shouting_spans(at: "AnalysedText", idx: TextIndex, sh: Shouting, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words and of «!!»."""
    out: list[tuple[int, int]] = []
    if sh.caps_min_words > 0:
        run: list["Token"] = []

        def flush() -> None:
            if len(run) >= sh.caps_min_words:
                out.append((run[0].idx, run[-1].idx + len(run[-1].text)))
            run.clear()

        for t in at.doc:
            if t.idx < start or t.idx >= end:
                continue
            if t.is_space:
                if "\n" in t.text:
                    flush()
                continue
            if t.is_punct:
                if t.is_sent_end or t.text in ".!?…":
                    flush()
                continue
            letters = [c for c in t.text if c.isalpha()]
            caps = len(letters) >= 2 and all(c.isupper() for c in letters)
            if caps and sh.caps_ignore_quoted and idx.in_quotes(t.idx, t.idx + len(t.text)):
                caps = False
            if caps and sh.caps_ignore_abbreviations and ("Abbr" in extras.oc_any(t) or len(letters) <= 3
                                                          and not extras.oc_any(t) & _SHOUTED_WORD_TAGS):
                caps = False
            if caps and not t.is_sent_start and run and t.i != run[-1].i + 1:
                # words of a run are adjacent (commas and spaces between them are fine)
                gap = at.doc[run[-1].i + 1:t.i]
                if any(not (g.is_space or g.text in (",", "-", "—")) for g in gap):
                    flush()
            if caps:
                run.append(t)
            else:
                flush()
        flush()
    if sh.exclamation_run_min > 0:
        for m in _EXCL_RE.finditer(at.text, start, end):
            if m.group(0).count("!") >= sh.exclamation_run_min:
                out.append((m.start(), m.end()))
    return sorted(out)


def noun_chain_spans(at: "AnalysedText", nc: NounChain, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of ``min_nouns``+ adjacent verbal nouns, every one after the first in the genitive."""
    out: list[tuple[int, int]] = []
    run: list["Token"] = []

    def flush() -> None:
        if len(run) >= nc.min_nouns:
            out.append((run[0].idx, run[-1].idx + len(run[-1].text)))
        run.clear()

    for t in at.doc:
        if t.idx < start or t.idx >= end or t.is_space and "\n" not in t.text:
            continue
        tags = extras.oc_any(t)
        verbal = (not t.is_punct and "NOUN" in tags and len(t.text) > 5
                  and (extras.form(t) or norm(t.text)).endswith(nc.suffixes))
        if verbal and run and nc.genitive_after_first and "gent" not in tags:
            flush()
        if verbal and not run and t.text[:1].isupper() and not t.is_sent_start:
            verbal = False   # «в Управлении развития производства» — a name, not style
        if verbal:
            run.append(t)
        else:
            flush()
    flush()
    return out


_ORG_BEFORE_RE = re.compile(
    r"(?:\b(?:ООО|ОАО|ПАО|ЗАО|АО|НКО|АНО|ИП|ГК|LLC|Ltd)|(?:компани|агентств|студи|бюро|типографи|клиник|фирм|"
    r"организаци|сервис|холдинг|групп|корпораци|завод|фабрик|магазин|салон|центр|банк|школ)[а-яё]*)\s*$", re.I)


def _name_pattern(name: str) -> str:
    """A regex for a name in any case form: «Формула CRM» ~ «Формулу CRM», «Формулой CRM»."""
    parts = []
    for w in name.split():
        if re.fullmatch(r"[А-ЯЁа-яё]{4,}", w):
            parts.append(re.escape(w[:-2]) + r"[а-яё]{0,4}")
        else:
            parts.append(re.escape(w))
    return r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])"


def name_spans(at: "AnalysedText", ours: Iterable[str] = ()) -> list[tuple[int, int, bool]]:
    """Spans of company names, each with «is it ours»: the names from our signature (``ours``, «Формула CRM»)
    wherever the text repeats them, in any case form and with or without quotes; and quoted names after a legal
    form or an organisation word (ООО «ИТ-Баланс», агентство «Ивент-Про»). A quoted UI label («раздел «Текущие
    дела ЭДО»») is not a company name."""
    text = at.text
    out: list[tuple[int, int, bool]] = []
    for n in ours:
        if len(n) < 3:
            continue
        for m in re.finditer(_name_pattern(n), text):
            out.append((m.start(), m.end(), True))
    for m in _NAME_QUOTED_RE.finditer(text):
        g = 1 if m.group(1) is not None else 2
        if _ORG_BEFORE_RE.search(text[max(0, m.start() - 40):m.start()]):
            out.append((m.start(g), m.end(g), False))
    return out


def quoted_names(text: str) -> list[str]:
    """The names in quotation marks of a text (a signature: «руководитель поддержки «Формула CRM»»)."""
    return [m.group(1) if m.group(1) is not None else m.group(2) for m in _NAME_QUOTED_RE.finditer(text)]


def in_wish(at: "AnalysedText", idx: TextIndex, ctx: LexiconContext, start: int) -> bool:
    """«Удачного релиза в пятницу!» — a short wish: the sentence opens with a wish word and ends with «!»."""
    s, e = idx.sents[idx.sentence_index(start)]
    if not at.text[s:e].rstrip().endswith("!"):
        return False
    words = _tokens(at, s, e)
    if not words or len(words) > 8:
        return False
    first = words[0]
    lem = extras.lemmas(first) | {extras.form(first) or norm(first.text)}
    return bool(lem & ctx.wishes)


def near_context(at: "AnalysedText", idx: TextIndex, ctx: LexiconContext, entry: int, start: int) -> bool:
    """Does the clause of the match hold a context that makes the entry's word precise («уведомить Роскомнадзор»)?"""
    cs, ce = idx.clause(start)
    piece = at.text[cs:ce]
    for phrases, patterns in ctx.unless_near.get(entry, ()):
        if any(p.search(piece) for p in patterns):
            return True
        if phrases and any(cs <= m.start < ce for m in phrases.finditer(at)):
            return True
    return False
