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
    "Поставщик привёз доборные элементы не того цвета, их пришлось заказывать заново.",   # «(нам) пришлось»
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
    "По ибупрофену производитель поднял отпускные цены на 12%, поэтому выросла и наша цена.",   # prices, not a holiday
    "Сотрудника на больничном уволить нельзя, поэтому процедуру придётся отложить.",   # «придётся»: a plan
    "Вам пришлось ждать поставщика, простите.",
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


# --- jargon, abbreviation, officialese: names, colleagues, wishes, legal verbs ---------------------------------

def _ex(text: str, **kw) -> dict:
    ex = {"text": text, "from": "p.orekhov@formulacrm.ru", "to": ["t.ivanov@stomatology.ru"]}
    ex.update(kw)
    return ex


def found_ex(engine: Engine, ex: dict) -> list[str]:
    letter, thread, _params, _me = example_letter(ex)
    return [f.excerpt or f.message for f in engine.check(letter, thread)]


@pytest.fixture(scope="module")
def abbreviation() -> Engine:
    return Engine([load_rule_file(RULES / "abbreviation.yaml")], Config())


@pytest.fixture(scope="module")
def jargon() -> Engine:
    return Engine([load_rule_file(RULES / "jargon.yaml")], Config())


@pytest.mark.parametrize("text, hits", [
    ("Проценты за просрочку начислим по статье 395 ГК РФ.", []),
    ("Проверим продавца по ЕГРЮЛ, а склад — по выписке из ЕГРН.", []),
    ("По ГК сроки другие, уточним.", ["ГК"]),                       # a bare code name is not common knowledge
    ("Договор подписан с ООО «ТЗ-Сервис», акты пришлём в пятницу.", []),   # a company name after ООО
    ("Подписывать УПД можно в разделе «Текущие дела ЭДО».", ["УПД", "ЭДО"]),  # a UI label is not a company name
])
def test_abbreviation_common_knowledge_and_names(abbreviation: Engine, text: str, hits: list[str]) -> None:
    assert found_ex(abbreviation, _ex(text)) == hits


def test_our_own_company_name_is_not_an_abbreviation(abbreviation: Engine) -> None:
    sig = "Павел Орехов\nруководитель поддержки «Формула CRM»"
    text = "Спасибо, что выбрали «Формулу CRM». Срочные вопросы можно решать в чате внутри CRM."
    assert found_ex(abbreviation, _ex(text, signature=sig)) == []
    # without our name in the letter the bare abbreviation is reported
    assert found_ex(abbreviation, _ex("Срочные вопросы можно решать в чате внутри CRM.", signature=sig)) == ["CRM"]
    # the name only in the signature does not excuse the word elsewhere when the text never names us
    assert found_ex(abbreviation, _ex("Заносите в CRM каждый звонок.")) == ["CRM"]


def test_client_compound_counts_as_the_client_using_the_abbreviation(abbreviation: Engine) -> None:
    thread = [{"from": "t.ivanov@stomatology.ru", "to": ["p.orekhov@formulacrm.ru"],
               "text": "Сейчас работаем в amoCRM, хотим перейти к вам."}]
    assert found_ex(abbreviation, _ex("Какой бюджет на CRM вы закладываете?", thread=thread)) == []
    other = [{"from": "t.ivanov@stomatology.ru", "to": ["p.orekhov@formulacrm.ru"],
              "text": "Сейчас ведём клиентов в таблице, хотим перейти к вам."}]
    assert found_ex(abbreviation, _ex("Какой бюджет на CRM вы закладываете?", thread=other)) == ["CRM"]
    # lower-case letters around do not make a word: «scrm» is not the client writing CRM
    mixed = [{"from": "t.ivanov@stomatology.ru", "to": ["p.orekhov@formulacrm.ru"], "text": "Есть ли SCRMS?"}]
    assert found_ex(abbreviation, _ex("Какой бюджет на CRM вы закладываете?", thread=mixed)) == ["CRM"]


def test_letters_to_colleagues_only_are_not_checked_for_jargon(jargon: Engine) -> None:
    text = "Коллеги, посмотрите, пожалуйста: похоже, после релиза 4.12 импорт не понимает даты."
    internal = {"text": text, "from": "n.sokolov@tablica.pro", "to": ["help@tablica-support.com"]}
    assert found_ex(jargon, internal) == []
    same_domain = {"text": text, "from": "n.sokolov@tablica.pro", "to": ["dev@tablica.pro"]}
    assert found_ex(jargon, same_domain) == []
    client = {"text": text, "from": "n.sokolov@tablica.pro", "to": ["a.morozov@vector-logistic.ru"]}
    assert found_ex(jargon, client) == ["релиза"]
    mixed = {"text": text, "from": "n.sokolov@tablica.pro",
             "to": ["help@tablica-support.com", "a.morozov@vector-logistic.ru"]}
    assert found_ex(jargon, mixed) == ["релиза"]
    public = {"text": text, "from": "nikita@gmail.com", "to": ["client@gmail.com"]}
    assert found_ex(jargon, public) == ["релиза"]
    assert found_ex(jargon, {"text": text}) == ["релиза"]            # a template has no To: it is for a client


@pytest.mark.parametrize("text, hits", [
    ("Удачного релиза в пятницу!", []),
    ("Успешного запуска и хорошего релиза!", []),
    ("После релиза пришлём отчёт.", ["релиза"]),
    ("Удачно, что релиз перенесли: успеем поправить баги.", ["релиз", "баги"]),   # not a wish: no «!»
    ("Удачного дня! Релиз будет завтра.", ["Релиз"]),                         # the wish is another sentence
])
def test_jargon_in_a_wish_about_the_clients_affair(jargon: Engine, text: str, hits: list[str]) -> None:
    assert found_ex(jargon, _ex(text)) == hits


def test_jargon_in_our_agency_name_and_signature(jargon: Engine) -> None:
    assert found_ex(jargon, _ex("Спасибо, что выбрали агентство «Ивент-Хаб»!")) == []


@pytest.mark.parametrize("text, hits", [
    ("Это называется трансграничной передачей, и о ней тоже нужно уведомлять Роскомнадзор.", []),
    ("Перевозчик может поднять тарифы в любой момент, уведомив вас за 3 дня.", []),
    ("Арендодатель обязан уведомить арендатора письменно.", []),
    ("Уведомляем вас, что счёт выставлен.", ["Уведомляем"]),
    ("Просим уведомить нас о решении.", ["уведомить"]),
    ("Договор подписан. Уведомим вас, когда придут оригиналы.", ["Уведомим"]),  # a contract in another sentence
])
def test_officialese_notify_in_a_legal_context(officialese: Engine, text: str, hits: list[str]) -> None:
    assert found_ex(officialese, _ex(text)) == hits


def test_jargon_quiet_when_the_conversation_is_the_clients_trade(jargon: Engine) -> None:
    """unless_topic: «инвойс» to an importer, «футер» in a letter about hoodies, «бриф» to a marketer — but the same
    words in a letter about something else are reported."""
    customs = [{"from": "o.gromov@plitka-import.ru", "to": ["logist@vostok-cargo.ru"],
                "text": "Добрый день! Везём плитку из Китая, нужна растаможка. Сколько займёт доставка?"}]
    text = "Страховка стоит 0,3% от суммы по инвойсу и покрывает весь путь."
    assert found_ex(jargon, _ex(text, thread=customs)) == []
    assert found_ex(jargon, _ex(text)) == ["инвойсу"]
    hoodies = [{"from": "a.lis@fest-test.ru", "to": ["merch@print-test.ru"], "text": "Сколько будут стоить 50 худи с логотипом?"}]
    assert found_ex(jargon, _ex("Худи шьём из футера трёхнитки с начёсом.", thread=hoodies)) == []
    assert found_ex(jargon, _ex("В футере сайта поменяли телефон.", thread=[])) == ["футере"]
    marketer = {"text": "Бриф пришлю сегодня, заполните его до пятницы.",
                "thread": [{"from": "n.demin@dom-plitki-test.ru", "to": ["smm@puls-test.ru"],
                            "text": "Хотим запустить рекламу ВКонтакте.\n\nНиколай Дёмин\nмаркетолог «Дом плитки»"}]}
    assert found_ex(jargon, marketer) == []
    marketer["thread"][0]["text"] = "Хотим запустить рекламу ВКонтакте.\n\nНиколай Дёмин\nдиректор «Дом плитки»"
    assert found_ex(jargon, marketer) == ["Бриф"]


def test_an_abbreviation_opening_a_hyphenated_word_is_reported(abbreviation: Engine) -> None:
    assert found_ex(abbreviation, _ex("Переведём также тексты SEO-метатегов и описания товаров.")) == ["SEO"]
    # a common one is not, nor a capitalised word that is no abbreviation
    assert found_ex(abbreviation, _ex("Проверим ИНН-код и КПП контрагента.")) == []
    assert found_ex(abbreviation, _ex("Договор с ООО «Юг-Строй» подписан.")) == []
