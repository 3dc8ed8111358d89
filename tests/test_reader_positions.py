"""Where the reader places headers and attachments in the file, so header findings point at the right line."""

from __future__ import annotations

import base64

from letterlint.mail.reader import read_bytes

PDF = base64.b64encode(b"%PDF-1.4 " + b"x" * 3000).decode()

MESSAGE = f"""From: =?UTF-8?B?0JjRgNC40L3QsA==?= <irina@agency.ru>
To: Олег Петров <oleg@client.ru>,
 Анна Белова <a.belova@client.ru>
Cc: buh@client.ru
Subject: Re: Счёт за ноябрь
Date: Mon, 17 Nov 2025 11:20:00 +0300
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Олег, добрый день! Счёт и акт во вложении.

--b1
Content-Type: application/pdf; name="schet-2025-11.pdf"
Content-Disposition: attachment; filename="schet-2025-11.pdf"
Content-Transfer-Encoding: base64

{PDF}

--b1
Content-Type: application/pdf
Content-Disposition: attachment;
 filename="=?UTF-8?B?0LDQutGCLnBkZg==?="; size=7340032

--b1--
""".encode()


def test_header_values_are_placed() -> None:
    letter, = read_bytes(MESSAGE, "m.eml")
    assert letter.subject_pos == (5, 10)
    assert letter.header_pos["from"] == (1, 7)
    assert letter.header_pos["to"] == (2, 5)
    assert letter.header_pos["cc"] == (4, 5)
    assert letter.header_pos["date"] == (6, 7)


def test_attachments_are_placed_at_their_names() -> None:
    letter, = read_bytes(MESSAGE, "m.eml")
    first, second = letter.attachments
    assert first.name == "schet-2025-11.pdf" and first.pos == (16, 38)   # the part's name= parameter
    assert second.name == "акт.pdf" and second.pos is not None and second.pos[0] == 25


def test_rfc2183_size_when_the_body_is_not_there() -> None:
    letter, = read_bytes(MESSAGE, "m.eml")
    first, second = letter.attachments
    assert first.size == 3009                    # decoded bytes
    assert second.size == 7340032                # the declared size of a stub part
