"""Questions and requests found in Russian client letters, and answers aligned to them."""

from __future__ import annotations

import pytest

from _questions import align_texts, asks_in as asks
from letterlint.text.answers import answer_order_broken


@pytest.mark.parametrize("text,kind", [
    ("Сколько будет стоить перевод?", "question"),
    ("Подскажите, пожалуйста, сроки.", "question"),
    ("Интересует стоимость перевода на немецкий.", "question"),
    ("Хотел бы уточнить, входит ли НДС.", "question"),
    ("Не могли бы вы уточнить, кто будет вести проект.", "question"),
    ("Правильно ли я понимаю, что оплата после сдачи?", "question"),
    ("Когда сможете начать", "question"),
    ("Пришлите счёт.", "request"),
    ("Исправьте опечатку на слайде 3.", "request"),
    ("Можете прислать акт за март?", "request"),
    ("Сможете ли сделать обложку с выборочным лаком?", "question"),
    ("Прошу выставить счёт на ООО «Ромашка».", "request"),
    ("Как вы считаете, стоит ли продлевать договор?", "question"),   # not the pleasantry «Как вы?»
    ("Как у вас с загрузкой в мае?", "question"),
])
def test_asks_found(text, kind):
    found = asks(text)
    assert [a.kind for a in found] == [kind], found


@pytest.mark.parametrize("text", [
    "Как дела?",
    "Как прошли выходные?",
    "Спасибо за быстрый ответ!",
    "Мы получили ваш макет, всё отлично.",
    "Вы спрашивали «Какой у вас бюджет?» — бюджет 300 тысяч.",
    "Извините, что долго не отвечал.",
    "Начнём, как только получим оплату.",
    "Будем рады видеть вас на конференции.",
    "Как у вас дела?",                          # small talk with filler words is still small talk
    "Ну как там выходные?",
    "Как дела у вас в офисе?",
    "Прежде чем вносить предоплату, хотим уточнить несколько моментов.",   # announces questions, asks none
    "У нас есть пара нюансов:",
])
def test_not_asks(text):
    assert asks(text) == []


def test_two_questions_in_one_sentence():
    found = asks("Сколько стоит и когда сможете начать?")
    assert len(found) == 2
    assert [a.answer_type for a in found] == ["money", "date"]


def test_list_under_lead_in():
    found = asks("Подскажите, пожалуйста:\n1. стоимость перевода\n2. сроки")
    assert [(a.number, a.kind) for a in found] == [(1, "question"), (2, "question")]


_align = align_texts


def test_answer_in_other_words():
    (al,) = _align("Сколько будет стоить перевод?", "Анна, добрый день! Стоимость перевода — 45 000 ₽.")
    assert al.answered


def test_answer_to_a_different_question_does_not_count():
    (al,) = _align("Когда будет готов ролик?", "Съёмка назначена на 12 марта, сценарий согласован.")
    assert not al.answered


def test_honest_deferral_with_date_counts():
    als = _align("1. Входит ли вёрстка?\n2. Нужен ли нотариус?\n3. Можно ли оплатить частями?",
                 "1. Да, вёрстка входит.\n2. Нотариус не нужен.\n3. По третьему вопросу уточним у бухгалтерии и ответим до среды.")
    assert [a.answered for a in als] == [True, True, True]


def test_yes_no_needs_the_verb_or_yes():
    (al,) = _align("Входит ли в стоимость вёрстка?", "Стоимость перевода — 52 000 ₽.")
    assert not al.answered


def test_request_reported_done():
    (al,) = _align("Пришлите, пожалуйста, проект договора — юрист хочет посмотреть.", "Проект договора во вложении.")
    assert al.answered


def test_request_not_reported():
    (al,) = _align("Исправьте опечатку на слайде 3.", "Спасибо за комментарии, посмотрим.")
    assert not al.answered


def test_order():
    als = _align("Сколько будет стоить перевод? Когда сможете начать перевод?",
                 "Начнём перевод в понедельник, 17 марта. Стоимость перевода — 45 000 ₽.")
    assert all(a.answered for a in als)
    assert answer_order_broken(als) is not None
    als = _align("Сколько будет стоить перевод? Когда сможете начать перевод?",
                 "Стоимость перевода — 45 000 ₽. Начнём перевод в понедельник, 17 марта.")
    assert answer_order_broken(als) is None


def test_a_price_written_in_words_answers_the_price_question():
    (al,) = _align("Сколько стоит корпоративное обучение для группы 12 человек?",
                   "Анатолий, добрый день!\n\nДля группы из двенадцати человек курс обойдётся в девяносто шесть "
                   "тысяч рублей.\n\nДа, тренер приедет к вам.")
    assert al.answered


def test_a_price_in_words_is_no_price_when_it_counts_something_else():
    (al,) = _align("Сколько стоит корпоративное обучение?",
                   "Анатолий, добрый день!\n\nТренер провёл тысячу таких занятий.\n\nДа, тренер приедет к вам.")
    assert not al.answered


# --- found on blind letters (qs/qw sets) -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Вчера обсудили концепцию с директором. Есть пара правок.",          # a statement, announcing what follows
    "Как у вас в Москве, тоже льёт?",                                    # the weather is small talk
    "Смешно, наверное, в моём возрасте начинать заново?",               # wants reassurance, not an answer
    "Прежде чем подписывать, хочу уточнить несколько вещей.",          # announces the questions below
])
def test_not_asks_seen_on_blind_letters(text):
    assert asks(text) == []


def test_i_would_like_to_know_whether_is_a_question_without_a_mark():
    found = asks("Также хотелось бы знать, работают ли ваши аудиторы удалённо или выезжают к нам в Ростов")
    assert [(a.kind, a.answer_type) for a in found] == [("question", "yesno")]


@pytest.mark.parametrize("text,types", [
    ("Сколько будет стоить проверка и в какие сроки вы её проведёте?", ["money", "date"]),
    ("Вы печатаете на баритовой бумаге и сколько стоит один отпечаток?", ["yesno", "money"]),
    ("Что вы планируете делать и как быстро можно ожидать восстановления?", ["open", "duration"]),
    # one question: a clause after a comma qualifies it, and a statement before «и сколько» asks nothing
    ("Есть ли у вас зал, где можно потом часа два посидеть с пиццей?", ["yesno"]),
    ("Можно ли часть занятий проводить онлайн, когда сотрудники в командировках?", ["yesno"]),
    ("Мы хотим заказать 40 худи и сколько это будет стоить?", ["money"]),
])
def test_two_questions_split_only_where_both_ask(text, types):
    assert [a.answer_type for a in asks(text)] == types


def test_a_question_without_a_topic_asks_about_the_sentence_before():
    found = asks("Нам нужен фуршет на 50 человек 25 апреля. Сможете?")
    assert len(found) == 1 and "фуршет" in found[0].nouns
    # but «Сколько и когда?» keeps no topic: any figure of the right kind answers it
    assert all(a.general for a in asks("Нужен перевод сертификатов. Сколько и когда?"))


def test_what_an_inclusion_question_asks_about():
    (a,) = asks("Интересует, входит ли НДС в цены каталога.")
    assert a.key_nouns == ["ндс"]
    (b,) = asks("Подскажите, входит ли в генеральную уборку мытьё окон?")
    assert b.key_nouns == ["мытье", "окно"]


def test_the_noun_after_the_question_word_sets_the_kind_of_answer():
    (a,) = asks("Подскажите, пожалуйста, какая нужна экипировка на первое время.")
    assert a.answer_type == "open"          # the kit, not a time
    (b,) = asks("Какие сроки у вас?")
    assert b.answer_type == "date"


def test_a_pointing_pronoun_takes_the_topic_of_the_sentence_before():
    (a,) = asks("Фасад хотим из лиственницы.\n\nЕго нужно будет чем-то регулярно обрабатывать?")
    assert "лиственница" in a.focus


# --- found on the blind qr letters -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Вы вообще читаете почту?",                                   # a reproach, not a question to answer
    "Жена говорит: ну кому нужна эта рыба на стене?",             # someone else's rhetorical question
])
def test_reproaches_ask_nothing(text):
    assert asks(text) == []


def test_asking_to_tell_whether_is_a_question_not_an_order():
    (a,) = asks("Также прошу сообщить, предоставляете ли вы закрывающие документы для бюджетной организации.")
    assert (a.kind, a.answer_type) == ("question", "yesno")
    (b,) = asks("Прошу сообщить, когда приедет мастер.")
    assert (b.kind, b.answer_type) == ("question", "date")
    # an order first stays an order
    assert [x.kind for x in asks("Прошу прислать счёт и сообщить, когда приедет мастер.")] == ["request"]


def test_a_title_in_quotes_names_what_is_asked_about():
    (a,) = asks("Для какого возраста подходит «Колобок на новый лад»?")
    assert "колобок" in a.focus
    # a question in quotes is still the client quoting, not asking
    assert asks("Вы спрашивали «Когда удобно приехать?» — в любой день.") == []


def test_a_lead_in_asking_us_to_answer_opens_a_list_of_questions():
    found = asks("Просим ответить на вопросы:\n1. Сколько стоит мойка фасада?\n2. Работаете ли вы в выходные?")
    assert [(a.kind, a.number) for a in found] == [("question", 1), ("question", 2)]
    # «Постараюсь ответить на ваши вопросы:» answers: the list below it asks nothing
    assert asks("Постараюсь ответить на ваши вопросы:\n1. Стоит 5 тысяч.") == []
    found = asks("По вашей спецификации от 5 августа есть вопросы:\n1. Сколько стоит монтаж?")
    assert [a.text for a in found] == ["Сколько стоит монтаж?"]


@pytest.mark.parametrize("text,atype", [
    ("И сколько примерно по деньгам?", "money"),
    ("Удаление входит в стоимость имплантации?", "yesno"),
    ("Подскажите, как часто ваш сокольник должен приезжать.", "frequency"),
    ("Насколько быстро уходят голуби после начала работы?", "duration"),
    ("Насколько опасен пункт про тарифы?", "open"),
    # a price with nothing counted: for a thing, the offer itself, a part of a sum, «за сколько возьмёте»
    ("Сколько реально получать за такую квартиру в месяц?", "money"),
    ("Сколько это будет в месяц вместе с кнопкой?", "money"),
    ("И сколько из 600 тысяч уйдёт на вашу комиссию?", "money"),
    ("За сколько примерно возьмёте в трейд-ин мой Ford Focus 2014 года?", "money"),
    # a process that takes its time, its thing in the nominative: how long
    ("Сколько диван потом сохнет?", "duration"),
    ("Сколько делается справка?", "duration"),
    # traps: still a length of time or a count
    ("Сколько человек готовится к экзамену?", "count"),
    ("Сколько штук уйдёт на заказ?", "count"),
    ("За сколько сделаете?", "duration"),
    ("Сколько это займёт?", "duration"),
    ("Сколько человек за смену работает?", "count"),
    ("Сколько из них можно вернуть?", "count"),
])
def test_kind_of_answer_seen_on_blind_letters(text, atype):
    (a,) = asks(text)
    assert a.answer_type == atype


def test_a_second_bare_how_much_asks_what_the_first_did():
    # «…, а сколько непосредственно блогерам?» counts nothing: it asks the part of the sum, as the first half did
    found = asks("И сколько из 600 тысяч уйдёт на вашу комиссию, а сколько непосредственно блогерам?")
    assert [a.answer_type for a in found] == ["money", "money"]
    found = asks("Сколько стоит обед, а сколько человек вмещает зал?")
    assert [a.answer_type for a in found] == ["money", "count"]


def test_a_price_asked_under_a_condition_is_a_question_not_a_request():
    (a,) = asks("Если вы можете подготовить ответ и уточнёнку, сколько это будет стоить?")
    assert (a.kind, a.answer_type) == ("question", "money")
    assert [x.kind for x in asks("Можете прислать акт за март?")] == ["request"]


def test_how_to_reach_the_client_is_a_standing_request():
    (a,) = asks("Жене пока ничего не говорю, так что пишите, пожалуйста, только на этот адрес :)")
    assert a.kind == "request" and a.standing
    (b,) = asks("Пришлите счёт.")
    assert not b.standing


def test_a_request_pointing_back_takes_the_thing_from_the_sentence_before():
    (a,) = asks("Также нужен акт для Роспотребнадзора. Подготовьте его, пожалуйста, — у нас проверка в мае.")
    assert a.kind == "request" and "акт" in a.topic_nouns


@pytest.mark.parametrize("text,objects", [
    ("Пришлите, пожалуйста, акт о прошлой обработке — его требует Роспотребнадзор.", ["акт"]),
    ("Пришлите список документов, которые нужно подготовить.", ["документ"]),     # «список» names nothing
    ("Пришлите, пожалуйста, образец коробки с тиснением.", ["образец"]),          # «коробки» qualifies it
    ("Пришлите, пожалуйста, инструкцию, как правильно отобрать пробу.", ["инструкция"]),   # not the sample
])
def test_what_a_request_asks_for(text, objects):
    (a,) = asks(text)
    assert a.objects == objects


def test_a_purpose_clause_names_why_we_ask_not_what():
    (a,) = asks("Чтобы точно рассчитать штат, уточните, пожалуйста, сколько звонков в месяц вы ожидаете?")
    assert a.topic_nouns == ["звонок"] and a.answer_type == "count"     # «ожидаете» is no waiting time here
    (b,) = asks("Для расчёта доставки пришлите, пожалуйста, адрес.")   # a phrase with «для» is part of the ask
    assert "доставка" in b.focus


def test_pleasantries_and_blessings_ask_nothing():
    assert asks("Как прошли праздники? Надеюсь, удалось отдохнуть.") == []
    assert asks("Храни вас Господь,\nИван Сергеевич Дроздов\nстароста") == []


@pytest.mark.parametrize("text", [
    "Кто же сейчас без онлайн-записи, да?",                       # a question word with a tag asking to agree
    "Хотя кто сейчас в декабре уже не заказывает ёлки, правда?",
    "И вечный вопрос — кто будет всё это согласовывать, если не я?",   # the answer is in the question
    "Как у вас дела, много работы перед праздниками?",             # a pleasantry and a question on their own life
    "Как вы там, пережили квартальный отчёт?",
    "Ну почему всегда так в самый важный день?!",                  # a complaint about how things go
    "Здравствуйте, как дела?",                                    # a greeting before a pleasantry
    "здраствуйте, как дела?",                                     # … typed as it often is
])
def test_rhetorical_shapes_ask_nothing(text):
    assert asks(text) == []


@pytest.mark.parametrize("text", [
    "Оплата по счёту, да?",                                       # a confirmation asked, not a question word
    "Что входит в тариф, а?",                                     # «а?» urges, it does not ask to agree
    "Кто подписывает акт, вы или директор?",
    "Как дела, когда пришлёте счёт?",                             # a pleasantry, then a question to us
    "Как вы там, сможете прислать акт до пятницы?",
])
def test_questions_that_look_rhetorical_still_ask(text):
    assert len(asks(text)) == 1


def test_what_is_to_be_known_is_one_question():
    found = asks("Сколько времени займёт вся работа — нам нужно понять, на сколько закрывать салон?")
    assert len(found) == 1 and found[0].answer_type == "duration"


@pytest.mark.parametrize("text,atype", [
    ("С какого возраста дети могут лазить без родителей?", "age"),
    ("И как скоро можете выехать на объект?", "date"),           # when, not how long the visit lasts
    ("Как долго длится выезд?", "duration"),
])
def test_kind_of_answer_seen_on_the_qk_letters(text, atype):
    (a,) = asks(text)
    assert a.answer_type == atype


@pytest.mark.parametrize("text,judged", [
    ("Безопасно ли это для продуктов, которые хранятся на складе?", "безопасно"),
    ("Не опасно ли это для людей на складе?", "опасно"),
    ("Нужна ли предоплата?", ""),                # a thing, not a quality
    ("Можно ли оплатить картой?", ""),
])
def test_the_quality_a_yes_no_question_asks_about(text, judged):
    (a,) = asks(text)
    assert a.judged == judged


def test_the_client_restating_our_question_asks_nothing():
    assert asks("Вы спрашивали, получал ли я уведомление о вызове в инспекцию, — нет, не получал.") == []


def test_a_request_after_a_long_purpose_clause():
    """«Чтобы я заранее проверил…, пришлите ИНН» asks for the ИНН: the imperative comes after a purpose clause of
    any length (and is what asked-again compares with the ИНН the client already sent)."""
    got = asks("Чтобы я заранее проверил ваш кабинет и сертификат подписи в СБИС, пришлите, пожалуйста, ИНН "
                  "организации.")
    assert [a.kind for a in got] == ["request"]
    assert asks("Мы проверили ваш кабинет и сертификат подписи в СБИС, всё работает, заявку приняли.") == []


@pytest.mark.parametrize("text, atype", [
    # a price word after a preposition is where the question stands, not what it asks
    ("на тарифе VPS-2 бэкапы делаются автоматически каждый день?", "yesno"),
    ("Это вообще возможно с моим тарифом «Стандарт 12»?", "yesno"),
    ("Такая печь в эту сумму укладывается?", "yesno"),
    # «возможна?», «так можно?» ask whether
    ("Оплата по факту результата возможна?", "yesno"),
    ("Оплата нужна по счёту от юрлица — так можно?", "yesno"),
    # traps: the price itself is asked
    ("Стоимость доставки в Тверь?", "money"),
    ("Подскажете цену на брус?", "money"),
    ("Какой тариф за хранение паллеты?", "money"),
])
def test_a_price_word_after_a_preposition_does_not_make_a_price_question(text, atype):
    assert [a.answer_type for a in asks(text)] == [atype]


def test_announcing_a_question_is_not_one():
    assert asks("У меня вопрос по карте.") == []
    assert asks("Есть вопрос по договору.") == []
    assert asks("У меня вопрос по кофемашине на Ленина. Третий день выдаёт ошибку E12.") == []
    # traps: the announcement with the question in it still asks
    assert len(asks("Вопрос по оплате: счёт выставите на ООО?")) == 1
    assert len(asks("Ещё вопрос по доставке — успеете к пятнице.")) == 1


def test_telling_what_to_expect_is_no_request():
    assert asks("Судя по соседям, рассчитывайте на 50–55 м: известняк начинается около 40 м.") == []
    assert asks("Ориентируйтесь на конец мая.") == []
    # trap: asking us to calculate is a request
    assert [a.kind for a in asks("Рассчитайте, пожалуйста, стоимость бурения на 60 м.")] == ["request"]


def test_a_question_word_question_and_a_li_question_joined_by_i_are_two():
    parts = asks("Сколько стоит тур на четверых и входит ли в стоимость переезд на Кижи на «Метеоре»?")
    assert [(a.answer_type, a.text) for a in parts] == [
        ("money", "Сколько стоит тур на четверых"), ("yesno", "входит ли в стоимость переезд на Кижи на «Метеоре»?")]
    # the second half's pronoun stands for the thing of the first half, not the sentence before
    second = asks("Изучили КП на 24 камеры. Интересует, сколько дней хранится архив и можно ли его увеличить до "
                  "60 дней.")[-1]
    assert "архив" in second.focus and "камера" not in second.focus
    # trap: one question with «и» inside stays one
    assert len(asks("Сколько стоит уборка кухни и ванной?")) == 1


def test_a_pronoun_deep_in_a_question_that_names_nothing_points_back():
    q = asks("Нужно ли согласовывать вывеску с администрацией города? Если нужно, вы сможете взять это на себя?")[-1]
    assert "вывеска" in q.focus


def test_asking_leave_for_ourselves_and_forbidding_are_no_tasks_to_report():
    # «Могли бы мы…» asks leave: a yes/no question, not a thing for us to do
    assert [(a.kind, a.answer_type) for a in asks("Могли бы мы посмотреть ваши реализованные дома вживую?")] == [
        ("question", "yesno")]
    # a prohibition stays in force, it is never "done"
    (no,) = asks("Счёт пока не выставляйте, сначала согласую с партнёром.")
    assert no.kind == "request" and no.standing
    # traps: «могли бы вы» asks us to act; «не забудьте прислать» asks to send
    assert [a.kind for a in asks("Могли бы вы прислать договор до пятницы?")] == ["request"]
    (send,) = asks("Не забудьте прислать акт.")
    assert not send.standing


def test_naming_the_topic_of_the_questions_to_come_asks_nothing():
    assert asks("Хотела уточнить по генеральной уборке после ремонта на 4 этаже, там около 600 м².") == []
    assert asks("Как у вас там, весна уже пришла?") == []
    # traps: the topic with the thing asked, after a colon, or with «ли»
    assert len(asks("Хочу уточнить по договору сроки оплаты.")) == 1
    assert len(asks("Хотела уточнить по доставке: привезёте к 9 утра")) == 1
    assert len(asks("Хотел уточнить по оплате, можно ли частями.")) == 1


def test_two_pleasantries_in_one_question():
    assert asks("Как дела, как прошли праздники?") == []
    # trap: a pleasantry with a real question after it
    assert len(asks("Как дела, когда пришлёте счёт?")) == 1


def test_a_client_who_writes_without_capitals_still_ends_sentences():
    found = asks("пришлите пожалуйста договор на почту заранее, чтобы я посмотрела. и моющие средства ваши или "
                 "мои нужны")
    assert [a.kind for a in found] == ["request", "question"]
    # trap: an abbreviation before a lower-case word ends nothing
    assert len(asks("Сколько стоит доставка в д. Курово и в г. Торжок, просп. мира, 14?")) == 1


def test_a_line_ending_in_a_closing_quote_ends_the_question_before_a_signature():
    found = asks("3) сколько товаров можно загрузить на тарифе \"Старт\"\nДмитрий, керамика ручной работы")
    assert [a.text for a in found] == ['сколько товаров можно загрузить на тарифе "Старт"']
    assert found[0].answer_type == "count"     # the goods are counted; the tariff is where
    assert asks("Сколько стоит тариф «Старт»?")[0].answer_type == "money"


def test_the_noun_a_which_question_asks_about_says_the_kind_before_any_price_word():
    assert asks("Какое максимальное количество участников допускается на тарифе «Корпоративный»?")[0].answer_type \
        == "count"
    assert asks("Какие сроки оплаты?")[0].answer_type == "date"
    # trap: a price asked by its own noun stays a price
    assert asks("Какая стоимость доставки?")[0].answer_type == "money"


def test_a_size_or_a_code_with_its_full_stop_ends_the_sentence_an_initial_does_not():
    found = asks("Но в коробке с размером L оказалось 12 комплектов размера M. Пожалуйста, заберите их и замените "
                 "на L — у нас на L как раз спрос.")
    assert [a.kind for a in found] == ["request"]
    assert found[0].text.startswith("Пожалуйста, заберите")
    found = asks("Хотим настроить обмен с Диадоком в 1С. Хотел бы также уточнить, сколько стоит настройка.")
    assert [a.answer_type for a in found] == ["money"]
    # traps: initials stay inside their sentence, before a surname and after one
    assert len(asks("Договор подписал А. С. Пушкин, а Иванов И. П. его завизировал. Когда пришлёте оригинал?")) == 1
    assert asks("Договор подписал А. Смирнов. Когда пришлёте оригинал?")[0].text == "Когда пришлёте оригинал?"


def test_a_bare_urge_to_reply_asks_nothing_this_reply_does_not_do():
    assert asks("Клиенты дергают, ответь сегодня.") == []
    assert asks("Ответьте, пожалуйста, до пятницы.") == []
    # traps: an urge with a question word or a thing to answer about is a question
    assert len(asks("Ответьте, когда сможете приехать.")) == 1
    assert len(asks("Ответьте, пожалуйста, по доставке.")) == 1


def test_an_asking_verb_followed_by_the_thing_asks_what_it_is_not_whether():
    assert asks("Интересует также минимальная партия на один SKU.")[0].answer_type == "open"
    assert asks("Подскажите сроки хранения в вакууме.")[0].answer_type != "yesno"
    # traps: a clause after the verb is still asked by intonation; a product named is the letter's subject
    assert asks("Подскажите, вы работаете по субботам.")[0].answer_type == "yesno"
    assert asks("Интересует курс «Бухгалтерия и 1С с нуля» на вашем сайте.")[0].answer_type == "yesno"


def test_how_much_we_take_is_a_price_how_much_the_client_takes_is_a_quantity():
    assert asks("Возьмём на пробу вашу новую сырокопчёную, сколько минимально можно заказать?")[0].answer_type \
        == "count"
    assert asks("Сколько возьмёте за доставку?")[0].answer_type == "money"


def test_a_shelf_life_is_a_length_of_time_and_a_discount_a_figure():
    assert asks("Какой срок годности у заморозки при -18?")[0].answer_type == "duration"
    assert asks("Какую скидку дадите на весь объём?")[0].answer_type == "money"
    # traps: a «срок» alone is a date; a discount asked by intonation is yes or no
    assert asks("Какой срок поставки?")[0].answer_type == "date"
    assert asks("Есть ли скидка на весь объём?")[0].answer_type == "yesno"


def test_a_greeting_a_lead_in_before_a_colon_and_the_clients_own_need_are_not_what_is_asked():
    (a,) = asks("Добрый день Ксения, подскажите пожалуйста когда ждать новую коллекцию «Терраццо» в наличии на складе "
                "завода, нам нужно под выставку стенд сделать.")
    assert "ксения" not in a.focus and "стенд" not in a.focus and "коллекция" in a.focus
    (a,) = asks("По заказу 5412 на коттедж (14 окон, ламинация «золотой дуб»): когда окна будут готовы к отгрузке?")
    assert a.topic_nouns == ["окно", "отгрузка"]
    # trap: a colon before a question that names nothing of its own keeps the lead-in as the topic
    (a,) = asks("По доставке: сколько стоит?")
    assert "доставка" in a.topic_nouns


def test_a_short_word_ends_a_lower_case_sentence_an_abbreviation_does_not():
    found = asks("сын в 9 классе, по математике тройки, огэ в мае. сможете заниматься с ним два раза в неделю?")
    assert [a.text for a in found] == ["сможете заниматься с ним два раза в неделю?"]
    # traps: «мес.», «чел.», «сут.» are abbreviations, the sentence goes on
    assert asks("договор на 6 мес. можно продлить?")[0].text == "договор на 6 мес. можно продлить?"
    assert asks("группа до 10 чел. сколько стоит?")[0].text == "группа до 10 чел. сколько стоит?"


def test_only_is_no_choice_of_an_alternative_question():
    (ask,) = asks("Гуляют ли собаки на улице или только в помещении?")
    assert ask.options == ["улица", "помещение"]


def test_how_long_a_thing_keeps_or_holds_is_a_length_of_time():
    assert asks("Сколько хранятся записи разговоров?")[0].answer_type == "duration"
    assert asks("Сколько действует сертификат?")[0].answer_type == "duration"
    # trap: a count stays a count
    assert asks("Сколько записей хранится в архиве?")[0].answer_type == "count"


def test_a_which_question_naming_its_choices_has_options_a_how_question_not():
    assert asks("Ещё хотела узнать, на какой машине будут практические занятия - механика или автомат.")[0].options \
        == ["механика", "автомат"]
    assert asks("Аналогичные места считаются как одно или каждое отдельно?")[0].options == []
