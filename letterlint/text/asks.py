"""Questions and requests as Russian clients write them, and what kind of answer each expects.

Not "sentences ending with ?": «Подскажите, пожалуйста, сроки.», «Интересует стоимость перевода.», «Хотел бы
уточнить, входит ли НДС.», «Не могли бы вы прислать счёт?», a numbered list under «Подскажите:», and two
questions in one sentence («Сколько стоит и когда сможете начать?») all count. Pleasantries («Как дела?») and
rhetorical questions do not, nor questions inside quotation marks (the client quoting us).

Every word list lives in the rules' YAML (``params``) and arrives here as an :class:`AskLexicon`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from letterlint.text import extras
from letterlint.text.morph import is_name
from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from letterlint.text.pipeline import AnalysedText

_LIST_MARK = re.compile(r"^\s*(?:\(?(\d{1,2})[.)]|[-•*—–]|([а-яa-z])\))\s+")
_QUOTED = re.compile(r"«[^«»]*»|\"[^\"\n]*\"|“[^“”]*”|„[^„“]*“")
# a quoted sentence, not a title: «…когда будет готово?», «…доставка включена.»
_SENTENCE_END = re.compile(r"[?!…]|\.\W*$")


@dataclass
class AskLexicon:
    """Word lists that decide what is a question, a request, or neither (from rule params)."""

    interrogatives: dict[str, str]              # word → expected answer type («сколько» → amount)
    no_mark_interrogatives: frozenset[str]      # may start a question written without «?»
    inform_verbs: frozenset[str]                # «подсказать», «уточнить»: asking us to tell something
    indirect: list[tuple[str, ...]]             # lemma sequences that make a sentence an indirect question
    request_phrases: list[tuple[str, ...]]      # «прошу», «просим», «нужно чтобы вы»
    not_requests: frozenset[str]                # imperatives that ask for nothing («извините», «учтите»)
    pleasantries: list[str]                     # normalised texts of questions that need no answer
    rhetorical: list[str]
    modal: frozenset[str]                       # «мочь», «смочь»: «Можете прислать…?» is a request
    stop: frozenset[str]                        # lemmas that carry no topic
    type_nouns: dict[str, str]                  # focus nouns that set the answer type («стоимость» → money)
    event_words: frozenset[str] = frozenset()   # «случиться», «произойти»: «Что случилось?» asks for the story
    generic_nouns: frozenset[str] = frozenset() # «неделя», «раз», «вопрос»: nouns that name no topic
    yesno_openers: tuple[str, ...] = ()         # «а правда, что…»: a yes/no question whatever its nouns
    advice_phrases: tuple[str, ...] = ()        # «что делать?»: answered by an instruction
    small_talk_words: frozenset[str] = frozenset()   # «погода», «лить»: a question about these alone is small talk
    standing_requests: frozenset[str] = frozenset()  # «пишите», «звоните»: how to reach them, nothing to report
    in_time_verbs: frozenset[str] = frozenset()      # «успеете», «уложитесь»: asks whether, not when
    rhetorical_patterns: tuple[str, ...] = ()        # shapes that ask nothing: «Кто же сейчас без сайта, да?»

    @cached_property
    def fingerprint(self) -> str:
        """Equal for equal vocabularies (rules with different params often share one)."""
        return repr(self)

    @classmethod
    def from_params(cls, p: dict[str, Any]) -> "AskLexicon":
        def phrases(key: str) -> list[tuple[str, ...]]:
            return [tuple(norm(x).split()) for x in p.get(key, [])]

        return cls(
            interrogatives={norm(k): v for k, v in p.get("interrogatives", {}).items()},
            no_mark_interrogatives=frozenset(norm(x) for x in p.get("no_mark_interrogatives", [])),
            inform_verbs=frozenset(norm(x) for x in p.get("inform_verbs", [])),
            indirect=phrases("indirect"),
            request_phrases=phrases("request_phrases"),
            not_requests=frozenset(norm(x) for x in p.get("not_requests", [])),
            pleasantries=[_small_talk(x) for x in p.get("pleasantries", [])],
            rhetorical=[squash(x) for x in p.get("rhetorical", [])],
            modal=frozenset(norm(x) for x in p.get("modal", [])),
            stop=frozenset(norm(x) for x in p.get("stop_lemmas", [])),
            type_nouns={norm(k): v for k, v in p.get("type_nouns", {}).items()},
            event_words=frozenset(norm(x) for x in p.get("event_words", [])),
            generic_nouns=frozenset(norm(x) for x in p.get("generic_nouns", [])),
            yesno_openers=tuple(squash(x) for x in p.get("yesno_openers", [])),
            advice_phrases=tuple(squash(x) for x in p.get("advice_phrases", [])),
            small_talk_words=frozenset(norm(x) for x in p.get("small_talk_words", [])),
            standing_requests=frozenset(norm(x) for x in p.get("standing_requests", [])),
            in_time_verbs=frozenset(norm(x) for x in p.get("in_time_verbs", [])),
            rhetorical_patterns=tuple(p.get("rhetorical_patterns", [])),
        )

    @cached_property
    def rhetorical_shapes(self) -> list[re.Pattern[str]]:
        return [re.compile(x, re.I) for x in self.rhetorical_patterns]


@dataclass
class Ask:
    """One question or request found in a text."""

    kind: str                      # question | request
    start: int                     # character offsets into the analysed text
    end: int
    text: str
    focus: list[str]               # topic lemmas (nouns, verbs, adjectives…) that an answer would share
    answer_type: str               # money | date | duration | frequency | count | yesno | place | person | reason | open | action
    number: int | None = None      # its number in a numbered list
    verbs: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)
    topic_nouns: list[str] = field(default_factory=list)   # nouns naming the topic, not the answer's kind («дата»)
    marked: bool = False           # written with «?» (its own or shared with the next question)
    bulleted: bool = False         # an item of a list marked with dashes or bullets (numbered by position)
    general: bool = False          # no topic of its own («Что случилось?»): any answer of the right kind answers it
    key_nouns: list[str] = field(default_factory=list)   # what «входит ли X в цену?» asks about: an answer names X
    standing: bool = False         # «пишите только на этот адрес»: a request that stays in force, never "done"
    objects: list[str] = field(default_factory=list)     # what a request asks for: «акт» in «Пришлите акт о …»
    judged: str = ""               # the quality asked about: «безопасно» in «Безопасно ли это для продуктов?»
    options: list[str] = field(default_factory=list)   # «литиевые или свинцовые?»: the words of each choice
    sentence: tuple[int, int] | None = None   # the whole sentence, when it asks two questions at once
    referent: str = ""             # what «её» stands for in «…ледяную горку — можно ли её сделать?»: «горка»
    condition: list[str] = field(default_factory=list)   # the figures of «А если тираж 3000, …?»: «3000»
    figures: list[str] = field(default_factory=list)     # of a yes/no question: «до двух часов» → «два»
    setting: frozenset[str] = frozenset()   # nouns after a preposition: «в доме», «на платформе» — where, not what
    future: bool = False           # asks about what is to come: «когда вернут деньги», «когда будет готово»
    borrows: bool = False          # its topic comes from the sentence or question before: «Сможете?»


def squash(s: str) -> str:
    """Lower case, «ё» as «е», every run of punctuation and spacing one space: phrases compare as words
    («Храни вас Господь,\nИван» → «храни вас господь иван»)."""
    return re.sub(r"[^\w]+", " ", norm(s)).strip()


# words that do not change a pleasantry: «Как у вас дела?» = «Как дела?», «Ну как там выходные?» = «Как выходные?»
# (and the «прошли» of «Как прошли праздники?» = «Как праздники?»)
_SMALL_TALK_FILLER = frozenset("у вас тебя вами тебе вам там тут вообще сейчас ну а и кстати же то ваши твои прошли "
                               "прошел прошла прошло".split())


def _pleasantry(talk: str, lex: "AskLexicon") -> bool:
    """«Как дела?», «Как у вас дела в офисе?» — but not «Как вы считаете, стоит ли продлевать?»: a pleasantry
    ending in a pronoun matches only whole, and what follows one must be short and ask nothing."""
    for p in lex.pleasantries:
        if talk == p:
            return True
        if talk.startswith(p + " ") and not p.endswith((" вы", " ты")):
            rest = talk[len(p) + 1:].split()
            if len(rest) <= 3 and not (set(rest) & (lex.interrogatives.keys() | {"ли"})):
                return True
    return False


_GREETING = re.compile(r"^\W*(?:здр\w*|привет\w*|добр\w+\s+(?:день|утро|вечер|времени\s+суток)|доброго\s+\w+)\W+",
                       re.I)


def _pleasantry_and_follow_up(text: str, lex: "AskLexicon") -> bool:
    """«Как у вас дела, много заявок после нового года?», «Как вы там, пережили аврал?»: a pleasantry and a short
    question about the client's own life after its comma, asking us nothing (no question word, no «ли»)."""
    head, comma, rest = text.partition(",")
    if not comma or not _pleasantry(_small_talk(head), lex) and _small_talk(head) not in ("как вы", "как ты"):
        return False
    words = squash(rest).split()
    return 0 < len(words) <= 6 and not set(words) & (lex.interrogatives.keys() | {"ли", "можете", "сможете"})


def _small_talk(s: str) -> str:
    """A sentence squashed and stripped of filler words, to compare with the pleasantries."""
    return " ".join(w for w in squash(s).split() if w not in _SMALL_TALK_FILLER)


def _lemmas(t: "Token") -> frozenset[str]:
    return extras.lemmas(t) or frozenset((extras.form(t),))


def units(at: "AnalysedText") -> list[tuple[int, int]]:
    """Sentences, with list items always on their own (the text layer already splits at list markers)."""
    return at.sentences()


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The bundled question vocabulary (letterlint/data/questions.yaml): phrase lists, answer patterns, weights;
    and, as ``thesaurus``, the groups of business words that name the same thing (data/synonyms.yaml), kept apart
    from ``synonyms`` so that a team's own synonyms add to them instead of replacing them."""
    from letterlint.engine.yamlio import load_yaml_text   # libyaml's parser: the two files load in ~10 ms, not ~85

    data = files("letterlint").joinpath("data")
    vocab = load_yaml_text(data.joinpath("questions.yaml").read_text(encoding="utf-8"), "questions.yaml")
    thesaurus = data.joinpath("synonyms.yaml")
    vocab["thesaurus"] = (load_yaml_text(thesaurus.read_text(encoding="utf-8"), "synonyms.yaml") or {}).get(
        "groups", []) if thesaurus.is_file() else []
    return vocab


@lru_cache(maxsize=1)
def default_lexicon() -> AskLexicon:
    """The AskLexicon of the bundled vocabulary (for rules that find questions without tuning them)."""
    return AskLexicon.from_params(vocabulary())


def find_asks(at: "AnalysedText", lex: AskLexicon, *, want_requests: bool = True) -> list[Ask]:
    """The questions (and requests) of a text, in order of appearance (found once per text and vocabulary:
    the question rules and call-to-action all ask)."""
    store = at.__dict__.setdefault("_asks", {})
    key = (lex.fingerprint, want_requests)
    if key not in store:
        store[key] = _find_asks(at, lex, want_requests)
    return list(store[key])


def _find_asks(at: "AnalysedText", lex: AskLexicon, want_requests: bool) -> list[Ask]:
    text = at.text
    asks: list[Ask] = []
    lead_in = False                 # «Подскажите, пожалуйста:» — the list below consists of questions
    bullet = 0
    before: list["Token"] = []      # the sentence before: the topic of «Сможете?», «Есть ли всё это…?»
    for s, e in units(at):
        raw = text[s:e]
        m = _LIST_MARK.match(raw)
        number = int(m.group(1)) if m and m.group(1) else None
        bulleted = bool(m) and number is None
        if bulleted:                    # a bulleted list is numbered by position, so answers can mirror it
            bullet += 1
            number = bullet
        elif not m:
            bullet = 0
        body_start = s + (m.end() if m else 0)
        if not m and lead_in and not raw.rstrip().endswith(":"):
            lead_in = False
        toks = [t for t in at.doc.char_span(body_start, e, alignment_mode="expand") or [] if not t.is_space] \
            if body_start < e else []
        if not toks:
            continue
        context, before = before, toks
        first_half: list["Token"] = []
        stripped = raw.rstrip()
        if stripped.endswith(":"):
            lead_in = _is_lead_in(toks, lex)   # «Отвечаю на ваши вопросы:» after a list of questions ends it
            if lead_in:
                continue
        if _ANNOUNCES.search(stripped):
            continue   # «По вашему предложению есть вопросы.» announces questions, it asks none
        parts = _split_double(toks, lex)
        for k, (part_start, part_end, part_toks) in enumerate(parts):
            # («Сколько человек приедет на сборку и сколько это займёт?»: «это» is the assembly of the first half)
            # (a part after «вопросы такие:» is an item of a list of questions)
            listed = _after_question_lead(toks, part_start)
            ask = _classify(text, part_start, part_end, part_toks, lex, in_list=bool(m) and lead_in or listed,
                            context=first_half if k else context, first_half=first_half if k else None)
            first_half = part_toks
            if ask is None:
                continue
            if ask.kind == "request" and not want_requests:
                continue
            ask.number = number
            ask.bulleted = bulleted
            if len(parts) > 1:
                ask.sentence = (parts[0][0], parts[-1][1])
            asks.append(ask)
    return [a for k, a in enumerate(asks) if not _asks_nothing_new(a, asks[:k], asks[k + 1:])]


def _asks_nothing_new(ask: Ask, before: list[Ask], after: list[Ask]) -> bool:
    """«Интересует ваша продлёнка с сентября.» names what the questions after it are about; «Если дело в технике —
    скажите прямо» after «Почему трактор опаздывает?» asks that question again, in a condition."""
    if ask.kind != "question" or _ASKING_WORD.search(ask.text):
        return False
    interest = _INTEREST_IN.match(ask.text)
    interest = interest is not None and (
        ask.answer_type == "yesno" or ask.answer_type == "open" and bool(_YOUR_OFFER.match(ask.text, interest.end())))
    if interest and any(b.kind == "question" for b in after):
        return True
    return bool(before) and before[-1].kind == "question" and bool(_TELL_IF.match(ask.text))


# «Если дело в технике — скажите прямо»: what to tell is the condition itself
_TELL_IF = re.compile(r"^\W*(?:а\s+|и\s+)?если\b[^.?!—–]*[—–,]\s*(?:то\s+)?(?:так\s+и\s+)?(?:скажите|напишите|сообщите|"
                      r"признайтесь)\s*(?:прямо|честно|сразу|откровенно)?\s*[,.!]", re.I)
# an interest in a thing, not in a kind of answer («Интересует стоимость…» is typed money and stays a question)
_INTEREST_IN = re.compile(r"^\W*(?:[\w-]+[,\s]+){0,2}?(?:нас|меня)?\s*интерес(?:ует|уют|овал[аои]?)\s+(?!,)", re.I)
# (an interest in «ваш …» is in the offering: «Интересует ваше ответственное хранение»; «Интересует минимальная партия»
# asks a figure)
_YOUR_OFFER = re.compile(r"(?:также\s+|очень\s+)?ваш", re.I)     # right after the «интересует» of _INTEREST_IN
_ASKING_WORD = re.compile(r"\?|\bли\b|\b(?:как\w*|сколько|когда|где|куда|кто|что|почему|зачем|чем|можно)\b", re.I)


# an indirect ask naming only its topic: «Хотела уточнить по генеральной уборке…», «Хочу спросить насчёт доставки»
_ABOUT_TOPIC = re.compile(r"^\W*(?:[\w-]+[,\s]+){0,3}?(?:хотел[аи]?|хочу|хотим|хотелось|хочется)\s+(?:бы\s+)?"
                          r"(?:уточнить|спросить|узнать|проконсультироваться)\s+(?:кое-что\s+|пару\s+моментов\s+|"
                          r"несколько\s+моментов\s+|у\s+вас\s+)?(?:по|насч[её]т|касательно|относительно)\b", re.I)
_ANNOUNCES = re.compile(r"(?:есть|появил\w*|возник\w*|остал\w*|накопил\w*)\s+(?:\S+\s+){0,2}вопрос\w*\s*[.!]?\s*$|"
                        r"(?:несколько|пара|пару|два|три|ряд)\s+(?:вопрос|момент|нюанс|детал|пункт|вещ)\w*\s*[.!:]?\s*$",
                        re.I)   # «Прежде чем платить, хотим уточнить несколько моментов.»


def _which_word(w: str) -> bool:
    """«какой», «какую», «каким»… — a «which» question word; not the bare «как» of manner."""
    return w.startswith("как") and w != "как"


def _how_to(words: list["Token"], first: "Token") -> bool:
    """«как отключить платную подписку» asks how to do it, with or without «?»."""
    k = words.index(first) if first in words else -1
    return extras.form(first) == "как" and 0 <= k < len(words) - 1 and "INFN" in extras.oc(words[k + 1])


_SO = frozenset({"поэтому", "тогда", "следовательно"})
_EXISTS_OR = frozenset({"есть", "будет", "будут", "нужен", "нужна", "нужно", "нужны"})


def _unpunctuated_question(toks: list["Token"], norms: list[str], lex: AskLexicon) -> bool:
    """A line written with no punctuation at its end is a question by its words: a question word near the start
    («баня сколько стоит») or a choice about what there is («трансфер у вас есть или самим искать»,
    «кровати отдельные будут или на раскладушках»)."""
    last = next((t for t in reversed(toks) if not t.is_space), None)
    if last is None or not last.is_alpha:
        return False
    if any(n in lex.no_mark_interrogatives and n not in _POSSIBLE for n in norms[:4]):
        return True
    return "или" in norms and any(n in _EXISTS_OR for n in norms[:norms.index("или")])


def _is_lead_in(toks: list["Token"], lex: AskLexicon) -> bool:
    """«Подскажите, пожалуйста:», «У меня несколько вопросов:», «Интересует:»."""
    lem = {l for t in toks if extras.is_word(t) for l in _lemmas(t)}
    answer = [t for t in toks if _lemmas(t) & {"отвечать", "ответить"}]
    if any("impr" in extras.oc_any(t) or "INFN" in extras.oc_any(t) and (
            "просить" in lem or not any("1per" in extras.oc_any(w) for w in toks)) for t in answer):
        return True    # «Просим ответить на вопросы:», «Ответьте, пожалуйста:» — but not «Постараюсь ответить:»
    words = [t for t in toks if extras.is_word(t)]
    your_questions = any("ваш" in _lemmas(a) and "вопрос" in _lemmas(b) for a, b in zip(words, words[1:]))
    if answer or "ответ" in lem or your_questions:
        return False   # «Отвечаю на ваши вопросы:», «По вашим вопросам:» — the list below answers, it asks nothing
    return bool(lem & (lex.inform_verbs | {"вопрос", "интересовать", "уточнить", "узнать", "понять"}))


_PHRASE_FILLERS = frozenset({"также", "тоже", "еще", "ещё", "заодно", "кстати", "пожалуйста"})


_SEQUENCE = frozenset({"потом", "затем", "далее", "дальше", "еще", "ещё", "также", "и"})
# a lead-in that says questions follow: «вопросы такие:», «несколько вопросов:», «у меня вопрос:»
_LISTS_QUESTIONS = re.compile(r"вопрос\w*(?:\s+\w+)?\s*$", re.I)


def _after_question_lead(toks: list["Token"], start: int) -> bool:
    """Whether a colon after «вопросы такие» stands before ``start`` in the sentence."""
    for i, t in enumerate(toks):
        if t.idx >= start:
            return False
        if t.text == ":" and _LISTS_QUESTIONS.search(" ".join(x.text for x in toks[max(0, i - 3):i])):
            return True
    return False


def _split_double(toks: list["Token"], lex: AskLexicon) -> list[tuple[int, int, list["Token"]]]:
    """«Сколько стоит и когда сможете начать?», «Сколько будет стоить проверка и в какие сроки вы её проведёте?»,
    «Вы печатаете на баритовой бумаге и сколько стоит отпечаток?» → two parts, each keeping the final «?». Not
    «Есть ли у вас зал, где можно посидеть?»: «где», «когда» after a comma open a clause of the same question."""
    cuts = [0]
    final_q = toks[-1].text == "?"
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.text == ":" and _LISTS_QUESTIONS.search(" ".join(x.text for x in toks[cuts[-1]:i])) and \
                _opens_question(toks, i + 1, lex):
            cuts[-1] = i + 1       # «…, вопросы такие: какой уровень шума будет в зале, потом сколько…»: the
            continue               # lead-in asks nothing
        if extras.form(t) in ("и", "а") and i + 3 < len(toks) and extras.form(toks[i + 1]) in ("еще", "ещё", "также") \
                and toks[i + 2].text == "," and any(extras.form(x) in lex.interrogatives for x in toks[cuts[-1]:i]):
            cuts.append(i + 3)     # «сколько по срокам тогда и еще, мойку мы купили сами, врежете?»
            continue
        if extras.form(t) in ("и", "а", ",", ";", "также") and i + 1 < len(toks):
            # (past a word of sequence: «…, потом сколько по времени займёт монтаж»)
            nxt = i + 2 if extras.form(toks[i + 1]) in _SEQUENCE and i + 2 < len(toks) - 1 else i + 1
            q = _opens_question(toks, nxt, lex)
            if q and (i - cuts[-1] >= 2 or extras.form(toks[cuts[-1]]) in lex.interrogatives):   # «Сколько и когда?»
                if t.text == "," and q in _RELATIVE:
                    continue   # «…зал, где можно посидеть», «…можно ли проводить онлайн, когда сотрудники в отъезде»
                if t.text == "," and _lemmas(toks[i - 1]) & _KNOWING and not any(
                        x.text.endswith((".", "!")) for x in toks[cuts[-1]:i]):   # (also a full stop in «1С.»)
                    continue   # «…нам нужно понять, на сколько закрывать салон»: what is to be known, one question
                # the left part must itself be a question: an interrogative or «ли» in it, or, before «и» under
                # a final «?», a clause addressed to us («Вы печатаете на баритовой бумаге и сколько стоит…?»)
                left = toks[cuts[-1]:i]
                if any(extras.form(x) in lex.interrogatives for x in left) or (
                        final_q and extras.form(t) == "и" and _addressed(left)):
                    cuts.append(nxt)   # (a word of sequence opens no part)
            elif (extras.form(t) == "и" and i + 2 < len(toks) and extras.form(toks[i + 2]) == "ли" and i - cuts[-1] >= 4
                  and (toks[i - 1].text == "," or any(extras.form(x) == "ли" or extras.form(x) in lex.interrogatives
                                                      for x in toks[cuts[-1]:i]))):
                # («Сколько стоит тур на четверых и входит ли в стоимость переезд на Кижи?» too)
                # «…, и есть ли у вас снимок?», «нужен ли QR-код и печатаем ли мы цены?»
                cuts.append(i + 1)   # «Вам удобнее утром или вечером, и есть ли у вас снимок?» — two questions
            elif extras.form(t) == "и" and i - cuts[-1] >= 3 and _asks_to_do(toks[i + 1:i + 3], lex) and \
                    _asks_to_do(toks[cuts[-1]:i], lex) and not any(x.text == "?" for x in toks[cuts[-1]:i]):
                # «Выставьте, пожалуйста, счёт на первый год и пришлите проект договора» — two things to do,
                # each done or dated on its own
                cuts.append(i + 1)
    if len(cuts) == 1:
        return [(toks[0].idx, toks[-1].idx + len(toks[-1].text), toks)]
    parts = []
    for k, c in enumerate(cuts):
        end_i = cuts[k + 1] - 1 if k + 1 < len(cuts) else len(toks)
        part = toks[c:end_i]
        while part and (part[-1].is_punct and part[-1].text != "?" or
                        end_i < len(toks) and extras.form(part[-1]) in ("и", "а", "еще", "ещё", "также")):
            part = part[:-1]
        if not part:
            continue
        if final_q and part[-1].text != "?":
            part = part + [toks[-1]]  # the shared «?» belongs to every part
            end = part[-2].idx + len(part[-2].text)
        else:
            end = part[-1].idx + len(part[-1].text)
        parts.append((part[0].idx, end, part))
    return parts


def _asks_to_do(toks: list["Token"], lex: AskLexicon) -> bool:
    """An imperative addressed to us among ``toks`` («пришлите», «выставьте»), not one that asks to tell."""
    return any("impr" in extras.oc(t) and "incl" not in extras.oc(t) and not (_lemmas(t) & lex.inform_verbs)
               and extras.form(t) not in lex.not_requests for t in toks)


# verbs whose object is a clause: «понять, на сколько…», «решить, когда…»
_KNOWING = frozenset({"понять", "понимать", "знать", "узнать", "решить", "уточнить", "выяснить", "прикинуть",
                      "спланировать", "рассчитать", "сказать", "подсказать", "сообщить", "представлять"})
_POINTING = frozenset({"это", "его", "её", "ее", "их", "он", "она", "оно", "они", "всё", "все"})
_RELATIVE = frozenset({"где", "куда", "откуда", "когда", "который"})
_PREPOSITIONS = frozenset({"в", "во", "на", "до", "к", "ко", "с", "со", "за", "через", "по", "от", "для", "о", "об"})
_HOW_MUCH = frozenset({"быстро", "долго", "скоро", "часто", "много", "рано", "поздно", "срочно"})


def _opens_question(toks: list["Token"], i: int, lex: AskLexicon) -> str:
    """The question word that opens a clause at ``toks[i]`` ('' if none): «когда…», «в какие сроки…», «за сколько…»,
    «как быстро…» — but not a bare «что»/«как», which as often join a clause that asks nothing."""
    w = extras.form(toks[i])
    if w in _PREPOSITIONS and i + 1 < len(toks):
        nxt = extras.form(toks[i + 1])
        return nxt if nxt in lex.interrogatives and nxt not in ("что", "как", "ли") else ""
    if w == "как":
        return w if i + 1 < len(toks) and extras.form(toks[i + 1]) in _HOW_MUCH else ""
    return w if w in lex.interrogatives and w not in ("что", "ли") else ""


def _addressed(left: list["Token"]) -> bool:
    """A clause put to us: «вы» or a verb in the 2nd person plural («Вы печатаете…», «Делаете накатку…»)."""
    return any(extras.form(x) in ("вы", "вас", "вам", "вами") or {"2per", "plur"} <= extras.oc(x) for x in left)


_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)


def _classify(text: str, start: int, end: int, toks: list["Token"], lex: AskLexicon, in_list: bool,
              context: list["Token"] | None = None, first_half: list["Token"] | None = None) -> Ask | None:
    """A question, a request or nothing. ``context`` is the sentence before: a question with no topic of its own
    («Сможете?», «Это реально?») asks about what it says («Нужен фуршет на 50 человек 25 апреля. Сможете?»)."""
    span_text = text[start:end]
    # questions inside quotation marks are the client quoting someone, not asking; a title in quotes («Для какого
    # возраста подходит «Колобок на новый лад»?») names what is asked about
    quoted = [(m.start() + start, m.end() + start) for m in _QUOTED.finditer(span_text)]
    quoted_asks = [(a, b) for a, b in quoted if _SENTENCE_END.search(text[a:b])]
    words = [t for t in toks if extras.is_word(t) and not any(a <= t.idx < b for a, b in quoted)]
    titled = [t for t in toks if extras.is_word(t) and not any(a <= t.idx < b for a, b in quoted_asks)]
    words, titled = _without_enumerator(words), _without_enumerator(titled)
    greeted = _GREETING.match(span_text)
    if greeted:       # «Добрый день Ксения, подскажите пожалуйста когда…»: the greeting and the name ask nothing
        cut = start + greeted.end()
        named = next((t for t in words if t.idx >= cut), None)
        if named is not None and is_name(named.text) and named.i + 1 < len(named.doc) and \
                named.doc[named.i + 1].text in (",", "!"):
            cut = named.idx + len(named.text)
        if any(t.idx >= cut for t in words):
            words, titled = [t for t in words if t.idx >= cut], [t for t in titled if t.idx >= cut]
    if not words:
        return None
    unquoted = _URL.sub(" ", _QUOTED.sub(" ", span_text))   # «…/j/844?pwd=…» asks nothing
    has_q = unquoted.rstrip().endswith("?") or ("?" in unquoted and not unquoted.rstrip().endswith((".", "!"))) \
        or toks[-1].text == "?"   # the first of two questions sharing one «?» (_split_double)
    squashed = squash(span_text)
    talk = _GREETING.sub("", span_text)     # «Здравствуйте, как дела?» is «Как дела?»
    if _pleasantry(_small_talk(talk), lex) or _pleasantry_and_follow_up(talk, lex) or \
            "," in talk and all(_pleasantry(_small_talk(part), lex) for part in talk.split(",")):
        return None       # («Как дела, как прошли праздники?»: two of them)
    if any(p and p in squashed for p in lex.rhetorical) or any(r.search(norm(span_text)) for r in lex.rhetorical_shapes):
        return None
    norms = [extras.form(t) for t in words]
    lemma_seq = [_lemmas(t) for t in words]
    first = _first_content(words)

    # each word's forms once: its lemmas and its own lower-cased spelling (a phrase reads past «также», «ещё»:
    # «Хотел бы также уточнить…» is «хотеть уточнить»)
    forms = [set(ls) | {n} for ls, n in zip(lemma_seq, norms)]
    present = set().union(*forms)
    lean = [f for f, n in zip(forms, norms) if n not in _PHRASE_FILLERS]

    def has_phrase(phr: tuple[str, ...]) -> bool:
        if not set(phr) <= present:      # most phrases fail here, before any positional scan
            return False
        n = len(phr)
        return any(all(phr[k] in seq[i + k] for k in range(n)) for seq in (forms, lean)
                   for i in range(len(seq) - n + 1))

    found = [p for p in lex.indirect if has_phrase(p)]
    # «У меня вопрос по карте.», «Есть вопрос по договору.» only announce the question that follows
    announces = bool(found) and not has_q and all("вопрос" in p for p in found) and len(words) <= 9 and not any(
        t.pos_ in ("VERB", "AUX") and not _lemmas(t) & {"быть", "есть", "иметься"} or "ли" == extras.form(t)
        for t in words)
    # «Хотела уточнить по генеральной уборке после ремонта, там около 600 м².» names the topic of what follows
    announces = announces or bool(found) and not has_q and "ли" not in (extras.form(t) for t in words) and \
        bool(_ABOUT_TOPIC.match(span_text)) and ":" not in span_text and \
        not any(extras.form(t) in lex.interrogatives or t.lemma_ in lex.type_nouns for t in words)
    # «моющие средства ваши или мои нужны», «солярка ваша или наша» ask whose, with or without «?»
    indirect = bool(found) and not announces or _whose(words) != []
    imperative_inform = any(
        ("impr" in extras.oc_any(t)) and "incl" not in extras.oc_any(t) and (_lemmas(t) & lex.inform_verbs)
        for t in words[:10])   # «Подскажите…» asks us (also after «Чтобы подготовить договор, …»); «мы подскажем» (incl) promises
    interrogative = next((extras.form(t) for t in words[:6] if extras.form(t) in lex.interrogatives), None)
    li = "ли" in norms
    if imperative_inform and not (has_q or li or indirect or in_list or interrogative) and _urges_reply(words):
        return None       # «Клиенты дёргают, ответь сегодня.»: the reply itself does what is asked
    thanked = _grateful_if(words) if not has_q else None
    if thanked is not None and _urges_reply(words, thanked):
        return None       # «Буду признательна, если ответите на них до конца недели.»: this reply does it
    # «Какой автобус, с туалетом или нет, для нас это важно.» offers a choice: a question without its «?»
    starts_with_interrogative = first is not None and (extras.form(first) in lex.no_mark_interrogatives or
                                                       (li and norms.index("ли") <= 3) or
                                                       _which_word(extras.form(first)) and "или" in norms and
                                                       lex.interrogatives.get(extras.form(first)) == "open" or
                                                       _how_to(words, first) or
                                                       _unpunctuated_question(toks, norms, lex))
    # (after a leading purpose clause too: «Чтобы я заранее проверил ваш кабинет в СБИС, пришлите ИНН»)
    lead = words[:8] + [t for t in _without_purpose(words, toks)[:8] if t.idx > words[min(7, len(words) - 1)].idx]
    # (and after the reason: «К сожалению, на эти даты не получается, поэтому перенесите, пожалуйста, мою бронь…»)
    # (and anywhere beside «пожалуйста»: «Также нужен отчёт в формате Word для проектировщика, пришлите, пожалуйста.»)
    lead += [t for k, t in enumerate(words) if k >= 8 and (
        any(extras.form(x) in _SO for x in words[max(0, k - 3):k]) or
        "пожалуйста" in (extras.form(x) for x in words[k - 1:k + 2]))]
    request_verbs = [t for t in lead if "impr" in extras.oc_any(t) and not (_lemmas(t) & lex.inform_verbs)
                     and extras.form(t) not in lex.not_requests and not (_lemmas(t) & lex.not_requests)
                     and _imperative_in_context(t, words)]
    if thanked is not None and not (_lemmas(thanked) & lex.inform_verbs) and not (li or interrogative):
        request_verbs.append(thanked)       # «Буду благодарен, если пришлёте счёт до пятницы.»
    # «Можете прислать…?» asks us to act; «не могу…» (1st person) and «Может, стоит…» (3rd person singular) do not
    # («Могли бы мы посмотреть ваши дома вживую?» asks leave for the client, not a thing for us to do)
    modal = any(_lemmas(t) & lex.modal and "1per" not in extras.oc(t) and not {"3per", "sing"} <= extras.oc(t)
                and not any(extras.form(x) == "мы" for x in words[max(0, k - 1):k + 3])
                for k, t in enumerate(words[:5]))
    # (not under a question word anywhere: «Если вы можете подготовить ответ, сколько это будет стоить?» asks a price)
    modal_request = (has_q or indirect) and interrogative in (None, "ли") and modal and not any(
        lex.interrogatives.get(extras.form(t)) in ("amount", "date", "duration", "reason") for t in words) and any(
        "INFN" in extras.oc_any(t) and not (_lemmas(t) & lex.inform_verbs) for t in words)
    request_phrase = any(has_phrase(p) for p in lex.request_phrases)

    first_infinitive = next((t for t in words if "INFN" in extras.oc_any(t)), None)
    asks_to_tell = request_phrase and not (modal_request or request_verbs) and bool(li or interrogative) and \
        first_infinitive is not None and bool(_lemmas(first_infinitive) & lex.inform_verbs)
    kind = None
    if request_verbs or modal_request or request_phrase:
        kind = "request"
        if has_q and not modal_request and not request_verbs:
            kind = "question"
        elif asks_to_tell:
            kind = "question"   # «Прошу сообщить, предоставляете ли вы закрывающие документы.» asks, it orders nothing
    if kind is None and (has_q or indirect or imperative_inform or starts_with_interrogative or in_list):
        kind = "question"
    elided = _elided_request(words, context, lex) if kind is None else None
    if elided is not None:
        kind = "request"    # «Пришлите проект договора. И сразу счёт на аванс, чтобы…»: «пришлите» goes on
    if kind is None:
        return None
    if kind == "question" and not (has_q or indirect or imperative_inform or starts_with_interrogative or asks_to_tell):
        # a list item under a lead-in («1. стоимость») is a question; a bare statement is not
        if not in_list:
            return None
    words, titled = _without_purpose(words, toks), _without_purpose(titled, toks)
    if kind == "request":
        words = _request_clause(words)
    elif len(titled) > len(words):
        words = titled
    focus = _focus(words, lex)
    if kind == "question" and interrogative in (None, "ли", "как") and _small_talk_only(words, lex):
        return None       # «Как у вас в Москве, тоже льёт?»
    # the answer type follows the question word wherever it stands («Сможете настроить … и сколько времени займёт?»)
    # (not a relative word after a comma: «…или можем у своей, где у нас весь парк?» asks which, not where)
    asked_by = interrogative or next((extras.form(t) for t in words if extras.form(t) in lex.interrogatives and not (
        extras.form(t) in _RELATIVE and t.i and t.doc[t.i - 1].text == ",")), None)
    atype = "action" if kind == "request" else _answer_type(words, asked_by, li, focus, lex)
    if kind == "question" and atype == "open" and asked_by == "как":
        # «Как считаются часы сверх пакета — по какой ставке?»: the words after the dash say what kind is asked
        for _, tail in _dash_splits(words, toks)[:1]:
            again = next((extras.form(t) for t in tail[:3] if extras.form(t) in lex.interrogatives), None)
            if again not in (None, "как", "ли"):
                atype = _answer_type(tail, again, False, _focus(tail, lex), lex)
    if first_half and kind == "question" and atype == "count" and asked_by == "сколько" and _verbless(words) and \
            not _counts_noun(words) and any(extras.form(t) == "сколько" for t in first_half):
        # «сколько из 600 тысяч уйдёт на комиссию, а сколько непосредственно блогерам?»: the second «сколько»
        # asks what the first did
        atype = _answer_type(first_half, "сколько", False, _focus(first_half, lex), lex)
    if asked_by == "откуда" and _verbless([t for t in words if not (_lemmas(t) & lex.inform_verbs)]):
        atype = "reason"    # «Откуда разница?», «Объясните, откуда такая сумма» ask why; «Откуда забираете?» where from
    topic_words = words
    # (or anywhere in a question that names nothing else: «Если нужно, вы сможете взять это на себя?»)
    pointing = any(extras.form(t) in _POINTING for t in words[:4]) or \
        any(extras.form(t) in _POINTING for t in words) and not any(t.pos_ in ("NOUN", "PROPN") for t in words)
    # («В смете плитка на 14 кв. м, а у нас вышло 11,5. Откуда разница?» — the difference is the one just told)
    short_why = atype == "reason" and len([t for t in words if t.pos_ in ("NOUN", "PROPN")]) <= 1 and \
        _verbless(words)
    if context and (atype == "yesno" and (not focus or pointing) or kind == "request" and pointing or short_why):
        # the thing asked about is named in the sentence before: «Сможете?» has no topic of its own, «Его нужно
        # будет чем-то обрабатывать?», «Есть ли всё это у вас?» point back to it («Сколько и когда?» does not
        # borrow: any figure of the right kind answers it)
        topic_words = [t for t in context if extras.is_word(t)] + words
        focus = _focus(topic_words, lex)
    referred = ""
    if first_half and atype not in ("yesno", "action") and \
            not any(t.pos_ == "NOUN" and t.lemma_ not in lex.type_nouns and t.lemma_ not in lex.generic_nouns
                    for t in _before_purpose(words)):
        # the second half of a double question points at the thing of the first; the noun counted there
        # («Сколько человек…») is not that thing
        # (only a thing: «Сколько фотографий получим в итоге и в какие сроки?» leaves «в какие сроки» bare)
        # («Нужна ли предоплата и в каком размере?»: the word after «ли» is the thing itself, not a count)
        counted = {i + 1 for i, t in enumerate(first_half)
                   if lex.interrogatives.get(extras.form(t), "yesno") != "yesno"}
        borrowed = [t for i, t in enumerate(first_half) if i not in counted and extras.is_word(t)]
        before = [t for t in first_half if extras.is_word(t)]
        # the pronoun's noun, when the borrowing below leaves it out — the one after the question word, a word of a
        # kind of answer (the others stay borrowed together, the pronoun's agreement being often ambiguous: «какие
        # ёмкости нужны — где их взять?»)
        left_out = {t.lemma_ for t in before} - {t.lemma_ for t in borrowed if t.lemma_ not in lex.type_nouns}
        pointed = next((t for t in before if t.lemma_ == _referent(before + words) and t.lemma_ in left_out), None)
        if pointed is not None:
            # «Какая комиссия агентства и когда её платить?»: «её» is the commission, though a word of a price
            referred = pointed.lemma_
            topic_words = words + [pointed]
            focus = _focus(topic_words, lex)
        elif any(t.pos_ == "NOUN" and t.lemma_ not in lex.type_nouns and t.lemma_ not in lex.generic_nouns
                 for t in borrowed):
            topic_words = words + borrowed
            focus = _focus(topic_words, lex)
    if kind == "question" and lex.yesno_openers and any(o in squashed for o in lex.yesno_openers):
        atype = "yesno"
    if kind == "question" and asked_by in (None, "ли") and any(extras.form(t) in lex.in_time_verbs for t in words):
        atype = "yesno"   # «…успеете сделать отчёт до этой даты?» asks whether, not when
    # (not the «есть» of «то есть»)
    verbs = [t.lemma_ for t in words if t.pos_ == "VERB" and not (
        extras.form(t) == "есть" and t.i and extras.form(t.doc[t.i - 1]) == "то")] + \
        ([elided.lemma_] if elided is not None else [])
    nouns = [f for f, t in _focus_tokens(topic_words, lex, rejected_too=False) if t.pos_ in ("NOUN", "PROPN", "X")
             or _place_name(t)]
    # (a measure named is the topic too: «Какая глубина скважины?» is answered where the depth is)
    changing = atype == "yesno" and _asks_change(words, interrogative)
    topic_nouns = [n for n in nouns if (n not in lex.type_nouns or lex.type_nouns[n] in _MEASURES or n == referred
                                        or changing) and n not in lex.generic_nouns]
    restated = _restated(words)
    if restated:
        # «сколько по времени занимает стирка, то есть когда возвращаете чистое?»: the question told again names
        # its thing in other words («чистое»), which an answer may use
        topic_nouns += [t.lemma_ for t in restated if t.pos_ in ("NOUN", "ADJ") and t.lemma_ not in topic_nouns
                        and t.lemma_ not in lex.stop and t.lemma_ not in lex.type_nouns]
    if atype == "duration":
        # «сколько займёт вся работа от старта до запуска?»: the ends of the span are no topic of their own
        topic_nouns = [n for n in topic_nouns if n not in _span_ends(topic_words)]
    # no topic of its own: «Что случилось?», «Почему так долго?» — the story told answers it
    story = bool(focus) and set(focus) <= lex.event_words or atype == "reason" and not topic_nouns
    # «Когда снимаем?», «Сколько это стоит?», «Сколько и когда?»: no topic beyond one word — in a reply to
    # this very letter, an answer of the right kind answers it
    # («Когда ближайшая свободная дата?» too: its adjectives only qualify the kind of answer)
    bare = not topic_nouns and atype != "yesno" and len(
        [f for f, t in _focus_tokens(topic_words, lex) if f not in lex.type_nouns and t.pos_ != "ADJ"]) <= 1
    # «Посмотрите, пожалуйста.», «Помогите разобраться.» — about the problem just described: a report that
    # it is done answers it
    general = (kind == "question" and (story or bare)) or (kind == "request" and not topic_nouns)
    if kind == "question" and story:
        atype = "reason"
    if kind == "question" and lex.advice_phrases and any(p in squashed for p in lex.advice_phrases):
        atype, general = "advice", True   # «Завтра сдавать заказчику, что делать?» → «Обновите страницу…»
    key_nouns = _included_things(words, lex) if atype == "yesno" else []
    predicates = [t.lemma_ for t in words if {"ADJS", "PRED"} & extras.oc(t) or extras.form(t) in ("можно", "нельзя")]
    # (and a prohibition: «Счёт пока не выставляйте» is never "done"; «Не забудьте прислать…» asks to send)
    standing = kind == "request" and bool(request_verbs) and all(
        _lemmas(t) & lex.standing_requests or _forbidden(t) for t in request_verbs)
    objects = _head_nouns(_main_clause(topic_words, toks), lex, "accs", genitive_of_named=False) \
        if kind == "request" else []
    judged = _judged(words) if atype == "yesno" else ""
    # (and a «which» question naming its choices: «на какой машине — механика или автомат»; not «как»: «считаются
    # как одно или каждое отдельно?» is answered by the rule told)
    which = atype == "open" and asked_by is not None and _which_word(asked_by)
    options = (_options(words, lex) or _whose(words)) if atype == "yesno" or which else []
    # (only within the question itself: an antecedent in the sentence before is borrowed as its topic instead)
    referent = _referent(words) if atype == "yesno" and kind == "question" else ""
    condition = _condition_figures(toks) if kind == "question" else []
    # «Можно ли продлить прощание до двух часов?»: the figure is what is asked for
    figures = _asked_extents(toks) if atype == "yesno" and kind == "question" and not condition else []
    # (an item of a list written in one line ends in its comma: «…3) сколько займёт по времени, 4) …»)
    return Ask(kind, start, end, span_text.strip().rstrip(",;").rstrip(), focus, atype, verbs=verbs + predicates,
               nouns=nouns, general=general, topic_nouns=topic_nouns, marked=has_q, key_nouns=key_nouns, standing=standing,
               objects=objects, judged=judged, options=options, referent=referent, condition=condition,
               figures=figures, setting=frozenset(_after_preposition(words, dependents=True)),
               future=any("futr" in extras.oc(t) for t in words), borrows=topic_words is not words)


def _figures(toks: list["Token"]) -> list[tuple[int, str]]:
    """(token index, figure) for every figure: digits without spaces («2 000», two tokens, is «2000») or a number
    word's lemma («двенадцать», «два» for «двух»)."""
    out: list[tuple[int, str]] = []
    for k, t in enumerate(toks):
        digits = t.text.replace(" ", "")
        if digits.isdigit():
            if out and k and toks[k - 1].text.isdigit() and out[-1][0] == k - 1 and len(digits) == 3:
                out[-1] = (k, out[-1][1] + digits)
            else:
                out.append((k, digits))
        elif t.pos_ == "NUM" and extras.is_word(t):
            out.append((k, t.lemma_))
    return out


_ONE = frozenset({"один", "одного", "одну", "одна", "одно", "одной"})


def _condition_figures(toks: list["Token"]) -> list[str]:
    """The figures a question is conditional on: «А если тираж 3000, цена заметно снизится?» → ['3000'], «Есть ли
    скидка, если сдаём сразу все двенадцать?» → ['двенадцать'] — the «если» clause up to its punctuation. An answer
    about another figure («при 500 экземплярах — 640 ₽») does not answer it."""
    forms = [extras.form(t) for t in toks]
    if "если" not in forms:
        return []
    first = forms.index("если") + 1
    end = next((k for k in range(first, len(toks)) if toks[k].text in (",", "—", "–", "?", ";")), len(toks))
    return [f for k, f in _figures(toks) if first <= k < end and extras.form(toks[k]) not in _ONE]


def _asked_extents(toks: list["Token"]) -> list[str]:
    """The extent a yes/no question asks for, a figure after a preposition: «Можно ли продлить прощание до двух
    часов?» → ['два'], «на 40 человек» → ['40']; never «ещё одного водителя»."""
    return [f for k, f in _figures(toks)
            if k and toks[k - 1].pos_ == "ADP" or k > 1 and toks[k - 2].pos_ == "ADP" and toks[k - 1].text.isdigit()
            if extras.form(toks[k]) not in _ONE and extras.form(toks[k - 1]) not in _WINDOW]


# a time window the client prefers, not an extent asked for: «во вторник или в среду после 14» → «в 15:00»
_WINDOW = frozenset({"после", "позже", "раньше"})


_PRONOUN_AGREES = {"её": {"femn", "sing"}, "ее": {"femn", "sing"}, "она": {"femn", "sing"}, "его": {"sing"},
                   "он": {"masc", "sing"}, "оно": {"neut", "sing"}, "их": {"plur"}, "они": {"plur"}}


def _referent(words: list["Token"]) -> str:
    """The noun a pronoun of the question stands for: «Ещё клиент просит ледяную горку для шотов рядом со
    скульптурой — можно ли её сделать в том же стиле?» asks about the slide, not the sculpture. The nearest noun
    before it that agrees in gender and number and is not governed by a preposition ('' when there is none)."""
    at = next((i for i, t in enumerate(words) if extras.form(t) in _PRONOUN_AGREES), None)
    if at is None:
        return ""
    want = _PRONOUN_AGREES[extras.form(words[at])]
    before = words[:at]
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.pos_ != "NOUN" or k and before[k - 1].pos_ == "ADP":
            continue
        grams = extras.oc(t)
        if want <= grams or want == {"sing"} and "sing" in grams and "femn" not in grams:
            return t.lemma_
    return ""


# pronoun-like adjectives name no choice: «какой-то паспорт или лицензия», «такой или другой»
_PRONOMINAL = re.compile(r"(?i)(?:как|чей|кто|что|где|когда)\w*-(?:то|нибудь|либо)$|(?:так|это|тот|св|вс|друг|люб|кажд)"
                         r"(?:ой|ая|ое|ие|ого|ую|ом|их|им|ий|яя|ее|ои|оего|оему|ем)?$")
# after «или» these make no second choice: «…или нет?», «…или как?», «…или что-то ещё?»
_NO_CHOICE = frozenset({"нет", "как", "что", "чтоть", "не", "все", "всё"})
_CHOICE_SKIP = frozenset({"можно", "нужно", "лучше", "же", "все-таки", "всё-таки", "просто", "сразу", "тоже", "есть",
                          "только", "лишь", "исключительно", "именно"})


# whose a thing is, the client's words and ours as the draft says them back («ваша или наша?» → «наше»)
_OWNERS = frozenset({"ваш", "наш", "мой", "свой", "твой"})


def _whose(words: list["Token"]) -> list[str]:
    """«Солярка ваша или наша?»: a choice of owner — any owner word in the reply makes it (the client's «мои» is
    our «ваши», their «ваша» our «наша» or «своя»)."""
    for k in range(1, len(words) - 1):
        if extras.form(words[k]) == "или" and words[k - 1].lemma_ in _OWNERS and words[k + 1].lemma_ in _OWNERS:
            return sorted(_OWNERS)
    return []


def _place_name(t: "Token") -> bool:
    """A capitalised adjective after «в/на» names a place: «в нашем офисе на Лесной» (the street)."""
    return t.pos_ == "ADJ" and t.text[:1].isupper() and t.i > t.sent.start and \
        extras.form(t.doc[t.i - 1]) in ("в", "во", "на")


def _options(words: list["Token"], lex: AskLexicon) -> list[str]:
    """The choices of an alternative question, up to two content words on each side of «или»: «Аккумуляторы
    литиевые или свинцовые?» → литиевый, свинцовый (and the noun); «…с техническим образованием или филолог?» — an
    answer naming one of them («тоже с техническим дипломом», «Литий-железо-фосфатные») makes the choice."""
    forms = [extras.form(t) for t in words]
    if "или" not in forms:
        return []
    i = forms.index("или")
    doc = words[i].doc
    if words[i].i > 0 and doc[words[i].i - 1].text == ",":
        return []       # «…поднять бюджет, или сначала нужно разобраться…?» weighs two courses, not two things
    after = next((t for t in words[i + 1:] if t.pos_ not in ("ADP", "PRON") and extras.form(t) not in _CHOICE_SKIP),
                 None)
    # a choice between figures: «мощность у вас 600 Вт или 750?»
    before = next((t for t in reversed(words[max(0, i - 3):i]) if t.text[:1].isdigit()), None)
    if after is not None and before is not None and after.text[:1].isdigit():
        return [extras.form(before), extras.form(after)]
    # a choice between things or ways («…или филолог?», «…или ленточный?», «…или ему нужно отдельно?»), not
    # between clauses («…или его нужно согласовывать?»)
    if after is None or after.pos_ not in ("NOUN", "ADJ", "ADV") or extras.form(after) in _NO_CHOICE or \
            "-то" in after.text:
        return []
    focus = set(_focus(words, lex))

    def choice(side: list["Token"]) -> list[str]:
        # «литиевые», «с техническим образованием»: the adjective is the choice, the noun the thing chosen
        # («…на улице или только в помещении?»: «только» is no choice, «не только можно» names none; «какой-то
        # паспорт или лицензия»: the paper is the choice)
        content = [t for t in side if t.lemma_ in focus and t.pos_ in ("NOUN", "ADJ", "ADV") and
                   extras.form(t) not in _CHOICE_SKIP and not _PRONOMINAL.match(t.text)]
        adjectives = [t for t in content if t.pos_ == "ADJ"]
        if not adjectives and len(content) == 2 and content[1].i == content[0].i + 1 and \
                "gent" in extras.oc(content[1]) and "gent" not in extras.oc(content[0]):
            content = content[:1]   # «оценку гаража или кадастровую стоимость»: the valuation is the choice
        return [t.lemma_ for t in adjectives or content]

    left_side = words[max(0, i - 2):i]
    if len(left_side) == 2 and left_side[1].i != left_side[0].i + 1:
        left_side = left_side[1:]      # «для проверки — акт или договор?»: the choice starts after the dash
    left, right = choice(left_side), choice(words[i + 1:i + 4])[:2]
    return left + right if left and right else []


def _without_enumerator(words: list["Token"]) -> list["Token"]:
    """«Второе — когда будет отчёт?», «И последнее: щенок будет с прививками?»: the count of the questions, set off
    by a dash, a colon or a comma, is no topic («второе» is not the main course)."""
    k = 1 if words and extras.form(words[0]) in ("и", "а", "ну") else 0
    if len(words) <= k + 1 or extras.form(words[k]) not in _ENUMERATORS:
        return words
    t = words[k]
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return words[k + 1:] if nxt is not None and nxt.text in ("—", "–", ":", ",", "-") else words


_ENUMERATORS = frozenset({"первое", "второе", "третье", "четвертое", "пятое", "последнее", "во-первых", "во-вторых",
                          "в-третьих", "в-четвертых", "ещё", "еще", "также", "кстати"})
_MEASURES = frozenset({"size", "weight", "volume", "age"})
_NOT_JUDGED = frozenset({"можно", "возможно", "нужно", "надо", "необходимо", "правильно", "верно", "действительно",
                         "также", "еще", "уже", "сразу", "тоже"})


def _judged(words: list["Token"]) -> str:
    """The quality a yes/no question asks about, written before «ли»: «Безопасно ли это для продуктов?», «Не
    опасно ли…?», «Удобно ли вам…?» ('' if the question asks about an action or a thing)."""
    forms = [extras.form(t) for t in words]
    if "ли" not in forms:
        return ""
    i = forms.index("ли")
    if i == 0 or words[i - 1].pos_ not in ("ADV", "ADJ") or forms[i - 1] in _NOT_JUDGED or \
            forms[i - 1].startswith(("нуж", "возмож", "необходим")):   # «Нужна ли предоплата?», «Возможен ли надзор?»
        return ""
    return forms[i - 1]


def _main_clause(words: list["Token"], toks: list["Token"]) -> list["Token"]:
    """The words up to a clause that depends on the main one: «Пришлите инструкцию, как правильно отобрать пробу»
    asks for the instruction, not the sample (a comma around «пожалуйста» does not end it)."""
    for k, t in enumerate(toks[:-1]):
        if t.text in (",", "—", "–") and words and t.idx > words[0].idx:
            nxt = toks[k + 1]
            if t.text != "," or extras.form(nxt) in _CLAUSE_OPENERS:
                kept = [w for w in words if w.idx < t.idx]
                if any(w.pos_ in ("NOUN", "PROPN") for w in kept):
                    return kept
    return words


def _restated(words: list["Token"]) -> list["Token"]:
    """The words after «то есть» (or «т.е.»): the question asked again in other words."""
    forms = [extras.form(t) for t in words]
    for k in range(len(forms) - 1):
        if forms[k] == "то" and forms[k + 1] == "есть" or forms[k] in ("т.е", "т.е."):
            return words[k + (1 if forms[k] != "то" else 2):]
    return []


def _before_purpose(words: list["Token"]) -> list["Token"]:
    """The words before a trailing purpose clause: «в каком виде, чтобы не нарушалась анонимность?» asks the form."""
    cut = next((k for k, t in enumerate(words) if k and extras.form(t) == "чтобы"), None)
    return words[:cut] if cut is not None else words


def _without_purpose(words: list["Token"], toks: list["Token"]) -> list["Token"]:
    """«Чтобы точно рассчитать штат, уточните, сколько звонков вы ожидаете?» asks about the calls, not the staff:
    a leading purpose clause, up to its comma, names why we ask, not what."""
    at = next((t for t in words[:3] if extras.form(t) == "чтобы"), None)   # also after «Олег, чтобы…»
    if at is None:
        return _without_our_step(_without_lead_statement(words, toks), toks)
    comma = next((t.idx for t in toks if t.text == "," and t.idx > at.idx), None)
    rest = [t for t in words if comma is not None and t.idx > comma]
    return rest or words


def _dash_splits(words: list["Token"], toks: list["Token"]) -> list[tuple[list["Token"], list["Token"]]]:
    """(the words before, the words after) for every dash inside the sentence, in order."""
    return [([w for w in words if w.idx < t.idx], [w for w in words if w.idx > t.idx])
            for t in toks if t.text in ("—", "–") and words and t.idx > words[0].idx]


def _without_lead_statement(words: list["Token"], toks: list["Token"]) -> list["Token"]:
    """«Сделка назначена на 22 апреля — успеете сделать отчёт до этой даты?»: a statement before the first dash is
    the setting; the question is after it, addressed to us (a verb in the 2nd person opens it) and naming its thing
    («…— успеете собраться к 19:00?» names nothing itself: the setting stays)."""
    for head, tail in _dash_splits(words, toks)[:1]:
        if tail and {"2per", "VERB"} <= extras.oc(tail[0]) and not any("2per" in extras.oc(w) for w in head) and \
                any(w.pos_ == "NOUN" and w.text.isalpha() for w in tail):
            return tail
    # «По заказу 5412 на коттедж (14 окон, ламинация «золотой дуб»): когда окна будут готовы к отгрузке?» — the
    # order is the setting; the question after the colon opens with its question word and names its own thing
    colon = next((t for t in toks if t.text.endswith(":") and words and words[0].idx < t.idx < words[-1].idx), None)
    if colon is not None:
        tail = [w for w in words if w.idx > colon.idx]
        if tail and extras.form(tail[0]) in _OPENING_WORDS and \
                sum(w.pos_ == "NOUN" and w.text.isalpha() for w in tail) >= 2:
            return tail
    # «думаю записаться к мастеру Оле в субботу, есть ли у неё окошко после обеда?» — our client's plan before a
    # comma is the setting; the question after it opens with «… ли» or a question word
    comma = next((t for t in toks if t.text == "," and words and words[0].idx < t.idx < words[-1].idx), None)
    if comma is not None:
        head = [w for w in words if w.idx < comma.idx]
        tail = [w for w in words if w.idx > comma.idx]
        if len(tail) >= 3 and any("1per" in extras.oc(w) and w.pos_ == "VERB" for w in head) and \
                not any(extras.form(w) == "ли" for w in head) and \
                (extras.form(tail[1]) == "ли" or
                 extras.form(tail[0]) in _OPENING_WORDS - _RELATIVE - {"что", "как"}) and \
                any(w.pos_ == "NOUN" and w.text.isalpha() for w in tail):
            return tail     # («Возьмём на пробу сырокопчёную, сколько минимально можно заказать?» names nothing after)
    return words


# the question words that open a question after a colon lead-in
_OPENING_WORDS = frozenset({"когда", "сколько", "где", "куда", "почему", "зачем", "какой", "какая", "какое", "какие",
                            "каким", "какую", "какого", "как", "кто", "что", "можно", "нужно", "будет", "будут", "есть"})


def _without_our_step(words: list["Token"], toks: list["Token"]) -> list["Token"]:
    """«…на какую дату планируете полёт — поставлю вас в расписание.»: a trailing clause after a dash that says
    what we will do with the answer (a verb in the 1st person) is not part of what is asked."""
    for head, tail in _dash_splits(words, toks):
        # (not a lead-in with no verb of its own, nor «— успеем ли к открытию?», where «мы» is the client)
        if head and tail and any({"1per", "VERB"} <= extras.oc(w) for w in tail[:3]) and \
                any(w.pos_ in ("VERB", "AUX") for w in head) and not any(extras.form(w) == "ли" for w in tail):
            return head
        # «Подскажите длину платформы — от неё зависит, сколько точек будем проверять»: why we ask
        if head and len(tail) >= 3 and extras.form(tail[0]) == "от" and \
                extras.form(tail[1]) in {"него", "нее", "них", "этого"} and _lemmas(tail[2]) & {"зависеть"}:
            return head
    # «…когда ждать коллекцию на складе, нам нужно под выставку стенд сделать»: why the client asks, after a comma
    for t in toks:
        if t.text == "," and words and t.idx > words[0].idx:
            tail = [w for w in words if w.idx > t.idx]
            head = [w for w in words if w.idx < t.idx]
            # (or what the client may not: «…сколько по времени займёт монтаж, нам нельзя закрываться больше чем на
            # 3 дня»)
            if len(tail) >= 3 and extras.form(tail[0]) in ("нам", "мне") and \
                    extras.form(tail[1]) in _NEED | {"нельзя"} and any(w.pos_ in ("VERB", "AUX") for w in head) and \
                    any(w.pos_ == "NOUN" for w in head):
                return head
            # «…во сколько приедете накрывать, мы до 18 работаем в обычном режиме»: what the client does, after
            # a question put to us (a verb in the 2nd person)
            if len(tail) >= 2 and extras.form(tail[0]) in ("мы", "я") and \
                    any({"1per", "VERB"} <= extras.oc(w) for w in tail[1:4]) and \
                    any({"2per", "VERB"} <= extras.oc(w) for w in head):
                return head
    return words


_NEED = frozenset({"нужно", "надо", "необходимо", "важно", "требуется"})


_INCLUDED = frozenset({"входить", "включить", "включать", "включенный", "учесть", "учитывать", "учтенный", "заложить",
                       "заложенный"})


def _included_things(words: list["Token"], lex: AskLexicon) -> list[str]:
    """What «входит ли X в стоимость?», «включена ли X?» asks about: the nouns in the nominative outside a phrase
    after a preposition («в стоимость», «до начала работ»), with a noun in the genitive right after one («мытьё
    окон»). The price is in every sentence of a reply; whether it includes X is answered only where X is named."""
    if not any(_lemmas(t) & _INCLUDED for t in words):
        return []
    things = _head_nouns(words, lex, "nomn")
    # «входит ли в стоимость аренда посуды и текстиля?» is answered by «Посуда… входят в стоимость»: the thing
    # rented is what an answer names, not the renting
    return [n for n in things if n not in _USE_OF] or things


_USE_OF = frozenset({"аренда", "прокат", "использование", "пользование", "применение", "замена"})


def _head_nouns(words: list["Token"], lex: AskLexicon, case: str, genitive_of_named: bool = True) -> list[str]:
    """The nouns in ``case`` outside a phrase after a preposition, with a noun in the genitive right after one:
    «мытьё окон» in «входит ли в уборку мытьё окон», «акт» in «Пришлите акт о прошлой обработке». Without
    ``genitive_of_named`` the genitive counts only after a noun that names nothing: «список документов» →
    «документ», «образец коробки» → «образец»."""
    out: list[str] = []
    in_pp = False          # inside «в генеральную уборку», «до начала работ», up to its noun
    prev_key = prev_named = False
    for t in words:
        if t.pos_ == "ADP":
            in_pp, prev_key, prev_named = True, False, False
            continue
        noun = t.pos_ in ("NOUN", "PROPN", "X", "PRON") or "NPRO" in extras.oc_any(t)
        if in_pp:
            in_pp = not noun
            prev_key = prev_named = False
            continue
        cases = extras.oc(t)
        lem = t.lemma_ or extras.form(t)
        # any reading in the case: the tagger's first guess is often wrong («мытьё» read as locative, «НДС» as
        # genitive)
        in_case = case in extras.oc_any(t) or t.pos_ == "X" and not cases
        key = t.pos_ in ("NOUN", "PROPN", "X") and (in_case or prev_key and "gent" in cases)   # «НДС», «NDA»
        if key and prev_named and not genitive_of_named and "gent" in extras.oc_any(t):
            key = False        # «образец коробки»: «коробки» read as accusative too, but it qualifies «образец»
        # (what a request asks for may be a word of a kind of answer: «Пришлите смету», «Выставите счёт»)
        named = key and lem not in lex.stop and (lem not in lex.type_nouns or not genitive_of_named) and \
            lem not in lex.generic_nouns
        if named and lem not in out:
            out.append(lem)
        prev_key = key and (genitive_of_named or not named)
        prev_named = named
    return out


# words a remark about the weather carries along («тоже льёт?», «снег уже выпал?»)
_SMALL_TALK_FILLER_ADV = frozenset({"тоже", "также", "сегодня", "сейчас", "уже", "наконец"})


def _small_talk_only(words: list["Token"], lex: AskLexicon) -> bool:
    """Only the weather and the like, and place names: «Как у вас в Москве, тоже льёт?», «Снег уже выпал?»."""
    topical = [t for t in words if t.pos_ in ("NOUN", "VERB", "ADJ", "ADV", "X") and
               not (_lemmas(t) & (lex.stop | _SMALL_TALK_FILLER_ADV)) and extras.form(t) not in lex.interrogatives]
    return bool(topical) and all(_lemmas(t) & lex.small_talk_words for t in topical)


def _request_clause(words: list["Token"]) -> list["Token"]:
    """The words of a request up to where its reason begins («— наш юрист хочет посмотреть»)."""
    out = []
    for t in words:
        out.append(t)
    toks = words[0].doc[words[0].i: words[-1].i + 1]
    cut = None
    for t in toks:
        if t.text in ("—", "–", ";", "(") or extras.form(t) in ("потому", "так", "поскольку", "чтобы", "т.к", "т.к."):
            if any(x.i < t.i for x in words):
                cut = t.i
                break
    return [w for w in words if cut is None or w.i < cut] or words


# what a bare «ответьте» may name besides itself and still ask only for this reply: the letter, a time
# (and the way of the reply: «если ответите по пунктам», «по порядку», «в одном письме»)
_REPLY_ITSELF = frozenset({"письмо", "сообщение", "запрос", "день", "вечер", "утро", "обед", "час", "неделя",
                           "понедельник", "вторник", "среда", "четверг", "пятница", "конец", "клиент", "заказчик",
                           "пункт", "порядок", "возможность"})


def _counts_noun(words: list["Token"]) -> bool:
    """Whether «сколько» is followed by the noun it counts («сколько человек», not «сколько непосредственно
    блогерам»)."""
    at = next((i for i, t in enumerate(words) if extras.form(t) == "сколько"), None)
    return at is not None and at + 1 < len(words) and words[at + 1].pos_ == "NOUN"


def _elided_request(words: list["Token"], before: list["Token"], lex: AskLexicon) -> "Token | None":
    """The request verb of the sentence before, for a sentence that only adds a thing to it: «Пришлите, пожалуйста,
    проект договора. И сразу счёт на аванс, чтобы бухгалтерия успела оплатить.» (not «И спасибо за быстрый
    ответ.»)."""
    if not before or not words or extras.form(words[0]) not in ("и", "также", "а") or \
            not _verbless(_before_purpose(words)) or not any(t.pos_ == "NOUN" and "accs" in extras.oc_any(t)
                                                              for t in _before_purpose(words)):
        return None
    return next((t for t in before if _asks_to_do([t], lex)), None)


def _urges_reply(words: list["Token"], urge: "Token | None" = None) -> bool:
    """«Ответьте, пожалуйста, сегодня», «Клиенты дёргают, ответь до обеда»: an imperative «ответить» (or the given
    verb: «Буду признательна, если ответите на них до конца недели») with no question word and nothing named to
    answer about but a time, the letter or the questions just asked."""
    at = next((i for i, t in enumerate(words) if (t is urge if urge is not None else "impr" in extras.oc_any(t)) and
               _lemmas(t) & {"ответить", "отписаться"}), None)
    return at is not None and not any(
        extras.form(t) in _POINTING and urge is None or t.pos_ in ("NOUN", "PROPN") and
        not (_lemmas(t) & (_REPLY_ITSELF | ({"вопрос"} if urge is not None else set()))) for t in words[at + 1:])


_GRATEFUL = frozenset({"благодарный", "признательный"})


def _grateful_if(words: list["Token"]) -> "Token | None":
    """The verb of a thanks in advance: «Буду благодарна, если пришлёте счёт» asks us to send it, «…, если
    подскажете сроки» asks the term."""
    for k, t in enumerate(words):
        if _lemmas(t) & _GRATEFUL:
            cond = next((j for j in range(k + 1, min(k + 4, len(words))) if extras.form(words[j]) == "если"), None)
            if cond is not None:
                return next((x for x in words[cond + 1:] if x.pos_ == "VERB"), None)
    return None


def _first_content(words: list["Token"]) -> "Token | None":
    for t in words:
        if extras.form(t) in ("и", "а", "также", "еще", "ещё", "но", "ну", "кстати", "скажите", "подскажите", "пожалуйста"):
            continue
        return t
    return None


_CLAUSE_OPENERS = frozenset({"что", "которые", "который", "когда", "как", "если", "где"})


def _imperative_in_context(t: "Token", words: list["Token"]) -> bool:
    """«Подтвердите, пожалуйста» is imperative; «Вы подтвердите?» is a question in the future tense."""
    i = words.index(t)
    prev = extras.form(words[i - 1]) if i else ""
    nxt = extras.form(words[i + 1]) if i + 1 < len(words) else ""
    if prev in ("вы", "вы,", "ли") or nxt == "ли":
        return False   # «Вы подтвердите?», «Возите ли вы в Химки?» — the indicative, asked
    if i and words[i - 1].like_num:
        return False   # «40 худи» — a noun after a number, whatever pymorphy3 reads («худи» as «худить»)
    if "incl" in extras.oc_any(t) and not any(extras.form(w) == "давайте" for w in words[:i]):
        return False   # «начнём», «будем» — we, not the reader
    if t.pos_ != "VERB" and "impr" not in extras.oc(t):
        return False   # a name or a noun with a rare imperative reading («Алексей»)
    if "past" in extras.oc_any(t) and (not extras.form(t).endswith(("те", "тесь")) or i and any(
            extras.form(w) in _CLAUSE_OPENERS or "nomn" in extras.oc_any(w) and {"NOUN", "NPRO"} & extras.oc_any(w)
            for w in words[max(0, i - 3): i])):
        # «Нашли ваш сайт через знакомых», «что две теплицы пришли с браком»: the past tense. A client asks a
        # company with the «вы» form («пришлите», «найдите»), so a bare «пришли»/«нашли» is not a request
        return False
    if "impr" in extras.oc(t) and "VERB" in extras.oc(t):
        return True
    # homograph of the future 2nd person plural: imperative when it opens the clause or is near «пожалуйста»
    near = {extras.form(w) for w in words[max(0, i - 2): i + 3]}
    return i == 0 or prev in ("и", "пожалуйста", "также", "еще", "тогда", "срочно", "обязательно") or "пожалуйста" in near


def _focus(words: list["Token"], lex: AskLexicon) -> list[str]:
    return [f for f, _ in _focus_tokens(words, lex)]


def _focus_tokens(words: list["Token"], lex: AskLexicon, rejected_too: bool = True) -> list[tuple[str, "Token"]]:
    """The content words of a question; without ``rejected_too``, not those of an alternative turned down: in
    «оплачивать поэтапно, а не всю сумму сразу» the sum is no thing asked about (though «Нет, минимальный срок —
    год» may answer «на полгода, а не на год?» by it)."""
    out: list[tuple[str, "Token"]] = []
    seen = set()
    rejected = False
    for i, t in enumerate(words):
        if t.lower_ == "а" and i + 1 < len(words) and words[i + 1].lower_ == "не":
            rejected = not rejected_too
        elif t.lower_ in ("кроме", "помимо") and i + 1 < len(words) and words[i + 1].lemma_ in lex.type_nouns:
            rejected = True       # «Чем отличаются модели, кроме цены?»: the price is set aside, not asked
        elif rejected and t.is_punct and t.text not in "«»\"":
            rejected = False
        if rejected or t.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X"):
            continue
        lem = t.lemma_ or extras.form(t)
        if lem in lex.stop or extras.form(t) in lex.stop or lem in lex.interrogatives or len(lem) < 2:
            continue
        if lem not in seen:
            seen.add(lem)
            out.append((lem, t))
    return out


def _forbidden(t: "Token") -> bool:
    """An imperative under «не»: «не выставляйте», «не звоните» (but «не забудьте» asks for the next verb)."""
    return t.i > 0 and t.doc[t.i - 1].lower_ == "не" and t.lemma_ not in ("забыть", "забывать")


def _span_ends(words: list["Token"]) -> set[str]:
    """The nouns of «от X до Y» in a question: where a length of time begins and ends."""
    forms = [extras.form(t) for t in words]
    if not ("от" in forms and "до" in forms[forms.index("от"):]):
        return set()
    start = forms.index("от")
    return {t.lemma_ for t in words[start:] if t.pos_ == "NOUN"}


_POSSIBLE = frozenset({"возможно", "возможна", "возможен", "возможны", "можно", "нельзя", "допустимо", "реально"})


def _after_preposition(words: list["Token"], dependents: bool = False) -> set[str]:
    """Lemmas of the nouns that follow a preposition, over their adjectives: «на тарифе», «с моим тарифом»; with
    ``dependents``, the genitives after them too («перед заключением договора»)."""
    out = set()
    for k, t in enumerate(words):
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        j = k - 1
        while j >= 0 and words[j].pos_ in ("ADJ", "DET") and j > k - 3:
            j -= 1
        if j >= 0 and words[j].pos_ == "ADP" or \
                k > 1 and extras.form(words[k - 1]) in ("и", "или") and words[k - 2].lemma_ in out or \
                dependents and k and words[k - 1].pos_ == "NOUN" and words[k - 1].lemma_ in out and \
                "gent" in extras.oc(t):
            out.add(t.lemma_)     # («с адресами и датами»: both)
    return out


_DURATION_UNITS = ("времени", "дней", "недель", "часов", "месяцев", "минут", "суток")
_AT_TIME = ("во", "в", "до", "с", "со")     # «Во сколько…?», «До скольки…?»: an hour
_WITHIN = ("через", "за")                  # «Через сколько…?», «За сколько дней…?»: a length of time
_SUM = re.compile(r"\d\s*(?:тыс|млн|руб|₽)|\b(?:тысяч|миллион)", re.I)   # «из 600 тысяч»: a sum of money


# a «срок» of these is a length of time: «срок годности», «срок хранения», «срок службы»
_TERMS = frozenset({"годность", "хранение", "служба", "действие", "эксплуатация", "гарантия", "окупаемость",
                    "реализация"})


# verbs of a length of time: «Сколько займёт…?», «Сколько хранятся записи разговоров?», «Сколько действует пропуск?»
_LASTING_VERBS = frozenset({"занять", "занимать", "длиться", "продолжаться", "уйти", "ждать", "ожидать", "подождать",
                            "храниться", "действовать", "ехать", "лететь", "сохраняться", "держаться", "служить",
                            "прослужить",
                            # processes that take their time: «Сколько диван потом сохнет?», «Сколько делается справка?»
                            "сохнуть", "высохнуть", "высыхать", "просохнуть", "просыхать", "сушиться", "заживать",
                            "зажить", "застывать", "застыть", "твердеть", "остывать", "готовиться", "делаться",
                            "изготавливаться", "рассматриваться", "оформляться", "печататься", "проверяться"})
# verbs of a price: «Сколько стоит…?», «На сколько подорожает проект, если…?» ask a sum, not a count
_COST_VERBS = frozenset({"стоить", "обойтись", "заплатить", "платить", "оценить", "подорожать", "подешеветь",
                         "доплатить", "доплачивать", "переплатить"})
# a «какой» question about one of these asks a figure: «Какую скидку дадите?», «Какая комиссия?»
# nouns of the way a thing is done: «какие условия оплаты», «какой порядок приёмки» ask how, whatever follows
_WAYS = frozenset({"условие", "порядок", "схема", "способ", "форма", "формат", "механизм", "процедура"})
_RATES = frozenset({"скидка", "комиссия", "ставка", "наценка", "вознаграждение", "надбавка"})


# a period per which a thing recurs: «в неделю», «в месяц», «за смену»
_PER = re.compile(r"\b(?:в|за)\s+(?:день|неделю|месяц|год|квартал|сутки|смену|сезон)\b")


def _verbless(words: list["Token"]) -> bool:
    """No verb at all: «Откуда разница?», «сколько доставка в д. Курово»."""
    return not any(t.pos_ in ("VERB", "AUX") for t in words)


def _answer_type(words: list["Token"], interrogative: str | None, li: bool, focus: list[str], lex: AskLexicon) -> str:
    norms = [extras.form(t) for t in words]
    if "кроме" in norms or "помимо" in norms:
        # «Чем отличается Ortho Balance от Ortho Balance Plus, кроме цены?»: what is set aside is not asked
        cut = norms.index("кроме") if "кроме" in norms else norms.index("помимо")
        # (``focus`` has no set-aside word of a kind of answer already: _focus_tokens)
        words, norms = words[:cut] + words[cut + 3:], norms[:cut] + norms[cut + 3:]
    if interrogative in ("как", "насколько") and "часто" in norms:
        return "frequency"   # «Как часто должен приезжать сокольник?» → «трижды в неделю»
    if interrogative == "сколько" and "раз" in norms[norms.index("сколько") + 1:][:1] and \
            _PER.search(" ".join(norms)):
        return "frequency"   # «Сколько раз в неделю проходят занятия?» → «дважды в неделю»
    if interrogative == "как" and "скоро" in norms:
        return "date"        # «Как скоро можете выехать?» asks when («завтра», «через два дня»), not how long it lasts
    if interrogative in ("как", "насколько") and {"долго", "быстро", "скоро"} & set(norms):
        # «Как быстро можно ожидать восстановления?», «Насколько быстро уходят голуби?» ask how long
        return "duration"
    if interrogative in ("каком", "какой") and {"объеме", "объёме"} & set(norms):
        return "open"     # «в каком объёме входит стоматология?» asks the scope, not a volume
    if interrogative and lex.interrogatives.get(interrogative) == "degree":
        return "open"     # «Насколько опасен пункт про тарифы?» — an assessment, whatever the nouns
    if li and (interrogative in (None, "ли")):
        return "yesno"
    if interrogative is None and any(_lemmas(t) & _INCLUDED for t in words):
        return "yesno"    # «Удаление входит в стоимость имплантации?» asks yes or no, not the price
    if interrogative == "как":
        return "open"     # «Как будет происходить оплата?» asks how it is done
    if interrogative is None and "или" in norms:
        return "yesno"    # «Оплата 100% после выхода кандидата или есть аванс?» asks which, not a price
    if interrogative is None and set(norms) & _POSSIBLE:
        return "yesno"    # «Оплата по факту результата возможна?» asks whether, not a price
    asks_when = interrogative is not None and lex.interrogatives.get(interrogative) in ("date", "duration", "place",
                                                                                       "person", "reason")
    # (a price word after a preposition is the setting, not the thing asked, in a question asked by intonation:
    # «На тарифе VPS-2 бэкапы делаются каждый день?», «Это возможно с моим тарифом?»)
    setting = _after_preposition(words) if interrogative is None else set()
    # where the question word stands, the word before it and the word after it
    at_ = norms.index(interrogative) if interrogative in norms else 0
    before = norms[at_ - 1] if at_ else ""
    after = words[at_ + 1] if interrogative in norms and at_ + 1 < len(words) else None
    nxt = extras.form(after) if after is not None else ""
    asked_kind = lex.interrogatives.get(interrogative or "")
    if asked_kind == "amount" and nxt in _DURATION_UNITS:
        return "duration"   # «Сколько дней займёт производство после оплаты?» asks how long, whatever the nouns
    if asked_kind == "amount" and after is not None and after.pos_ == "NOUN" and "gent" in extras.oc(after) and \
            nxt not in _DURATION_UNITS + ("лет",) and before not in _AT_TIME + _WITHIN and \
            "plur" in extras.oc(after) and after.lemma_ not in lex.type_nouns:
        return "count"  # «сколько товаров можно загрузить на тарифе?» counts goods, the tariff is the setting
    if asked_kind == "open" and before in ("в", "во") and nxt in ("году", "месяце", "числа", "день"):
        return "date"       # «в каком году была куплена квартира?» asks when, as a year
    if asked_kind == "open" and before == "за" and nxt in ("время", "срок", "период"):
        return "duration"   # «за какое время прибывает группа?», «За какой срок сделаете?» ask how long
    if asked_kind == "open":
        # «До какого числа…?», «Какие сроки…?»: the noun asked about says what kind — the first after the question
        # word, not any («какая нужна экипировка на первое время» asks for the kit, not a time)
        asked_at = next((i for i in range(at_ + 1, len(words)) if words[i].pos_ == "NOUN"), None)
        asked = words[asked_at].lemma_ if asked_at is not None else None
        if asked == "срок" and asked_at + 1 < len(words) and words[asked_at + 1].lemma_ in _TERMS:
            return "duration"   # «Какой срок годности у заморозки?» asks how long it keeps, not a date
        if asked in _RATES:
            return "money"      # «Какую скидку дадите на весь объём?» — a sum or a share (rate_asked answers it)
        if asked in _WAYS:
            return "open"       # «Какие условия оплаты — предоплата или по факту?» asks how, not how much
        if asked in lex.type_nouns:
            return lex.type_nouns[asked]
    # (after the noun a «какой» question asks about: «Какое количество участников на тарифе?» counts, «Какие
    # сроки оплаты?» asks when)
    if _asks_change(words, interrogative):
        return "yesno"    # «…сроки сдвинутся?», «Цена останется прежней?» ask whether it changes, not the term
    for f in focus:   # «Какая стоимость?» asks for money, but «Когда после оплаты получим ключи?» for a date
        if f in lex.type_nouns and lex.type_nouns[f] == "money" and not asks_when and f not in setting:
            return "money"
    if interrogative:
        t = lex.interrogatives[interrogative]
        if t == "amount":
            # («Сколько за смену?», «Сколько возьмёте за доставку?» ask a price too)
            # («Сколько возьмёте за доставку?» is a price; «Возьмём на пробу…, сколько можно заказать?» a quantity)
            costs = any(f in _COST_VERBS for f in focus) or any(
                _lemmas(t) & {"взять", "брать"} and "1per" not in extras.oc(t) for t in words) \
                or norms[at_ + 1:at_ + 2] == ["за"] and len(norms) <= at_ + 4 or \
                any(n.startswith(("стоит", "стоят", "стоил")) for n in norms)   # «стоят» read as «стоять»
            if before in _AT_TIME:
                # «Во сколько вы привозите?», «До скольки можно шуметь?» ask for a time; «Во сколько обойдётся
                # аудит?» for a price
                return "money" if costs else "date"
            if before in _WITHIN:
                # «Через сколько отдаёте фото?», «За сколько дней сделаете?» ask how long; «За сколько возьмёте
                # в трейд-ин мой Focus?» asks a price
                return "money" if costs and before == "за" else "duration"
            # «Сколько звонков в месяц вы ожидаете?» counts calls: a noun after «сколько» says what is counted
            counted = after is not None and after.pos_ == "NOUN"
            # nothing counted, and a price's marks: «Сколько реально получать за такую квартиру?» (for a thing),
            # «Сколько это будет в месяц?» (the offer itself), «сколько из 600 тысяч уйдёт на комиссию?» (a part of
            # a sum)
            if not counted and ("за" in norms[at_ + 1:] or nxt == "это" and not any(
                    f in _LASTING_VERBS for f in focus) or nxt == "из" and _SUM.search(" ".join(norms[at_:]))):
                return "money"
            # («Сколько по времени занимает бурение?» too; «Сколько дней…» is told above)
            if norms[at_ + 1:at_ + 3] in (["по", "времени"], ["по", "срокам"], ["по", "сроку"]) \
                    or not (counted and "gent" in extras.oc_any(after)) and any(f in _LASTING_VERBS for f in focus):
                return "duration"
            # «сколько доставка в д. Курово»: a service in the nominative, no verb — its price («сколько человек»
            # counts: a genitive)
            priced = counted and "nomn" in extras.oc_any(after) and "gent" not in extras.oc_any(after) and \
                _verbless(words)
            if costs or priced:
                return "money"
            return "count"
        return t
    for f in focus:
        if f in lex.type_nouns and f not in setting:   # («…вы меняете на другой размер?» asks yes or no)
            return lex.type_nouns[f]
    if interrogative is None and not li and _names_thing(words, lex):
        return "open"     # «Интересует также минимальная партия на один SKU.» asks what it is, not whether
    if li or interrogative is None:
        return "yesno"    # «Вы работаете с такими документами?» — asked by intonation: yes or no
    return "open"


# a change to the thing named: asked by intonation, whether it happens
_CHANGE_VERBS = frozenset({"сдвинуться", "сместиться", "измениться", "поменяться", "вырасти", "увеличиться",
                           "уменьшиться", "снизиться", "подняться", "повыситься", "понизиться", "сократиться",
                           "удлиниться", "затянуться", "остаться", "сохраниться", "пересчитываться", "меняться",
                           "расти", "увеличиваться", "уменьшаться", "сдвигаться"})


def _asks_change(words: list["Token"], interrogative: str | None) -> bool:
    """Asked by intonation whether the thing named changes: «Сроки сдвинутся?» (the term is the topic then)."""
    return interrogative is None and any(_lemmas(t) & _CHANGE_VERBS for t in words)


_FILLERS = frozenset({"пожалуйста", "также", "тоже", "еще", "ещё", "и", "а", "нас", "меня", "нам", "мне", "заодно",
                      "очень", "сразу"})


def _names_thing(words: list["Token"], lex: AskLexicon) -> bool:
    """«Интересует минимальная партия», «Подскажите сроки хранения»: an asking verb followed by the thing asked
    about, not by a clause («Подскажите, вы работаете по субботам?»)."""
    at = next((i for i, t in enumerate(words) if _lemmas(t) & (lex.inform_verbs | {"интересовать"})), None)
    if at is None:
        return False
    nxt = next((t for t in words[at + 1:] if extras.form(t) not in _FILLERS), None)
    if nxt is None or nxt.pos_ not in ("NOUN", "ADJ") or not {"nomn", "accs"} & extras.oc(nxt):
        return False
    # («Интересует курс «Бухгалтерия и 1С с нуля»» names the product the letter is about: no question of its own)
    after = nxt.doc[nxt.i + 1] if nxt.i + 1 < len(nxt.doc) else None
    return after is None or not (after.text in ("«", "\"", "“") or after.pos_ == "PROPN")
