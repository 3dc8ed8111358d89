"""What the client already gave: a figure next to the very thing our draft asks about.

The `facts:` vocabulary knows fixed things (ИНН, the deadline, the budget) by their own shape. Most re-asked
things have no shape of their own: «около 3 000 входящих звонков в месяц», «аквариум на 300 литров», «Стоимость
груза по инвойсу — 86 000 долларов», «Планирую на 7 июня, утренний полёт». What they share is a figure of the
kind our question asks for («сколько звонков…?» a number, «на какую дату…?» a calendar date) in one sentence with
every thing the question names. A question asking to confirm («Подтвердите, что тираж окончательный») asks
nothing again.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Collection

from letterlint.text.answers import asks_existence, candidates, existing_things, share, thing_phrase
from letterlint.text.asks import _LIST_MARK

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.text.answers import AnswerConfig, Candidate
    from letterlint.text.asks import Ask
    from letterlint.text.pipeline import AnalysedText

# the things a question must name to be matched: more would be a sentence, not a thing
_MAX_THINGS = 3
# verbs that only ask or want: «С какого числа хотите начать?» is about starting
_ASKING_VERBS = frozenset({"хотеть", "мочь", "смочь", "планировать", "быть", "удобно", "нужно", "можно", "уточнить",
                           "подсказать", "сказать", "написать", "сообщить"})


def confirms(ask: "Ask", confirmations: list[str]) -> bool:
    """«Подтвердите, пожалуйста, что тираж и бумага окончательные», «Правильно ли я понял, что…»: asking to
    confirm what was given is no asking again."""
    text = ask.text.lower().replace("ё", "е")
    return any(re.search(r"(?<!\w)" + re.escape(c), text) for c in confirmations)


def figure_given(ask: "Ask", letters: list["AnalysedText"], cfg: "AnswerConfig",
                 figures: dict[str, re.Pattern[str]], time_of_day: list[str] = (),
                 kinds: Collection[str] = (), units: dict[str, str] | None = None) -> str | None:
    """The sentence of a client letter that already gives what ``ask`` (our question) asks for, or None: a
    figure of its kind in one sentence with every thing it names («Сколько человек будет в группе на обучении?»
    is not answered by «У нас 40 сотрудников, на обучение пойдут не все»). ``kinds``: nouns naming a kind of
    answer («объём», «высота»), which the client's sentence need not repeat; ``units``: a measure noun → the
    pattern of its unit («энергопотребление» → «Вт»), for a measure given by its unit alone."""
    units = units or {}
    coded = _code_given(ask, letters, cfg, figures.get("code"))
    if coded:
        return coded
    kind = ask.answer_type
    if kind == "date" and any(p in ask.text.lower() for p in time_of_day):
        kind = "time"
    pattern = figures.get(kind)
    # (the measure itself need not be named: «аквариум на 300 литров» gives «какого объёма аквариум?»; nor the
    # setting of a date: «с какой даты хотите начать работу на платформе?» ← «Запуск планируем с 1 сентября»; nor
    # of a measure: «толщину листа по деталям из DXF» ← «по приложенным dxf, сталь 09г2с лист 4 мм»)
    setting = ask.setting if kind in ("date", "size", "weight", "volume") else ()
    # (the setting is left out only beside a thing of its own: «какой объём у аквариума?» is about the aquarium)
    named = [t for t in ask.topic_nouns if t not in kinds]
    things = ([t for t in named if t not in setting] or (named if kind != "date" else []))[:_MAX_THINGS]
    if not things and kind == "date":
        # «С какого числа хотите начать?» names no thing, only the event: «старт — с 1 октября» gives it
        things = [v for v in ask.verbs if v not in _ASKING_VERBS][:1]
    if ask.kind != "question":
        return None
    # «И во сколько вам удобно забрать велосипеды?» ← «Заберём сами у вашего пункта в 10 утра»: the hour or the
    # day is given with the very action asked about, the thing named or not
    acts = [v for v in ask.verbs if v not in _ASKING_VERBS] if kind in ("date", "time") else []
    measure = _asked_measure(ask, units)
    for at in letters:
        for c in candidates(at):
            # (not the number of a list item: «4. Как организована доставка детей?» tells no count of children)
            said = _LIST_MARK.sub("", c.text, count=1)
            if pattern is not None and things and all(share([t], c, cfg.stem, cfg.synonyms) >= 1.0 for t in things) \
                    and pattern.search(said) and not _other_measure(ask, c, cfg):
                return c.text.strip()
            if pattern is not None and acts and share(acts[:1], c, cfg.stem) >= 1.0 and pattern.search(said):
                return c.text.strip()
            if measure and re.search(measure, c.text, re.I) and all(
                    share([t], c, cfg.stem, cfg.synonyms) >= 1.0 for t in things if t not in units):
                return c.text.strip()     # «какое энергопотребление у серверов?» ← «2 сервера, около 600 Вт каждый»
            if kind == "open" and _figure_after(ask, c, figures.get("count")):
                return c.text.strip()     # «какой оборот в неделю?» ← «Оборот примерно 60 паллет в неделю»
            if _existence_told(ask, c, cfg):
                return c.text.strip()     # «есть ли в доме грузовой лифт?» ← «4 этаж, лифт есть, грузовой»
            if kind == "time" and _CONVENIENT.search(ask.text) and _SCHEDULE.search(said):
                return c.text.strip()     # «В какое время вам удобно проводить занятия?» ← «по средам в 18:30»
    return None


def _other_measure(ask: "Ask", c: "Candidate", cfg: "AnswerConfig") -> bool:
    """The client's figure measures another thing of the kind asked: «высота от земли около 9 метров» does not give
    «какой диаметр у гильзы?»."""
    asked = {n for n in ask.topic_nouns if cfg.measures.get(n) == ask.answer_type}
    named = {n for n in c.lemmas if cfg.measures.get(n) == ask.answer_type}
    return bool(asked) and bool(named) and not asked & named


# a time the client prefers, asked: «в какое время вам удобно…?»; told as a weekly day and hour
_CONVENIENT = re.compile(r"\bудобн", re.I)
_SCHEDULE = re.compile(r"\bпо\s+(?:понедельникам|вторникам|средам|четвергам|пятницам|субботам|воскресеньям|будням|"
                       r"выходным)\b[^.?!]{0,20}?\b(?:в|с)\s+\d{1,2}(?::\d{2})?\b", re.I)


_TOLD_EXISTS = re.compile(r"(?<!\w)(?:есть|нет|имеется|имеются|отсутству\w+)(?!\w)", re.I)


def _existence_told(ask: "Ask", c: "Candidate", cfg: "AnswerConfig") -> bool:
    """Our «Есть ли в доме грузовой лифт?» when the client wrote «4 этаж, лифт есть, грузовой»: every word of the
    thing (its adjectives too) in a sentence that says it is there or not."""
    if ask.kind != "question" or not ask.topic_nouns or not asks_existence(ask):
        return False
    head = next((n for n in ask.topic_nouns if n not in ask.setting), ask.topic_nouns[0])
    phrase = thing_phrase(existing_things(ask, cfg), head, ask.setting)
    return bool(_TOLD_EXISTS.search(c.text)) and all(share([f], c, cfg.stem, cfg.synonyms) >= 1.0 for f in phrase)


def _asked_measure(ask: "Ask", units: dict[str, str]) -> str:
    """The unit pattern of a measure the question asks for by its noun («энергопотребление» → «Вт»), or ''."""
    return next((units[n] for n in ask.topic_nouns if n in units), "")


# «какой оборот…?», «какая площадь…?»: the noun asked about, named right after the question word
# (past a word of measure: «на какой уровень дохода…» asks the income)
_WHICH = re.compile(r"\b(?:какой|какая|какое|какие|каком|какую|какого|какому|каких|каков\w*)\s+"
                    r"(?:примерно\s+|у\s+вас\s+|ваш\w*\s+)?(?:уров\w+\s+|размер\w*\s+)?(\w+)", re.I)


def _figure_after(ask: "Ask", c: "Candidate", count: "re.Pattern[str] | None") -> bool:
    """The noun a «какой X…?» question asks about, in the client's sentence with a figure within a few words
    after it: «Оборот примерно 60 паллет в неделю» gives «какой оборот в неделю ожидаете?»."""
    m = _WHICH.search(ask.text)
    if count is None or not m:
        return False
    noun = next((n for n in ask.topic_nouns if m.group(1).lower().replace("ё", "е").startswith(n[:4])), None)
    if noun is None:
        return False
    low = c.text.lower().replace("ё", "е")
    at = low.find(noun[:max(4, len(noun) - 2)])
    # (or just before it: «учится в 5 классе» gives «в каком классе учится сын?»)
    return at >= 0 and bool(count.search(" ".join(low[at:].split()[1:4])) or
                            re.search(r"(?<![\d.,:])\d+\s+$", low[max(0, at - 8):at]))


# «номер места», «код авторизации», «артикул коробки»: a thing given by a code the client wrote next to it
_CODE_NOUNS = frozenset({"номер", "код", "артикул", "модель", "серия"})


# a number right after the thing («договор 214», «заказ № 5531»), not a count or a measure («договор на 3 месяца»)
_NUMBER_AFTER = re.compile(r"\w+\s*(?:№\s*|N\s*|:\s*)?\d[\d/-]*(?![\d]|[.,]\d|\s*(?:%|[а-яa-z]))", re.I)


def _code_given(ask: "Ask", letters: list["AnalysedText"], cfg: "AnswerConfig",
                pattern: "re.Pattern[str] | None") -> str | None:
    """«Пришлите номер места» when the client wrote «павильон 2, место 2C40»; «пришлите код авторизации (AuthInfo)»
    when the client wrote «Код авторизации (AuthInfo) уже получила: Xk7pQ92-LmTr»: the numbered thing (or the code
    and its kind) in a client's sentence with a code (a word with a digit) just after it."""
    nouns = list(ask.topic_nouns)
    at = next((i for i, n in enumerate(nouns) if n in _CODE_NOUNS), None)
    if pattern is None or at is None or at + 1 >= len(nouns):
        return None
    code, thing = nouns[at], nouns[at + 1]
    # (a code system named by its abbreviation is named without «код»: «код ТН ВЭД» ← «(ТН ВЭД 4202 92 910 0)»)
    system = code == "код" and bool(re.search(rf"\b{re.escape(thing.upper())}\b", ask.text))
    need = [thing] if code == "номер" or system else [code, thing]
    for text in letters:
        for c in candidates(text):
            if not all(share([t], c, cfg.stem, cfg.synonyms) >= 1.0 for t in need):
                continue
            if system and re.search(rf"\b{re.escape(thing)}(?:\s+[А-ЯЁA-Z]{{2,}})*\s*[:№]?\s*\d", c.text, re.I):
                return c.text.strip()
            low = c.text.lower().replace("ё", "е")
            anchor = max((low.find(n[:max(4, len(n) - 2)]) for n in need), default=-1)
            if anchor >= 0 and pattern.search(c.text[anchor:anchor + 60]):
                return c.text.strip()
            if anchor >= 0 and code == "номер" and _NUMBER_AFTER.match(c.text[anchor:]):
                return c.text.strip()     # «номер вашего договора» ← «договор 214», «по договору № 17/3»
    return None
