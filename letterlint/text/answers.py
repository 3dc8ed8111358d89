"""Where does the draft answer each client question? Alignment of asks to the draft's sentences.

A candidate sentence scores on: the question's topic lemmas found in it (exact lemma, or a shared stem for
derivations such as «стоить»/«стоимость»), the kind of answer the question expects being there (сколько стоит →
an amount of money, когда → a date or time, можно ли → yes/no…), the list number (a numbered answer list
mirrors a numbered question list), an explicit reference («по второму вопросу»), and an honest deferral with a
date («уточним у юриста и ответим до среды»). Word vectors are never used alone: navec puts «можно» next to
«нельзя». Weights and thresholds come from the rule's params so a team can tune them, and every decision keeps
its reasons for `letterlint explain`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Collection

from letterlint.text import extras
from letterlint.text.asks import (Ask, _CHANGE_VERBS, _HOW_MUCH, _LIST_MARK, _NOT_JUDGED, _POSSIBLE, _RATES, _lemmas,
                                  squash)
from letterlint.text.morph import word_info
from letterlint.text.phrases import inside
from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.text.asks import AskLexicon
    from letterlint.text.pipeline import AnalysedText

_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
             "девят": 9, "десят": 10}


_MEASURE_KINDS = frozenset({"size", "weight", "volume", "age"})


@dataclass
class AnswerConfig:
    """Answer detection settings (rule params)."""

    type_patterns: dict[str, re.Pattern[str]]
    deferral: re.Pattern[str]
    done: re.Pattern[str]
    weights: dict[str, float]
    threshold: float
    min_overlap: float
    stem: int
    synonyms: dict[str, set[str]] = field(default_factory=dict)
    vector_min: float = 0.5
    request_types: dict[str, str] = field(default_factory=dict)   # «посчитать» → money: a request done by an answer
    kinds: dict[str, str] = field(default_factory=dict)      # «срок» → date: a noun naming a kind of answer

    @cached_property
    def measures(self) -> dict[str, str]:
        """«возраст» → age: the nouns of a measure and its kind (a part of ``kinds``)."""
        return {k: v for k, v in self.kinds.items() if v in _MEASURE_KINDS}

    @classmethod
    def from_params(cls, p: dict[str, Any]) -> "AnswerConfig":
        pats = {k: re.compile(v, re.I) for k, v in p.get("answer_patterns", {}).items()}
        return cls(
            type_patterns=pats,
            deferral=re.compile(p.get("deferral_pattern", r"(?!x)x"), re.I),
            done=re.compile(p.get("done_pattern", r"(?!x)x"), re.I),
            weights={"overlap": 0.55, "type": 0.45, "number": 0.35, "reference": 0.6, "own_words": 0.5,
                     **p.get("weights", {})},
            threshold=float(p.get("threshold", 0.5)),
            min_overlap=float(p.get("min_overlap", 0.25)),
            stem=int(p.get("stem_length", 4)),
            synonyms=_synonym_map([*p.get("thesaurus", []), *p.get("synonyms", [])], p.get("synonyms_one_way") or {}),
            vector_min=float(p.get("vector_min", 0.5)),
            request_types={norm(k): str(v) for k, v in (p.get("request_answer_types") or {}).items()},
            kinds={norm(k): str(v) for k, v in (p.get("type_nouns") or {}).items()},
        )


def _synonym_map(groups: list[list[str]], one_way: dict[str, list[str]] | None = None) -> dict[str, set[str]]:
    """Word → the words that answer it: every other word of its groups, and its one-way answers."""
    out: dict[str, set[str]] = {}
    for g in groups:
        words = {norm(w) for w in g}
        for w in words:
            out.setdefault(w, set()).update(words - {w})
    for w, answers in (one_way or {}).items():
        out.setdefault(norm(w), set()).update(norm(a) for a in answers)
    return out


@dataclass
class Candidate:
    """A sentence of the draft and what is in it."""

    start: int
    end: int
    text: str
    lemmas: set[str]
    number: int | None
    references: set[int]
    item: bool = False             # a list item («1.», «—», «•»)
    past: bool = False             # its verbs all speak of the past («заявка оформлена 15 апреля»)
    acts: bool = False             # we act or the client is told to: «сделаем», «записала», «приносите»
    will: bool = False             # something will be done: «медсёстры приедут», «преподаватель проведёт»
    label: frozenset[str] = frozenset()   # the lemmas of «По замене участников:» heading its paragraph
    word_scores: dict[tuple[str, int, int], float] = field(default_factory=dict, repr=False, compare=False)
    said: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)   # see _says

    @cached_property
    def sounds(self) -> dict[bool, frozenset[str]]:
        """How its names sound, by alphabet (True: Latin): «Camry» → «kamri», to meet «камри»."""
        names = [l for l in self.lemmas if len(l) >= 4 and l.isalpha()]
        return {latin: frozenset(_sound(l) for l in names if l.isascii() == latin) for latin in (True, False)}


@dataclass
class Alignment:
    """The verdict on one ask, with its reasons."""

    ask: Ask
    answered: bool
    score: float
    best: Candidate | None
    deferred: bool = False
    reasons: list[str] = field(default_factory=list)
    vetoes: list[str] = field(default_factory=list)   # what kept the best candidate from answering (_VETOES keys)
    by_words: bool = False         # linked by shared words or list numbers, not only by the kind of answer
    others: list[int] = field(default_factory=list)   # starts of other sentences linked by words that also answer it
    fallback: list[int] = field(default_factory=list)  # starts of every other sentence linked by words that answers it


def candidates(at: "AnalysedText") -> list[Candidate]:
    out = []
    current_ref: set[int] = set()
    label: frozenset[str] = frozenset()
    prev_end = 0
    for s, e in _clauses(at):
        raw = at.text[s:e]
        if "\n\n" in at.text[prev_end:s]:
            label = frozenset()          # a label heads its own paragraph only
        prev_end = e
        m = _LIST_MARK.match(raw)
        number = int(m.group(1)) if m and m.group(1) else None
        span = at.doc.char_span(s, e, alignment_mode="expand")
        toks = [t for t in span or [] if extras.is_word(t)]
        # (a preposition or a conjunction is only itself: «для» is no imperative of «длить»)
        # (nor is the «года» of a date: «до 15 марта 2026 года» says nothing about «продление на год»)
        toks = [t for k, t in enumerate(toks) if not (k and toks[k - 1].text.isdigit() and len(toks[k - 1].text) == 4
                                                      and extras.form(t).startswith("год"))]
        lem = {l for t in toks if t.pos_ not in _FUNCTION_POS for l in _lemmas(t)} | {extras.form(t) for t in toks}
        lem |= {h for h in map(_head, lem) if h}      # «SSL-сертификат» speaks of a «сертификат»
        refs = _references(raw)
        # «По второму вопросу:» on its own line heads the sentences below it
        if refs and raw.rstrip().endswith(":"):
            current_ref = refs
        elif not refs and current_ref and not m:
            refs = set(current_ref)
        if raw.strip() and not raw.rstrip().endswith(":") and refs == set() and current_ref and m:
            current_ref = set()
        tenses = [extras.oc(t) for t in toks if {"VERB", "PRTS"} & extras.oc(t)]
        past = bool(tenses) and all("past" in g for g in tenses)
        # any reading: «возвращаем», «профинансируем» read as short participles, «приносите» as the indicative
        # (not a verb of a relative clause: «как у вешенки, которую вы пробовали» does nothing now)
        relative = {k for j, t in enumerate(toks) if t.lemma_ == "который" for k in range(j + 1, j + 5)}
        grams = [extras.oc_any(t) for k, t in enumerate(toks) if {"VERB", "PRTS"} & extras.oc_any(t) and
                 k not in relative]
        # (a past participle — «зал будет подготовлен» — is a state, not someone acting)
        acts = any({"1per", "2per", "impr"} & g or "past" in g and "PRTS" not in g for g in grams)
        will = any("futr" in g for g in grams)
        lm = _TOPIC_LABEL.match(raw)
        if lm:
            label = frozenset(l for t in toks if s + lm.start(1) <= t.idx < s + lm.end(1) and t.pos_ not in _FUNCTION_POS
                              for l in _lemmas(t))
        else:
            lem |= label      # «По замене участников: … Уточню у перевозчиков и отвечу до пятницы»
        out.append(Candidate(s, e, raw, lem, number, refs, item=m is not None, past=past, acts=acts, will=will,
                             label=label))
    return out


def _clauses(at: "AnalysedText") -> list[tuple[int, int]]:
    """The sentences of the draft, a sentence of statements joined by «;» cut into them: «Свой домен подключается
    за пару минут; СДЭК подключается в разделе «Доставка»; на «Старте» можно загрузить до 500 товаров» answers three
    questions, each in its own place (a part of three words or fewer stays with the one before)."""
    out = []
    for s, e in at.sentences():
        cuts = [s + m.end() for m in re.finditer(r";\s+", at.text[s:e])]
        start = s
        for cut in cuts:
            if len(at.text[start:cut].split()) > 3 and len(at.text[cut:e].split()) > 3:
                out.append((start, at.text.rindex(";", start, cut)))
                start = cut
        out.append((start, e))
    return out


def _titled(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The paragraph is headed by the question's own topic: «По замене участников: … отвечу до пятницы» answers
    «…если кто-то из участников заменится, билеты придётся сдавать со штрафом?» (every word of the label is in
    the question, by its stem)."""
    if not c.label:
        return False
    stems = {f[:cfg.stem] for f in ask.focus if len(f) >= 3}
    if not all(l[:cfg.stem] in stems for l in c.label if len(l) >= 3) and not _asked_so(ask, c, cfg):
        return False
    # (a label of a kind of answer alone is no topic: «По срокам: …закладываем 2,5–3 месяца» is not the term of
    # the guarantee asked in «Даёте ли гарантию и на какой срок?» — the thing must be in the label or the sentence)
    things = {n[:cfg.stem] for n in ask.topic_nouns}
    # (unless the question itself asks in those words: «Сколько по времени занимает сделка?» → «По времени — один
    # день»)
    return not things or _asked_so(ask, c, cfg) or any(l[:cfg.stem] in things for l in c.label) or \
        share(ask.topic_nouns, c, cfg.stem, cfg.synonyms) > 0


def _asked_so(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The question itself asks «по» the label's word: «Сколько по времени занимает сделка?» → «По времени — …»."""
    stems = sorted({re.escape(l[:cfg.stem]) for l in c.label if len(l) >= 3})
    return bool(stems) and bool(re.search(r"\bпо\s+(?:" + "|".join(stems) + ")", ask.text, re.I))


# «По срокам: …», «Насчёт хостинга — …», «Что касается оплаты, …»: the topic of the paragraph it opens
_TOPIC_LABEL = re.compile(r"^\W*(?:по|насч[её]т|касательно|относительно|что касается)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*[:—–,]",
                          re.I)


_FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ", "PART"})


def _list_block(singles: list[Candidate], question_idx: list[int]) -> dict[int, Candidate]:
    """Question index → list item, when the reply has one run of list items exactly as long as the questions."""
    if len(question_idx) < 2:
        return {}
    runs: list[list[Candidate]] = []
    prev: Candidate | None = None
    for c in singles:
        if c.item and runs and runs[-1] and runs[-1][-1] is prev:
            runs[-1].append(c)
        elif c.item:
            runs.append([c])
        prev = c
    fitting = [r for r in runs if len(r) == len(question_idx) and not _asks_for_list(singles, r[0])]
    return dict(zip(question_idx, fitting[0])) if len(fitting) == 1 else {}


# «Для встречи возьмите, пожалуйста:», «Пришлите:», «Понадобятся:» — a list of what we ask for, not of answers
_OUR_LIST_LEAD = re.compile(r"\b(?:пришлите|возьмите|подготовьте|приложите|захватите|нужн[ыао]|понадоб\w*|"
                            r"потребу\w*|принесите)\b[^:]*:\s*$", re.I)


def _asks_for_list(singles: list[Candidate], first: Candidate) -> bool:
    """The list is introduced by our own request («Для встречи возьмите, пожалуйста: — трудовой договор; …») or
    lists the choices of one answer («По деталям есть два варианта: — оригинальные…; — аналог…»)."""
    k = singles.index(first)
    return k > 0 and bool(_OUR_LIST_LEAD.search(singles[k - 1].text) or _CHOICES_LEAD.search(singles[k - 1].text))


# a list of choices for one question, not one item per question: «По деталям есть два варианта:»
_CHOICES_LEAD = re.compile(r"\b(?:вариант|способ|тариф|пакет|формат|опци)\w*[^.!?]*:\s*$", re.I)


_LABEL_LINE = re.compile(r"^\s*[А-ЯЁ][а-яё]+(?:\s+[а-яё]+)?:\s*\S")


def _pairs(cands: list[Candidate], text: str) -> list[Candidate]:
    """Two adjacent sentences of one paragraph as one more candidate: an answer often names the figure in one
    sentence and the topic in the next («…это 6 часов, то есть 18 000 ₽. В эту сумму входит доработка…»); a
    «label: value» line continues the paragraph above it («Предлагаю встречу на участке…» / «Когда: суббота, 12:00»);
    a lead-in ending with «:» and the list under it are one answer («Заранее подготовьте:» / «1. Ведомость…»)."""
    out = []
    for i, c in enumerate(cands):
        if not c.text.rstrip().endswith(":") or _references(c.text):
            continue
        run = []
        for d in cands[i + 1:]:
            if not d.item:
                break
            run.append(d)
        if run:
            out.append(Candidate(c.start, run[-1].end, text[c.start:run[-1].end],
                                 c.lemmas.union(*(d.lemmas for d in run)), None, set(c.references),
                                 past=c.past and all(d.past for d in run)))
    for a, b in zip(cands, cands[1:]):
        if a.number is not None and b.number is None and not b.item and "\n" not in text[a.end:b.start]:
            # a list item and its next sentence on the same line are one item: «4. Гарантию уточню у главного
            # врача. Отвечу до четверга, 17 апреля.»
            out.append(Candidate(a.start, b.end, text[a.start:b.end], a.lemmas | b.lemmas, a.number,
                                 a.references | b.references, item=True, past=a.past and b.past))
            continue
        if a.number is not None or b.number is not None:
            continue
        if "\n\n" in text[a.end:b.start] and (not _LABEL_LINE.match(b.text) or _TOPIC_LABEL.match(b.text)):
            continue   # («По стоимости: …» after a blank line opens a topic of its own)
        if _OWN_STATEMENT.match(b.text) and _OWN_STATEMENT.match(a.text):
            continue   # «Метр — 3 300 ₽, труба 133 мм.» / «Гарантия на скважину — 5 лет.»: each says its own thing
        out.append(Candidate(a.start, b.end, text[a.start:b.end], a.lemmas | b.lemmas, None,
                             a.references | b.references, past=a.past and b.past))
        # (a decision — «сделаем», «без проблем» — is read in one sentence: a pair stays undecided)
    return out


# «Гарантия на скважину — 5 лет.»: a thing and what it is, a statement complete in itself
_OWN_STATEMENT = re.compile(r"^\W*[А-ЯЁA-Z][^—:.!?]{1,60}\s[—–]\s")


def _references(s: str) -> set[int]:
    low = norm(s)
    out = set()
    for m in re.finditer(r"(?:по|на|про|насчет|касательно|относительно|в)\s+(\w+?)(?:ому|ему|ой|ый|ий|ого|его|ом)\s+"
                         r"(?:вопрос|пункт)", low):
        stem = m.group(1)
        for k, v in _ORDINALS.items():
            if stem.startswith(k[:4]) or k.startswith(stem):
                out.add(v)
    for m in re.finditer(r"(?:вопрос|пункт)\w*\s*(?:№\s*)?(\d{1,2})\b", low):
        out.add(int(m.group(1)))
    return out


def _overlap(ask: Ask, cand: Candidate, stem: int, synonyms: dict[str, set[str]] | None = None) -> float:
    """Share of the question's topic found in the candidate: over all topic words, or over its nouns alone
    (a request's verb is often answered by another verb: «пришлите договор» → «договор прикладываю»)."""
    best = share(ask.focus, cand, stem, synonyms)
    # (not for «как …?»: how a thing is done is told by its verb — «как переводить с одного корма на другой?» is
    # not answered by «оба корма продаются в упаковках по 2–3 кг»)
    if ask.nouns and not _HOW.match(ask.text):
        best = max(best, 0.9 * share(ask.nouns, cand, stem, synonyms))
    return best


# («как часто», «как долго», «как скоро»… ask a figure: asks._HOW_MUCH)
_HOW = re.compile(r"^\W*(?:и\s+|а\s+)?как\s+(?!(?:" + "|".join(sorted(_HOW_MUCH)) + r")\b)", re.I)


def share(words: list[str], cand: Candidate, stem: int, synonyms: dict[str, set[str]] | None = None) -> float:
    """The share of ``words`` the candidate speaks of (each word 1, or 0.6 for a relative)."""
    if not words:
        return 0.0
    memo = cand.word_scores     # a word is looked up in a sentence many times (every ask, every check)
    got = 0.0
    for f in words:
        key = (f, stem, id(synonyms))
        score = memo.get(key)
        if score is None:
            score = memo[key] = _word_score(f, cand, stem, synonyms)
        got += score
    return got / len(words)


def _says(c: Candidate, cfg: AnswerConfig, kind: str) -> bool:
    """Whether the sentence says something of a kind: an answer pattern of ``cfg.type_patterns`` («date»,
    «amount», «yesno»…), «deferral» (a promise to come back) or «done». Each is searched once per sentence: every
    ask and every check asks again."""
    got = c.said.get(kind)
    if got is None:
        pat = cfg.deferral if kind == "deferral" else cfg.done if kind == "done" else cfg.type_patterns.get(kind)
        got = c.said[kind] = bool(pat is not None and pat.search(c.text))
    return got


def _word_score(f: str, cand: Candidate, stem: int, synonyms: dict[str, set[str]] | None) -> float:
    if f in cand.lemmas or (synonyms and synonyms.get(f, set()) & cand.lemmas):
        return 1.0
    if len(f) >= 5 and any(_aspect_pair(f, l) for l in cand.lemmas):
        return 1.0     # «пообедать» / «обедать», «успеть» / «успевать»
    if _head(f) in cand.lemmas:
        return 0.6     # «SSL-сертификат» → «сертификат»; but «онлайн-сессия» is more than a «сессия»
    if len(f) >= stem + 1 and any(len(l) >= stem + 1 and l[:stem] == f[:stem] and _close(f, l) for l in cand.lemmas):
        return 0.6
    if len(f) >= 5 and any(f in l for l in cand.lemmas if len(l) > len(f)):
        return 0.6     # «глютен» in «безглютеновый», «сайт» in «вебсайт»
    if synonyms and any(" " in x and x in cand.text.lower().replace("ё", "е") for x in synonyms.get(f, ())):
        return 1.0     # a synonym of several words: «завтрак» ~ «шведский стол»
    if len(f) >= 4 and f.isalpha() and _sound(f) in cand.sounds[not f.isascii()]:
        return 1.0     # a name in the other alphabet: «камри» ~ «Camry», «битрикс» ~ «Bitrix»
    return 0.0


_CYR_TO_LAT = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
                             "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
                             "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
                             "ш": "sh", "щ": "sch", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya"})
_LAT_SOUNDS = ((r"ph", "f"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"q", "k"), (r"x", "ks"), (r"w", "v"),
               (r"y", "i"), (r"j", "dzh"), (r"(\w)\1", r"\1"))


@lru_cache(maxsize=20_000)
def _sound(word: str) -> str:
    """A rough key of how a name sounds, the same for both alphabets: «камри» and «camry» → «kamri»."""
    w = word.lower().translate(_CYR_TO_LAT)
    for pat, rep in _LAT_SOUNDS:
        w = re.sub(pat, rep, w)
    return w


# aspect pairs whose stem alternates: a prefixed perfective ending and its imperfective one
_ALTERNATING = (("йти", "ходить"), ("ехать", "езжать"), ("ложить", "кладывать"), ("ложить", "лагать"), ("нять", "нимать"),
                ("брать", "бирать"), ("звать", "зывать"), ("слать", "сылать"), ("честь", "читывать"),
                ("дать", "давать"), ("стать", "ставать"))


@lru_cache(maxsize=20_000)
def _perfective(verb: str) -> str:
    """The prefixed perfective of an imperfective with an alternating stem («приходить» → «прийти», «укладывать»
    → «уложить»); the verb itself when it is none."""
    for pf, ipf in _ALTERNATING:
        if verb.endswith(ipf) and len(verb) > len(ipf):
            return verb[:-len(ipf)] + pf
    return verb


_ASPECT_PREFIXES = ("по", "с", "на", "за", "у", "о", "вы", "про")


def _aspect_pair(a: str, b: str) -> bool:
    """Two verbs of an aspect pair: made by a prefix («пообедать» — «обедать», «написать» — «писать») or by a suffix
    («успеть» — «успевать», «проверить» — «проверять», «отправить» — «отправлять», «переделать» — «переделывать»)."""
    if not (a.endswith(("ть", "ться", "ти", "тись")) and b.endswith(("ть", "ться", "ти", "тись"))):
        return False
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 5 and long_.endswith(short) and long_[:len(long_) - len(short)] in _ASPECT_PREFIXES:
        return True
    if short.endswith("ся") != long_.endswith("ся"):
        # the passive of the other verb: «подключить» — «(домен) подключается», «выставить» — «выставляется»
        bare = [w[:-2] if w.endswith("ся") else w for w in (a, b)]
        return len(bare[0]) >= 5 and (bare[0] == bare[1] or _aspect_pair(bare[0], bare[1]))
    s, l = (short[:-2], long_[:-2]) if short.endswith("ся") else (short, long_)
    if _perfective(l) == s or _perfective(s) == l:    # «прийти» — «приходить», «уложиться» — «укладываться»
        return True
    stem = s[:-3]
    return len(stem) >= 3 and (
        l == s[:-2] + "вать" or                                   # успеть — успевать, дать — давать
        s.endswith("ить") and (l in (stem + "ять", stem + "лять") or   # проверить — проверять, отправить — отправлять
                               stem[-1] in "шжчщ" and l == stem + "ать") or   # решить — решать
        s.endswith("ать") and l in (stem + "ывать", stem + "ивать"))  # переделать — переделывать


def _head(word: str) -> str:
    """The head of a hyphenated compound, its last part («SSL-сертификат» → «сертификат», «интернет-магазин» →
    «магазин»); "" when there is none worth matching."""
    head = word.rsplit("-", 1)[1] if "-" in word else ""
    return head if len(head) >= 4 else ""


def _close(a: str, b: str) -> bool:
    """Derivational relatives share a long enough prefix («стоить»/«стоимость», «сверстать»/«вёрстка» do not)."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= max(4, int(0.6 * min(len(a), len(b))))


def _letter_theme(asks: list[Ask]) -> set[str]:
    """The words of the letter's theme: in the topic of two or more of its asks («курс» in «Принимаете ли на курс
    без мед. образования?» and «Можно ли оплатить курс частями?»). A sentence that shares only these with a
    question speaks of the letter's subject, not of what that question asks."""
    seen = Counter(f for a in asks for f in set(a.focus))
    return {f for f, n in seen.items() if n >= 2}


def _own_words(ask: Ask, theme: set[str]) -> list[str]:
    """What a yes/no question asks beyond the letter's theme (empty when that cannot be told: its topic borrowed
    from the sentence before, or nothing beyond the theme, or no theme in it)."""
    if ask.kind != "question" or ask.answer_type != "yesno" or ask.borrows:
        return []
    own = [f for f in ask.focus if f not in theme]
    return own if len(own) < len(ask.focus) else []


def align(asks: list[Ask], at: "AnalysedText", cfg: AnswerConfig, lex: "AskLexicon | None" = None,
          cited: list[tuple[int, int]] | None = None) -> list[Alignment]:
    """An Alignment per ask (same order): first by words, numbers and kinds of answer; then a question still
    without an answer takes unclaimed content in its place in the reply (:func:`_by_position`).

    ``cited`` are the «>» lines the draft quotes inline: the client's words, not answers; the sentences under a
    quoted question answer it (:func:`_inline_answers`)."""
    cited = cited or []
    # our own questions to the client answer nothing («Вам удобно в среду?»), nor the client's words quoted back
    cands = [c for c in candidates(at) if c.text.strip() and not c.text.rstrip().rstrip("»\"”").endswith("?") and
             not inside((c.start, c.start + 1), cited)]
    under_quote = _inline_answers(asks, cands, at.text, cited)
    singles = list(cands)
    cands += _pairs(cands, at.text)
    # a single money or duration question: the one figure of that kind in the reply is its answer, whatever
    # words it is written in («Сколько будет стоить перевозка?» → «68 400 ₽ с НДС, с погрузкой»)
    # (a length of time only when the reply names one: «работает 2–3 часа» does not answer «как быстро уходят
    # голуби» when «за полтора-два месяца» is there too)
    single = {t for t in ("money", "duration") if sum(1 for a in asks if a.answer_type == t) == 1 and
              (t == "money" or sum(1 for c in singles if _length_told(c, cfg)) == 1)}
    numbered_asks = [a for a in asks if a.number is not None]
    mirror = len(numbered_asks) >= 2 and sum(1 for c in cands if c.number is not None) >= 2
    # «По вашим вопросам: — 38 900 ₽; — до 31 мая; — да, …»: a list with one item per question, in order
    by_position = {} if mirror else _list_block(singles, [i for i, a in enumerate(asks) if a.kind == "question"])
    theme = _letter_theme(asks)
    result = []
    for idx, ask in enumerate(asks):
        best: tuple[float, Candidate | None, bool, list[str], list[str]] = (0.0, None, False, [], [])
        best_placed = False
        put_off: tuple[float, Candidate | None, bool, list[str], list[str]] | None = None
        linked: list[tuple[int, float]] = []
        position = idx + 1
        total_pat = cfg.type_patterns.get("total")
        asks_total = ask.answer_type == "money" and ask.kind == "question" and bool(total_pat and total_pat.search(ask.text))
        own = [n for n in ask.topic_nouns if n not in ask.setting]   # what it asks about, not where or when
        beyond = _own_words(ask, theme)
        for c in cands:
            reasons = []
            ov = _overlap(ask, c, cfg.stem, cfg.synonyms)
            if ov and beyond:
                # only the theme in common: «прививка стоит 1 450 ₽» says nothing of «выдаёте ли сертификаты о
                # прививках»; the question's own words count for themselves: «присутствие хозяйки помогает» answers
                # «можно ли присутствовать во время стрижки» in a letter all about the haircut
                own_share = share(beyond, c, cfg.stem, cfg.synonyms)
                ov = max(ov, cfg.weights["own_words"] * own_share) if own_share else 0.0
                if not own_share:
                    reasons.append("общие только слова, которые есть и в других вопросах письма")
            quality = _quality_named(ask, c)
            kind_told = _kind_told(ask, c, cfg)
            if quality or kind_told:
                # «Больно ли это?» → «боли не будет»: the quality is the topic; «сроки сдвинутся?» → «отчёт сдаём,
                # как договаривались, — 6 июня»: the term is told by its date
                ov = max(ov, cfg.min_overlap)
            type_ok = _type_ok(ask, c, cfg)
            if type_ok and ask.kind == "request" and ask.objects and c not in singles and not any(
                    c.start <= x.start and x.end <= c.end and share(ask.focus, x, cfg.stem, cfg.synonyms) > 0 and
                    _type_ok(ask, x, cfg) for x in singles):
                # two sentences do a request only when one of them speaks of it and says it is done or when:
                # «…в заявке на 19 апреля четыре человека. … пересчитаю в договоре» does not date the contract
                type_ok = False
            promised = _says(c, cfg, "deferral")
            dated = _calendar_dated(c, cfg)
            deferred = promised and dated
            if deferred and own and share(own, c, cfg.stem, cfg.synonyms) == 0 and not c.number:
                # «Доступ дадим сразу после подписания договора» promises access, not the visit asked about
                # («Можно ли приехать посмотреть склад перед заключением договора?»): the contract only sets the time
                deferred = False
            # (a pair is as evasive as its sentences: «…входит бухгалтерский учёт. Кадровые вопросы мы решаем
            # индивидуально.» says nothing of the «кадровый учёт» asked)
            evasive = _evasive(c, cfg) or c not in singles and not _calendar_dated(c, cfg) and any(
                _evasive(x, cfg) for x in singles if c.start <= x.start and x.end <= c.end)
            if evasive:
                type_ok = False   # «уточню у коллег и вернусь к вам», «сейчас сказать не могу» with no date
            by_number = (mirror and ask.number is not None and c.number == ask.number) or \
                by_position.get(idx) is c
            # «по второму вопросу»; or the place: under the quoted question, in a paragraph headed by its topic — where
            # a sentence still says something of the kind asked, or a word of it
            cited_ref = position in c.references or (ask.number is not None and ask.number in c.references)
            placed = "" if cited_ref or not (type_ok or deferred or ov >= cfg.min_overlap) else \
                "ответ под цитатой вопроса" if idx in under_quote.get(c.start, ()) else \
                "абзац начинается с темы вопроса" if _titled(ask, c, cfg) else ""
            by_ref = cited_ref or bool(placed)
            score = cfg.weights["overlap"] * ov + cfg.weights["type"] * (1.0 if type_ok or deferred else 0.0)
            if cfg.weights.get("vectors") and (ov or type_ok):   # never alone: «можно» is close to «нельзя»
                sim = _vector_link(ask, c, cfg)
                if sim:
                    score += cfg.weights["vectors"] * sim
                    reasons.append(f"близкие по смыслу слова {sim:.2f}")
            if by_number:
                score += cfg.weights["number"]
                if ov >= cfg.min_overlap and not evasive or type_ok:
                    # «3. Перезаряжаем: ОП-5 — 650 ₽ за штуку» under the client's «3. Выполняете ли вы перезарядку?»
                    score = max(score, cfg.threshold)
                reasons.append(f"тот же номер в списке ({c.number})" if c.number is not None
                               else "тот же пункт списка по порядку")
            if by_ref:
                score += cfg.weights["reference"]
                reasons.append(placed or "ссылка на номер вопроса")
            if ov:
                reasons.append(f"общие слова {ov:.0%}")
            if type_ok:
                reasons.append(f"есть ответ нужного вида ({_TYPE_RU.get(ask.answer_type, ask.answer_type)})")
            if deferred:
                reasons.append("честная отсрочка с датой")
            if ask.general and type_ok and _sole_fit(ask, c, cfg):
                # the story told is the answer to «Что случилось?»; not a term of its own to «сколько по времени?»
                score = max(score, cfg.threshold)
            # «Сколько всего выйдет?» → «Всё вместе обойдётся в 84 250 ₽»: the sum said to be the whole one
            total = asks_total and _says(c, cfg, "total") and _says(c, cfg, "amount")
            # (a length of time with no word in common is no answer in a sentence that answers another question by
            # its words: «Передача в Метрику есть: … включается за пару минут» to «Сколько хранятся записи?»; but
            # «сколько займёт вся работа?» names no thing of its own)
            unique = total or ask.answer_type in single and ask.kind == "question" and \
                (_says(c, cfg, "amount") if ask.answer_type == "money" else _length_told(c, cfg)) and \
                _sole_fit(ask, c, cfg) \
                and not _rate_missing(ask, c, cfg) \
                and (ask.answer_type == "money" or ov > 0 or not ask.topic_nouns or not any(
                    o is not ask and _overlap(o, c, cfg.stem, cfg.synonyms) >= cfg.min_overlap for o in asks))
            if unique:
                # (a sum said to be the whole one beats any other single figure: «удаление — 4 500 ₽»)
                # (and the one figure asked by a bare «цена?», «сколько по времени?» is as sure as a sum of all)
                score = max(score, _TOTAL_SCORE if total or _bare(ask) else cfg.threshold)
                reasons.append("итоговая сумма" if total else "единственный ответ нужного вида")
            # the asked verb itself («Сможете сделать ремонт?» → «Да, сделаем.»), though «сделать» names no topic
            same_verb = _same_verb(ask, c, cfg)
            # (a bare number in common is no link: «отсрочка на 30 дней» and «30 штук на складе»)
            worded = ov > 0 and share([f for f in ask.focus if not f[:1].isdigit()], c, cfg.stem, cfg.synonyms) > 0
            # the question restated as a statement with its own verb: «Хватит ли одного переводчика на зал?» →
            # «Одного переводчика на зал на целый день не хватит: …»
            restated = ask.answer_type == "yesno" and same_verb and ov >= _RESTATED and c in singles
            # (a yes with one word in common is no answer: «Да, франшиза останется 30 000 ₽» to «Нужен ли осмотр
            # машин страховщиком?» — it needs the question's verb or a fair share of its words)
            strong_yes = ask.answer_type == "yesno" and (worded or same_verb) and (
                _says(c, cfg, "yesno") and (same_verb or ov >= cfg.min_overlap or len(c.text.split()) <= _SHORT_YES)
                or _echoes(ask, c) or quality or
                _exists_named(ask, c, cfg) or _ready_told(ask, c) or
                ov >= _DIRECT_OVERLAP and _says(c, cfg, "verdict") and _names_action(ask, c, cfg)) or restated
            if strong_yes:
                score = max(score, cfg.threshold)          # «Можно ли завтра?» → «Да, завтра в 10:00»
                if _YES_NO_OPENING.match(c.text) and (
                        ov >= _DIRECT_OVERLAP or _key_outside_brackets(ask, c, cfg) or same_verb) or restated:
                    # (a key noun in brackets is an example: «Да, шумные работы (демонтаж, …) перенесём на выходные»
                    # is the yes to the weekends, not to «входит ли в смету демонтаж»)
                    # «Нет, удаление оплачивается отдельно» beats a sentence that only names the thing asked about
                    score = max(score, _DIRECT_YES_NO)
            # «Во сколько лучше выезжать?» → «Рекомендуем подачу в 3:30»: advice asked, advice of the kind given
            advised = ask.answer_type in _STRICT and type_ok and c in singles and bool(
                _ADVICE_ASKED.search(ask.text) and _ADVICE_GIVEN.search(c.text))
            if advised:
                score = max(score, cfg.threshold)
                reasons.append("совет нужного вида")
            # «Успеете к 20-му?» → «напечатаем к пятнице, 17-го»: our deadline answers whether we make it
            in_time = _in_time(ask, c, cfg)
            if in_time:
                score = max(score, cfg.threshold)
                reasons.append("наш срок")
            # «Аккумуляторы литиевые или свинцовые?» → «Литий-железо-фосфатные, гарантия 6 лет»: one choice named
            chosen = bool(ask.options) and (ov >= cfg.min_overlap or by_number or by_ref) and \
                any(share([o], c, cfg.stem, cfg.synonyms) for o in ask.options)
            if chosen:
                score = max(score, cfg.threshold)
                reasons.append("назван один из вариантов")
            # «Запишите нас на следующую неделю» → «записала вас на вторник, 15 апреля»: the asked verb, done or dated
            strong_do = ask.kind == "request" and ov > 0 and type_ok and _same_verb(ask, c, cfg, every=True)
            if strong_do:
                score = max(score, cfg.threshold)
            vetoes: list[str] = []     # each caps the score just under the threshold; explain names them
            if ask.kind == "request" and (not (by_number or by_ref) and not _names_thing_sent(ask, c, cfg) or
                                          _other_format(ask.text, c.text)):
                # «Пришлите акт о прошлой обработке» is not done by «гарантия действует до 20 января»
                vetoes.append("other_thing")
            # (the measure asked is there when its figure is: «С какого возраста забрать?» → «в два с половиной месяца»)
            measured = type_ok and any(cfg.measures.get(n) == ask.answer_type for n in ask.topic_nouns)
            if ask.options and not (chosen or by_number or by_ref or deferred or _YES_NO_OPENING.match(c.text)):
                # «…в общую группу или ему нужно отдельно?» is not answered by the price of the group: a choice is named
                vetoes.append("no_option")
            # («Когда ближайшие свободные даты в студии?» → «Ближайшие свободные даты — 2 и 3 апреля»: the topic named
            # as a phrase, though its one noun «студия» is not)
            # (or the asked action as its noun with a thing of the question: «когда сайт можно будет перенести на
            # наш домен?» → «Перенос на ваш домен планируем на вторник»)
            phrase = _phrase_shared(ask, c, cfg) or _names_action(ask, c, cfg) and not _same_verb(ask, c, cfg) and \
                any(f in c.lemmas for f in _thing_words(ask, cfg))
            measures = _our_measures(ask, c)
            if measures:
                score = max(score, cfg.threshold)
                reasons.append("наши меры")
            # «Когда сможете провести проверку?» → «Бригада может приехать в среду, 2 апреля, к 8:00»: when we can
            # act is said by when our people come or start, whatever the work is called there
            # (or by the very on-site verb asked: «Когда сможете забрать из нашего цеха?» → «Заберём в понедельник»)
            our_turn = ask.answer_type == "date" and bool(_CAN_YOU.search(ask.text)) and bool(
                c.lemmas & _ARRIVE_VERBS or any(share([v], c, cfg.stem) >= 1.0 for v in set(ask.verbs) & _ON_SITE_VERBS)) \
                and bool(set(ask.verbs) & _ON_SITE_VERBS) and type_ok and c in singles
            if our_turn:
                score = max(score, cfg.threshold)
                reasons.append("когда мы приедем или начнём")
            # («Прошу оценить стоимость и срок изготовления» is done by the price and the term, whatever is made)
            asked_for = ask.kind == "request" and type_ok and share(ask.objects, c, cfg.stem, cfg.synonyms) > 0
            if ask.topic_nouns and ov and not (by_number or by_ref or unique or strong_yes or strong_do or quality or
                                               kind_told or in_time or chosen or measured or phrase or our_turn or
                                               asked_for) and \
                    share(ask.topic_nouns + _qualifiers(ask, cfg), c, cfg.stem, cfg.synonyms) == 0:
                ov = 0.0   # only verbs and numbers in common: «поставить две станции» ≠ «поставим три микрофона»
                vetoes.append("no_topic")
            if (ask.answer_type == "date" or ask.answer_type == "duration" and not (_duration_said(c, cfg) or unique)) \
                    and ask.topic_nouns and not (by_number or by_ref or our_turn or phrase or advised or
                                                 _own_verb(ask, c, cfg)) \
                    and share(_asked_thing(ask), c, cfg.stem, cfg.synonyms) == 0:
                # «Когда будет готова запись вебинара?» is not answered by the date of the webinar itself:
                # a date answers a «когда» question only next to the thing asked about
                vetoes.append("date_elsewhere")
            if ask.answer_type == "person" and ask.topic_nouns and not (by_number or by_ref or same_verb) and \
                    share(_asked_thing(ask), c, cfg.stem, cfg.synonyms) == 0:
                # «Кто отвечает за мелкий ремонт в офисах?» is not answered by who is on site: the person next to
                # the thing asked about, or doing the very thing asked
                vetoes.append("person_elsewhere")
            if ask.answer_type == "date" and set(ask.verbs) & _END_VERBS and \
                    c.lemmas & _START_VERBS and not c.lemmas & _END_VERBS:
                # «Когда закончите кровлю?» is not answered by the day the roofers start, under its number or its
                # topic either («По видео: … за ролик монтажёр садится в понедельник»)
                vetoes.append("start_for_end")
            if ask.answer_type in ("duration", "date") and not (by_number or by_ref) and _other_side(ask.text, c.text):
                # «сколько часов до операции не кормить?» is not answered by «часа через три после операции»
                vetoes.append("other_side")
            if (placed.startswith("абзац") or by_number) and ask.answer_type in _STRICT and not (type_ok or deferred):
                # under «По видео:» a sentence with no date does not say when the video is ready
                vetoes.append("kind_missing")
            if not (by_number or by_ref or deferred or _decides(ask, c, cfg)):
                vetoes.append("undecided")
            if not (by_number or by_ref) and _misses_figure(ask, c, cfg, bool(_YES_NO_OPENING.match(c.text)) or
                                                             _short_verdict(ask, c, cfg)):
                vetoes.append("figure_missing")
            if ask.referent and not (by_number or by_ref or _YES_NO_OPENING.match(c.text) or _echoes(ask, c)) and \
                    share([ask.referent], c, cfg.stem, cfg.synonyms) < 1.0:
                # «…ледяную горку — можно ли её сделать в том же стиле?» is about the slide: a sentence on the
                # sculpture does not answer it, a «Да, сделаем» or one naming the slide does
                vetoes.append("other_referent")
            if ask.key_nouns and not (by_number or by_ref) and (not any(
                    share([k], c, cfg.stem, cfg.synonyms) == 1.0 for k in ask.key_nouns) or
                    share(ask.key_nouns[:1], c, cfg.stem, cfg.synonyms) == 0):
                # «Входит ли НДС в цены каталога?» is not answered by the catalogue prices without the НДС, nor
                # «…таможенное оформление?» by «страховку оформить»: the thing itself, or a synonym
                vetoes.append("key_noun_missing")
            elif ask.answer_type == "yesno" and not (by_number or by_ref or _YES_NO_OPENING.match(c.text)) and \
                    any(share([m], c, cfg.stem, cfg.synonyms) == 0 for m in _modes(ask)):
                # «Есть ли занятия онлайн?» is not answered by «Есть оба формата: группы и индивидуальные занятия»
                vetoes.append("mode_missing")
            elif ask.key_nouns and not (by_number or by_ref) and _other_kind_named(ask, c, cfg):
                # «Входит ли в тариф кадровый учёт?» is not answered by «входит бухгалтерский и налоговый учёт»
                vetoes.append("key_noun_missing")
            if not (ov >= cfg.min_overlap or by_number or by_ref or ask.general and type_ok or unique or strong_yes or
                    strong_do or in_time or chosen or our_turn or measures or advised):
                vetoes.append("no_link")   # never answered without a link to the question
            if ask.kind == "request" and not (type_ok or deferred):
                vetoes.append("not_done")   # a request needs «сделано» or a date
            if _OFFER.search(c.text) and not by_ref:
                vetoes.append("offer")      # «Если решите увеличить архив, напишите — КП пришлю в тот же день»
            if mirror and ask.number is not None and c.number is not None and c.number != ask.number and \
                    ov < _RESTATED:
                vetoes.append("other_number")   # «1. На 600 м² — 8 огнетушителей» is no answer to «3. …перезарядку?»
            if evasive:
                vetoes.append("no_answer")  # «здесь многое зависит от ниши», «уточню у коллег и вернусь» — no date
            if vetoes:
                score = min(score, cfg.threshold - 0.01)
                reasons.append("но: " + veto_text(vetoes))
            if score >= cfg.threshold and (type_ok or deferred) and c in singles and _linked_by_words(reasons):
                linked.append((c.start, score))
            # (on a tie, the sentence in the question's place is the closer one: its number, a reference, the
            # quote above it — what explain and a near-miss message show)
            if score > best[0] or score == best[0] > 0 and (by_number or by_ref) and not best_placed:
                best = (score, c, deferred, reasons, vetoes)
                best_placed = by_number or by_ref
            if placed and evasive and c in singles:
                put_off = (score, c, deferred, reasons, vetoes)
        score, cand, deferred, reasons, vetoes = best
        if put_off is not None and not best_placed and score >= cfg.threshold:
            # «Насчёт простоя — это зависит от сервера, уточним и вернёмся» under the question's own topic: the
            # reply says it has no answer yet, whatever other sentences share a word with the question
            score, cand, deferred, reasons, vetoes = put_off
            vetoes = vetoes + ["put_off"]
        al = Alignment(ask, score >= cfg.threshold, round(score, 2), cand, deferred and score >= cfg.threshold, reasons,
                       vetoes)
        # (a bare «цена?» or «сколько по времени?» has no words to link: the one sum or length in the reply is
        # placed as firmly as words would place it)
        al.by_words = (_linked_by_words(reasons) or _bare(ask) and "единственный ответ нужного вида" in reasons) and \
            not (cand is not None and _OVERVIEW.search(cand.text))
        # another sentence answers it too only when it is about as good a match as the best one: a weaker link
        # (a shared word from the thesaurus) must not excuse answers given in the wrong order
        al.others = sorted({start for start, sc in linked if sc >= score - _ALSO_ANSWERS})
        al.fallback = sorted({start for start, _ in linked})
        result.append(al)
    _number_taken_by_content(result, cfg)
    _deferred_for_a_request(result, cfg)
    _bare_opening(result, singles, cfg)
    _by_position(result, singles, at, cfg, lex)
    return result


_BARE_YES_NO = re.compile(r"^\W*(?:да|нет|конечно|разумеется|да,\s+конечно|нет,\s+к\s+сожалению)\W*$", re.I)


# a question asking what we advise, and a sentence advising
_ADVICE = r"лучше|рекоменду\w*|оптимальн\w*"
_ADVICE_ASKED = re.compile(rf"\b(?:{_ADVICE}|посовету\w*|порекоменду\w*)\b", re.I)
_ADVICE_GIVEN = re.compile(rf"\b(?:{_ADVICE}|совету\w*)\b", re.I)


def _deferred_for_a_request(result: list[Alignment], cfg: AnswerConfig) -> None:
    """A question «answered» only by a promise with a date that is the answer to a request of the same letter
    («Образцы бумаги передадим с курьером в среду» for «Пришлите образцы бумаги», not for «можно ли напечатать на
    плотной бумаге?»): the date is the request's, the question is left open."""
    for al in result:
        # (a date of the thing done tells how long or when: «её перевод пришлю до пятницы» for «сколько займёт?»)
        if not (al.answered and al.deferred and al.ask.kind == "question" and al.best is not None) or \
                al.ask.answer_type in _STRICT:
            continue
        if any(o.ask.kind == "request" and o.answered and o.best is not None and o.best.start == al.best.start and
               o.score > al.score for o in result):
            _overrule(al, cfg, "но: " + veto_text(["request_deferred"]), "request_deferred")


def _overrule(al: Alignment, cfg: AnswerConfig, reason: str, veto: str = "") -> None:
    """Take back an answer a look at the other questions showed wrong: just under the threshold, with the reason
    (and the veto) explain shows."""
    al.answered = al.deferred = False
    al.score = min(al.score, cfg.threshold - 0.01)
    al.vetoes = al.vetoes + ([veto] if veto else [])
    al.reasons = al.reasons + [reason]


def _bare(ask: Ask) -> bool:
    """A question of its kind of answer alone, no thing nor verb: «цена?», «сколько по времени?»."""
    return ask.general and not ask.topic_nouns and not ask.verbs


def _bare_opening(result: list[Alignment], singles: list[Candidate], cfg: AnswerConfig) -> None:
    """A reply that opens with a bare «Да.» or «Нет.» answers the client's first question when it asks yes or no
    («на тарифе VPS-2 бэкапы делаются каждый день?» → «Да.» and a detail): the first thing said answers the first
    thing asked."""
    first_q = next((al for al in result if al.ask.kind == "question"), None)
    if first_q is None or first_q.answered or first_q.ask.answer_type != "yesno" or not singles:
        return
    opening = next((c for c in singles if _BARE_YES_NO.match(c.text) or
                    _content(c, c.start == singles[0].start, [], cfg)), None)
    if opening is not None and _BARE_YES_NO.match(opening.text) and \
            not any(al.answered and al.best is opening for al in result):
        first_q.answered = True
        first_q.best = opening
        first_q.score = max(first_q.score, cfg.threshold)
        first_q.reasons = [r for r in first_q.reasons if not r.startswith("но: ")] + \
            ["голое «да» или «нет» в начале ответа на первый вопрос"]
        first_q.vetoes = []


def _inline_answers(asks: list[Ask], cands: list[Candidate], text: str,
                    cited: list[tuple[int, int]]) -> dict[int, set[int]]:
    """Candidate start → the asks it answers by its place: a reply written under the client's quoted questions
    («> Когда точно будет доставка?» / «Во вторник, 25 марта…») answers each quoted question by the sentences
    under it, up to the next quote."""
    blocks: list[list[int]] = []           # [start, end] of runs of «>» lines
    for a, b in sorted(cited):
        if blocks and not text[blocks[-1][1]:a].strip():
            blocks[-1][1] = b
        else:
            blocks.append([a, b])
    out: dict[int, set[int]] = {}
    for i, (a, b) in enumerate(blocks):
        quoted = squash(text[a:b].replace(">", " "))
        if len(quoted) < 8:
            continue
        # the quote may be the whole question or a part of it («> пришлите обновлённую спецификацию»)
        asked = {k for k, ask in enumerate(asks) if (q := squash(ask.text)) and (q in quoted or quoted in q)}
        if not asked:
            continue
        stop = blocks[i + 1][0] if i + 1 < len(blocks) else len(text)
        for c in cands:
            if b <= c.start < stop:
                out.setdefault(c.start, set()).update(asked)
    return out


# a question whether something can be done: «Можно ли…», «Сможете…?», «Могли бы вы…»
_CAN_YOU = re.compile(r"\b(?:сможете|можете|могли бы|успеете|смогут|сможет|могут)\b", re.I)
_ARRIVE_VERBS = frozenset({"приехать", "прийти", "выйти", "выехать", "подъехать", "начать", "приступить", "стартовать"})
# work done where the client is: «Когда сможете провести проверку?» is answered by when our people come, «Когда
# сможете прислать смету?» is not
_ON_SITE_VERBS = frozenset({"провести", "приехать", "сделать", "выполнить", "установить", "смонтировать", "начать",
                            "приступить", "выйти", "заменить", "починить", "отремонтировать", "осмотреть", "замерить",
                            "вывезти", "убрать", "почистить", "помыть", "проверить", "настроить", "подключить",
                            "забрать", "доставить", "привезти", "покрасить", "уложить", "собрать"})
_MODAL_ASK = re.compile(r"\b(?:можно|возможно|можете|сможете|сможем|могли бы|получится)\b", re.I)


# why a candidate that looked like an answer was capped just under the threshold (shown by `letterlint explain`
# and in the message of a finding whose closest sentence came near): key → (Russian, English)
_VETOES = {
    "other_thing": ("просьба о другом предмете", "the request is about another thing"),
    "no_option": ("не назван ни один из вариантов", "none of the options is named"),
    "no_topic": ("общие только глаголы и числа, не предмет вопроса",
                 "only verbs and numbers in common, not the thing asked about"),
    "date_elsewhere": ("дата не при том, о чём спросили", "the date is not next to what was asked about"),
    "other_side": ("спросили о времени до события, а названо после (или наоборот)",
                   "the time before the event was asked, the time after it is given (or the other way round)"),
    "put_off": ("под темой вопроса ответ отложен без срока", "put off with no date under the question's own topic"),
    "mode_missing": ("не назван способ, о котором спросили", "the way asked about is not named"),
    "person_elsewhere": ("человек назван не при том, о чём спросили",
                         "the person is not named with what was asked about"),
    "start_for_end": ("спросили об окончании, а названо начало", "the end was asked, the start is given"),
    "undecided": ("нет решения по вопросу", "no decision on the question"),
    "figure_missing": ("не названа спрошенная величина", "the figure asked about is not named"),
    "other_referent": ("речь о другом предмете", "it is about another thing"),
    "key_noun_missing": ("нет главного слова вопроса", "the main word of the question is missing"),
    "kind_missing": ("под темой вопроса, но без ответа нужного вида",
                     "under the question's topic, but not the kind of answer asked"),
    "no_link": ("нет связи с вопросом", "nothing links it to the question"),
    "not_done": ("просьба не выполнена и без срока", "the request is neither done nor dated"),
    "offer": ("это предложение следующего шага, а не ответ", "it offers a next step, it answers nothing"),
    "other_number": ("это ответ на вопрос с другим номером", "it answers the question of another number"),
    "no_answer": ("ответ уклончивый и без срока", "it evades the question and gives no date"),
    "request_deferred": ("это срок по другой просьбе, а не ответ на вопрос",
                         "it dates another request, it does not answer the question"),
}


def veto_text(vetoes: list[str], lang: str = "ru") -> str:
    """The vetoes, in words («дата не при том, о чём спросили; нет связи с вопросом»)."""
    return "; ".join(_VETOES[v][lang == "en"] for v in vetoes)


# the thing has come or may be collected: «готовы ли очки?» → «очки пришли из лаборатории, забрать можно в любой день»
_READY = re.compile(r"\bготов|\bпришл[иао]?\b|\bпоступил|\bприехал|\bзабирать\b|\bзабрать\b", re.I)


def _ready_told(ask: Ask, c: Candidate) -> bool:
    """«Готовы ли они уже?» is answered by the thing said to have come or to be ready for collection."""
    return "готовый" in ask.verbs and bool(_READY.search(c.text))


def _quality_named(ask: Ask, c: Candidate) -> bool:
    """The quality a yes/no question asks about, or its opposite, is in the sentence: «Больно ли?» → «боли не
    будет», «Безопасно ли?» → «для людей это не опасно» (its stem within a lemma of the sentence)."""
    stem = re.sub(r"ь?н?о$|[ыио]й$|[ая]я$", "", re.sub(r"^(?:без|бес|не)", "", ask.judged))
    return bool(ask.judged) and len(stem) >= 3 and any(stem in lem for lem in c.lemmas)


def _decides(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """Whether the sentence can answer a question whether something can be done: «Можно ли продлить прощание до
    двух часов?» is not answered by «В стоимость входит час прощания» — only by a yes, a no, a verdict («без
    проблем», «лучше осенью»), someone doing it («сделаем», «записала», «уберите») or the very thing asked being
    done («Сможете приехать?» → «Две медсестры приедут к вам»). Other questions pass."""
    if ask.answer_type != "yesno":
        return True
    if ask.judged:
        # «Безопасно ли это для продуктов?» — the quality itself or its opposite («опасно», «безопасен»), a yes, a no
        return _quality_named(ask, c) or _says(c, cfg, "yesno") or _says(c, cfg, "verdict")
    if not _MODAL_ASK.search(ask.text):
        return True
    # (or it is done already: «Можно будет послушать варианты дикторов?» → «Демо трёх дикторов — по ссылке: …»)
    # (or it is how things are done: «можно ли подключить свой домен» → «Свой домен подключается за пару минут»)
    return c.acts or _says(c, cfg, "yesno") or _says(c, cfg, "verdict") or not c.past and _same_verb(ask, c, cfg) or \
        _says(c, cfg, "done") or not c.past and _manner_named(ask, c, cfg)


def _done_tells_when(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """A thing reported done answers «когда…?»: «Когда будет макет?» → «Макет готов»; but what is still to come is
    done only by itself or by being ready («когда починят домофон?» is no «мы направили им требование»)."""
    return _says(c, cfg, "done") and (not ask.future or _same_verb(ask, c, cfg) or bool(_READY.search(c.text)))


def _length_told(c: Candidate, cfg: AnswerConfig) -> bool:
    """A length of time, or the end it comes to: «машина будет готова сегодня к 18:00» answers «сколько ждать?»."""
    return _says(c, cfg, "duration") or _says(c, cfg, "date") and bool(c.lemmas & _END_VERBS)


def _kind_told(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """A yes/no question about a kind of answer itself («Сроки сдвинутся?», «Цена останется прежней?») names its
    topic where the sentence gives a date or a sum."""
    return ask.answer_type == "yesno" and any(
        cfg.kinds.get(n) in ("date", "money") and _says(c, cfg, "amount" if cfg.kinds[n] == "money" else "date")
        for n in ask.topic_nouns)


def _short_verdict(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """A verdict on the very thing asked, in a few words, is a yes: «Можно ли провести в два дня по субботам?» →
    «Субботы подходят.»"""
    return len(c.text.split()) <= 4 and _says(c, cfg, "verdict") and \
        share(ask.topic_nouns, c, cfg.stem, cfg.synonyms) > 0


def _manner_named(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The way asked about told as how it is: «Можно ли оплачивать поэтапно?» → «Оплата поэтапная: 30% перед
    стартом…» — an adverb of manner of the question in the sentence, with most of the question's words."""
    manner = [f for f in ask.focus if f.endswith("о") and f not in _NOT_MANNER and word_info(f).pos == "ADV"]
    return bool(manner) and share(manner, c, cfg.stem, cfg.synonyms) > 0 and \
        share(ask.focus, c, cfg.stem, cfg.synonyms) >= _RESTATED


# («можно», «нужно», «нельзя», «также»… are no way of doing a thing)
_NOT_MANNER = _NOT_JUDGED | _POSSIBLE | {"обязательно"}
_YES_NO_OPENING = re.compile(r"\W*(?:\d+[.)]\s*)?(?:да|нет|конечно|разумеется|к сожалению|увы)\b", re.I)
_DIRECT_YES_NO = 1.0
_TOTAL_SCORE = 0.8
_RESTATED = 0.6          # the share of a yes/no question that a restatement with its own verb repeats
_SHORT_YES = 5           # words: «Конечно, голосом быстрее.» is a yes by itself, a long «Да, …» must share more
_DIRECT_OVERLAP = 0.4     # «Да, досрочно расторгнуть договор можно.» (0.43), not «Да, реставрация витражей…» (0.3)


def _linked_by_words(reasons: list[str]) -> bool:
    """Tied to its question by shared words, its list number or a reference — not only by the kind of answer."""
    return any(r.startswith(("общие слова", "тот же номер", "ссылка на номер", "ответ под цитатой", "абзац начинается с темы"))
               for r in reasons)


def _number_taken_by_content(result: list[Alignment], cfg: AnswerConfig) -> None:
    """A list item that shares no word with the question of its number, while its words answer another question,
    answers that other one: the content says otherwise than the number («3. Баннеры в фойе поставить можно.»
    under the client's «3. Кто регистрирует гостей?» and «4. Можно ли поставить баннеры?»)."""
    def by_words(al: Alignment) -> bool:
        return any(r.startswith("общие слова") for r in al.reasons)

    for al in result:
        if not (al.answered and al.best is not None and any(r.startswith("тот же") for r in al.reasons)) \
                or by_words(al):
            continue
        # (not the other half of the same item: «2. Будет ли трансляция, и на какой платформе?» → «2. Да, на VK»)
        if any(o is not al and o.best is al.best and o.answered and by_words(o) and
               (o.ask.number is None or o.ask.number != al.ask.number) for o in result):
            _overrule(al, cfg, "этот пункт списка отвечает на другой вопрос")


_TYPE_RU = {"money": "сумма", "date": "дата или время", "duration": "срок", "frequency": "как часто", "age": "возраст", "size": "размер", "weight": "вес",
            "volume": "объём", "count": "число",
            "yesno": "да/нет", "place": "место или ссылка", "person": "кто", "reason": "причина", "open": "ответ", "action": "сделано/срок",
            "advice": "что сделать"}


def _vector_link(ask: Ask, c: Candidate, cfg: AnswerConfig) -> float:
    """The best navec similarity of a question noun the candidate lacks to a word of the candidate, when it
    reaches ``vector_min`` (else 0): «компенсация» ~ «возмещение»."""
    from letterlint.text.pipeline import similarity

    missing = [n for n in ask.nouns if n not in c.lemmas]
    best = max((similarity(n, w) for n in missing for w in c.lemmas if len(w) > 3), default=0.0)
    return best if best >= cfg.vector_min else 0.0


def _same_verb(ask: Ask, c: Candidate, cfg: AnswerConfig, every: bool = False,
               verbs: list[str] | None = None) -> bool:
    """The sentence has a verb of the question itself (``every`` verb of it; of ``verbs`` when given), or its
    aspect pair — no synonym («Сможете сделать ремонт?» → «Да, сделаем.»; «Запишите нас» → «записала вас»), not
    one that only asks («хотела бы уточнить, можно ли…»)."""
    found = [share([v], c, cfg.stem) >= 1.0 for v in (ask.verbs if verbs is None else verbs) if v not in _WEAK_VERBS]
    return bool(found) and (all(found) if every else any(found))


def _own_verb(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The sentence has a verb of the question that names the very act asked about, not a verb of doing in general
    («Когда вы заезжаете на монтаж?» → «Заезжаем к 6:00 16-го»; «сделать» or «быть» could be about anything)."""
    # (the act asked about, not a condition's: «Когда будут готовы результаты, если сдать в среду?» is not
    # answered by «Сдавать кровь нужно натощак»)
    main = _CONDITION_CLAUSE.sub(" ", ask.text).lower().split()
    acts = [v for v in ask.verbs if v not in _EMPTY_VERBS and any(w.startswith(v[:3]) for w in main)]
    return _same_verb(ask, c, cfg, verbs=acts)


_CONDITION_CLAUSE = re.compile(r"\b(?:если|при\s+условии)\b[^,—–;?]*", re.I)


def _names_action(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The asked action is named, as a verb or its noun: «Можно ли выкупить машины досрочно?» → «Досрочный выкуп
    возможен…» (with a verdict this answers the question even without the thing acted on)."""
    return any(share([v], c, cfg.stem, cfg.synonyms) > 0 for v in ask.verbs if v not in _WEAK_VERBS)


# file formats, each with its names: «в формате Word» is not done by «отчёт в PDF во вложении»
_FORMATS = {"word": r"word|docx?|ворд\w*", "pdf": r"pdf|пдф", "excel": r"excel|xlsx?|эксел\w*|ексел\w*",
            "image": r"jpe?g|png|tiff?", "dwg": r"dwg|dxf|autocad|автокад\w*", "slides": r"pptx?|powerpoint",
            "csv": r"csv", "archive": r"zip|rar|7z"}
_FORMAT_RES = {k: re.compile(rf"(?<![\w.]){v}(?!\w)", re.I) for k, v in _FORMATS.items()}


def _formats(text: str) -> set[str]:
    return {k for k, r in _FORMAT_RES.items() if r.search(text)}


def _other_format(asked: str, answer: str) -> bool:
    """The request names a file format and the sentence sends another one only."""
    want = _formats(asked)
    got = _formats(answer)
    return bool(want and got) and not want & got


_RELATIVE_ADJ = ("ский", "цкий", "ный", "вый", "ной", "вой")


def _kind_adjective(lemma: str) -> bool:
    """A relative adjective that says which kind: «кадровый», «бухгалтерский», «налоговый» (not «весь», «свой»)."""
    if not lemma.endswith(_RELATIVE_ADJ) or len(lemma) < 6:
        return False
    info = word_info(lemma)
    return info.pos == "ADJ" and not {"Apro", "Qual"} & info.oc


def _other_kind_named(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The sentence names the key thing of an inclusion question with other kinds only: the question's «кадровый
    учёт» against the reply's «бухгалтерский и налоговый учёт»."""
    for k in ask.key_nouns:
        if k not in ask.focus or share([k], c, cfg.stem, cfg.synonyms) < 1.0:
            continue
        at = ask.focus.index(k)
        kinds = [f for f in ask.focus[max(0, at - 2):at] if _kind_adjective(f)]
        if kinds and share(kinds, c, cfg.stem, cfg.synonyms) == 0 and \
                any(_kind_adjective(l) for l in c.lemmas if l not in ask.focus):
            return True
    return False


def _names_thing_sent(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """A request to send or give a thing («Пришлите акт о прошлой обработке», «Дайте доступ») is done only where
    the thing is named («закрывающие документы: акт и УПД» → «Акт и УПД за февраль отправим…»), not only what it
    is about («обработка»). Other requests pass."""
    things = ask.objects or ask.topic_nouns[:1]
    if not things or not any(cfg.request_types.get(v) == "delivered" for v in ask.verbs):
        return True
    if _LIST_OF.search(ask.text) and not (_LIST_OF.search(c.text) or _says(c, cfg, "delivered") or
                                          _ATTACHED.search(c.text)):
        return False      # «Пришлите перечень анализов» is not done by «результаты анализов будут готовы 27-го»
    # «проект договора», «копию паспорта», «скан акта»: the draft of a thing is sent as the thing itself
    # («Договор прикладываю к письму»)
    of = [ask.topic_nouns[k + 1] for k, n in enumerate(ask.topic_nouns[:-1]) if n in things and n in _FORM_OF]
    if not of and all(t in _FORM_OF for t in things):
        return True       # «пришлите финальную версию» of the sketch just named: the words in common decide
    return any(_thing_named(t, c, cfg) for t in things + of)


def _thing_named(f: str, c: Candidate, cfg: AnswerConfig) -> bool:
    """The thing itself, a synonym or a word of its family that names a thing: «договор» is not in «рады, что
    договорились»."""
    got = share([f], c, cfg.stem, cfg.synonyms)
    return got >= 1.0 or got > 0 and any(
        (l[:cfg.stem] == f[:cfg.stem] or f in l or _head(f) == l) and word_info(l).pos != "VERB" for l in c.lemmas)


# a list of things asked for, sent as a list: named, laid out after a colon or attached
_LIST_OF = re.compile(r"\b(?:перечень|перечня|список|списк[аеу])\b", re.I)
_ATTACHED = re.compile(r"\bво\s+вложени|\bв\s+приложени|\bприкреп|\bприлага|\bприкладыва|https?://", re.I)


# a document sent in some form: «проект договора» is done by «договор прикладываю» (a sample of boxes is not the
# boxes: «образец» is not here)
_FORM_OF = frozenset({"проект", "черновик", "копия", "скан", "скан-копия", "файл", "пример", "шаблон", "экземпляр",
                      "версия"})


# «сколько дней/часов…»: the units a length of time answering it may be in
_UNITS = {"дн": ("дн", "ден", "сут", "недел"), "недел": ("недел", "дн", "ден", "месяц"),
          "месяц": ("месяц", "недел", "год", "лет"), "час": ("час", "мин", "сут", "полчас"),
          "минут": ("мин", "час", "полчас")}
_ASKED_UNIT = re.compile(r"\bсколько\s+(дн|недел|месяц|час|минут)", re.I)


def _sole_fit(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """Whether the one figure of the asked kind in the reply may answer the question without sharing its words:
    not a part of the price («предоплата 3 000 ₽» for «Сколько стоит перевозка?»), not the length of another term
    («гарантия — два года» for «Сколько ждать между имплантом и коронкой?») and not a length in other units
    («доставить не позже чем через 6 часов» for «Сколько дней ждать результат?»)."""
    part = cfg.type_patterns.get("part_sum")
    if ask.answer_type == "money" and part is not None and part.search(c.text) and not part.search(ask.text):
        return False
    term = cfg.type_patterns.get("part_term")
    if ask.answer_type == "duration" and term is not None and not term.search(ask.text):
        # «Гарантия на замену — три месяца» is no answer to «за какое время закрываете позиции?», but «пробурим за
        # один-два дня, а гарантию даём пять лет» is
        # (with the rest of its enumeration: «Гарантия на оригинал — 6 месяцев, на копию — 3 месяца»)
        rest = re.sub(term.pattern + r"[^,.;:]*(?:,\s*(?:а\s+)?(?:на|для)\s[^,.;:]*)*", " ", c.text, flags=re.I)
        length = cfg.type_patterns.get("duration")
        if rest != c.text and length is not None and not length.search(rest):
            return False
    unit = _ASKED_UNIT.search(ask.text)
    if ask.answer_type == "duration" and unit:
        stems = _UNITS[unit.group(1).lower()]
        return bool(re.search(r"\b(?:" + "|".join(stems) + ")", c.text, re.I))
    return True


def _misses_figure(ask: Ask, c: Candidate, cfg: AnswerConfig, opens: bool, condition_opens: bool = True) -> bool:
    """The sentence leaves out the figure the question hangs on: «А если тираж 3000, цена снизится?» is not
    answered by «при 500 экземплярах — 640 ₽», nor «Можно ли продлить прощание до двух часов?» by «В стоимость
    входит час прощания». ``opens``: the sentence opens with a yes or a no, which answers either (a condition's only
    when ``condition_opens``); the asked verb answers an extent too («Прощание продлим…»)."""
    # (a state already there is no condition to meet: «…, если у нас уже стоит 1С на 10 пользователей?»)
    if ask.condition and not (opens and condition_opens) and not _names_figures(ask.condition, c) and \
            not (_SPAN_CONDITION.search(ask.text) and _SPAN_BOUND.search(c.text)) and not _STATE_GIVEN.search(ask.text):
        return True
    return bool(ask.figures) and bool(_MODAL_ASK.search(ask.text)) and not (
        opens or _same_verb(ask, c, cfg) or _names_figures(ask.figures, c))


_STATE_GIVEN = re.compile(r"\bесли\b[^,?]*\bуже\b", re.I)
# a condition on a length of time is met by the bound the rule sets: «если через полтора года захотим закрыть
# договор?» → «Досрочный выкуп возможен после 12 месяцев без штрафов»
_SPAN_CONDITION = re.compile(r"\bесли\b[^,?]*\b(?:через|после|спустя|в\s+течение)\s+\S+\s+"
                             r"(?:год|лет|месяц|недел|дн|ден)", re.I)
_SPAN_BOUND = re.compile(r"\b(?:после|от|через|до|спустя|с|в\s+течение)\s+(?:перв\w+\s+)?\d+(?:[.,]\d+)?\s*"
                         r"(?:мес|год|лет|недел|дн|ден)", re.I)


def _names_figures(figures: list[str], c: Candidate) -> bool:
    """Whether the sentence names one of ``figures`` (digits compared without spaces: «3 000» is «3000»)."""
    digits = {re.sub(r"\s", "", m) for m in re.findall(r"\d[\d\s\u00a0\u202f]*\d|\d", c.text)}
    return any(f in digits or f in c.lemmas for f in figures)


_PROCESS_ENDINGS = ("ние", "тие", "ка", "аж", "ство")


def _qualifiers(ask: Ask, cfg: AnswerConfig) -> list[str]:
    """The words that qualify the first topic noun, before it: «бонусная» of «бонусная часть», «мангальная» of
    «мангальная зона» — often the very thing asked, when the noun itself says little."""
    if not ask.topic_nouns or ask.topic_nouns[0] not in ask.focus:
        return []
    things = _thing_words(ask, cfg)
    head = ask.focus.index(ask.topic_nouns[0])
    return [f for f in ask.focus[:head] if f in things and not _numeral(f)]


def _asked_thing(ask: Ask) -> list[str]:
    """What a «когда» question is about: its first topic noun, and the thing after a noun of doing («сроки
    разработки сайта» — «сайт запустим в середине июня»; but «запись вебинара» is not the webinar)."""
    first = ask.topic_nouns[:1]
    if first and first[0].endswith(_PROCESS_ENDINGS) and len(ask.topic_nouns) > 1:
        return ask.topic_nouns[:2]
    return first


def _thing_words(ask: Ask, cfg: AnswerConfig) -> list[str]:
    """The question's words that name things: not its verbs, figures or words of the calendar («к 1 апреля», «до
    этой даты», «весной» say when, not what)."""
    date_pat = cfg.type_patterns.get("date")
    return [f for f in ask.focus if f not in ask.verbs and not f[:1].isdigit() and f not in _CALENDAR_NOUNS and
            not (date_pat and date_pat.search(f))]


def _phrase_shared(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """Two or more of the question's thing words are in the sentence: «ближайшие свободные даты», «гарантийный
    срок» name what is asked about as a phrase."""
    return sum(1 for f in _thing_words(ask, cfg) if share([f], c, cfg.stem, cfg.synonyms) == 1.0) >= 2


def _in_time(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """«Успеете к 20-му?» is answered by a deadline we set ourselves: the work finished by a date («готовые
    карточки отдадим 28 марта», «к 28 апреля у вас будут логотип и вывеска»), or our dated step next to the thing
    asked about («напечатаем и отшлифуем к пятнице, 17-го»). The deadline's own words («к 1 апреля», «до этой
    даты», «к открытию») are not the thing asked about."""
    pat = cfg.type_patterns.get("in_time")
    if not (ask.answer_type == "yesno" and pat is not None and pat.search(ask.text) and
            (_says(c, cfg, "deadline") or _says(c, cfg, "date"))):
        return False
    things = _thing_words(ask, cfg)
    named = not things or share(things, c, cfg.stem, cfg.synonyms) > 0
    ready = _says(c, cfg, "ready")
    # (sending papers is not doing the work: «Договор пришлю завтра» does not say whether we make it by the 1st)
    acts = bool(c.acts or c.will) and not _SENDS.search(c.text)
    # («к 22 апреля всё будет готово», «успеете оформить всё до пятницы?»: the whole work, whatever it is called;
    # lemmas fold ё)
    return named and (ready or acts) or ready and ("все" in c.lemmas or bool(_ALL.search(ask.text)))


_ALL = re.compile(r"\bвс[её]\b", re.I)


_SENDS = re.compile(r"\b(?:пришл|вышл|отправ|направ|перешл)\w*", re.I)


_CALENDAR_NOUNS = frozenset({"дата", "число", "срок", "день", "неделя", "месяц", "год", "утро", "вечер", "время",
                             "начало", "конец", "середина", "дедлайн", "весна", "лето", "осень", "зима"})


_EXIST_VERBS = frozenset({"есть", "иметься", "существовать", "предусмотреть", "предусматривать"})


def asks_existence(ask: Ask) -> bool:
    """A yes/no question whose only verb of substance is «есть», «имеется», «предусмотрен» — but not «А подъём на
    9-й этаж, если грузовой лифт есть?»: the lift is the condition, not the thing asked."""
    content = [v for v in ask.verbs if v not in _EMPTY_VERBS - _EXIST_VERBS]
    return ask.answer_type == "yesno" and bool(content) and set(content) <= _EXIST_VERBS and not ask.options and \
        not _IF.search(ask.text)


def _exists_named(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """«Есть ли у вас мангальная зона?», «хранение шин у вас есть?» ask whether a thing exists: the sentence that
    names it — by a word of its phrase or the verb of its noun («Мангальная беседка у реки есть», «Храним, на своём
    складе», «Переговорных у нас три») — says it does or does not. A name of a place or a brand must be there too
    («Есть ли доставка в Тверь?» is no «Доставка по Москве — 500 ₽»)."""
    if not asks_existence(ask):
        return False
    things = existing_things(ask, cfg)
    if not things:
        return False
    # the thing itself: the first topic noun with the words before it («мангальная зона», «гарантийный период»),
    # not what it is for («Есть ли скидка для детей?» is no «тур подходит детям»); or its one word («переговорные»)
    phrase = thing_phrase(things, ask.topic_nouns[0] if ask.topic_nouns else things[0], ask.setting)
    if "наличие" in ask.focus and (_has_count(c.text, cfg) or c.lemmas & _IN_STOCK) and \
            share([f for f in ask.focus if f not in ("наличие", "есть")], c, cfg.stem, cfg.synonyms) > 0:
        return True     # «Есть ли он в наличии на Профсоюзной?» → «На Профсоюзной сейчас два экземпляра»
    if ask.topic_nouns and ask.topic_nouns[0] in _RATES and _PERCENT.search(c.text) and \
            share(ask.topic_nouns[1:], c, cfg.stem, cfg.synonyms) > 0:
        return True     # «есть ли скидка при договоре на две мойки?» → «при годовом договоре на две мойки даём 10%»
    return any(share([f], c, cfg.stem, cfg.synonyms) > 0 for f in phrase) and _names_kept(ask, things, c, cfg)


def _modes(ask: Ask) -> list[str]:
    """The ways asked for, not those turned down («у нас в офисе, а не онлайн»)."""
    told = norm(ask.text)
    return [m for m in ask.focus if m in _MODES and not re.search(r"\bне\s+" + m, told)]


# a way a thing is done that makes it another thing to have: «занятия онлайн» are not any lessons (a visit in person
# is told in many words: «можно приехать посмотреть» answers «посмотреть вживую»)
_MODES = frozenset({"онлайн", "дистанционно", "удаленно", "дистанционный", "удаленный"})


# the least or the most of a thing: a figure is asked
_EXTREMES = frozenset({"минимальный", "максимальный"})
# a figure said to be a bound: «до 20 мм», «максимум 12 мм», «не менее 50 кг»
_BOUND = re.compile(r"\b(?:макс\w*|мин(?:имум|имальн)\w*|до\s+\d|от\s+\d|не\s+(?:более|менее|больше|меньше)|"
                    r"предел\w*|вплоть|самы[йеха]\w*)", re.I)
_PERCENT = re.compile(r"\d\s*%")
_SHARES = _RATES - {"ставка"}   # rates given as a share («ставка за контейнер» is a price)
_IN_STOCK = frozenset({"наличие", "склад", "остаток"})


def _rate_missing(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """«Какую скидку дадите на такой объём?» is not answered by the one price list of the reply: a share or the
    rate itself must be there."""
    rates = [n for n in ask.topic_nouns if n in _SHARES]
    return bool(rates) and not _PERCENT.search(c.text) and share(rates, c, cfg.stem, cfg.synonyms) == 0


def existing_things(ask: Ask, cfg: AnswerConfig) -> list[str]:
    """The words of the thing an existence question asks about («Есть ли у вас мангальная зона?» → мангальный,
    зона): its things, not «есть» or a count."""
    return [f for f in _thing_words(ask, cfg) if f not in _EXIST_VERBS and not _numeral(f)]


def thing_phrase(things: list[str], head: str, setting: Collection[str] = ()) -> list[str]:
    """``head`` with the words before it among ``things`` («мангальная зона»), or ``head`` alone; the words
    start after the last ``setting`` word before it: «есть ли в старом доме лифт?» asks about the lift alone."""
    if head not in things:
        return [head]
    at = things.index(head)
    start = max((i + 1 for i, f in enumerate(things[:at]) if f in setting), default=0)
    return things[start:at + 1]


def _names_kept(ask: Ask, words: list[str], c: Candidate, cfg: AnswerConfig) -> bool:
    """Every name among ``words`` (a place, a firm, a brand: capitalised inside the question) is in the sentence:
    «Есть ли пункт выдачи в Твери?» is no «Пункт выдачи в Москве работает до 21»."""
    names = {norm(m.group())[:4] for m in _NAME.finditer(ask.text)}
    kept = {f[:4] for f in words if f[:4] in names and share([f], c, cfg.stem, cfg.synonyms) > 0}
    # a thing and its name in brackets stand for each other: «с нашей АТС (Манго Офис)» is kept by «С Манго Офис»
    for m in _ALIAS.finditer(ask.text):
        group = {norm(w)[:4] for w in re.findall(r"[\w-]+", m.group(0))}
        if group & kept:
            kept |= group
    return all(f[:4] in kept for f in words if f[:4] in names)


_ALIAS = re.compile(r"[\w-]+\s*\([^()]{1,40}\)")
_IF = re.compile(r"\bесли\b", re.I)


def _numeral(lemma: str) -> bool:
    """A count, not a thing: «два независимых ввода» is not matched by «две стойки» (pymorphy3's NUMR, and «один»)."""
    from letterlint.text.morph import word_info

    return lemma == "один" or "NUMR" in word_info(lemma).oc_any


# a capitalised word inside a sentence: a name of a place, a firm or a brand
_NAME = re.compile(r"(?<=[\w,;:»«\"()] )[A-ZА-ЯЁ][\w-]+")


# «Что вы собираетесь делать, чтобы это не повторялось?», «Что будете с этим делать?», «Какие меры примете?»
_MEASURES_ASKED = re.compile(r"\bчто\s+(?:вы\s+)?(?:собираетесь|планируете|будете|намерены|можете|думаете)?\s*"
                             r"(?:с\s+этим\s+)?(?:делать|сделать|предпринять|предпримете|сделаете)\b|"
                             r"\bкакие\s+меры\b", re.I)


def _our_measures(ask: Ask, c: Candidate) -> bool:
    """«Что вы собираетесь делать, чтобы это не повторялось?» is answered by what we do now or will do
    («С понедельника выделяем на ваш заказ отдельную машину»), not by what happened."""
    return bool(_MEASURES_ASKED.search(ask.text)) and c.acts and not c.past and \
        bool(re.search(r"\b\w+(?:ем|им|ём|ю|у)\b", c.text)) and not _OUR_STORY.search(c.text)


# an apology or an explanation of what went wrong is not a measure
_OUR_STORY = re.compile(r"\b(?:извин|прос(?:им|тите)|причина|потому что)\w*", re.I)


def _echoes(ask: Ask, c: Candidate) -> bool:
    """The answer opens with the question's own verb: «Успеете до четверга?» → «Успеем: …», «Входит ли…?» →
    «Входит, …» — the Russian way of saying yes."""
    first = norm(c.text.split(maxsplit=1)[0].strip(",.:;!—–-")) if c.text.split() else ""
    return bool(first) and any(v and (first == v or len(v) > 4 and first[:4] == v[:4])
                               for v in ask.verbs if v not in ("быть", "мочь", "смочь"))


def _date_repeated(ask: Ask, c: Candidate, cfg: AnswerConfig, kind: str) -> bool:
    """Every date of the sentence is the one the request itself named: «перенесите бронь на 12–14 марта» is not
    dated by «На 12–14 марта номера есть» — that says when, not by when it is done (unless the asked verb is
    there: «привезём во вторник, 20 мая» for «Привезите во вторник, 20 мая»)."""
    pat = cfg.type_patterns.get(kind)
    asked = ask.text.lower()
    return pat is not None and all(m.group(0).lower().strip() in asked for m in pat.finditer(c.text))


# a length added to another: «добавит к сроку ещё одну неделю», «плюс два дня на доставку»
_ADDED = re.compile(r"\b(?:добав\w*|прибав\w*|увелич\w*|плюс)\b[^.;]*", re.I)


_BRACKETS = re.compile(r"\([^()]*\)")


def _key_outside_brackets(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """A key noun of the question named in the sentence, and not only inside brackets."""
    if not share(ask.key_nouns, c, cfg.stem, cfg.synonyms):
        return False
    if "(" not in c.text:
        return True
    bare = _BRACKETS.sub(" ", c.text).lower().replace("ё", "е")
    return any(k[:max(4, len(k) - 2)] in bare for k in ask.key_nouns)


def _type_ok(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    t = ask.answer_type
    if t == "action":
        # done, or a date to come: «за март пришло 146 заявок» names a month but promises nothing
        when = "deadline" if cfg.type_patterns.get("deadline") else "date"
        if _says(c, cfg, "done") or _says(c, cfg, when) and (
                _same_verb(ask, c, cfg) or not _date_repeated(ask, c, cfg, when)):
            return True
        if _echoes(ask, c) or (cfg.type_patterns.get("yesno") and re.match(r"\W*(?:да|конечно)\b", c.text, re.I)):
            return True   # «Можете помочь оспорить?» → «Да, поможем: …» — a commitment
        if c.past and _same_verb(ask, c, cfg):
            return True   # «Откройте доступ…» → «Доступ Анне открыл с правами на просмотр»: the asked verb, done
        if c.acts and _MODAL_ASK.search(ask.text):
            return True   # «Можете ли вы использовать золотые чернила?» → «Золотыми чернилами пишем часто»
        # «Посчитайте каталог» is done by the price itself
        wanted = {cfg.request_types[v] for v in ask.verbs if v in cfg.request_types}
        if "delivered" in wanted and not _names_thing_sent(ask, c, cfg):
            wanted.discard("delivered")   # «Пришлите макет» is not done by any list: the thing sent is named
        return any(_says(c, cfg, w) for w in wanted)
    if t == "yesno":
        if _says(c, cfg, "yesno"):
            return True
        if c.lemmas & _CHANGE_VERBS and set(ask.verbs) & _CHANGE_VERBS:
            return True   # «Тариф останется прежним?» → «Ставка за хранение не изменится»
        if asks_existence(ask):
            return _exists_named(ask, c, cfg) or _says(c, cfg, "done")
        if share(ask.focus, c, cfg.stem, cfg.synonyms) >= 0.9:
            return True   # «Это гарантийный случай?» → «Стук двигателя — гарантийный случай»: the statement itself
        # «Входит ли вёрстка?» → «Вёрстка входит / не входит»: the asked verb is in the answer
        if any(share([v], c, cfg.stem, cfg.synonyms) for v in ask.verbs if v not in ("быть", "мочь", "смочь")):
            return True   # «Успеете расставить?» → «По времени успеваем»
        # «Есть ли у вас скидка при покупке двух штук?» → «На два очистителя даём скидку 7%»
        # «Помогаете ли вы с трансфером гостей?» → «Трансфер организуем: …» — the thing asked about, stated
        nouns = ask.topic_nouns or ask.nouns
        verbs = [v for v in ask.verbs if v not in ("быть", "мочь", "смочь")]
        return bool(nouns) and _names_kept(ask, nouns, c, cfg) and (share(nouns, c, cfg.stem, cfg.synonyms) >= 0.5 or (
            share(nouns[:1], c, cfg.stem, cfg.synonyms) > 0 and share(verbs, c, cfg.stem, cfg.synonyms) > 0)) \
            or _says(c, cfg, "done")
    if t == "advice":
        return _says(c, cfg, "advice")
    if t == "reason" and ask.general:
        return _says(c, cfg, "story")
    if t in _MEASURE_KINDS and set(ask.focus) & _EXTREMES and not _BOUND.search(c.text):
        return False      # «Какую максимальную толщину режете?» is not told by «По вашей детали 8 мм режем»
    if t == "open" and set(ask.focus) & _EXTREMES:
        # «Минимальная партия у вас какая?» is told by a figure, not «на каждую партию»
        return _says(c, cfg, "count")
    if t in ("open", "reason", "person"):
        return t not in cfg.type_patterns or _says(c, cfg, t) or t == "open"
    if t == "date" and ask.topic_nouns and _done_tells_when(ask, c, cfg) and \
            share(ask.topic_nouns[:1], c, cfg.stem, cfg.synonyms) > 0 and \
            (not (_past_for_future(ask, c) or set(ask.verbs) & _START_VERBS) or _same_verb(ask, c, cfg)):
        # «Когда будет макет?» → «Макет готов, файл во вложении»; «Когда пришлёте макет?» → «Макет отправили
        # вчера», but not «Когда вернут деньги за штраф?» → «Штраф ошибочный, заявку на отмену передали», nor «Когда
        # сможете начать претензию?» → «Документы посмотрели» (a start is done only by itself: «Уже начали»), nor
        # «когда починят домофон?» → «заявка у подрядчика, мы направили им требование» (what is to come is done only by
        # itself or by being ready)
        return True
    if t == "date" and set(ask.verbs) & _START_VERBS and c.past and _same_verb(ask, c, cfg):
        return True       # «Когда сможете начать?» → «Уже начали готовить претензию»
    if t == "duration":
        # a date answers «сколько займёт» when it is the end: «закончим к пятнице», not «свободные дни 22 и 24 апреля»
        # (and a length added to the term is not the term: «это добавит к сроку ещё одну неделю»)
        length = cfg.type_patterns.get("duration")
        told = _says(c, cfg, "duration") and not (
            length is not None and _ADDED.search(c.text) and not length.search(_ADDED.sub(" ", c.text)))
        return told or _says(c, cfg, "date") and bool(c.lemmas & _END_VERBS)
    if t == "size" and cfg.type_patterns.get("part_sum") and \
            any(cfg.type_patterns["part_sum"].search(n) for n in ask.topic_nouns) and \
            (_says(c, cfg, "money") or _says(c, cfg, "share")):
        return True       # «Нужна ли предоплата и в каком размере?» → «Предоплата — пятьдесят тысяч рублей», «— 50%»
    rate = cfg.type_patterns.get("rate_asked")
    if t == "money" and rate is not None and rate.search(ask.text) and _says(c, cfg, "share"):
        return True       # «Какая комиссия за оплату картами?» → «для карт — от 2,3% до 2,8%»
    if t == "money" and set(ask.topic_nouns) & _RATES and not (_says(c, cfg, "amount") or _says(c, cfg, "share")):
        return False      # «по какой ставке?» is told by a sum or a share, not by «в пакет входит 20 часов»
    if t == "count" and not ask.general:     # a bare «Сколько и когда?» takes any figure, a price too
        return _counted(ask, c, cfg)
    if t == "volume" and _says(c, cfg, "duration"):
        # a volume of work is told in time: «Какой объём самостоятельной работы?» → «4–5 часов в неделю»
        return True
    pat = cfg.type_patterns.get(t)
    if t == "date" and _past_for_future(ask, c):
        return False
    if t == "date" and pat is not None:      # «остатки за ноябрь» names a period, not when it will happen
        if "срок" in ask.focus and not ask.general and _says(c, cfg, "duration"):
            return True                       # «Какой срок в пути?» → «в пути 35–40 дней»
        text = _PERIOD.sub(" ", c.text)
        if _BY_WHEN.search(ask.text):
            text = _FROM_DATE.sub(" ", text)  # «До какого числа забрать катер?» is no «пригнать можно с 15 октября»
        return bool(pat.search(text))
    return _says(c, cfg, t)


# «до какого числа…», «к какому сроку…»: a deadline is asked, «до/к» + a date answers it
_BY_WHEN = re.compile(r"\b(?:до|к|ко)\s+(?:какого|какому|какой|скольки|каких)\b", re.I)
_FROM_DATE = re.compile(r"\b(?:начиная\s+)?(?:с|со)\s+\d{1,2}(?:[./]\d{1,2}(?:[./]\d{2,4})?|\s+[а-яё]+)?", re.I)
_FUTURE = re.compile(r"\bбуд(?:ет|ут|ете|ем|у)\b", re.I)


def _past_for_future(ask: Ask, c: Candidate) -> bool:
    """What was done and when does not say when it will be: «Когда лифт будет запущен?» is not answered by
    «заявка оформлена 15 апреля»."""
    return c.past and (ask.future or bool(_FUTURE.search(ask.text)))

_PERIOD = re.compile(r"\bза\s+(?:\d{1,2}\s+)?(?:январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|"
                     r"декабр|прошл\w+|предыдущ\w+)\w*(?:\s+(?:месяц|недел|год|квартал)\w*)?", re.I)


def _duration_said(c: Candidate, cfg: AnswerConfig) -> bool:
    """A length of time is named («7–8 часов», «два дня»): only then does a sentence answer «сколько времени
    займёт…» without naming the work — a bare date («в пятницу к 8:00») may be about something else."""
    return _says(c, cfg, "duration")


_PER_ONE = re.compile(r"\b(?:стоимост\w*|цен[аыеу]|за)\s+(?:одн(?:ого|у|ой|о)|1)\b", re.I)


def _counted(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """A count, or a measure when a share of a measured thing is counted: «Какой объём производства и сколько из
    него готовы отдать под СТМ?» → «до 40 тонн»."""
    return _has_count(c.text, cfg) or any(cfg.measures.get(n) for n in ask.topic_nouns) and \
        any(_says(c, cfg, k) for k in ("volume", "weight", "size"))


def _has_count(text: str, cfg: AnswerConfig) -> bool:
    """A number that counts something: «10 рабочих дней», «312 000 ₽», «в 17:00» or «22 мая» answer «Сколько
    операторов понадобится?» with a term, a price or a date, not a count."""
    pat = cfg.type_patterns.get("count")
    if pat is None:
        return False
    amount = cfg.type_patterns.get("amount")
    priced = amount is not None and bool(amount.search(text))
    for k in ("amount", "duration", "date", "size", "weight"):
        other = cfg.type_patterns.get(k)
        if other is not None:
            text = other.sub(" ", text)
    text = _PER_ONE.sub(" ", text)   # «Стоимость одного сеанса — 3 900 ₽» counts nothing
    text = _UNDER_CONDITION.sub(" ", text)
    found = [m.group(0).lower() for m in pat.finditer(text)]
    if priced and found and all(f.startswith(("один", "одн")) for f in found):
        return False                  # «Одно занятие — 3 500 ₽» is the price of one, not how many
    return bool(found)


# a figure under a condition, and a share: neither counts what was asked («При 12 машинах даём скидку 15%»)
_UNDER_CONDITION = re.compile(r"\b(?:при|от|свыше|более|больше)\s+\d+|\d+(?:[.,]\d+)?\s*%", re.I)


_SIDE = re.compile(r"\b(до|перед|после)\s+([а-яё]{4,})", re.I)


def _other_side(question: str, answer: str) -> bool:
    """The question asks about the time before an event and the sentence speaks of the time after the same event,
    or the other way round: «сколько часов до операции не кормить?» — «часа через три после операции»."""
    asked = {(m.group(1).lower() == "после", m.group(2).lower()[:5]) for m in _SIDE.finditer(question)}
    said = {(m.group(1).lower() == "после", m.group(2).lower()[:5]) for m in _SIDE.finditer(answer)}
    return bool(asked) and any((not after, stem) in said for after, stem in asked) and not asked & said


# «Всё идёт по плану, коротко по каждому пункту»: an overview before the answers, not an answer out of order
_OVERVIEW = re.compile(r"по (?:каждому|всем|вашим) (?:пункт|вопрос)\w*|по порядку|по пунктам", re.I)


# the end of a piece of work and its start: a date of one does not answer «когда» about the other
_END_VERBS = frozenset({"закончить", "заканчивать", "завершить", "завершать", "окончить", "доделать", "сдать", "сдавать",
                        "готовый", "готов", "дописать", "достроить", "доделывать"})
_START_VERBS = frozenset({"начать", "начинать", "приступить", "приступать", "выходить", "выйти", "стартовать",
                          "запустить", "запускать", "заехать", "начаться", "начинаться", "садиться", "сесть",
                          "взяться", "браться"})

_ALSO_ANSWERS = 0.05   # how much weaker than the best answer another sentence may be and still count as one


def answer_order_broken(alignments: list[Alignment], min_score: float = 0.0) -> tuple[Alignment, Alignment] | None:
    """The first pair of answered asks whose answers come in reverse order, if any. Only answers found with at
    least ``min_score`` count: a weak match may sit anywhere, and an order finding on it would be a false alarm."""
    # only answers tied to their question by words or numbers: a figure found by its kind alone may sit anywhere
    answered = [a for a in alignments if a.answered and a.best is not None and a.score >= min_score and a.by_words]
    # (a sentence that answers another question better is that question's: the weaker question may take any other
    # sentence that answers it — «Результаты видит только сотрудник» is the answer about results, not about paying)
    owned = {}
    for a in answered:
        if a.score > owned.get(a.best.start, (0.0, None))[0]:
            owned[a.best.start] = (a.score, a)
    # (and one that has no other sentence shares the answer of a question asked before it, wherever that stands:
    # «Возьмите паспорт участника и нового директора» answers «какие документы взять» and, in passing, «нужно ли
    # присутствие нового директора»)
    rank = {id(a): k for k, a in enumerate(answered)}
    answered = [a for a in answered if owned[a.best.start][1] is a or set(a.fallback) - {a.best.start} or
                rank[id(owned[a.best.start][1])] > rank[id(a)]]
    # a sentence may answer two questions, and a question may be answered by more than one sentence: the order is
    # broken only when no choice of answers runs in the order asked (the earliest fitting answer each time)
    at = -1
    for a in answered:
        taken = owned[a.best.start][1] is not a
        fits = [x for x in [a.best.start, *a.others, *(a.fallback if taken else [])] if x >= at]
        if not fits:
            break
        at = min(fits)
    else:
        return None
    for i in range(1, len(answered)):
        prev, cur = answered[i - 1], answered[i]
        if cur.best.start < prev.best.start:
            return prev, cur
    return None


# Sentences that answer nothing: a greeting, thanks, good wishes, a sign-off («С любовью к вашему празднику,»)
_NOT_CONTENT = re.compile(r"^\W*(?:спасибо|благодар\w*|рад[аы]?\b|хорош\w+ (?:дня|вечера|выходных|недели)|"
                          r"всего (?:доброго|хорошего)|до связи|на связи|с уважением|добр\w+ (?:день|утро|вечер)|"
                          r"здравствуй\w*|приветствую|если (?:будут|появятся|возникнут|остались|останутся) (?:\S+ )?вопрос)",
                          re.I)


def _content(c: Candidate, first: bool, our_asks: list[tuple[int, int]], cfg: AnswerConfig) -> bool:
    """A sentence that says something to the client: not a greeting, thanks or sign-off, not our own question or
    request to them, not an undated «уточню и вернусь»."""
    text = c.text.strip()
    words = re.findall(r"\w+", text)
    if len(words) < 3 or text.endswith((",", "?")) or _NOT_CONTENT.search(text) or _PROPOSAL.search(text):
        return False
    if first and len(words) <= 5 and text.endswith("!"):
        return False                                     # «Анна, добрый день!»
    if any(s < c.end and c.start < e for s, e in our_asks):
        return False
    if _evasive(c, cfg):
        return False
    return True


# a next step offered on the client's decision: «Если решите увеличить архив, напишите — …»
_OFFER = re.compile(r"^\W*если\s+(?:вы\s+)?(?:решите|захотите|надумаете|определитесь|выберете)\b[^.!?]*?"
                    r"\b(?:напишите|дайте\s+знать|сообщите|позвоните|скажите|пишите|звоните)\b", re.I)


def _evasive(c: Candidate, cfg: AnswerConfig) -> bool:
    """No answer yet and no date for one: «уточню у коллег и вернусь к вам», «обсудим ближе к отгрузке», «сейчас
    сказать не могу», «здесь многое зависит от ниши». A figure given is an answer («Монтаж займёт 4–5 рабочих дней,
    по периметру многое зависит от погоды»)."""
    if _calendar_dated(c, cfg) or any(_says(c, cfg, k) for k in ("duration", "money")):
        return False
    return bool(_says(c, cfg, "deferral") and _LATER.search(c.text) or _CANNOT_SAY.search(c.text))


# a time set by an event, not by the calendar: «после выезда на объект», «при подписании»
_EVENT_TIME = re.compile(r"^(?:в день|в момент|при|после|по факту)\s", re.I)


def _calendar_dated(c: Candidate, cfg: AnswerConfig) -> bool:
    """A date a promise can be held to: «уточним до среды», not «уточним после выезда на объект» (when the
    visit is, nobody said)."""
    got = c.said.get("calendar")
    if got is None:
        pat = cfg.type_patterns.get("date")
        got = c.said["calendar"] = pat is not None and any(
            not _EVENT_TIME.match(m.group(0)) for m in pat.finditer(c.text))
    return got


_LATER = re.compile(r"\b(?:уточн|узна|выясн|верн|обсуд)", re.I)


# no answer yet: «По хостингу сейчас сказать не могу», «затрудняюсь ответить», «пока не знаю»
_CANNOT_SAY = re.compile(r"\b(?:сказать|ответить)\s+(?:пока\s+|сейчас\s+|точно\s+)?не\s+мо(?:гу|жем)\b|"
                         r"\bне\s+мо(?:гу|жем)\s+(?:пока\s+|сейчас\s+|точно\s+)?(?:сказать|ответить)\b|"
                         r"\bзатрудня\w+\s+(?:с\s+)?ответ\w*|\bпока\s+не\s+знаю\b|\b(?:сложно|трудно)\s+сказать\b|"
                         r"\bмногое\s+зависит\b|\bзависит\s+от\s+многих\b|\bвс[её]\s+(?:очень\s+)?индивидуально\b|"
                         r"\b(?:решаем|решается|решаются|обсуждаем|рассматриваем|рассматривается)\s+(?:\w+\s+)?"
                         r"индивидуально\b", re.I)


# a next step we propose, anywhere in the sentence («Если всё устраивает, давайте согласуем день выезда.»)
_PROPOSAL = re.compile(r"\bдавайте\b", re.I)


# the kind of answer a question expects, as a pattern that must be somewhere in a sentence given to it by position
# (by place, «сколько займёт» needs a length itself)
_STRICT = {"money": ("amount", "money"), "count": ("count",), "date": ("date", "deadline"),
           "duration": ("duration",), "frequency": ("frequency",), "age": ("age",), "place": ("place",),
           "size": ("size",), "weight": ("weight",), "volume": ("volume", "duration")}


def _kind_present(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    """The expected kind of answer is not clearly absent: «Сколько стоит?» needs an amount, «Когда?» a date or a
    term; other questions (yes/no, open, who) can be answered in any words."""
    keys = _STRICT.get(ask.answer_type)
    if keys is None:
        return True
    if ask.answer_type == "date" and _past_for_future(ask, c):
        return False
    if _says(c, cfg, "deferral") and _says(c, cfg, "date"):
        return True                                      # an honest deferral with a date
    if ask.answer_type == "date" and _done_tells_when(ask, c, cfg):
        return True                                      # «Когда будет макет?» → «Макет готов: …»
    if ask.answer_type == "count" and not ask.general:
        return _counted(ask, c, cfg)
    return any(_says(c, cfg, k) for k in keys)


# vetoes that say the best sentence answers a neighbouring question; its place in the reply does not mend that
_WRONG_ANSWER = frozenset({"start_for_end", "other_side", "put_off"})


def _by_position(result: list[Alignment], singles: list[Candidate], at: "AnalysedText", cfg: AnswerConfig,
                 lex: "AskLexicon | None") -> None:
    """A question the words did not link to anything is answered by unclaimed content in its place: the reply
    answers in the order asked, so a sentence between the answers to the questions before and after it, that no
    other question took, most likely answers it in other words («Есть ли парковка?» → «Машину можно оставить во
    дворе»). Only when the places fit: as many unclaimed blocks in the gap as unanswered questions, each with the
    kind of answer its question needs (a «сколько» question gets no sentence without a number)."""
    if not any(al.answered for al in result) or all(al.answered for al in result):
        return
    from letterlint.text.asks import default_lexicon, find_asks

    text = at.text
    theme = _letter_theme([al.ask for al in result])
    our = [(a.start, a.end) for a in find_asks(at, lex or default_lexicon())]
    claimed = [(al.best.start, al.best.end) for al in result if al.answered and al.best is not None]
    first_start = singles[0].start if singles else 0
    free: list[Candidate] = []
    blocks: list[list[Candidate]] = []
    prev_claimed = False
    # a paragraph that puts our own question or request to the client is the next step, not an answer
    pars = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)]
    next_step = [(a, b) for a, b in pars if any(a <= s < b for s, _ in our)]
    for i, c in enumerate(singles):
        is_claimed = any(s <= c.start and c.end <= e for s, e in claimed)
        # (a line of its own opening with a yes or a no starts a new answer too: «Да, замена колодок — около часа»)
        new_par = i == 0 or "\n\n" in text[singles[i - 1].end:c.start] or \
            "\n" in text[singles[i - 1].end:c.start] and bool(_YES_NO_OPENING.match(c.text))
        if any(a <= c.start < b for a, b in next_step):
            prev_claimed = False
            continue
        if is_claimed:
            prev_claimed = True
            continue
        if not _content(c, c.start == first_start, our, cfg):
            prev_claimed = False
            continue
        if prev_claimed and not new_par:
            continue       # a sentence right after an answer in its paragraph explains that answer
        if blocks and not new_par and blocks[-1][-1] is singles[i - 1]:
            blocks[-1].append(c)
        else:
            blocks.append([c])
        prev_claimed = False
        free.append(c)
    if not blocks:
        return
    # (an answer in passing, on the sentence an earlier question took, does not close every gap after it)
    placing = _placing_answers(result)
    i = 0
    n = len(result)
    while i < n:
        if result[i].answered or result[i].ask.kind != "question":
            i += 1
            continue
        j = i
        while j < n and not result[j].answered:
            j += 1
        run = [k for k in range(i, j) if result[k].ask.kind == "question"]
        lo = max((result[k].best.end for k in range(i) if k in placing), default=0)
        hi = min((result[k].best.start for k in range(j, n) if k in placing), default=len(text))
        i = j
        if lo >= hi:
            continue       # answers out of order: no place to read
        gap = [b for b in blocks if b[0].start >= lo and b[-1].end <= hi]
        one_to_one = len(gap) == len(run)
        taken = -1
        for k in run:
            al = result[k]
            if set(al.vetoes) & _WRONG_ANSWER:
                continue   # the sentence in its place answers another question: the start for the end
            for bi, b in enumerate(gap):
                if bi <= taken:
                    continue
                span = Candidate(b[0].start, b[-1].end, text[b[0].start:b[-1].end],
                                 set().union(*(c.lemmas for c in b)), None, set(), past=all(c.past for c in b),
                                 acts=any(c.acts for c in b), will=any(c.will for c in b))
                why = _place_evidence(al.ask, span, cfg, one_to_one and bi == run.index(k), theme)
                if why and _answers_other(al.ask, span, result, placing, cfg):
                    continue   # «Приступить можем с 1 апреля, если договор…» is the start asked later, not the fine
                if why:
                    taken = bi
                    al.answered = True
                    al.best = span
                    al.score = max(al.score, cfg.threshold)
                    al.by_words = False     # a place in the reply says nothing about the order of answers
                    al.reasons = al.reasons + [f"на своём месте в ответе, {why}"]
                    break


def _answers_other(ask: Ask, c: Candidate, result: list[Alignment], placing: set[int], cfg: AnswerConfig) -> bool:
    """Whether a question whose answer places nothing (none found, or only in passing) shares more of its words
    with the block than ``ask`` does, enough to be linked, and has its kind of figure there: the block is that
    question's answer, put where ``ask``'s should be."""
    if ask.answer_type in _STRICT:
        return False    # its own figure is there: «Сама игра идёт 2 часа» for «Сколько длится программа?»
    mine = _overlap(ask, c, cfg.stem, cfg.synonyms)
    return any(al.ask is not ask and k not in placing and al.ask.answer_type in _STRICT and
               (o := _overlap(al.ask, c, cfg.stem, cfg.synonyms)) >= cfg.min_overlap and o > mine and
               _kind_present(al.ask, c, cfg) for k, al in enumerate(result))


def _placing_answers(result: list[Alignment]) -> set[int]:
    """The answered asks that place the reply's answers: all but those that only share the sentence an earlier
    question took («Формат рассчитан на команды…» for the number of people, and again for «подойдёт ли им
    формат?»), which say nothing of where their own answer is."""
    seen: set[int] = set()
    out = set()
    for k, al in enumerate(result):
        if al.answered and al.best is not None and al.best.start not in seen:
            out.add(k)
            seen.add(al.best.start)
    return out


# verbs that carry no topic of a yes/no question: «можно ли», «хотела бы уточнить, …», «интересует, …»
_EMPTY_VERBS = frozenset({"быть", "мочь", "смочь", "хотеть", "хотеться", "уточнить", "узнать", "интересовать",
                          "спросить", "подсказать", "сказать", "понимать", "понять", "можно", "нужно", "надо",
                          "нужный", "возможно", "есть", "иметься", "делать", "сделать"})

# verbs that only ask (everything in _EMPTY_VERBS but the asked «сделать»), and «просить»
_WEAK_VERBS = (_EMPTY_VERBS - {"делать", "сделать"}) | {"просить"}

_YES_NO_OPENER = re.compile(r"^\W*(?:да|нет|конечно|разумеется|к сожалению|увы|можно|нельзя|есть|нету|"
                            r"не\s+\w+|сможем|можем|получится|обязательно)\b", re.I)


def _place_evidence(ask: Ask, c: Candidate, cfg: AnswerConfig, in_turn: bool, theme: set[str]) -> str:
    """Why an unclaimed block in a question's place answers it ('' if it does not): its kind of answer must be
    there, and something more — a word of the question (even a shared stem), a yes or no opening a yes/no
    answer, or a figure of the kind asked when the block is the only one in the question's turn."""
    if not _kind_present(ask, c, cfg):
        return ""
    if ask.key_nouns and not share(ask.key_nouns, c, cfg.stem, cfg.synonyms) or not _decides(ask, c, cfg):
        return ""       # «Входит ли в цену фундамент?» is answered only where the foundation is named
    if _misses_figure(ask, c, cfg, bool(_YES_NO_OPENER.search(c.text)), condition_opens=False):
        return ""       # «А если тираж 3000…?» is not answered by the price at 500
    # the thing asked about, not a verb or an adjective («сможем выйти», «старой кровли» share nothing with
    # «вывоз старого шифера»); a date answers «когда» only next to the very thing asked about
    nouns = ask.topic_nouns or ask.nouns
    words = nouns[:1] if ask.answer_type == "date" else nouns
    if _own_words(ask, theme):
        words = [w for w in words if w not in theme]   # not the letter's theme: «плитка» in every question
    if words and _weak_link(words, c, cfg):
        return "общее слово с вопросом"
    if ask.answer_type == "yesno" and _YES_NO_OPENER.search(c.text):
        return "ответ «да/нет» в начале абзаца"
    verbs = [v for v in ask.verbs if v not in _EMPTY_VERBS]
    if ask.answer_type == "yesno" and any(v in c.lemmas or cfg.synonyms.get(v, set()) & c.lemmas for v in verbs):
        return "тот же глагол, что в вопросе"          # «Входит ли завтрак?» → «…уже включён в эту цену»
    # (the figure itself: a promise with a date — «договор подготовлю сегодня» — is about its own thing)
    if in_turn and ask.answer_type in ("money", "count", "duration", "size", "weight", "volume", "age") and \
            (ask.answer_type == "count" or any(_says(c, cfg, k) for k in _STRICT[ask.answer_type])) and \
            not _rate_missing(ask, c, cfg) and _sole_fit(ask, c, cfg):
        return f"ответ нужного вида ({_TYPE_RU[ask.answer_type]}) в очереди этого вопроса"
    return ""


def _weak_link(words: list[str], c: Candidate, cfg: AnswerConfig) -> bool:
    """A noun of the question in the block: its lemma, a synonym, or a short word opening a longer one («фото» →
    «фотографии»). Not any shared stem: the tagger takes «старого» for a noun, and «старой кровли» is no link."""
    for f in words:
        if len(f) < 3 or not f.isalpha():
            continue
        if f in c.lemmas or cfg.synonyms.get(f, set()) & c.lemmas:
            return True
        if len(f) >= 4 and any(len(l) > len(f) and l.startswith(f) or len(l) >= 4 and f.startswith(l) and
                               len(f) > len(l) for l in c.lemmas):
            return True
    return False
