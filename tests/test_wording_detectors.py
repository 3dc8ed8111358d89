"""The wording rules that are detectors rather than word lists.

`kitchen` on single sentences: topic + tie to us + excuse must meet; the client's topics, wishes, plans,
contingencies and handovers stay quiet. The labelled letters in fixtures/cases/w-kitchen-* score the rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from letterlint.engine import Config, Engine, load_rule_file
from letterlint.engine.examples import example_letter

RULES = Path(__file__).resolve().parents[1] / "rules"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine([load_rule_file(RULES / "kitchen.yaml")], Config())


def found(engine: Engine, text: str) -> list[str]:
    letter, thread, _params, _me = example_letter(text)
    return [f.excerpt or f.message for f in engine.check(letter, thread)]


@pytest.mark.parametrize("text", [
    "Мы не работаем в выходные, поэтому ответим на ваше письмо в понедельник.",
    "У нас сейчас аврал перед Новым годом, так что макеты задержатся до 29 декабря.",
    "Наш переводчик попал в больницу, и перевод придётся перенести на среду.",
    "К сожалению, типография, с которой мы работаем, сорвала срок печати.",
    "Наш аниматор на больничном. Поэтому ролик покажем в понедельник.",
    "Извините за задержку. Наш бухгалтер был в отпуске.",
    "Ответ задержался: у меня сломался ноутбук, и часть файлов пришлось восстанавливать.",
    "Из-за пробок наш курьер не успел к 18:00.",
    "У нас в офисе отключили интернет, поэтому письмо ушло только сейчас.",
])
def test_excuses_about_our_kitchen_are_reported(engine: Engine, text: str) -> None:
    assert len(found(engine, text)) == 1, text


@pytest.mark.parametrize("text", [
    "Если ваши сотрудники на больничном, продлим доступ к курсу бесплатно.",
    "Понимаю, что у вас сейчас аврал, поэтому предлагаю перенести встречу на январь.",
    "Мы работаем без выходных, поэтому заявку примем и 1 января.",
    "Хорошего отпуска! Всё подготовим к вашему возвращению.",
    "Подготовим праздничную рассылку к 8 Марта, пришлите список до 1-го.",
    "Если из-за снегопада наш водитель задержится, я предупрежу вас до 9:30.",
    "С 1 по 14 декабря я в отпуске, поэтому ваш проект будет вести моя коллега Екатерина.",
    "Свет у нас в студии мягкий, поэтому гримёр понадобится только для пудры.",
    "Мы ошиблись в расчёте, извините: исправленный счёт во вложении.",
    "Из-за сбоя на нашем сервере письма не уходили два часа, сейчас всё работает.",
    "Наш дизайнер Кирилл подготовит три варианта обложки к пятнице.",
    "Раз ваш бухгалтер на больничном, документы мы заберём сами.",
    "Я сейчас в командировке, но на связи: отвечу в течение часа.",
])
def test_legitimate_sentences_stay_quiet(engine: Engine, text: str) -> None:
    assert found(engine, text) == [], text


def test_one_finding_per_sentence_and_client_citations_skipped(engine: Engine) -> None:
    two = "Наш дизайнер заболел, поэтому макет задержится, и ещё у нас переезд, поэтому всё позже."
    assert len(found(engine, two)) == 1
    cited = ("> У нас отпуск, поэтому ответим позже, — пишете вы.\n\n"
             "Поняли вас, подождём до 15 мая и пришлём договор в тот же день.")
    assert found(engine, cited) == []


@pytest.fixture(scope="module")
def officialese() -> Engine:
    return Engine([load_rule_file(RULES / "officialese.yaml")], Config())


@pytest.mark.parametrize("text, chain", [
    ("Для обеспечения проведения согласования пришлите устав.", "обеспечения проведения согласования"),
    ("Ускорим процесс согласования изменения расписания занятий.", "согласования изменения расписания"),
    ("Стоимость проведения аудита — 180 000 ₽.", None),                 # two nouns
    ("Отчёт отправим в Управление развития производства.", None),        # a department's name
    ("Согласования, проведения и обеспечения — три этапа.", None),       # a list, not a chain
])
def test_officialese_noun_chains(officialese: Engine, text: str, chain: str | None) -> None:
    assert found(officialese, text) == ([chain] if chain else [])


@pytest.fixture(scope="module")
def rudeness() -> Engine:
    return Engine([load_rule_file(RULES / "rudeness.yaml")], Config())


@pytest.mark.parametrize("text, n", [
    ("ОПЛАТИТЕ СЧЁТ ДО ПЯТНИЦЫ, иначе тираж уйдёт в конец очереди.", 1),   # a preposition inside the run
    ("Мы трижды напоминали об оплате!!!", 1),
    ("Договор с ООО «СТРОЙ ТЕХ ИНВЕСТ» подписан.", 0),                    # a name in quotes
    ("ВАЖНО: счёт с НДС и ИНН во вложении.", 0),                           # one word and abbreviations
    ("Спасибо! До встречи в пятницу!", 0),
])
def test_shouting(rudeness: Engine, text: str, n: int) -> None:
    assert len(found(rudeness, text)) == n, text
