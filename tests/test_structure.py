"""Letter-structure rules (issue 6) on realistic Russian letters built in code, traps included, plus their helpers:
the sign-off finder, money, durations, working time and readability."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from letterlint.engine import Config, Engine
from letterlint.engine.examples import example_letter
from letterlint.engine.runner import load_all_rules
from letterlint.mail.model import SourceText
from letterlint.text.layout import body_end
from letterlint.text.money import find_money
from letterlint.text.readability import oborneva, readability, syllables
from letterlint.text.timing import durations, has_clock_time, working_seconds, zone

RULES = ("call-to-action", "closing", "long-sentence", "letter-length", "price-breakdown", "call-summary",
         "meeting-invite", "slow-reply")
SIGN = "\n\nИгорь Крылов\nменеджер типографии «Оттиск»"


@pytest.fixture(scope="module")
def engines():
    rules = {r.id: r for r in load_all_rules() if r.id in RULES}
    return {rid: Engine([rules[rid]], Config()) for rid in RULES}


def found(engines, rid: str, ex: dict | str, **params) -> list:
    letter, thread, _, _ = example_letter(ex)
    engine = engines[rid]
    if params:
        rule = engine.rules[0].copy()
        rule.params.update(params)
        engine = Engine([rule], Config())
    return engine.check(letter, thread)


# --- call-to-action -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("ending", [
    "Подтвердите, пожалуйста, тираж и адрес доставки до среды, 30 апреля.\n\nСпасибо!",
    "Вы подтвердите состав делегации до среды, 4 июня?\n\nЗаранее спасибо!",             # future form, a question
    "Просим согласовать проект до пятницы, 6 июня, 12:00.\n\nБлагодарим за оперативность!",
    "Ждём ваших правок до четверга, 16 октября.\n\nХороших выходных!",
    "Давайте зафиксируем съёмку на 14 октября, и я сегодня же забронирую студию.\n\nХорошего дня!",
    "Если план устраивает — подтвердите, и мы начнём в понедельник, 9 июня.\n\nХорошего дня!",
    "Если к выставке нужна часть каталога раньше, напишите до среды, какие разделы важнее.",
    "Во сколько вам удобно принять курьера?",
    "Платёжки загрузили в ваш интернет-банк, они лежат в черновиках — останется подписать первое.",
    "Вам остаётся только оплатить счёт.\n\nХорошего дня!",
])
def test_cta_found_in_the_ending(engines, ending: str) -> None:
    text = f"Лидия, добрый день!\n\nДипломы готовы: 46 штук с именами, упаковали в папку с прослойками.\n\n{ending}{SIGN}"
    assert not found(engines, "call-to-action", text), ending


@pytest.mark.parametrize("ending, weak", [
    ("Спасибо!", False),                                                   # thanks alone
    ("Надеемся на понимание.\n\nСпасибо за терпение!", True),
    ("Будем рады ответить на ваши вопросы.\n\nХорошего дня!", True),
    ("Обращайтесь, если будут вопросы.", True),                            # an imperative, but a stock phrase
    ("Кто бы мог подумать весной, что бумага станет дороже печати?\n\nХорошего дня!", False),   # rhetorical
    ("Все доработки перенесли, при проверке ошибок не нашли.", False),     # «нашли» is past, not «найдите»
    ("Нам остаётся дождаться поставщика.", False),                        # what is left is ours
    ("Осталось сверить возвраты с цифрами вашей бухгалтерии.", False),     # a report of our work, in the past
])
def test_weak_or_missing_ending(engines, ending: str, weak: bool) -> None:
    text = f"Эдуард, добрый день!\n\nКаталоги будут готовы 17 апреля, доставку на стенд гарантируем.\n\n{ending}{SIGN}"
    got = found(engines, "call-to-action", text)
    assert len(got) == 1
    assert ("дежурная фраза" in got[0].message) == weak


def test_cta_buried_in_the_middle_does_not_count(engines) -> None:
    text = ("Юлиан, добрый день!\n\nПодтвердите, пожалуйста, количество гостей до среды.\n\n"
            "Меню согласовали с шеф-поваром. Трансфер: два автобуса от метро в 15:00 и 15:30.\n\n"
            "Ведущий пришлёт сценарий в понедельник. Фотограф и диджей подтвердили дату.\n\nБудем на связи.\n\n"
            "Хороших выходных!" + SIGN)
    assert len(found(engines, "call-to-action", text)) == 1


def test_cta_quiet_on_a_short_note(engines) -> None:
    assert not found(engines, "call-to-action", "Спасибо, оплату получили!")



@pytest.mark.parametrize("ending", [
    "Направляем счёт на продление подписки. Оплатить нужно до 15 апреля, чтобы обновления не прервались.",
    "Напоминаю: до 31 марта нужно подписать дополнительное соглашение к договору аренды.",
    "Окончательный список гостей ждём до 20 октября, после этой даты площадка фиксирует рассадку.",
    "Ждём макеты завтра, сразу проверим их и подтвердим запуск.",
    "Чтобы подготовить позицию, нам нужны акты КС-2 за октябрь–декабрь.",
    "В эти дни в старой базе лучше ничего не проводить.",
    "Если условия подходят, пришлю договор и счёт на предоплату 50%.",
    "Если всё устраивает, в пятницу отдадим файлы в типографию.",
    "Если удобнее, подадим сами — нужна только доверенность.",
    "Если хотите, так же проверим адрес почты в форме записи. Это займёт около часа.",
    "Если согласуете текст до пятницы, успеем предложить интервью двум изданиям.",
    "Расписание можно вести для каждого врача: в разделе «Сотрудники» откройте карточку врача и задайте часы.",
    "Апостиль ставит Министерство юстиции. Обращайтесь туда напрямую с оригиналами документов.",
    "Подрядчик по монтажу просит подтвердить размер до пятницы. Размер короба — 3,2 × 0,8 м.",
    "Задачи:\n— Мы: настроить базу — до 7 ноября.\n— Ваш бухгалтер: проверить тестовые документы — до 25 ноября.",
    "Каталог макетов посмотрели, цвета совпадают. Ждём таблицу!",            # «жду/ждём» + the thing to send
    "Жду договор и фотографии.",
    "Ждём фото и описание, как вы и планировали, — крайний срок четверг, 13 марта, 12:00.",   # «фото»: indeclinable
    "Бронь держим до 30 мая. Для брони нужна предоплата 50%.",                # the client's payment, whoever needs it
    "Если нужна пробная распечатка перед тиражом, сделаем её за один день.",  # the client's need as the condition
    "Если согласны, сделаем в четверг вечером, когда бухгалтерия уйдёт.",
    "Документы удобнее принести в оригинале: копию снимем при вас.",
    "Записала вас на приём во вторник, 25 февраля, в 10:30. Адрес: Тверь, ул. Советская, 28.",
    "Проект полиса пришлю в понедельник, чтобы вы успели согласовать его до 28 апреля.",
    "Завтра в 9:00 подъезжайте, записал вас к мастеру. Осмотр занимает 30–40 минут. Адрес: ул. Монтажная, 7.\n\n"
    "До завтра!",                                                              # a farewell is skipped like thanks
])
def test_cta_other_forms_of_a_next_step(engines, ending: str) -> None:
    test_cta_found_in_the_ending(engines, ending)


def test_cta_our_own_dated_step_counts_only_when_the_team_turns_it_on(engines) -> None:
    text = "Эдуард, добрый день!\n\nКаталоги готовы, тираж проверили.\n\nПроект договора пришлю сегодня до 15:00." + SIGN
    assert len(found(engines, "call-to-action", text)) == 1
    assert not found(engines, "call-to-action", text, our_dated_step=True)
    undated = "Эдуард, добрый день!\n\nКаталоги готовы, тираж проверили.\n\nПроект договора пришлю позже." + SIGN
    assert len(found(engines, "call-to-action", undated, our_dated_step=True)) == 1


def test_cta_step_in_the_paragraph_before_a_short_note(engines) -> None:
    text = ("Олег, добрый день!\n\nКонтент-план на декабрь во вложении.\n\n"
            "Чтобы всё успеть до праздников, пришлите, пожалуйста, до пятницы фотографии новых напитков.\n\n"
            "Вы писали, что с 15 декабря уходите в отпуск. Хорошего отпуска! На это время все вопросы можно "
            "адресовать Ирине из вашего маркетинга." + SIGN)
    assert not found(engines, "call-to-action", text)


@pytest.mark.parametrize("ending", [
    "Если акты поставщика задержатся, заплатим налог по предварительному расчёту и доплатим разницу позже.",
    "Если удобнее забрать самим, мы работаем до 20:00, адрес — в подписи.",     # a fact, not an offer
    "Если решите исправлять остатки вручную, список документов с ошибками во вложении.",
    "Ждём ответа от поставщика до пятницы, потом вернёмся с датой.",          # we wait for a third party
    "Нам нужно два дня, чтобы перенести остатки.",                             # a time, not a request
    "Нам нужно уточнить у юриста формулировку до пятницы.",                    # our task
    "Их стоит продолжить и осенью, а посты с меню собирали мало откликов.",    # our plan, not advice to you
    "Сколько времени займёт исправление, пока не могу сказать.",               # an indirect question
    "Обращайтесь к нам, если будут вопросы.",
    "Ждём ответ от поставщика, потом вернёмся с датой.",                      # a thing, but from a third party
    "Для монтажа нужна вышка, её привезёт подрядчик.",                         # our need, not the client's step
    "Проект договора пришлю сегодня до 15:00.",                                # our step only
    "Для оформления понадобятся паспорт и свидетельство о браке.",              # information, not a request
    "Отменить бронь без штрафа можно до 22 мая.",                              # an option, not a step
])
def test_cta_traps_still_fire(engines, ending: str) -> None:
    text = f"Эдуард, добрый день!\n\nКаталоги будут готовы 17 апреля, доставку на стенд гарантируем.\n\n{ending}{SIGN}"
    assert len(found(engines, "call-to-action", text)) == 1, ending


# --- closing ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, fires", [
    ("Руслан, добрый день!\n\nЧтобы найти причину быстрее, пришлите, пожалуйста, до 12:00 скриншот ошибки.\n\n"
     "С уважением,\nНаталья Грибова", True),                              # «С уважением» is a sign-off
    ("Денис, добрый день!\n\nСпасибо за описание и скриншоты. Похоже, у токена закончился срок действия.\n\n"
     "Сможете сегодня выпустить новый токен?" + SIGN, True),              # thanks only at the start
    ("Борис, добрый день!\n\nПодтвердите, пожалуйста, тираж до среды, 30 апреля.\n\nСпасибо!" + SIGN, False),
    ("Денис, добрый день!\n\nЖдём ваших правок до четверга, 16 октября.\n\nХороших выходных!", False),
    ("Маргарита, добрый день!\n\nЕсли нужна часть каталога раньше, напишите до среды.\n\nВсего доброго,\nОльга", False),
    ("Валерий, добрый день!\n\nЗапуск прошёл спокойно, все отчёты на месте. Удачной выставки!", False),
    # a short wish of the letter's own
    ("Ольга, добрый день!\n\nСаженцы отгрузим в среду, 15 октября, к обеду.\n\nХорошего урожая!", False),
    ("Ирина, добрый день!\n\nПеренесли приём на четверг, 11:30, врач в курсе.\n\nВыздоравливайте!", False),
    ("Ирина, добрый день!\n\nСтудию забронировали на субботу, 10:00–14:00.\n\nХорошей съёмки!", False),
    ("Ирина, добрый день!\n\nПлан лечения во вложении, приём в четверг в 11:30.\n\nБудьте здоровы!", False),
    ("Ольга, добрый день!\n\nСаженцы отгрузим в среду, 15 октября. Хороший выбор для вашего участка.", True),
])
def test_closing(engines, text: str, fires: bool) -> None:
    assert bool(found(engines, "closing", text)) == fires


@pytest.mark.parametrize("text", [
    "Анна, добрый день!\n\nБриф получили, спасибо. Данных хватает, вопросов нет — медиаплан пришлём в понедельник.",
    "Елена Сергеевна, спасибо! Сверстаем к понедельнику, 28 апреля, и пришлём ссылку на тестовую версию.",
])
def test_closing_thanks_in_the_opening_of_a_short_letter(engines, text: str) -> None:
    assert len(found(engines, "closing", text)) == 1


def test_closing_quiet_on_an_internal_forward(engines) -> None:
    text = ("Коллеги, посмотрите, пожалуйста: похоже, после релиза 4.12 импорт не понимает даты вида 10.03.25. "
            "Клиенту ответил, что разбираемся.")
    internal = {"from": "n.sokolov@tablica.pro", "to": "help@tablica-support.com", "text": text}
    assert not found(engines, "closing", internal)
    # the client in copy reads it: checked
    assert found(engines, "closing", {**internal, "cc": "a.morozov@vector-logistic.ru"})


# --- long-sentence and letter-length ------------------------------------------------------------------------

LONG = ("Суд первой инстанции отказал поставщику во взыскании неустойки с вашей компании, потому что посчитал "
        "доказанным, что вы не получали уведомление о готовности товара к отгрузке, а без такого уведомления срок "
        "поставки по договору не начинает течь.")


def test_long_sentence_counts_words(engines) -> None:
    got = found(engines, "long-sentence", f"Вениамин, добрый день!\n\nХорошие новости: мы выиграли.\n\n{LONG}")
    assert len(got) == 1 and "Слов в предложении: 36," in got[0].message


def test_long_sentence_skips_lists_quotes_and_signoff(engines) -> None:
    item = "• 09:30–10:00 — регистрация участников, приветственный кофе в фойе второго этажа, знакомство с " \
           "ведущим, выдача бейджей, раздаточных материалов и программы, фотозона с логотипом конференции"
    disclaimer = ("Настоящее сообщение и любые вложения к нему содержат конфиденциальную информацию, составляющую "
                  "адвокатскую тайну, и предназначены исключительно для адресата, поэтому если вы получили это "
                  "сообщение по ошибке, просим вас незамедлительно уведомить отправителя и удалить его.")
    text = (f"Оксана, добрый день!\n\nПрограмма:\n{item}\n\n> {LONG}\n\nСогласны, так и сделаем.\n\n"
            f"С уважением,\nЕлена Бережная\n{disclaimer}")
    assert not found(engines, "long-sentence", text)


def test_long_sentence_does_not_count_numbers(engines) -> None:
    s = ("С 1 по 14 декабря я в отпуске, поэтому ваш проект будет вести моя коллега Екатерина Лунина, она в копии "
         "письма и уже знает все детали.")                     # 24 words and two numbers
    assert not found(engines, "long-sentence", "Ольга, добрый день!\n\n" + s)
    assert found(engines, "long-sentence", "Ольга, добрый день!\n\n" + s, max=23)
    assert found(engines, "long-sentence", "Ольга, добрый день!\n\n" + s, count_numbers=True)


def test_letter_length(engines) -> None:
    para = "Ролик готов, звук сведён, титры проверены. "
    short = "Лев, добрый день!\n\n" + para * 30            # 180 words
    long_ = "Лев, добрый день!\n\n" + para * 60             # 363 words
    assert not found(engines, "letter-length", short)
    got = found(engines, "letter-length", long_)
    assert len(got) == 1 and "Слов в письме: 363," in got[0].message
    # the same words under «С уважением,» do not count
    assert not found(engines, "letter-length", short + "\n\nС уважением,\nАлина\n" + para * 30)


# --- price-breakdown ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, fires", [
    ("Договор посмотрели. Стоимость перевода — 45 000 ₽. Подтвердите, пожалуйста, заказ.", True),
    ("Адаптация ролика обойдётся в 1 200 евро, оплата в евро нам подходит.", True),
    ("Лендинг с калькулятором обойдётся от 30 тыс. руб., точную сумму назовём после брифа.", True),
    ("Организация семинара на 40 человек обойдётся в 128 400 руб. с НДС.", True),       # НДС is not a breakdown
    ("Цена — 85 000 рублей. Она включает дизайн трёх экранов, две итерации правок и исходники.", False),
    ("Стоимость ролика — 240 000 ₽. В неё входит:\n1. Сценарий\n2. Съёмочный день\n3. Монтаж", False),
    ("За 42 000 ₽ сделаем: перенос остатков, настройку обмена с банком и обучение бухгалтера.", False),
    ("Счёт № 2025-0418 во вложении. Тираж 5 000 брошюр привезём в четверг, позвоним с +7 (916) 555-12-40.", False),
    ("Готовы уступить неустойку, но основной долг в 4,2 млн рублей требуем полностью.", False),
    ("Счёт на доплату за двух пользователей — 2 380 ₽, он во вложении.", False),
    ("Если добавить тиснение, цена вырастет на 18 ₽ за экземпляр, срок увеличится на два дня.", False),
    # contents named in the same phrase: a scope with a number and a part «с …»
    ("Перевод 40 страниц на немецкий с редактурой носителя обойдётся в 64 000 ₽.", False),
    ("Печать шести баннеров 3×6 м на литой ткани с люверсами через каждые 30 см — 32 400 ₽.", False),
    ("Полная проверка с протоколом разногласий — 35 000 ₽, сделаем за три рабочих дня.", True),   # no scope
    ("Тираж 1 000 каталогов обойдётся в 186 000 рублей.", True),                             # no part
    # … or listed in the previous sentence and referred to
    ("Продажи и остатки перенесём полностью, справочник контрагентов — с проверкой дублей. "
     "Стоимость работ фиксированная — 48 000 ₽.", False),
    ("Переведём на английский, перевод сделает врач-переводчик. Стоимость — 1 400 ₽ за страницу, всего 19 600 ₽.",
     True),                                                            # the total of a package, not the rate
    ("Подготовим обращение и будем вести переписку с поддержкой за вас. Стоимость — 3 000 ₽.", False),
    ("Независимую экспертизу организуем мы: у нас договор с бюро, осмотр займёт час. Стоимость — 9 000 рублей.",
     True),                                                            # one action of ours, then a bare price
    ("Подойдёт станция на 5 кВт: 10 панелей по 500 Вт и сетевой инвертор. Под ключ, с монтажом, — около 385 тыс. ₽.",
     False),
    ("Монтаж займёт два дня, бригада приедет в 9:00. Ремонт санузла обойдётся в 180 000 ₽.", True),
    # … or just after it: «Это …» with what the sum is made of
    ("Сумма выкупа — 8 412 600 ₽. Это остаток основного долга по двум тягачам и выкупная стоимость.", False),
    ("Сумма — 86 000 ₽. Это по нашей обычной ставке.", True),
    # two things priced together, a number of unit items, parts added up with «плюс»
    ("Подъём на 7-й этаж и сборка обойдутся в 5 200 ₽.", False),
    ("Абонемент на месяц — 8 занятий по 45 минут — стоит 6 400 ₽.", False),
    ("Адаптация ролика на латышский и литовский обойдётся в 1 200 евро.", True),   # two languages, one thing
    ("Морем до Владивостока — 4 650 долл., плюс автодоставка до склада — 38 тыс. руб.", False),
    ("Перевод на английский обойдётся в 480 000 рублей, на китайский — в 610 000 рублей.", True),  # alternatives
    # a rate per unit or one self-explanatory unit has no contents to list
    ("Доставка в пределах МКАД — 450 рублей за адрес, при объёме от 300 заказов — 390 рублей.", False),
    ("Цена — 690 ₽ в месяц за пользователя по тарифу «Команда».", True),     # a package priced per person
    ("Цена та же — 690 ₽ в месяц за пользователя по тарифу «Команда».", False),   # … the client knows it
    ("Аренда зала — 2 800 ₽ за час, за четыре часа — 11 200 ₽.", False),      # a rate and its total
    ("Договор на курс делового английского за 240 000 ₽ пришлю завтра.", False),  # the sum of an agreed contract
    ("Страховая перечислила выплату по аварии. Сумма — 318 400 ₽, деньги уже на счёте.", False),
    ("Диагностика ходовой — 1 200 ₽, если ремонт будете делать у нас, эту сумму вычтем.", False),
    ("Можно забрать в офисе или заказать курьера — 500 рублей по Москве.", False),
    ("Сессия идёт 50 минут и стоит 4 500 рублей.", False),
    ("Бутыль 19 литров — 390 ₽.", False),
    ("Ведение ваших соцсетей обойдётся в 45 000 ₽ за месяц.", True),     # a period of a service is a package
    ("Стоимость — 45 000 ₽ в месяц.", True),
    # a price the client already knows, a change of a price
    ("Нет, стоимость останется прежней — итог по договору: 287 400 руб.", False),
    ("При заказах от 5 000 штук цена снизится до 28,90 ₽.", False),
    # a single optional extra by the unit
    ("Если профиль другой, сделаем пробу за 1 500 ₽ и покажем до печати.", False),
    ("Если понадобятся ещё изменения, каждый следующий круг будет стоить 15 000 ₽.", False),
    # not our price: the client's spending, the client's tax
    ("Договорились: запуск кампании 21 апреля, бюджет первой недели — 150 000 ₽.", False),
    ("Бухгалтер пересчитает налог и ответит завтра. Ориентир по прошлому кварталу — около 310 000 ₽.", False),
    # a difference beside a price does not hide the price
    ("Тысяча комплектов обойдётся в 42 000 ₽, светоотражающие — дороже на 9 000 ₽.", True),
])
def test_price_breakdown(engines, text: str, fires: bool) -> None:
    assert bool(found(engines, "price-breakdown", "Инна, добрый день!\n\n" + text)) == fires


def test_price_in_a_quote_is_not_ours(engines) -> None:
    text = "Людмила, добрый день!\n\n> Стоимость перевода — 45 000 ₽.\n\nЗапустили перевод, сдадим 9 июня."
    assert not found(engines, "price-breakdown", text)


# --- call-summary -------------------------------------------------------------------------------------------

SUMMARY_HEAD = "Ирина, добрый день!\n\nСпасибо за сегодняшний созвон. Фиксирую, о чём договорились.\n\n"


@pytest.mark.parametrize("body, missing", [
    ("Решили взять вторую концепцию. Макеты готовим мы до 20 октября, тексты состава проверяет ваш технолог "
     "до 22 октября.\n\nПодтвердите, пожалуйста, что всё записано верно.", None),
    ("Решили взять вторую концепцию. Мы готовим макеты, ваш технолог проверяет тексты состава.\n\n"
     "Подтвердите, пожалуйста, что всё записано верно.", "сроков"),
    ("Решили взять вторую концепцию.\n— подготовить макеты — до 20 октября;\n— проверить тексты — до 22 октября.\n\n"
     "Подтвердите, пожалуйста, что всё верно.", "исполнителей"),
    ("Решили взять вторую концепцию. Макеты готовим мы до 20 октября.\n\nХорошей недели!",
     "просьбы подтвердить или поправить"),
    ("Обсудили концепции и сроки. Вы рассказали о планах на линейку без сахара.\n\n"
     "Подтвердите, пожалуйста, что я ничего не упустил.", "решений"),
])
def test_call_summary(engines, body: str, missing: str | None) -> None:
    got = found(engines, "call-summary", SUMMARY_HEAD + body)
    if missing is None:
        assert not got
    else:
        assert len(got) == 1 and missing in got[0].message


def test_phone_mention_is_not_a_summary(engines) -> None:
    text = "Денис, добрый день!\n\nКак договорились по телефону, высылаю счёт на печать календарей.\n\nСпасибо!"
    assert not found(engines, "call-summary", text)
    assert not found(engines, "call-summary", "Итоговая программа конференции 19 июня:\n• 09:30 — регистрация")


# --- meeting-invite -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key", [
    ("Удобно ли вам созвониться в понедельник, 27 октября, в 16:00? Обсудим смету стенда, это минут 40.", None),
    ("Давайте созвонимся во вторник в 10:30 и обсудим план рассылок. Хватит получаса. Вам удобно?", None),
    ("Предлагаю созвониться на этой неделе в Zoom и обсудить концепции. Займёт полчаса. Удобно ли вам?", "времени"),
    ("Назначили встречу на вторник с 11:00 до 11:30 в Телемосте: https://telemost.yandex.ru/j/63529874102345 "
     "Обсудим позицию перед переговорами.", "удобно ли"),
    ("Давайте созвонимся в среду в 15:00: https://meet.google.com/xkp-qwer-tyu Вам удобно?", "темы"),
    ("Предлагаю встретиться в Teams в среду в 10:30 и разобрать план печати. Встреча займёт около полутора часов. "
     "Удобно ли вам?", "90 минут"),
    ("Предлагаю созвониться в четверг в 11:00, чтобы показать отчёт. Займёт минут 30. Удобно ли вам?\n"
     "Zoom meeting invitation - Zoom Meeting Сергей Колесников\nhttps://us06web.zoom.us/j/84412345678", "ничего не говорит"),
    # a question in the 1st person plural is an invitation; «Если не получится — предложите удобное время» asks
    ("Отчёт пришлю в четверг. Созвонимся в четверг после отчёта?", "времени"),
    ("Предлагаю встретиться на объекте в субботу, 19 апреля, в 12:00 и обсудить планировку. Если не получится — "
     "предложите, пожалуйста, удобное время.", None),
    # «предлагаю коротко созвониться», «Предлагаю видеозвонок», «Назначаю встречу»: proposing a meeting in other words
    ("Предлагаю коротко созвониться и обсудить график проверки. Четверг, 10 апреля, 15:00. Вам удобно?", None),
    ("Предлагаю видеозвонок в четверг, 17 апреля, в 11:00: обсудим программу курса, это около часа. "
     "Удобно ли вам?", "60 минут"),
    ("Назначаю встречу по программе на среду, 16 апреля, в 15:00, займёт 30 минут.", "удобно ли"),
    # the time of something else in the letter is not the meeting's; a time a few lines below the invitation is
    ("Резюме пришлём завтра до 12:00.\n\nПредлагаю встретиться у вас в офисе и обсудить кандидатов. Удобно ли "
     "вам на следующей неделе?", "времени"),
    ("Предлагаю провести видеовстречу по плану переезда.\n\nТема: перевозка серверов.\nКогда: вторник, 15 апреля, "
     "11:00–11:30.\n\nВам удобно это время?", None),
    # a length said of something else in the letter is not the meeting's
    ("Регистрация с ведущим на 5 часов — 185 000 ₽. Предлагаю встретиться в студии и обсудить сценарий. "
     "Вам удобно в четверг в 19:00?", None),
])
def test_meeting_invite(engines, text: str, key: str | None) -> None:
    got = found(engines, "meeting-invite", {"subject": "Созвон", "text": "Ольга, добрый день!\n\n" + text})
    if key is None:
        assert not got
    else:
        assert len(got) == 1 and key in got[0].message, [f.message for f in got]


def test_meeting_invite_informal_and_another_events_length(engines) -> None:
    text = ("Юлия, добрый день!\n\nДавай созвонимся завтра в 11:00 и обсудим дату обучения.\n\n"
            "Обучение займёт около двух часов, его можно провести в салоне или онлайн.")
    got = found(engines, "meeting-invite", {"subject": "Обучение менеджеров", "text": text})
    assert len(got) == 1 and "удобно ли" in got[0].message, [f.message for f in got]


def test_a_generic_calendar_title_is_reported_without_an_invitation_phrase(engines) -> None:
    text = ("Ольга, добрый день!\n\nОбсудим график проверки в четверг в 15:00, удобно ли вам?\n\n"
            "Приглашение уже в вашем календаре, встреча называется «Zoom Meeting Invitation — Ольга Кравец».")
    got = found(engines, "meeting-invite", {"subject": "Аудит за 2024 год", "text": text})
    assert [f.message for f in got if "ничего не говорит" in f.message], [f.message for f in got]


def test_not_invitations(engines) -> None:
    recording = "Спасибо за встречу! Запись: https://us02web.zoom.us/rec/share/Xk3fQ9LmP2sR7tVbN4cW"
    mention = "Если по цветам останутся вопросы, созвонимся — так быстрее. Подтвердите печать до четверга."
    in_signature = {"text": "Нажмите «Экспорт» и отметьте галочку. Спасибо!",
                    "signature": "Павел Орехов\nМоя комната: https://telemost.yandex.ru/j/55218877432100"}
    for ex in (recording, mention, in_signature):
        assert not found(engines, "meeting-invite", ex)


# --- slow-reply ---------------------------------------------------------------------------------------------

def reply(client_date: str | None, draft_date: str | None, ack: str | None = None) -> dict:
    thread = [{"from": "client@firm.ru", "date": client_date, "text": "Нужно перевести инструкцию."}]
    if ack:
        thread.append({"from": "manager@agency.ru", "date": ack, "text": "Спасибо, получили. Расчёт пришлём завтра."})
    return {"from": "manager@agency.ru", "date": draft_date, "text": "Ярослава, добрый день! Расчёт во вложении.",
            "thread": thread}


@pytest.mark.parametrize("client, draft, ack, fires", [
    ("2025-03-18 10:20 +0300", "2025-03-18 15:05 +0300", None, True),      # 4 h 45 min on a Tuesday
    ("2025-03-18 10:20 +0300", "2025-03-18 12:05 +0300", None, False),     # 1 h 45 min
    ("2025-03-14 18:30 +0300", "2025-03-17 10:40 +0300", None, False),     # Friday evening → Monday morning
    ("2025-04-11 15:00 +0300", "2025-04-14 11:30 +0300", None, True),      # 4 h on Friday + 1.5 h on Monday
    ("2025-10-07 13:10 +0700", "2025-10-07 12:30 +0300", None, True),      # Novosibirsk 13:10 = 09:10 MSK
    ("2025-10-08 08:00 +0000", "2025-10-08 12:40 +0300", None, False),     # UTC 08:00 = 11:00 MSK
    ("2025-04-15 11:00 +0300", "2025-04-16 12:30 +0300", "2025-04-15 11:20 +0300", False),   # acknowledged
    ("2025-03-18 10:20 +0300", None, None, False),                         # the draft has no Date yet
    (None, "2025-03-18 15:05 +0300", None, False),                         # the client's date is unknown
])
def test_slow_reply(engines, client, draft, ack, fires) -> None:
    assert bool(found(engines, "slow-reply", reply(client, draft, ack))) == fires


def test_slow_reply_params(engines) -> None:
    ex = reply("2025-03-18 10:20 +0300", "2025-03-18 15:05 +0300")
    assert not found(engines, "slow-reply", ex, max_hours=5)
    assert not found(engines, "slow-reply", ex, holidays=["2025-03-18"])
    got = found(engines, "slow-reply", ex)
    assert "4 ч 45 мин" in got[0].message and "18.03.2025 10:20" in got[0].message


def test_slow_reply_counts_in_the_drafts_own_zone(engines) -> None:
    ex = reply("2025-03-07 09:15 +0500", "2025-03-07 12:20 +0500")      # Yekaterinburg: 3 h of the morning
    assert found(engines, "slow-reply", ex)
    assert not found(engines, "slow-reply", ex, timezone_from_draft=False)   # 07:15 → 10:20 MSK = 20 min


def test_quoted_reply_with_our_name_but_no_address_is_ours(engines) -> None:
    from letterlint.engine.examples import example_letter
    from letterlint.mail import build_thread

    ex = {"from": "Ольга Белова <o.belova@translink-bureau.ru>", "date": "2025-10-01 12:05 +0300",
          "text": "Игорь, добрый день! Расчёт во вложении.",
          "quoted": [{"from": "Игорь Зверев <zverev@teplo-tech.ru>", "date": "2025-10-01 11:20 +0300",
                      "text": "Ольга, а когда будет расчёт?"},
                     {"from": "Ольга Белова", "date": "2025-09-29 16:10", "text": "Игорь, получили, посчитаем."},
                     {"from": "Игорь Зверев <zverev@teplo-tech.ru>", "date": "2025-09-29 15:30",
                      "text": "Нужен перевод паспорта котла."}]}
    letter, _, _, _ = example_letter(ex)
    thread = build_thread(letter, [], set())
    senders = [m.sender.addr for m in thread.messages]
    assert senders == ["zverev@teplo-tech.ru", "o.belova@translink-bureau.ru", "zverev@teplo-tech.ru",
                       "o.belova@translink-bureau.ru"]
    assert not engines["slow-reply"].check(letter, thread)      # 45 minutes after the client's last letter
    # a different name stays unknown
    ex["quoted"][1]["from"] = "Мария Белова"
    letter, _, _, _ = example_letter(ex)
    assert build_thread(letter, [], set()).messages[1].sender.addr == ""


# --- helpers ------------------------------------------------------------------------------------------------

def test_body_end_finds_the_signoff() -> None:
    forms = ["с уважением", "best regards"]
    text = "Добрый день!\n\nГотово.\n\nСпасибо!\n\nИгорь Крылов\nменеджер «Оттиска»\n+7 (495) 727-19-41"
    assert text[:body_end(text, forms)].endswith("Спасибо!")
    text2 = "Добрый день!\n\nГотово.\n\nС уважением,\nЕлена"
    assert text2[:body_end(text2, forms)].endswith("Готово.")
    text3 = "Добрый день!\n\nПрограмма:\n1. Открытие\n2. Обед"
    assert body_end(text3, forms) == len(text3)


def test_money() -> None:
    got = [m.text for m in find_money("Стоимость — 45 000 ₽, доставка $50, тираж 1 000, тел. +7 (495) 727-19-41")]
    assert got == ["45 000 ₽", "$50"]
    assert [m.text for m in find_money("обойдётся от 30 тыс. руб.")] == ["от 30 тыс. руб."]


def test_durations_and_clock() -> None:
    assert [d for d, _, _ in durations("с 14:00 до 15:00")] == [60]
    assert [d for d, _, _ in durations("займёт минут двадцать")] == [20]
    assert [d for d, _, _ in durations("около полутора часов")] == [90]
    assert durations("в 11 часов") == []
    assert has_clock_time("в четверг в 11:00") and has_clock_time("в 11 часов")
    assert not has_clock_time("на этой неделе")


def test_working_seconds() -> None:
    msk = zone("Europe/Moscow")
    fri = datetime(2025, 3, 14, 18, 30, tzinfo=msk)
    mon = datetime(2025, 3, 17, 10, 40, tzinfo=msk)
    assert working_seconds(fri, mon, msk, time(10), time(19), [1, 2, 3, 4, 5]) == 70 * 60
    assert zone("+07:00").utcoffset(None) == timedelta(hours=7)
    utc = datetime(2025, 10, 8, 8, 0, tzinfo=timezone.utc)
    assert working_seconds(utc, datetime(2025, 10, 8, 12, 40, tzinfo=msk), msk, time(10), time(19), range(1, 6)) == 100 * 60


def test_readability() -> None:
    assert syllables("подтвердите") == 4
    assert oborneva(10, 2, 20) == pytest.approx(206.835 - 1.3 * 5 - 60.1 * 2)
    r = readability(SourceText("Макет готов. Пришлите правки до среды.", "x", [(1, 1)]))
    assert r is not None and r.words == 6 and r.sentences == 2 and r.syllables == 12
    assert readability(SourceText("", "x", [(1, 1)])) is None


def test_placeholders_stand_for_what_their_names_say() -> None:
    from letterlint.text import placeholders

    assert placeholders.kinds("first_chapter_due") == {"date"}
    assert placeholders.kinds("manager_name") == {"person"}
    assert placeholders.kinds("project_title") == set()
    assert placeholders.present("Созвонимся {{ meeting_date }} в {{ meeting_time|default('11:00') }}", "date")
    assert not placeholders.present("Тема: {{ project_title }}", "date")
