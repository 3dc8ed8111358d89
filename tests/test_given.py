"""asked-again beyond the fixed facts: a figure the client already gave next to the thing our question asks about."""

from __future__ import annotations

import re

import pytest

from _questions import CFG, PARAMS, asks_in, rule_messages, source
from letterlint.text.given import confirms, figure_given
from letterlint.text.pipeline import analyse

FIGURES = {k: re.compile(str(v), re.I) for k, v in PARAMS["given_figures"].items()}
TIME_OF_DAY = [str(p) for p in PARAMS["time_of_day"]]


KINDS = PARAMS["type_nouns"].keys()


UNITS = {k: str(v) for k, v in PARAMS["given_units"].items()}


def _given(client: str, ours: str) -> str | None:
    (ask,) = asks_in(ours)
    return figure_given(ask, [analyse(source(client))], CFG, FIGURES, TIME_OF_DAY, KINDS, UNITS)


@pytest.mark.parametrize("client,ours", [
    ("По итогам встречи готовы стартовать с 1 июля. Напомню вводные: около 3 000 входящих звонков в месяц.",
     "Чтобы точно рассчитать штат, уточните, пожалуйста, сколько звонков в месяц вы ожидаете?"),
    ("В холле клиники стоит пресноводный аквариум на 300 литров.",
     "Чтобы взять нужное количество воды, подскажите, какого объёма у вас аквариум?"),
    ("Нужна ледяная скульптура по логотипу клиента — стилизованная сова, высота около 1,5 м.",
     "Подскажите, пожалуйста, какой высоты нужна скульптура?"),
    ("Нам нужно примерно 15 кг вешенки в неделю, доставка по вторникам.",
     "Подскажите, пожалуйста, какой объём вешенки вам нужен в неделю?"),
    ("Нужно застраховать груз. Стоимость груза по инвойсу — 86 000 долларов США.",
     "Какая стоимость груза по инвойсу?"),
    ("Подача в консульство 30 мая, так что перевод нужен не позже 23 мая.",
     "Чтобы правильно спланировать работу, подскажите, к какому числу вам нужен перевод?"),
    # what we will do with the answer is not what is asked
    ("Планирую на 7 июня (суббота), утренний полёт, нас двое.",
     "Напишите, пожалуйста, на какую дату планируете полёт — поставлю вас в расписание."),
    # no thing named, only the event: the start
    ("Хотим запустить английский для отдела продаж: 12 человек, старт — с 1 октября.", "С какого числа хотите начать?"),
    # a code written next to the thing numbered, or after the code's own name
    ("Нам выделили угловой стенд 36 кв. м, павильон 2, место 2C40.",
     "Чтобы подготовить эскиз, пришлите, пожалуйста, номер места."),
    ("Код авторизации (AuthInfo) уже получила: Xk7pQ92-LmTr. Домен оформлен на меня.",
     "Чтобы мы могли подать заявку, пришлите, пожалуйста, код авторизации."),
    # the hour given with the very action asked about
    ("Заберём сами у вашего пункта в Сокольниках в 10 утра.", "И во сколько вам удобно забрать велосипеды?"),
    # a measure given by its unit alone
    ("Хотим разместить 2 сервера по 2U, потребление около 600 Вт каждый.",
     "Уточните, пожалуйста: какое энергопотребление у серверов?"),
    # «какой X» with a figure right after X in the client's words
    ("Оборот примерно 60 паллет в неделю на вход и столько же на отгрузку.",
     "Подскажите ещё, какой примерно оборот в неделю ожидаете на приёмку и отгрузку?"),
    # a count beside a dimension
    ("Нужна доска 50х150, 12 кубов, на каркасный дом.", "Сколько кубов доски вам нужно?"),
])
def test_a_figure_given_next_to_the_thing_asked(client, ours):
    assert _given(client, ours)


@pytest.mark.parametrize("client,ours", [
    # a date is not the hour
    ("Регистрация у нас 14 июня, гостей будет 40.", "Во сколько начинается регистрация?"),
    # a figure about another thing
    ("У нас 40 сотрудников, на обучение пойдут не все.", "Сколько человек будет в группе на обучении?"),
    # the thing without a figure
    ("Аквариум у нас большой, морской, с кораллами.", "Подскажите, какого объёма аквариум?"),
    # the event asked about is not the one dated
    ("Договор подпишем 1 октября, бухгалтерия уже в курсе.", "С какого числа хотите начать?"),
    # the thing without its code, or a count that is no code
    ("Место на выставке нам уже выделили, угловое.", "Пришлите, пожалуйста, номер места."),
    ("Нужна переговорная на 6 мест.", "Пришлите, пожалуйста, номер места."),
    ("Код авторизации запрошу у регистратора завтра.", "Пришлите, пожалуйста, код авторизации."),
    # the hour of another action, a unit of another measure, a figure far from the noun
    ("Привезём документы в 10 утра.", "И во сколько вам удобно забрать велосипеды?"),
    ("Канал нужен 1 Гбит/с, два сервера.", "Уточните, пожалуйста: какое энергопотребление у серверов?"),
    ("Оборот у нас растёт, в прошлом году открыли 3 магазина.", "Какой примерно оборот в неделю ожидаете?"),
    # a dimension names the board, it is not how much of it
    ("Нужен брус 150х150 и доска 50х150, камерной сушки, на каркасный дом.", "Сколько доски вам нужно?"),
])
def test_traps_nothing_was_given(client, ours):
    assert _given(client, ours) is None


def test_asking_to_confirm_is_no_asking_again():
    words = [str(c) for c in PARAMS["confirmations"]]
    (a,) = asks_in("Подтвердите, пожалуйста, до среды, что тираж и бумага окончательные.")
    assert confirms(a, words)
    (b,) = asks_in("Какой тираж вам нужен?")
    assert not confirms(b, words)



def test_a_site_address_is_not_the_legal_address():
    client = "Нужен автокран 25 т на объект в Одинцово (ул. Маршала Жукова, 32), 14 и 15 апреля."
    asks = "Для договора напишите, пожалуйста:\n1. Реквизиты — ИНН, КПП, юридический адрес?\n2. Во сколько начинается смена?"
    assert rule_messages("asked-again", client, "Добрый день! Кран свободен. " + asks) == []
    again = "Добрый день! Кран свободен. Подскажите, пожалуйста, адрес объекта, куда подать кран?"
    assert len(rule_messages("asked-again", client, again)) == 1


def test_a_street_and_house_number_give_the_address():
    client = "Открываем вторую точку — Мира, 14, вход со двора, — с 1 ноября."
    again = "Добрый день! Подскажите только адрес новой кофейни — внесу его в маршрутный лист."
    assert len(rule_messages("asked-again", client, again)) == 1
    # trap: a name and a count are no address
    assert rule_messages("asked-again", "Сергей, 2 вопроса по договору.", again) == []


@pytest.mark.parametrize("client,ours", [
    ("Переезжаем с Гагарина, 42 (4 этаж, лифт есть, грузовой), везём в частный дом.",
     "Подскажите, пожалуйста, есть ли в доме на Гагарина грузовой лифт?"),
    ("Сыну 11 лет, учится в 5 классе, английский в школе со второго класса.",
     "Подскажите, в каком классе сейчас учится сын?"),
    ("Я записалась к вам на категорию B, группа с 3 марта, договор 214.",
     "Подскажите, пожалуйста, номер вашего договора — отмечу, что документы у вас готовы."),
    ("Счёт получили, спасибо. Запуск планируем с 1 сентября.",
     "Подскажите только, с какой даты вы хотите начать работу на платформе?"),
])
def test_told_before_in_other_shapes(client: str, ours: str) -> None:
    assert _given(client, ours)


@pytest.mark.parametrize("client,ours", [
    # a passenger lift is not the freight lift asked about
    ("Переезжаем с Гагарина, 42 (4 этаж, лифт есть, пассажирский).",
     "Подскажите, пожалуйста, есть ли в доме на Гагарина грузовой лифт?"),
    # the contract's term is no number of it
    ("Договор на 3 месяца нас устраивает.", "Подскажите, пожалуйста, номер вашего договора."),
    # a figure far from the class: the age
    ("Сыну 11 лет, он учится в гимназии.", "Подскажите, в каком классе сейчас учится сын?"),
])
def test_not_told_before(client: str, ours: str) -> None:
    assert _given(client, ours) is None


def test_the_setting_of_an_existence_question_is_not_its_thing():
    """«есть ли в старом доме лифт?» asks about the lift: «старый» is the house's, the client need not repeat it."""
    client = ("Переезжаем 29 марта из однушки на ул. Народного Ополчения, 12 (5 этаж, лифт есть) в новую квартиру "
              "на Ленинском пр-те, 90.")
    assert _given(client, "Чтобы зафиксировать бронь, уточните, пожалуйста, есть ли в старом доме лифт?")
    # trap: a lift told of the new house does not answer the old one's freight lift
    assert _given("В новом доме есть пассажирский лифт.", "Уточните, есть ли в старом доме грузовой лифт?") is None


def test_a_question_about_each_workplace_does_not_ask_how_many_there_are():
    client = "В апреле переезжаем в новый офис на 60 рабочих мест. Сможете сделать СКС под ключ?"
    per_place = ("Да, сделаем. Чтобы подготовить КП, ответьте на вопросы:\n1. Есть ли поэтажный план?\n"
                 "2. Сколько портов нужно на одно рабочее место — один или два?")
    assert rule_messages("asked-again", client, per_place) == []
    again = "Да, сделаем. Подскажите, сколько у вас рабочих мест?"
    assert len(rule_messages("asked-again", client, again)) == 1


def test_the_number_of_a_list_item_gives_no_count():
    client = ("Прошу ответить по пунктам:\n1. Сколько мест вы можете выделить нам на вторую смену?\n"
              "4. Как организована доставка детей — автобус от Москвы входит в стоимость?")
    assert _given(client, "Сколько примерно будет детей?") is None
    assert _given("Поедут 25 детей, доставка нужна от Москвы.", "Сколько примерно будет детей?") is not None


@pytest.mark.parametrize("told, untold, ours", [
    # «уровень дохода» asks the income
    ("Руководитель отдела продаж, в подчинении 8 менеджеров. Доход 250–300 тыс. на руки, треть — бонус.",
     "Руководитель отдела продаж, в подчинении 8 менеджеров.",
     "На какой уровень дохода ориентируемся для кандидата?"),
    # a weekly day and hour give the convenient time (a day without an hour does not)
    ("Решили попробовать: по средам в 18:30, в переговорной на 8 этаже, человек 10–12.",
     "Решили попробовать: по средам, человек 10–12.",
     "В какое время вам удобно проводить занятия?"),
    # a month with its year gives «в каком году»
    ("хочу оформить вычет за 2024 год: купили квартиру в ипотеку в марте 2024, 6,2 млн, плюс лечение зубов",
     "хочу оформить вычет: купили квартиру в ипотеку, 6,2 млн",
     "Уточните, пожалуйста, в каком году была куплена квартира?"),
])
def test_a_figure_told_in_its_own_words(told: str, untold: str, ours: str):
    assert _given(told, ours) is not None
    assert _given(untold, ours) is None


def test_a_time_of_day_asked_for_another_thing_than_a_preference():
    client = "Решили попробовать: по средам в 18:30, в переговорной на 8 этаже, человек 10–12."
    assert _given(client, "В какое время заканчивается ваш рабочий день?") is None


def test_why_we_ask_is_not_what_we_ask():
    client = "Нужно поверить автомобильные весы ВА-60 (НПВ 60 т, платформа 18 м), заводской N 1543."
    ours = "Подскажите, пожалуйста, длину платформы — от неё зависит, сколько точек нагружения будем проверять."
    assert asks_in(ours)[0].answer_type == "size"
    assert _given(client, ours) is not None
    assert _given("Нужно поверить автомобильные весы ВА-60, заводской N 1543.", ours) is None   # trap


def test_a_street_after_na_and_a_code_system_by_its_abbreviation():
    again = "Добрый день! Напишите, пожалуйста, точный адрес ресторана, чтобы я оформила заявку курьеру."
    assert len(rule_messages("asked-again", "Доставка до ресторана возможна? Мы на Садовой, 24.", again)) == 1
    assert rule_messages("asked-again", "Доставка до ресторана возможна? Мы на Садовой.", again) == []    # trap
    ours = "Для заявки подскажите, пожалуйста, код ТН ВЭД, под которым рюкзаки будут ввозиться?"
    assert _given("Импортируем школьные рюкзаки (ТН ВЭД 4202 92 910 0), партия 5 000 шт. придёт в июле.", ours)
    assert _given("Импортируем школьные рюкзаки, партия 5 000 шт. придёт в июле. ТН ВЭД пока не знаем.", ours) is None


def test_a_site_given_by_its_domain():
    client = "Хотим переехать к вам с другого хостинга. Сайт zapchasti-krd.ru, на 1С-Битриксе, база около 18 Гб."
    again = "Чтобы завести заявку на перенос, подскажите адрес сайта, который переезжает?"
    assert len(rule_messages("asked-again", client, again)) == 1
    # traps: a question about the domain, not which it is; a domain only in an e-mail address
    assert rule_messages("asked-again", client, "А у какого регистратора домен?") == []
    by_mail = "Пишу с почты ivan@zapchasti-krd.ru, хотим переехать к вам с другого хостинга."
    assert rule_messages("asked-again", by_mail, again) == []


def test_a_measure_given_for_the_thing_whatever_its_setting():
    client = "Нужна резка по приложенным dxf, сталь 09г2с лист 4 мм, 120 комплектов."
    again = "Чтобы посчитать стоимость, уточните, пожалуйста, толщину листа по деталям из DXF."
    assert len(rule_messages("asked-again", client, again)) == 1
    # trap: another measure of the thing asked about was given, not the one asked
    chimney = "Дымоход кирпичный, с гильзой из нержавейки, высота от земли около 9 метров."
    assert rule_messages("asked-again", chimney, "Остался один момент: какой диаметр у гильзы?") == []
