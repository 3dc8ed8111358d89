"""Questions as clients write them when they are in a hurry: line by line without full stops, a list in one line,
a lead-in «вопросы такие:», a request at the end of a long sentence — and the traps that must stay as they are."""

from __future__ import annotations

from _questions import asks_in, source
from letterlint.text.pipeline import _written_in_fragments, analyse


def _texts(text: str) -> list[str]:
    return [a.text for a in asks_in(text)]


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(a.kind, a.text) for a in asks_in(text)]


def test_a_letter_written_line_by_line_has_a_question_per_line():
    letter = ("здравствуйте\nнас 4 взрослых и 2 ребенка (5 и 9 лет), хотим к вам с 20 по 27 июля\n"
              "а с собакой можно? она небольшая, корги\nтрансфер из иркутска у вас есть или самим искать\n"
              "баня сколько стоит\nи еще детям кровати отдельные будут или на раскладушках\nспасибо\nольга")
    assert _texts(letter) == ["а с собакой можно?", "трансфер из иркутска у вас есть или самим искать",
                              "баня сколько стоит", "и еще детям кровати отдельные будут или на раскладушках"]


def test_hard_wrapped_prose_is_not_read_line_by_line():
    wrapped = ("Добрый день! Мы планируем корпоратив на сорок человек в конце мая и хотели\n"
               "бы понять, какие у вас есть варианты банкетного меню, а также сколько\n"
               "стоит аренда зала на весь вечер с музыкой и ведущим до полуночи.\n"
               "Спасибо заранее за ответ.")
    assert not _written_in_fragments(wrapped)
    doc = analyse(source(wrapped)).doc
    assert len(list(doc.sents)) == 3       # the two wrapped lines stay one sentence
    assert _written_in_fragments("привет\nцена какая\nсроки какие\nспасибо")


def test_an_unpunctuated_line_asks_by_its_words_only():
    assert _texts("добрый день\nдоставка сколько стоит\nоплатим картой или переводом\nспасибо") == \
        ["доставка сколько стоит"]          # trap: a choice we make («картой или переводом») asks nothing


def test_which_with_a_choice_asks_without_a_question_mark():
    assert _texts("Какой автобус, с туалетом или нет, для нас это важно, остановки ведь не каждый час.") == \
        ["Какой автобус, с туалетом или нет, для нас это важно, остановки ведь не каждый час."]
    assert _texts("Какие у нас сложности. Склад закрыт до понедельника.") == []   # trap: a heading, no choice


def test_a_list_written_in_one_line_splits_into_its_items():
    asks = asks_in("Нужно снести старое здание конторы. Вопросы: 1) нужно ли разрешение на снос, 2) сколько займет "
                   "по времени, 3) какая будет стоимость ориентировочно?")
    assert [a.text for a in asks] == ["нужно ли разрешение на снос", "сколько займет по времени",
                                      "какая будет стоимость ориентировочно?"]
    assert [a.answer_type for a in asks] == ["yesno", "duration", "money"]
    # trap: a reference in brackets is no list item
    assert len(asks_in("Подскажите, как заполнить форму (см. пункт 2), если у нас нет КПП?")) == 1


def test_questions_after_a_lead_in_split_at_each_question_word():
    asks = asks_in("Получили КП на установку для кухни, вопросы такие: какой уровень шума будет в зале, потом "
                   "сколько по времени займёт монтаж, нам нельзя закрываться больше чем на 3 дня, и нужно ли "
                   "согласовывать выход воздуховода на крышу.")
    assert [a.answer_type for a in asks] == ["open", "duration", "yesno"]
    assert asks[1].text.startswith("сколько")              # «потом» opens no question
    assert "закрываться" not in asks[1].focus                # the client's condition is not what is asked
    # trap: «вопрос по водителю …:» names the topic of the one question after it, figures and all
    (ask,) = asks_in("Проверила ведомость за февраль, вопрос по водителю Петренко: почему у него ночные часы "
                     "оплачены по 20 %, у нас же в положении 35 %?")
    assert "положение" in ask.focus


def test_a_request_after_its_reason_or_beside_please():
    assert _kinds("К сожалению, на эти даты не получается, поэтому перенесите, пожалуйста, мою бронь на 12–14 "
                  "марта.")[0][0] == "request"
    assert _kinds("Также нужен отчёт в формате Word для нашего проектировщика, пришлите, пожалуйста.")[0][0] == \
        "request"
    # trap: a reason told in the past asks nothing
    assert _kinds("На эти даты у нас не получалось, поэтому перенесли встречу на среду и всё успели.") == []


def test_advise_asks_which_it_orders_nothing():
    assert _kinds("Посоветуйте, пожалуйста, пару отелей с аквапарком и детским клубом.")[0][0] == "question"


def test_what_the_client_does_after_the_question_is_not_asked():
    (ask,) = asks_in("и во сколько максимум приедете накрывать, мы до 18 работаем в обычном режиме")
    assert ask.answer_type == "date"
    assert "режим" not in ask.focus and "работать" not in ask.focus


def test_and_also_after_a_question_starts_the_next_one():
    asks = asks_in("столешницу из камня делаете сами? и сколько по срокам тогда и еще, мойку мы купили сами, "
                   "врежете?")
    assert [a.text for a in asks][-2:] == ["и сколько по срокам тогда", "мойку мы купили сами, врежете?"]
    assert asks[-2].answer_type == "duration"
    # trap: «и ещё» inside a statement splits nothing
    assert len(asks_in("Привезём плитку и ещё, если успеем, клей. Когда вам удобно принять?")) == 1


def test_a_lower_case_letter_ends_its_sentences_after_figures_and_sizes():
    asks = asks_in("здравствуйте, заказ 240-118-55. пришло платье не того размера, заказывала S а пришло M. "
                   "пришлите пожалуйста курьера забрать его, я дома в будни после 18. и можно ли обменять на S?")
    assert [a.kind for a in asks] == ["request", "question"]
    assert asks[0].text.startswith("пришлите")
    # trap: a name after an initial stays one sentence
    assert len(asks_in("Передайте, пожалуйста, документы А. Петрову до пятницы.")) == 1


def test_how_to_with_an_infinitive_asks_without_a_question_mark():
    asks = asks_in("И третье: как отключить платную подписку «Кино+», я её не подключал.")
    assert [a.kind for a in asks] == ["question"]
    # trap: «как» comparing asks nothing
    assert asks_in("Работаем как договаривались, акт пришлю в пятницу.") == []
