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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from letterlint.text import extras
from letterlint.text.asks import Ask, _LIST_MARK, _lemmas
from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.text.pipeline import AnalysedText

_ORDINALS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
             "девят": 9, "десят": 10}


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

    @classmethod
    def from_params(cls, p: dict[str, Any]) -> "AnswerConfig":
        pats = {k: re.compile(v, re.I) for k, v in p.get("answer_patterns", {}).items()}
        return cls(
            type_patterns=pats,
            deferral=re.compile(p.get("deferral_pattern", r"(?!x)x"), re.I),
            done=re.compile(p.get("done_pattern", r"(?!x)x"), re.I),
            weights={"overlap": 0.55, "type": 0.45, "number": 0.35, "reference": 0.6, **p.get("weights", {})},
            threshold=float(p.get("threshold", 0.5)),
            min_overlap=float(p.get("min_overlap", 0.25)),
            stem=int(p.get("stem_length", 4)),
            synonyms=_synonym_map(p.get("synonyms", [])),
            vector_min=float(p.get("vector_min", 0.5)),
            request_types={norm(k): str(v) for k, v in (p.get("request_answer_types") or {}).items()},
        )


def _synonym_map(groups: list[list[str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for g in groups:
        words = {norm(w) for w in g}
        for w in words:
            out.setdefault(w, set()).update(words - {w})
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


@dataclass
class Alignment:
    """The verdict on one ask, with its reasons."""

    ask: Ask
    answered: bool
    score: float
    best: Candidate | None
    deferred: bool = False
    reasons: list[str] = field(default_factory=list)
    by_words: bool = False         # linked by shared words or list numbers, not only by the kind of answer


def candidates(at: "AnalysedText") -> list[Candidate]:
    out = []
    current_ref: set[int] = set()
    for s, e in at.sentences():
        raw = at.text[s:e]
        m = _LIST_MARK.match(raw)
        number = int(m.group(1)) if m and m.group(1) else None
        span = at.doc.char_span(s, e, alignment_mode="expand")
        toks = [t for t in span or [] if extras.is_word(t)]
        lem = {l for t in toks for l in _lemmas(t)} | {extras.form(t) for t in toks}
        refs = _references(raw)
        # «По второму вопросу:» on its own line heads the sentences below it
        if refs and raw.rstrip().endswith(":"):
            current_ref = refs
        elif not refs and current_ref and not m:
            refs = set(current_ref)
        if raw.strip() and not raw.rstrip().endswith(":") and refs == set() and current_ref and m:
            current_ref = set()
        out.append(Candidate(s, e, raw, lem, number, refs, item=m is not None))
    return out


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
    fitting = [r for r in runs if len(r) == len(question_idx)]
    return dict(zip(question_idx, fitting[0])) if len(fitting) == 1 else {}


def _pairs(cands: list[Candidate], text: str) -> list[Candidate]:
    """Two adjacent sentences of one paragraph as one more candidate: an answer often names the figure in one
    sentence and the topic in the next («…это 6 часов, то есть 18 000 ₽. В эту сумму входит доработка…»)."""
    out = []
    for a, b in zip(cands, cands[1:]):
        if a.number is not None or b.number is not None or "\n\n" in text[a.end:b.start]:
            continue
        out.append(Candidate(a.start, b.end, text[a.start:b.end], a.lemmas | b.lemmas, None,
                             a.references | b.references))
    return out


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
    best = _share(ask.focus, cand, stem, synonyms)
    if ask.nouns:
        best = max(best, 0.9 * _share(ask.nouns, cand, stem, synonyms))
    return best


def _share(words: list[str], cand: Candidate, stem: int, synonyms: dict[str, set[str]] | None = None) -> float:
    if not words:
        return 0.0
    got = 0.0
    for f in words:
        if f in cand.lemmas or (synonyms and synonyms.get(f, set()) & cand.lemmas):
            got += 1
            continue
        if len(f) >= stem + 1 and any(len(l) >= stem + 1 and l[:stem] == f[:stem] and _close(f, l) for l in cand.lemmas):
            got += 0.6
        elif len(f) >= 5 and any(f in l for l in cand.lemmas if len(l) > len(f)):
            got += 0.6     # «глютен» in «безглютеновый», «сайт» in «вебсайт»
        elif synonyms and any(" " in x and x in cand.text.lower().replace("ё", "е") for x in synonyms.get(f, ())):
            got += 1       # a synonym of several words: «завтрак» ~ «шведский стол»
    return got / len(words)


def _close(a: str, b: str) -> bool:
    """Derivational relatives share a long enough prefix («стоить»/«стоимость», «сверстать»/«вёрстка» do not)."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= max(4, int(0.6 * min(len(a), len(b))))


def align(asks: list[Ask], at: "AnalysedText", cfg: AnswerConfig) -> list[Alignment]:
    """An Alignment per ask (same order)."""
    # our own questions to the client answer nothing («Вам удобно в среду?»)
    cands = [c for c in candidates(at) if c.text.strip() and not c.text.rstrip().endswith("?")]
    singles = list(cands)
    cands += _pairs(cands, at.text)
    # a single money or duration question: the one figure of that kind in the reply is its answer, whatever
    # words it is written in («Сколько будет стоить перевозка?» → «68 400 ₽ с НДС, с погрузкой»)
    single = {t for t in ("money", "duration") if sum(1 for a in asks if a.answer_type == t) == 1}
    numbered_asks = [a for a in asks if a.number is not None]
    mirror = len(numbered_asks) >= 2 and sum(1 for c in cands if c.number is not None) >= 2
    # «По вашим вопросам: — 38 900 ₽; — до 31 мая; — да, …»: a list with one item per question, in order
    by_position = {} if mirror else _list_block(singles, [i for i, a in enumerate(asks) if a.kind == "question"])
    result = []
    for idx, ask in enumerate(asks):
        best: tuple[float, Candidate | None, bool, list[str]] = (0.0, None, False, [])
        position = idx + 1
        for c in cands:
            reasons = []
            ov = _overlap(ask, c, cfg.stem, cfg.synonyms)
            type_ok = _type_ok(ask, c, cfg)
            promised = bool(cfg.deferral.search(c.text))
            dated = bool(cfg.type_patterns.get("date") and cfg.type_patterns["date"].search(c.text))
            deferred = promised and dated
            if promised and not dated and re.search(r"\b(?:уточн|узна|выясн|верн)", c.text, re.I):
                type_ok = False   # «уточню у коллег и вернусь к вам» with no date answers nothing yet
            by_number = (mirror and ask.number is not None and c.number == ask.number) or \
                by_position.get(idx) is c
            by_ref = position in c.references or (ask.number is not None and ask.number in c.references)
            score = cfg.weights["overlap"] * ov + cfg.weights["type"] * (1.0 if type_ok or deferred else 0.0)
            if cfg.weights.get("vectors") and (ov or type_ok):   # never alone: «можно» is close to «нельзя»
                sim = _vector_link(ask, c, cfg)
                if sim:
                    score += cfg.weights["vectors"] * sim
                    reasons.append(f"близкие по смыслу слова {sim:.2f}")
            if by_number:
                score += cfg.weights["number"]
                reasons.append(f"тот же номер в списке ({c.number})" if c.number is not None
                               else "тот же пункт списка по порядку")
            if by_ref:
                score += cfg.weights["reference"]
                reasons.append("ссылка на номер вопроса")
            if ov:
                reasons.append(f"общие слова {ov:.0%}")
            if type_ok:
                reasons.append(f"есть ответ нужного вида ({_TYPE_RU.get(ask.answer_type, ask.answer_type)})")
            if deferred:
                reasons.append("честная отсрочка с датой")
            if ask.general and type_ok:
                score = max(score, cfg.threshold)          # the story told is the answer to «Что случилось?»
            unique_pat = cfg.type_patterns.get("amount" if ask.answer_type == "money" else ask.answer_type)
            unique = ask.answer_type in single and ask.kind == "question" and bool(
                unique_pat and unique_pat.search(c.text))
            if unique:
                score = max(score, cfg.threshold)
                reasons.append("единственный ответ нужного вида")
            strong_yes = ask.answer_type == "yesno" and ov > 0 and (bool(
                cfg.type_patterns.get("yesno") and cfg.type_patterns["yesno"].search(c.text)) or _echoes(ask, c))
            if strong_yes:
                score = max(score, cfg.threshold)          # «Можно ли завтра?» → «Да, завтра в 10:00»
            if ask.topic_nouns and ov and not (by_number or by_ref or unique or strong_yes) and \
                    _share(ask.topic_nouns, c, cfg.stem, cfg.synonyms) == 0:
                ov = 0.0   # only verbs and numbers in common: «поставить две станции» ≠ «поставим три микрофона»
                score = min(score, cfg.threshold - 0.01)
            if ask.answer_type == "date" and ask.topic_nouns and not (by_number or by_ref) and \
                    _share(ask.topic_nouns[:1], c, cfg.stem, cfg.synonyms) == 0:
                # «Когда будет готова запись вебинара?» is not answered by the date of the webinar itself:
                # a date answers a «когда» question only next to the thing asked about
                score = min(score, cfg.threshold - 0.01)
            if not (ov >= cfg.min_overlap or by_number or by_ref or ask.general and type_ok or unique or strong_yes):
                score = min(score, cfg.threshold - 0.01)   # never answered without a link to the question
            if ask.kind == "request" and not (type_ok or deferred):
                score = min(score, cfg.threshold - 0.01)   # a request needs «сделано» or a date
            if score > best[0]:
                best = (score, c, deferred, reasons)
        score, cand, deferred, reasons = best
        al = Alignment(ask, score >= cfg.threshold, round(score, 2), cand, deferred and score >= cfg.threshold, reasons)
        al.by_words = any(r.startswith(("общие слова", "тот же номер", "ссылка на номер")) for r in reasons) \
            and not (cand is not None and _OVERVIEW.search(cand.text))
        result.append(al)
    return result


_TYPE_RU = {"money": "сумма", "date": "дата или время", "duration": "срок", "count": "число", "yesno": "да/нет",
            "place": "место или ссылка", "person": "кто", "reason": "причина", "open": "ответ", "action": "сделано/срок",
            "advice": "что сделать"}


def _vector_link(ask: Ask, c: Candidate, cfg: AnswerConfig) -> float:
    """The best navec similarity of a question noun the candidate lacks to a word of the candidate, when it
    reaches ``vector_min`` (else 0): «компенсация» ~ «возмещение»."""
    from letterlint.text.pipeline import similarity

    missing = [n for n in ask.nouns if n not in c.lemmas]
    best = max((similarity(n, w) for n in missing for w in c.lemmas if len(w) > 3), default=0.0)
    return best if best >= cfg.vector_min else 0.0


def _echoes(ask: Ask, c: Candidate) -> bool:
    """The answer opens with the question's own verb: «Успеете до четверга?» → «Успеем: …», «Входит ли…?» →
    «Входит, …» — the Russian way of saying yes."""
    first = norm(c.text.split(maxsplit=1)[0].strip(",.:;!—–-")) if c.text.split() else ""
    return bool(first) and any(v and (first == v or len(v) > 4 and first[:4] == v[:4])
                               for v in ask.verbs if v not in ("быть", "мочь", "смочь"))


def _type_ok(ask: Ask, c: Candidate, cfg: AnswerConfig) -> bool:
    t = ask.answer_type
    if t == "action":
        # done, or a date to come: «за март пришло 146 заявок» names a month but promises nothing
        when = cfg.type_patterns.get("deadline") or cfg.type_patterns.get("date")
        if cfg.done.search(c.text) or (when and when.search(c.text)):
            return True
        if _echoes(ask, c) or (cfg.type_patterns.get("yesno") and re.match(r"\W*(?:да|конечно)\b", c.text, re.I)):
            return True   # «Можете помочь оспорить?» → «Да, поможем: …» — a commitment
        # «Посчитайте каталог» is done by the price itself
        wanted = {cfg.request_types[v] for v in ask.verbs if v in cfg.request_types}
        return any(cfg.type_patterns.get(w) and cfg.type_patterns[w].search(c.text) for w in wanted)
    if t == "yesno":
        pat = cfg.type_patterns.get("yesno")
        if pat and pat.search(c.text):
            return True
        # «Входит ли вёрстка?» → «Вёрстка входит / не входит»: the asked verb is in the answer
        if any(v in c.lemmas or cfg.synonyms.get(v, set()) & c.lemmas
               for v in ask.verbs if v not in ("быть", "мочь", "смочь")):
            return True
        # «Есть ли у вас скидка при покупке двух штук?» → «На два очистителя даём скидку 7%»
        # «Помогаете ли вы с трансфером гостей?» → «Трансфер организуем: …» — the thing asked about, stated
        nouns = ask.topic_nouns or ask.nouns
        verbs = [v for v in ask.verbs if v not in ("быть", "мочь", "смочь")]
        return bool(nouns) and (_share(nouns, c, cfg.stem, cfg.synonyms) >= 0.5 or (
            _share(nouns[:1], c, cfg.stem, cfg.synonyms) > 0 and _share(verbs, c, cfg.stem, cfg.synonyms) > 0)) \
            or bool(cfg.done.search(c.text))
    if t == "advice":
        pat = cfg.type_patterns.get("advice")
        return bool(pat and pat.search(c.text))
    if t == "reason" and ask.general:
        pat = cfg.type_patterns.get("story")
        return bool(pat and pat.search(c.text))
    if t in ("open", "reason", "person"):
        pat = cfg.type_patterns.get(t)
        return True if pat is None else bool(pat.search(c.text)) or t == "open"
    if t == "date" and ask.topic_nouns and cfg.done.search(c.text) and \
            _share(ask.topic_nouns[:1], c, cfg.stem, cfg.synonyms) > 0:
        return True       # «Когда будет макет?» → «Макет готов, файл во вложении»
    if t == "duration":
        pats = [cfg.type_patterns.get("duration"), cfg.type_patterns.get("date")]
        return any(p and p.search(c.text) for p in pats)
    pat = cfg.type_patterns.get(t)
    return bool(pat and pat.search(c.text))


# «Всё идёт по плану, коротко по каждому пункту»: an overview before the answers, not an answer out of order
_OVERVIEW = re.compile(r"по (?:каждому|всем|вашим) (?:пункт|вопрос)\w*|по порядку|по пунктам", re.I)


def answer_order_broken(alignments: list[Alignment], min_score: float = 0.0) -> tuple[Alignment, Alignment] | None:
    """The first pair of answered asks whose answers come in reverse order, if any. Only answers found with at
    least ``min_score`` count: a weak match may sit anywhere, and an order finding on it would be a false alarm."""
    # only answers tied to their question by words or numbers: a figure found by its kind alone may sit anywhere
    answered = [a for a in alignments if a.answered and a.best is not None and a.score >= min_score and a.by_words]
    for i in range(1, len(answered)):
        prev, cur = answered[i - 1], answered[i]
        if cur.best.start < prev.best.start:
            return prev, cur
    return None
