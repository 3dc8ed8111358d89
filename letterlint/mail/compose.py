"""A letter being written in a mail client (its compose window fields) → Letter.

Mail-client integrations (the Thunderbird extension through `letterlint native-host`, the server's JSON API)
do not have the message's bytes yet: they have the subject, the recipients, the body as the editor holds it
(HTML or plain text) and the attachments' names and sizes. The body goes through the same HTML renderer and
splitter as a read .eml, so quotes (Thunderbird's ``blockquote type=cite`` under ``moz-cite-prefix``) and
signatures (``moz-signature``, «-- ») are found the same way. Positions are lines of the body as rendered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from letterlint.mail.headers import parse_addresses
from letterlint.mail.html import html_to_text
from letterlint.mail.model import Address, Attachment, Letter, SourceText
from letterlint.mail.split import apply_split


def _addresses(value: Any) -> list[Address]:
    """Recipients as a mail client gives them: «Имя <a@b>» strings, a comma-separated string, or
    {name, email} objects."""
    if value is None:
        return []
    if isinstance(value, str):
        return parse_addresses(value)
    out: list[Address] = []
    for v in value if isinstance(value, (list, tuple)) else [value]:
        if isinstance(v, dict):
            email = str(v.get("email") or v.get("address") or v.get("addr") or "").strip()
            name = str(v.get("name") or "").strip()
            if email:
                out += parse_addresses(f'"{name}" <{email}>' if name else email)
            elif name:
                out += parse_addresses(name)
        elif v is not None:
            out += parse_addresses(str(v))
    return out


def _size(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def letter_from_fields(*, subject: str = "", sender: Any = None, to: Any = None, cc: Any = None,
                       body: str = "", html: bool = False, attachments: Iterable[dict] = (),
                       path: str = "<compose>", date: datetime | None = None, in_reply_to: str = "",
                       references: Iterable[str] = ()) -> Letter:
    """Build a Letter from compose-window fields. ``html`` says ``body`` is HTML (rendered to text with quotes
    and lists kept); ``attachments`` are {name, size[, type]} dicts; ``date`` defaults to now (local time)."""
    letter = Letter(path=path, kind="eml")
    letter.subject = " ".join(str(subject or "").split())
    senders = _addresses(sender)
    letter.sender = senders[0] if senders else None
    letter.to = _addresses(to)
    letter.cc = _addresses(cc)
    letter.date = date if date is not None else datetime.now().astimezone()
    letter.in_reply_to = in_reply_to or ""
    letter.references = [r for r in references if r]
    letter.headers_present = frozenset({"subject", "from", "to", "cc", "date"})
    for a in attachments or ():
        if isinstance(a, dict):
            letter.attachments.append(Attachment(str(a.get("name") or "attachment"), _size(a.get("size")),
                                                 str(a.get("type") or a.get("contentType") or "application/octet-stream")))
    text = str(body or "")
    if html:
        letter.body_format = "html"
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    letter.body = SourceText.from_lines(path, [(t, i + 1, 1) for i, t in enumerate(text.split("\n"))])
    apply_split(letter)
    return letter
