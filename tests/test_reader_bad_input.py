"""The reader on awkward and hostile input: every file gives letters or one clear ReadError naming it.

DESIGN.md §8: any bytes produce a result or one clear error line per file; never a traceback; the other files go
on. Each test here feeds one kind of trouble and checks that nothing but a Letter or a ReadError comes out — with
a Russian message that names the file — and, where the input is readable, that what comes out is right.
"""

from __future__ import annotations

import base64
import io
import os
import random
import re
import subprocess
import sys
import textwrap
from email.header import Header
from pathlib import Path

import pytest

from letterlint.mail import Letter, ReadError, iter_paths, read_bytes, read_path

CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def _read_or_error(path: str | Path) -> list[Letter] | ReadError:
    """read_path, turning the one allowed failure into a value; anything else propagates and fails the test."""
    try:
        letters = read_path(str(path))
    except ReadError as exc:
        return exc
    assert letters and all(isinstance(x, Letter) for x in letters)
    return letters


def _assert_clear_error(result, path: str | Path, *words: str) -> ReadError:
    assert isinstance(result, ReadError), f"expected a ReadError for {path}, got {result!r}"
    line = str(result)
    assert "\n" not in line, "one line per file"
    assert str(path) in line, f"the message must name the file: {line!r}"
    assert CYRILLIC.search(result.message), f"the message is for a Russian-speaking user: {line!r}"
    assert not result.internal, f"a failure of the reader itself: {line!r}"
    for w in words:
        assert w in result.message, f"{w!r} not in {result.message!r}"
    return result


def _eml(headers: str, body: bytes | str, charset: str = "utf-8") -> bytes:
    """Headers (dedented; raw UTF-8 where they hold Cyrillic), a blank line, then the body in ``charset``."""
    if isinstance(body, str):
        body = body.encode(charset)
    head = "\n".join(line.rstrip() for line in textwrap.dedent(headers).strip("\n").split("\n"))
    return head.encode("utf-8") + b"\n\n" + body


# ---------------------------------------------------------------------------------------------------- junk and damage

@pytest.mark.parametrize("name", ["junk.eml", "junk.bin", "junk.txt", "junk"])
def test_binary_junk_is_a_clear_error(tmp_path: Path, name: str) -> None:
    rng = random.Random(20240501)
    p = tmp_path / name
    p.write_bytes(bytes(rng.randrange(256) for _ in range(20000)))
    _assert_clear_error(_read_or_error(p), p)


def test_junk_without_nul_bytes_is_a_clear_error(tmp_path: Path) -> None:
    rng = random.Random(7)
    p = tmp_path / "noise.eml"
    p.write_bytes(bytes(rng.randrange(1, 256) for _ in range(20000)))
    _assert_clear_error(_read_or_error(p), p)


def test_empty_and_blank_files(tmp_path: Path) -> None:
    for name, data in (("empty.eml", b""), ("blank.txt", b"\n\n  \n"), ("empty.mbox", b"")):
        p = tmp_path / name
        p.write_bytes(data)
        _assert_clear_error(_read_or_error(p), p, "пуст")


def test_truncated_mime_still_reads(tmp_path: Path) -> None:
    p = tmp_path / "truncated.eml"
    p.write_bytes(_eml("""
        From: Иван <ivan@example.ru>
        To: maria@example.ru
        Subject: Договор
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="XX"

        --XX
        Content-Type: text/plain; charset=utf-8

    """, "Добрый день! Договор во вложении.\n--XX\nContent-Type: application/pdf; name=\"dogovor.pdf\"\n"
         "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKJcfsj6IKNSAwIG9i"))
    letters = _read_or_error(p)
    assert not isinstance(letters, ReadError), letters
    assert "Договор во вложении" in letters[0].new_text.text
    assert [a.name for a in letters[0].attachments] == ["dogovor.pdf"]


def test_headers_only_and_no_body(tmp_path: Path) -> None:
    p = tmp_path / "headers-only.eml"
    p.write_bytes(b"From: a@example.ru\nTo: b@example.ru\nSubject: =?utf-8?B?" +
                  base64.b64encode("Без текста".encode()) + b"?=\n")
    letters = _read_or_error(p)
    assert not isinstance(letters, ReadError), letters
    assert letters[0].subject == "Без текста"
    assert not letters[0].new_text


@pytest.mark.parametrize("seed", range(40))
def test_mangled_messages_never_raise_anything_else(seed: int) -> None:
    """Random damage to a real-looking letter: cut, duplicated and flipped bytes."""
    base = _eml("""
        From: =?koi8-r?B?68/XwczF18E=?= <m@example.ru>
        To: "Иван" <ivan@example.ru>
        Subject: =?windows-1251?Q?=D1=F7=B8=F2?=
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=koi8-r
        Content-Transfer-Encoding: quoted-printable

        =F3=DE=A3=D4 =D7=CF =D7=CC=CF=D6=C5=CE=C9=C9.
        --b1
        Content-Type: text/html; charset=utf-8

        <ol><li>один</li></ol><blockquote>цитата</blockquote>
        --b1--
    """, "")
    rng = random.Random(seed)
    data = bytearray(base)
    for _ in range(rng.randrange(1, 12)):
        op = rng.randrange(3)
        i = rng.randrange(len(data))
        if op == 0:
            del data[i:i + rng.randrange(1, 40)]
        elif op == 1:
            data[i:i] = data[i:i + rng.randrange(1, 80)]
        else:
            data[i] = rng.randrange(256)
    try:
        letters = read_bytes(bytes(data), f"mangled-{seed}.eml")
    except ReadError as exc:
        assert f"mangled-{seed}.eml" in str(exc) and not exc.internal, exc
    else:
        assert all(isinstance(x, Letter) for x in letters)


# ---------------------------------------------------------------------------------------------------- sizes and files

def test_thirty_megabyte_attachment(tmp_path: Path) -> None:
    payload = os.urandom(30 * 1024 * 1024)
    p = tmp_path / "big.eml"
    with open(p, "wb") as fh:
        fh.write(_eml("""
            From: Мария <maria@example.ru>
            To: ivan@example.ru
            Subject: Архив
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="XYZ"

            --XYZ
            Content-Type: text/plain; charset=utf-8

        """, "Добрый день! Архив с макетами во вложении.\n"))
        fh.write(b"--XYZ\nContent-Type: application/zip; name=\"makety.zip\"\n"
                 b"Content-Disposition: attachment; filename=\"makety.zip\"\nContent-Transfer-Encoding: base64\n\n")
        fh.write(base64.encodebytes(payload))
        fh.write(b"--XYZ--\n")
    letters = _read_or_error(p)
    assert not isinstance(letters, ReadError), letters
    (att,) = letters[0].attachments
    assert att.name == "makety.zip" and att.size == len(payload) and att.content_type == "application/zip"
    assert letters[0].new_text.text == "Добрый день! Архив с макетами во вложении."


def test_file_too_large_to_be_a_letter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import letterlint.mail.reader as reader

    monkeypatch.setattr(reader, "MAX_BYTES", 1000)
    p = tmp_path / "log.txt"
    p.write_text("строка журнала\n" * 200, encoding="utf-8")
    _assert_clear_error(_read_or_error(p), p, "слишком большой")


def test_directory_with_unreadable_files_goes_on(tmp_path: Path) -> None:
    """A folder of letters where some cannot be read: one clear error each, the others read."""
    d = tmp_path / "letters"
    (d / "sub").mkdir(parents=True)
    (d / "good.eml").write_bytes(_eml("From: a@example.ru\nTo: b@example.ru\nSubject: Привет\n", "Добрый день!"))
    (d / "sub" / "template.txt").write_text("Subject: Счёт\n\nСчёт во вложении.", encoding="utf-8")
    locked = d / "locked.eml"
    locked.write_bytes(_eml("From: a@example.ru\nSubject: x\n", "текст"))
    locked.chmod(0)
    (d / "dangling.eml").symlink_to(d / "nowhere.eml")
    fifo = d / "pipe.eml"
    os.mkfifo(fifo)
    (d / "junk.eml").write_bytes(b"\x00\xff" * 500)
    try:
        results = {Path(p).name: _read_or_error(p) for p in iter_paths([str(d)])}
    finally:
        locked.chmod(0o644)
    assert set(results) == {"good.eml", "template.txt", "locked.eml", "dangling.eml", "pipe.eml", "junk.eml"}
    assert results["good.eml"][0].subject == "Привет"
    assert results["template.txt"][0].subject == "Счёт"
    _assert_clear_error(results["dangling.eml"], d / "dangling.eml", "ссылка")
    _assert_clear_error(results["pipe.eml"], fifo, "не обычный файл")
    _assert_clear_error(results["junk.eml"], d / "junk.eml")
    if os.geteuid() == 0:
        # root reads a chmod 000 file; the dangling link and the FIFO above are the real read errors then
        assert not isinstance(results["locked.eml"], ReadError)
    else:
        _assert_clear_error(results["locked.eml"], locked, "нет прав")


def test_missing_file_and_directory_as_file(tmp_path: Path) -> None:
    _assert_clear_error(_read_or_error(tmp_path / "nope.eml"), tmp_path / "nope.eml", "не найден")
    _assert_clear_error(_read_or_error(tmp_path), tmp_path, "папка")


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _eml("From: a@example.ru\nTo: b@example.ru\nSubject: =?utf-8?B?" +
                base64.b64encode("Из stdin".encode()).decode() + "?=\n", "Текст письма.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (letter,) = read_path("-")
    assert letter.subject == "Из stdin" and letter.new_text.text == "Текст письма."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    _assert_clear_error(_read_or_error("-"), "<stdin>", "пуст")


def test_a_failure_of_the_reader_is_still_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import letterlint.mail.mime as mime

    def boom(letter):
        raise KeyError("bug")

    monkeypatch.setattr(mime, "apply_split", boom)
    with pytest.raises(ReadError) as info:
        read_bytes(b"From: a@example.ru\nSubject: x\n\ntext", "buggy.eml")
    assert info.value.internal and "buggy.eml" in str(info.value) and "\n" not in str(info.value)


# ---------------------------------------------------------------------------------------------------- charsets

def test_unknown_charset_falls_back(tmp_path: Path) -> None:
    p = tmp_path / "klingon.eml"
    p.write_bytes(_eml("""
        From: a@example.ru
        Subject: =?x-klingon?B?0J/RgNC40LLQtdGC?=
        Content-Type: text/plain; charset="x-klingon"
    """, "Счёт на оплату во вложении.", "cp1251"))
    letters = _read_or_error(p)
    assert not isinstance(letters, ReadError), letters
    assert letters[0].new_text.text == "Счёт на оплату во вложении."


@pytest.mark.parametrize("charset", ["cp1251", "koi8-r"])
def test_raw_8bit_headers(charset: str) -> None:
    head = "From: Иван Петров <ivan@example.ru>\nTo: Мария <maria@example.ru>\nSubject: Счёт на оплату за март\n"
    body = "Добрый день! Счёт на оплату за март во вложении, прошу оплатить до пятницы."
    data = (head + f"Content-Type: text/plain; charset={charset}\n\n" + body).encode(charset)
    (letter,) = read_bytes(data, f"raw-{charset}.eml")
    assert letter.subject == "Счёт на оплату за март"
    assert letter.sender.name == "Иван Петров" and letter.sender.addr == "ivan@example.ru"
    assert letter.to[0].name == "Мария"
    assert letter.new_text.text == body


def test_raw_8bit_headers_without_any_declared_charset() -> None:
    head = "From: Иван Петров <ivan@example.ru>\nTo: maria@example.ru\nSubject: Счёт на оплату за март\n\n"
    body = "Добрый день! Счёт на оплату за март во вложении, прошу оплатить до пятницы, спасибо."
    (letter,) = read_bytes((head + body).encode("koi8-r"), "raw-koi8-undeclared.eml")
    assert letter.subject == "Счёт на оплату за март"
    assert letter.new_text.text == body


def test_rfc2047_headers() -> None:
    subj = Header("Коммерческое предложение на 2024 год — обновлённое", "utf-8").encode()
    from_name = Header("Иван Петров", "koi8-r").encode()
    to_name = Header("Мария", "cp1251").encode()
    data = (f"From: {from_name} <ivan@example.ru>\nTo: {to_name} <maria@example.ru>, =?utf-8?Q?=D0=9E=D0=BB=D0=B5=D0=B3?= "
            f"<oleg@example.ru>\nSubject: {subj}\nContent-Type: text/plain; charset=utf-8\n\nТекст.").encode()
    (letter,) = read_bytes(data, "2047.eml")
    assert letter.subject == "Коммерческое предложение на 2024 год — обновлённое"
    assert letter.sender.name == "Иван Петров"
    assert [(a.name, a.addr) for a in letter.to] == [("Мария", "maria@example.ru"), ("Олег", "oleg@example.ru")]


@pytest.mark.parametrize("raw, subject", [
    # plain text between two encoded words keeps its spaces (decode_header alone gives «регистрация9 августа»)
    ("Re: =?utf-8?b?0JLRi9C10LfQtNC90LDRjyDRgNC10LPQuNGB0YLRgNCw0YbQuNGP?=\n 9 =?utf-8?b?0LDQstCz0YPRgdGC0LA=?=",
     "Re: Выездная регистрация 9 августа"),
    # two adjacent encoded words join without the folding space (RFC 2047, 6.2)
    ("=?utf-8?b?0KHRh9GR0YIg?=\n =?utf-8?b?4oSWIDE0?=", "Счёт № 14"),
    ("Re: =?utf-8?q?=D0=A1=D1=87=D1=91=D1=82?= N14", "Re: Счёт N14"),
])
def test_rfc2047_spaces_around_plain_words(raw: str, subject: str) -> None:
    data = f"From: a@example.ru\nTo: b@example.ru\nSubject: {raw}\n\nТекст.".encode()
    (letter,) = read_bytes(data, "2047-spaces.eml")
    assert letter.subject == subject


@pytest.mark.parametrize("charset", ["cp1251", "koi8-r", "utf-8"])
def test_text_part_without_declared_charset(charset: str) -> None:
    body = "Добрый день! Направляю акт сверки за первый квартал, проверьте, пожалуйста, суммы."
    data = b"From: a@example.ru\nTo: b@example.ru\nSubject: act\nMIME-Version: 1.0\nContent-Type: text/plain\n\n" + \
        body.encode(charset)
    (letter,) = read_bytes(data, f"nocharset-{charset}.eml")
    assert letter.new_text.text == body


# ---------------------------------------------------------------------------------------------------- structure

def _alternative(plain: str, html: str) -> bytes:
    return _eml("""
        From: a@example.ru
        To: b@example.ru
        Subject: alt
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="b"

    """, f"--b\nContent-Type: text/plain; charset=utf-8\n\n{plain}\n--b\nContent-Type: text/html; charset=utf-8\n\n"
         f"{html}\n--b--\n")


def test_multipart_alternative_choice() -> None:
    (letter,) = read_bytes(_alternative("Текстовая версия.", "<p>HTML-версия.</p>"), "alt.eml")
    assert letter.body_format == "plain" and letter.new_text.text == "Текстовая версия."
    (letter,) = read_bytes(_alternative("", "<p>Только HTML.</p>"), "alt-empty-plain.eml")
    assert letter.body_format == "html" and letter.new_text.text == "Только HTML."


def test_html_only_keeps_lists_breaks_and_quotes() -> None:
    html = ("<html><body><p>Добрый день!</p><p>Прошу уточнить:</p><ol><li>Сроки</li><li>Стоимость</li></ol>"
            "<p>Первая строка<br>вторая строка</p><p>С уважением,<br>Мария</p>"
            "<div class=\"gmail_quote\"><div class=\"gmail_attr\">чт, 26 янв. 2023 г. в 14:58, Иван &lt;ivan@example.ru&gt;:"
            "<br></div><blockquote class=\"gmail_quote\">Пришлите, пожалуйста, смету.<br>Спасибо</blockquote></div>"
            "</body></html>")
    data = _eml("From: m@example.ru\nTo: ivan@example.ru\nSubject: Re: Смета\nContent-Type: text/html; charset=utf-8\n",
                html)
    (letter,) = read_bytes(data, "html-only.eml")
    assert letter.body_format == "html"
    lines = letter.new_text.text.split("\n")
    assert "1. Сроки" in lines and "2. Стоимость" in lines
    assert "Первая строка" in lines and "вторая строка" in lines
    assert letter.signature.text == "С уважением,\nМария"
    (q,) = letter.quoted
    assert q.sender.addr == "ivan@example.ru" and q.text.text == "Пришлите, пожалуйста, смету.\nСпасибо"
    assert q.date is not None and (q.date.month, q.date.day, q.date.hour, q.date.minute) == (1, 26, 14, 58)


def test_mbox_with_from_escaping(tmp_path: Path) -> None:
    p = tmp_path / "thread.mbox"
    p.write_bytes(textwrap.dedent("""\
        From ivan@example.ru Mon Jan  1 10:00:00 2024
        From: ivan@example.ru
        To: maria@example.ru
        Subject: Вопрос

        >From the start: сколько стоит перевод?
        Срок — неделя?

        From maria@example.ru Mon Jan  1 11:00:00 2024
        From: maria@example.ru
        To: ivan@example.ru
        Subject: Re: Вопрос

        15 000 ₽.
        """).encode())
    letters = _read_or_error(p)
    assert not isinstance(letters, ReadError), letters
    assert [x.kind for x in letters] == ["mbox", "mbox"]
    # mboxrd: «>From » in the file is «From » in the letter, not a quote
    assert letters[0].new_text.text == "From the start: сколько стоит перевод?\nСрок — неделя?"
    assert letters[0].new_text.locate(0)[0] == 6
    assert letters[1].new_text.text == "15 000 ₽." and letters[1].new_text.locate(0)[0] == 14


def test_mbox_without_from_lines_is_a_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "broken.mbox"
    p.write_text("это не mbox\nа просто текст\n", encoding="utf-8")
    _assert_clear_error(_read_or_error(p), p, "mbox")


# ---------------------------------------------------------------------------------------------------- templates

def test_template_with_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "offer.md"
    p.write_text("---\nsubject: Коммерческое предложение\nto: [client@example.ru, boss@example.ru]\n---\n"
                 "Добрый день, {{ client.name }}!\n\nСтоимость — {{ price }} ₽.\n", encoding="utf-8")
    (letter,) = read_path(str(p))
    assert letter.kind == "template" and letter.subject == "Коммерческое предложение"
    assert [a.addr for a in letter.to] == ["client@example.ru", "boss@example.ru"]
    assert letter.new_text.text == "Добрый день, {{ client.name }}!\n\nСтоимость — {{ price }} ₽."
    assert letter.new_text.locate(0) == (5, 1)


def test_template_with_broken_front_matter(tmp_path: Path) -> None:
    p = tmp_path / "broken.md"
    p.write_text("---\nsubject: [не закрыто\n---\nТекст\n", encoding="utf-8")
    result = _read_or_error(p)
    assert isinstance(result, ReadError) and str(p) in str(result) and "\n" not in str(result)


def test_template_with_subject_lines_and_jinja(tmp_path: Path) -> None:
    p = tmp_path / "reminder.j2"
    p.write_text("Subject: Напоминание об оплате\nTo: {{ client.email }}\n\n"
                 "{% if overdue %}Срок оплаты прошёл.{% else %}Напоминаем об оплате.{% endif %}\n"
                 "Сумма: {{ amount | money }}.\n", encoding="utf-8")
    (letter,) = read_path(str(p))
    assert letter.subject == "Напоминание об оплате"
    assert letter.new_text.text == ("{% if overdue %}Срок оплаты прошёл.{% else %}Напоминаем об оплате.{% endif %}\n"
                                    "Сумма: {{ amount | money }}.")
    assert letter.new_text.locate(0) == (4, 1)


def test_html_template(tmp_path: Path) -> None:
    p = tmp_path / "welcome.html"
    p.write_text("<p>Здравствуйте, {{ name }}!</p><ol><li>Заполните анкету</li><li>Пришлите реквизиты</li></ol>",
                 encoding="utf-8")
    (letter,) = read_path(str(p))
    assert letter.body_format == "html"
    assert letter.new_text.text.split("\n") == ["Здравствуйте, {{ name }}!", "", "1. Заполните анкету",
                                                "2. Пришлите реквизиты"]


# ---------------------------------------------------------------------------------------------------- no NLP

def test_reading_loads_no_nlp_library(tmp_path: Path) -> None:
    p = tmp_path / "letter.eml"
    p.write_bytes(_eml("From: a@example.ru\nTo: b@example.ru\nSubject: Re: Смета\n",
                       "Добрый день!\n\nчт, 26 янв. 2023 г. в 14:58, Иван <ivan@example.ru>:\n> Пришлите смету.\n"))
    code = textwrap.dedent(f"""
        import sys
        from letterlint.mail import read_path, build_thread
        from letterlint.mail.render import parse_report
        letters = read_path({str(p)!r})
        build_thread(letters[0])
        parse_report(letters, "json")
        heavy = sorted(m for m in sys.modules
                       if m.split(".")[0] in ("spacy", "natasha", "slovnet", "pymorphy3", "pymorphy2", "navec",
                                              "yargy", "torch", "thinc"))
        print(",".join(heavy))
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "", f"reading a letter imported {run.stdout.strip()}"
