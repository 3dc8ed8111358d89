"""How the reader splits a body, and where each part points in the file.

Three kinds of checks:
- **positions**: for plain, non-encoded bodies ``new_text.locate(0)`` is the file line where the new text begins;
  quoted letters' lines map to their file lines with the column after the «> » prefix (or the indentation);
- **traps**: ordinary Russian letters whose words look like mail machinery (a price list «От: 15 000 ₽»,
  «С уважением» inside a sentence, a numbered list, a «>» citation, «Иван написал …:» in a sentence). The new text
  must keep every word of the author: precision comes first;
- **quote headers**: the Russian client formats read by the attribution grammar, and sentences it must refuse.
"""

from __future__ import annotations

import textwrap

import pytest

from letterlint.mail import build_thread, read_bytes
from letterlint.mail.headers import match_block, parse_attribution

HEAD = "From: Мария <maria@lingvista.ru>\nTo: client@example.ru\nSubject: {subject}\nContent-Type: text/plain; charset=utf-8\n\n"
HEAD_LINES = 5


def letter(body: str, subject: str = "Re: Заказ", newline: str = "\n", raw: bool = False):
    """Read ``body`` (dedented, its first blank line dropped unless ``raw``) under HEAD's five header lines."""
    text = body if raw else textwrap.dedent(body).lstrip("\n")
    data = (HEAD.format(subject=subject) + text).replace("\n", newline)
    (one,) = read_bytes(data.encode("utf-8"), "letter.eml")
    return one


# ---------------------------------------------------------------------------------------------------- positions

@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_positions_of_new_text_signature_and_quotes(newline: str) -> None:
    body = (
        "\n"                                                           # 6
        "Добрый день!\n"                                               # 7
        "\n"                                                           # 8
        "Смету пришлю завтра.\n"                                       # 9
        "\n"                                                           # 10
        "С уважением,\n"                                               # 11
        "Мария\n"                                                      # 12
        "\n"                                                           # 13
        "чт, 26 янв. 2023 г. в 14:58, Иван Петров <ivan@example.ru>:\n"  # 14
        "> Пришлите смету.\n"                                          # 15
        "> > Старое письмо\n"                                          # 16
        ">Без пробела\n"                                               # 17
    )
    x = letter(body, newline=newline, raw=True)
    assert x.new_text.text == "Добрый день!\n\nСмету пришлю завтра."
    assert x.new_text.locate(0) == (HEAD_LINES + 2, 1)
    assert x.new_text.locate(x.new_text.text.index("Смету") + 6) == (HEAD_LINES + 4, 7)
    assert x.signature.locate(0) == (HEAD_LINES + 6, 1)
    q1, q2 = x.quoted
    assert (q1.level, q1.sender.addr) == (1, "ivan@example.ru")
    assert q1.text.line_lines() == [("Пришлите смету.", HEAD_LINES + 10, 3), ("Без пробела", HEAD_LINES + 12, 2)]
    assert q2.level == 2 and q2.text.line_lines() == [("Старое письмо", HEAD_LINES + 11, 5)]
    # a character inside a quoted line points past the prefix
    assert q1.text.locate(q1.text.text.index("смету")) == (HEAD_LINES + 10, 12)


def test_position_in_a_multipart_8bit_part() -> None:
    data = ("From: m@example.ru\nTo: i@example.ru\nSubject: x\nMIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=B\n\npreamble\n--B\n"
            "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
            "Первая строка\nВторая\n--B--\n").encode()
    (x,) = read_bytes(data, "m.eml")
    assert x.new_text.line_lines() == [("Первая строка", 12, 1), ("Вторая", 13, 1)]


def test_position_after_outlook_2019_indentation() -> None:
    x = letter("""
        Спасибо!

        28/10/2021, 12:46 пользователь "Иван Петров" <ivan@example.ru> написал:

            Счёт получили.
            Оплатим в пятницу.
    """)
    assert x.new_text.locate(0) == (HEAD_LINES + 1, 1)
    (q,) = x.quoted
    assert q.sender.name == "Иван Петров" and q.date is not None and (q.date.day, q.date.hour) == (28, 12)
    assert q.text.line_lines() == [("Счёт получили.", HEAD_LINES + 5, 5), ("Оплатим в пятницу.", HEAD_LINES + 6, 5)]


def test_position_of_an_inline_citation_stays_in_the_file_line() -> None:
    x = letter("""
        Добрый день!

        В договоре сказано:
        > Оплата в течение 5 дней.
        Поэтому прошу оплатить до пятницы.
    """)
    assert "> Оплата в течение 5 дней." in x.new_text.text.split("\n")
    (cite,) = x.inline_quotes
    assert cite.line_lines() == [("Оплата в течение 5 дней.", HEAD_LINES + 4, 3)]


# ---------------------------------------------------------------------------------------------------- traps

def test_price_list_with_ot_label_is_the_authors() -> None:
    x = letter("""
        Добрый день!

        Стоимость перевода:
        От: 15 000 ₽
        До: 30 000 ₽
        Срок: 5 дней
        Тема: юридическая

        С уважением,
        Мария
    """)
    assert "От: 15 000 ₽" in x.new_text.text and "Тема: юридическая" in x.new_text.text
    assert not x.quoted and not x.forwarded


def test_signoff_inside_a_sentence_is_text() -> None:
    x = letter("""
        Добрый день!

        С уважением к вашему времени, предлагаю сократить встречу до 30 минут.
        С уважением относимся к каждому клиенту.
        Ждём ответа до пятницы.

        С уважением,
        Мария
    """)
    assert x.new_text.text.endswith("Ждём ответа до пятницы.")
    assert "С уважением к вашему времени" in x.new_text.text
    assert x.signature.text == "С уважением,\nМария"


def test_numbered_list_is_kept() -> None:
    x = letter("""
        Добрый день!

        Прошу уточнить:
        1. Сроки.
        2. Стоимость.
        3. Формат файлов.

        Спасибо!
    """)
    assert x.new_text.text.split("\n")[3:7] == ["1. Сроки.", "2. Стоимость.", "3. Формат файлов.", ""]
    assert x.new_text.text.endswith("Спасибо!") and not x.signature


def test_quoted_citation_inside_the_new_text_is_kept() -> None:
    x = letter("""
        Добрый день!

        В договоре сказано:
        > Оплата в течение 5 дней.
        Поэтому прошу оплатить до пятницы.

        С уважением,
        Мария
    """)
    assert x.new_text.text == ("Добрый день!\n\nВ договоре сказано:\n> Оплата в течение 5 дней.\n"
                               "Поэтому прошу оплатить до пятницы.")
    assert [q.text for q in x.inline_quotes] == ["Оплата в течение 5 дней."]
    assert not x.quoted


def test_bottom_posted_reply_keeps_the_quote_it_answers_and_the_thread_sees_it() -> None:
    x = letter("""
        > Сколько стоит перевод?

        15 000 ₽, срок — неделя.
    """)
    assert x.new_text.text == "> Сколько стоит перевод?\n\n15 000 ₽, срок — неделя."
    thread = build_thread(x)
    assert thread.answered is not None and thread.answered.text.text == "Сколько стоит перевод?"


def test_trailing_quote_without_header_is_history() -> None:
    x = letter("""
        Ответ ниже не нужен, всё понятно.

        С уважением,
        Мария

        > старое письмо
    """)
    assert x.new_text.text == "Ответ ниже не нужен, всё понятно."
    assert [q.text.text for q in x.quoted] == ["старое письмо"]
    assert not x.inline_quotes


def test_wrote_in_a_sentence_is_not_a_quote_header() -> None:
    x = letter("""
        Добрый день!

        Иван написал 5 марта 2023:
        пришлите счёт.
        Счёт во вложении.
    """)
    assert x.new_text.text.endswith("Счёт во вложении.") and not x.quoted


def test_header_without_address_needs_a_quote_under_it() -> None:
    x = letter("""
        Спасибо!

        13.05.2020 11:43, Иван пишет:
        Текст без кавычек — возможно, мой.
    """)
    assert "Текст без кавычек" in x.new_text.text and not x.quoted
    y = letter("""
        Спасибо!

        13.05.2020 11:43, Иван пишет:
        > Текст в кавычках.
    """)
    assert y.new_text.text == "Спасибо!" and y.quoted[0].sender.name == "Иван"


def test_memo_lines_are_not_a_header_block() -> None:
    x = letter("""
        Добрый день!

        Тема: Обсуждение макета
        Дата: 15 марта, 14:00
        Место: Zoom

        Удобно ли вам?
    """)
    assert x.new_text.text.endswith("Удобно ли вам?") and not x.quoted


def test_ot_with_lowercase_words_is_not_a_sender() -> None:
    x = letter("""
        Добрый день!
        От: ивана получили ответ, всё в силе
        Дата: 15 марта.
        Тема: договор.
    """)
    assert x.new_text.text.endswith("Тема: договор.") and not x.quoted


def test_dashes_in_the_middle_are_not_a_signature() -> None:
    items = "\n".join(f"Пункт {i}: подробное описание работ." for i in range(20))
    x = letter("Добрый день!\n\nПервый раздел.\n--\n" + items + "\n")
    assert x.new_text.text.endswith("Пункт 19: подробное описание работ.") and not x.signature
    y = letter("Добрый день!\n\nВарианты:\n—\nпервый\n—\nвторой\nтретий\n")
    assert y.new_text.text.endswith("третий") and not y.signature


def test_phone_in_a_sentence_is_not_a_mobile_signature() -> None:
    x = letter("""
        Добрый день!
        Отправлено с телефона клиента сегодня утром, проверьте почту и перезвоните мне, пожалуйста.
        Мария
    """)
    assert "перезвоните" in x.new_text.text and not x.signature
    y = letter("Документы отправлены.\n\nОтправлено из мобильной Почты Mail.ru\n")
    assert y.new_text.text == "Документы отправлены." and y.signature.text == "Отправлено из мобильной Почты Mail.ru"


def test_forward_intro_line_is_the_authors() -> None:
    x = letter("""
        Коллеги, пересылаю письмо клиента:

        -------- Пересылаемое сообщение --------
        15.05.2019, 11:57, "Иван Петров" <ivan@example.ru>:
        Пришлите счёт.
        -------- Конец пересылаемого сообщения --------

        Мария
    """, subject="Fwd: Счёт")
    assert x.new_text.text == "Коллеги, пересылаю письмо клиента:\n\nМария"
    (f,) = x.forwarded
    assert f.sender.addr == "ivan@example.ru" and f.text.text == "Пришлите счёт."
    assert (f.date.day, f.date.hour, f.date.minute) == (15, 11, 57)


def test_inline_answers_under_a_header() -> None:
    x = letter("""
        Добрый день!

        чт, 26 янв. 2023 г. в 14:58, Иван <ivan@example.ru>:
        > Сколько стоит?
        15 000 ₽.
        > Когда?
        В пятницу.

        С уважением,
        Мария
    """)
    assert x.new_text.text == "Добрый день!\n\n15 000 ₽.\nВ пятницу."
    (q,) = x.quoted
    assert q.text.text == "Сколько стоит?\nКогда?"


def test_forwarded_subject_comes_from_the_forwarding_subject_when_the_body_has_none() -> None:
    x = letter("""
        28/10/2021, 12:46 пользователь "Иван" <ivan@example.ru> написал:

            Текст письма.
    """, subject="FW: Акт сверки")
    (f,) = x.forwarded
    assert f.subject == "Акт сверки" and f.text.text == "Текст письма." and not x.new_text


# ---------------------------------------------------------------------------------------------------- quote headers

@pytest.mark.parametrize("line, name, addr", [
    ("чт, 26 янв. 2023 г. в 14:58, Иван Петров <ivan@example.ru>:", "Иван Петров", "ivan@example.ru"),
    ('20 окт. 2016 г. 19:37 пользователь "Иван" <ivan@example.ru> написал:', "Иван", "ivan@example.ru"),
    ('28/10/2021, 12:46 пользователь "Иван" <ivan@example.ru> написал:', "Иван", "ivan@example.ru"),
    ('26.06.2014, 14:41, "Иван" <ivan@example.ru>:', "Иван", "ivan@example.ru"),
    ("Среда, 15 мая 2019, 11:57 +03:00 от Иван Петров <ivan@example.ru>:", "Иван Петров", "ivan@example.ru"),
    ("13.05.2020 11:43, Иван пишет:", "Иван", ""),
    ("13 мая 2020 г., в 11:43, Иван <ivan@example.ru> написал(а):", "Иван", "ivan@example.ru"),
    ("пн, 6 февр. 2023 г. в 09:05, Отдел закупок ООО «Ромашка» <z@example.ru>:", "Отдел закупок ООО «Ромашка»",
     "z@example.ru"),
    ("30 серп. 2016 р. 20:45 \"Arpit\" <no-reply@example.com> пише:", "Arpit", "no-reply@example.com"),
    ("On Thu, Jan 26, 2023 at 2:58 PM Ivan Petrov <ivan@example.com> wrote:", "Ivan Petrov", "ivan@example.com"),
])
def test_attribution_forms(line: str, name: str, addr: str) -> None:
    info = parse_attribution(line)
    assert info is not None, line
    assert (info.sender.name, info.sender.addr) == (name, addr)
    assert info.date_text


@pytest.mark.parametrize("line", [
    "Как Иван написал вчера в 14:00:",
    "Вчера в 14:00 Иван написал:",
    "26.06.2014, 14:41, договорились с Иваном <ivan@example.ru>:",
    "Прошу уточнить:",
    "Стоимость работ на 2024 год:",
    "Hello On 22 Aug 2015, at 19:21, Adam <adam@example.com> wrote:",
])
def test_sentences_are_not_attributions(line: str) -> None:
    assert parse_attribution(line) is None


def test_wrapped_gmail_attribution_with_quote_marked_bracket() -> None:
    x = letter("""
        Спасибо, получили.

        чт, 26 янв. 2023 г. в 14:58, Отдел закупок ООО «СтройТехМонтаж-Урал» <zakupki@stroytech.example.ru
        >:

        > Пришлите КП.
    """)
    assert x.new_text.text == "Спасибо, получили."
    (q,) = x.quoted
    assert q.sender.addr == "zakupki@stroytech.example.ru" and q.text.text == "Пришлите КП."


def test_header_blocks() -> None:
    outlook = ["От: Иван Петров", "Отправлено: 15 мая 2019 г. 11:57", "Кому: Мария", "Тема: Счёт"]
    assert match_block(outlook, 0) is not None
    assert match_block(["От: 15 000 ₽", "Дата: 1 марта", "Тема: цены"], 0) is None
    glued_yahoo = letter("""
        ----- Пересылаемое сообщение ----- От: Иван <ivan@example.ru>Кому: m@example.ru Отправлено: вторник, 2 ноября 2021 г., 09:26:50 GMT+1Тема: Счёт
         Пришлите счёт.
    """, subject="Fwd: Счёт")
    (f,) = glued_yahoo.forwarded
    assert (f.sender.addr, f.subject, f.text.text.strip()) == ("ivan@example.ru", "Счёт", "Пришлите счёт.")


def test_more_than_sign_is_not_a_quote() -> None:
    x = letter("""
        Варианты бюджета:
        < 50 000 ₽ — базовый
        > 50 000 ₽ — премиум
    """)
    assert x.new_text.text.endswith("> 50 000 ₽ — премиум") and not x.quoted and not x.inline_quotes


def test_the_bat_initials_quotes() -> None:
    x = letter("""
        Здравствуйте, Мария.

        Счёт получили, оплатим завтра.

        Вы писали 15 мая 2019 г., 11:57:

        МК> Добрый день! Счёт во вложении.
        МК> Мария

        --
        С уважением,
        Иван
    """)
    assert x.new_text.text == "Здравствуйте, Мария.\n\nСчёт получили, оплатим завтра."
    assert x.signature.text == "С уважением,\nИван"
    (q,) = x.quoted
    assert q.sender is None and q.text.text == "Добрый день! Счёт во вложении.\nМария"
    assert q.text.line_lines()[0][2] == 5            # the column after «МК> »
    assert (q.date.day, q.date.month, q.date.hour) == (15, 5, 11)


# ------------------------------------------------------------------------------------ signatures without sign-off

def test_name_and_job_title_without_signoff_are_the_signature() -> None:
    x = letter("""
        Игорь, добрый день!

        Шатёр на 70 гостей арендовать можно, 14 июня у нас пока свободно.

        Хорошего дня!

        Ксения Ларина
        ивент-менеджер агентства «Сезоны»
    """)
    assert x.new_text.text.endswith("Хорошего дня!")
    assert x.signature.text == "Ксения Ларина\nивент-менеджер агентства «Сезоны»"


def test_name_title_and_phone_right_under_the_closing_line() -> None:
    x = letter("""
        Добрый день!

        Прививку можно сделать в субботу с 10:00 до 14:00, запись не нужна.

        Хорошего дня!
        Вероника Лапина
        администратор ветклиники «Добрый Айболит»
        +7 495 555-40-17
    """)
    assert x.new_text.text.endswith("Хорошего дня!")
    assert x.signature.text.startswith("Вероника Лапина\n") and x.signature.text.endswith("+7 495 555-40-17")


def test_requisites_and_confidentiality_notice_belong_to_the_signature() -> None:
    x = letter("""
        Оксана, добрый день!

        Пришлите, пожалуйста, поэтажный план склада.

        Спасибо!

        С уважением,
        Елена Бережная
        партнёр «Бережной и партнёры»
        ООО «Бережной и партнёры», ИНН 7703456789, КПП 770301001, ОГРН 1187746123456, 123001, г. Москва, Малый Козихинский пер., д. 12, стр. 1, офис 305, тел. +7 (495) 984-20-11
        Настоящее сообщение и любые вложения к нему содержат конфиденциальную информацию и предназначены исключительно для адресата; если вы получили это сообщение по ошибке, просим вас незамедлительно уведомить отправителя и удалить его.
    """)
    assert x.new_text.text.endswith("Спасибо!")
    assert "уведомить отправителя" in x.signature.text and "уведомить" not in x.new_text.text


def test_contact_person_announced_with_a_colon_stays_in_the_text() -> None:
    x = letter("""
        Добрый день!

        Груз привезут завтра до 12:00. По вопросам доставки звоните водителю:

        Иван Петров
        +7 916 123-45-67
    """)
    assert x.new_text.text.endswith("+7 916 123-45-67") and not x.signature


def test_name_followed_by_a_sentence_is_the_authors_text() -> None:
    x = letter("""
        Добрый день!

        Документы по сделке готовы.

        Ксения Ларина
        передаст их вам завтра в офисе.
    """)
    assert x.new_text.text.endswith("передаст их вам завтра в офисе.") and not x.signature
    y = letter("""
        Добрый день!

        Документы по сделке готовы.

        Ксения Ларина
        Можно ли передать их вам в пятницу?
    """)
    assert y.new_text.text.endswith("в пятницу?") and not y.signature


def test_bare_name_or_closing_line_is_not_cut() -> None:
    x = letter("""
        Добрый день!

        Заседание перенесли на 20 мая, 11:00.

        Павел Громов
    """)
    assert x.new_text.text.endswith("Павел Громов") and not x.signature
    y = letter("""
        Добрый день!

        Счёт оплачен, спасибо.

        Хорошего дня!
        Спасибо за терпение!
    """)
    assert y.new_text.text.endswith("Спасибо за терпение!") and not y.signature


def test_signature_only_letter_is_not_emptied() -> None:
    x = letter("""
        Ксения Ларина
        ивент-менеджер агентства «Сезоны»
    """)
    assert x.new_text.text.startswith("Ксения Ларина") and not x.signature


def test_a_name_and_the_company_on_one_last_line_sign_the_letter() -> None:
    one = letter("""
        Тариф на три пачки — 2 490 ₽ в месяц.

        Хорошего отпуска!
        Софья, «Зёрна»
        """)
    assert one.signature.text == "Софья, «Зёрна»"
    assert one.new_text.text.rstrip().endswith("Хорошего отпуска!")
    # trap: a name with a sentence after the comma is the author's text
    two = letter("""
        Тариф на три пачки — 2 490 ₽ в месяц.

        Хорошего отпуска!
        Ольга, жду ответа до пятницы.
        """)
    assert two.signature.text == ""
