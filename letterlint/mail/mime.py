"""RFC 5322 / MIME messages → Letter.

mail-parser gives us a defect-tolerant parse of hostile messages; we then read headers ourselves, because
mail-parser drops raw 8-bit header values (a windows-1251 Subject comes back empty) and converts dates to
UTC (slow-reply needs the sender's wall clock). The body part is the one that keeps the structure: text/plain
when it exists, HTML rendered to text otherwise (Outlook's text/plain of an HTML letter loses the quote
markers less often than the HTML loses nothing, but a text/plain part is what the author's client itself
considers the text, and positions in it are real file positions).
"""

from __future__ import annotations

import email.header
import logging
import email.message
import re
from email.utils import parsedate_to_datetime

from letterlint.mail.charsets import decode_bytes, guess_charset, normalise_charset
from letterlint.mail.errors import ReadError
from letterlint.mail.headers import parse_addresses
from letterlint.mail.html import html_to_text
from letterlint.mail.model import Attachment, Letter, SourceText
from letterlint.mail.split import apply_split


def looks_like_message(data: bytes, lenient: bool = False) -> bool:
    """True when ``data`` starts with RFC 5322 headers (and so is an e-mail, not a template).

    Sniffing a file of unknown kind needs two well-known headers; a file named .eml needs only to start
    with a header line.
    """
    head = data[:4096].lstrip(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
    if lenient:
        return bool(re.match(rb"[A-Za-z][A-Za-z0-9-]{0,60}[ \t]*:", head))
    block = head.split(b"\n\n", 1)[0]
    names = re.findall(rb"^([A-Za-z][A-Za-z0-9-]{1,40}):", block, re.M)
    lowered = {n.lower() for n in names}
    known = {b"from", b"to", b"subject", b"date", b"message-id", b"mime-version", b"content-type", b"received",
             b"return-path", b"delivered-to", b"cc", b"in-reply-to", b"references", b"x-mailer"}
    return len(lowered & known) >= 2


def parse_message(data: bytes, path: str, kind: str = "eml", line_offset: int = 0) -> Letter:
    """Read one message. ``line_offset`` is the number of file lines before it (for mbox members)."""
    import mailparser

    logging.getLogger("mailparser").setLevel(logging.CRITICAL)  # it logs every unhandled part to stderr
    if not data.strip():
        raise ReadError(path, "пустой файл — в нём нет письма")
    try:
        parsed = mailparser.parse_from_bytes(data)
        msg: email.message.Message = parsed.message
    except Exception as exc:  # mail-parser raises many things on hostile input
        try:
            msg = email.message_from_bytes(data)
        except Exception:
            raise ReadError(path, f"не удалось разобрать письмо ({type(exc).__name__})") from None
    hint = _body_charset(msg)
    letter = Letter(path=path, kind=kind)
    letter.headers_present = frozenset(k.lower() for k in msg.keys())
    letter.subject = " ".join(_header(msg, "subject", hint).split())
    froms = parse_addresses(_address_header(msg, "from", hint))
    letter.sender = froms[0] if froms else None
    letter.to = parse_addresses(_address_header(msg, "to", hint))
    letter.cc = parse_addresses(_address_header(msg, "cc", hint))
    letter.reply_to = parse_addresses(_address_header(msg, "reply-to", hint))
    letter.message_id = _header(msg, "message-id", hint).strip()
    letter.in_reply_to = _header(msg, "in-reply-to", hint).strip()
    letter.references = _header(msg, "references", hint).split()
    date_raw = _header(msg, "date", hint)
    if date_raw:
        try:
            letter.date = parsedate_to_datetime(date_raw)
        except (TypeError, ValueError, IndexError):
            letter.warnings.append(f"непонятная дата: {date_raw!r}")
    raw_text = decode_bytes(data, hint).replace("\r\n", "\n").replace("\r", "\n")
    letter.header_pos = _header_positions(raw_text, line_offset)
    letter.subject_pos = letter.header_pos.pop("subject", None)

    body_text, fmt, encoded = _choose_body(msg, letter)
    letter.attachments = _place_attachments(letter.attachments, raw_text, line_offset)
    letter.body_format = fmt
    letter.body = _locate_body(path, raw_text, body_text, encoded or fmt == "html", line_offset)
    apply_split(letter)
    return letter


def _header(msg: email.message.Message, name: str, hint: str) -> str:
    """A header value decoded from RFC 2047 words or raw 8-bit bytes; "" when absent or broken."""
    try:
        values = msg.get_all(name)
    except Exception:
        return ""
    if not values:
        return ""
    return ", ".join(v for v in (_decode_header_value(v, hint) for v in values) if v) if name in ("to", "cc") \
        else _decode_header_value(values[0], hint)


def _address_header(msg: email.message.Message, name: str, hint: str) -> str:
    """An address header decoded with each display name quoted: «=?utf-8?b?…?= <a@b>» may decode to «ХостЛайн,
    техподдержка <a@b>», and a comma inside a name must not split it into two addresses."""
    try:
        values = [str(v) for v in msg.get_all(name) or [] if not isinstance(v, email.header.Header)]
    except Exception:
        values = []
    if not values or not any("=?" in v for v in values):
        return _header(msg, name, hint)
    try:
        out = []
        for display, addr in email.utils.getaddresses(values):
            decoded = _decode_header_value(email.header.make_header(email.header.decode_header(display)), hint) \
                if "=?" in display else display
            decoded = decoded.replace('"', "'").replace("\\", "")
            out.append(f'"{decoded}" <{addr}>' if decoded and addr else addr or decoded)
        return ", ".join(x for x in out if x)
    except Exception:
        return _header(msg, name, hint)


def _decode_header_value(value: object, hint: str) -> str:
    if isinstance(value, email.header.Header):
        chunks = value._chunks  # (str, charset) pairs; the public API loses unknown-8bit bytes
        out = []
        for s, cs in chunks:
            if str(cs) == "unknown-8bit":
                out.append(decode_bytes(s.encode("ascii", "surrogateescape"), hint))
            else:
                out.append(s)
        return "".join(out).strip()
    raw = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in raw):  # raw 8-bit bytes kept as surrogates by the parser
        raw = decode_bytes(raw.encode("ascii", "surrogateescape"), hint)
    try:
        parts = email.header.decode_header(raw)
    except Exception:
        return raw.strip()
    out = []
    for k, (chunk, cs) in enumerate(parts):
        piece = decode_bytes(chunk, cs or hint) if isinstance(chunk, bytes) else chunk
        # decode_header drops the whitespace between an encoded word and plain text («…регистрация?= 9 =?…» gives
        # «регистрация» and «9 »); RFC 2047 keeps it, as email.header.make_header does
        if k and (parts[k - 1][1] is None) != (cs is None) and out and out[-1][-1:] not in ("", " ") \
                and piece[:1] not in ("", " "):
            out.append(" ")
        out.append(piece)
    text = "".join(out) if len(parts) > 1 else out[0] if out else ""
    return re.sub(r"\s+", " ", text.replace("\r", "").replace("\n", " ")).strip()


def _body_charset(msg: email.message.Message) -> str:
    """The first declared text charset in the message: our best hint for undeclared 8-bit headers."""
    try:
        for part in msg.walk():
            cs = part.get_content_charset()
            if cs and normalise_charset(cs) and normalise_charset(cs) != "ascii":
                return normalise_charset(cs)
    except Exception:
        pass
    return ""


def _choose_body(msg: email.message.Message, letter: Letter) -> tuple[str, str, bool]:
    """(text, "plain"|"html", was transfer-encoded) of the part a reader would see; collects attachments."""
    plain: tuple[str, bool] | None = None
    html: tuple[str, bool] | None = None
    try:
        parts = list(_walk_top(msg))
    except Exception:
        parts = [msg]
    for part in parts:
        ctype = (part.get_content_type() or "text/plain").lower()
        disp = str(part.get("Content-Disposition") or "").lower()
        filename = _filename(part)
        is_attachment = "attachment" in disp or (filename and not ctype.startswith("text/")) or (
            filename and "inline" not in disp and ctype.startswith("text/") and (plain or html))
        if part.is_multipart():
            continue
        if ctype == "message/rfc822" or is_attachment or (filename and not ctype.startswith("text/")):
            letter.attachments.append(Attachment(filename or _default_name(ctype), _size(part), ctype))
            continue
        if ctype == "text/plain" and plain is None:
            plain = _decode_part(part)
        elif ctype == "text/html" and html is None:
            html = _decode_part(part)
        elif ctype.startswith("text/") and plain is None and html is None and ctype not in ("text/calendar", "text/x-vcard", "text/vcard"):
            plain = _decode_part(part)
        elif not ctype.startswith(("text/", "multipart/")):
            letter.attachments.append(Attachment(filename or _default_name(ctype), _size(part), ctype))
    if plain is not None and plain[0].strip():
        return plain[0], "plain", plain[1]
    if html is not None:
        return html_to_text(html[0]), "html", True
    if plain is not None:
        return plain[0], "plain", plain[1]
    return "", "plain", False


def _walk_top(msg: email.message.Message):
    """Parts of the message without descending into attached messages (they are attachments)."""
    yield msg
    if msg.get_content_type() == "message/rfc822":
        return
    if msg.is_multipart():
        for sub in msg.get_payload() or []:
            if isinstance(sub, email.message.Message):
                if sub.get_content_type() == "message/rfc822":
                    yield sub
                else:
                    yield from _walk_top(sub)


def _decode_part(part: email.message.Message) -> tuple[str, bool]:
    cte = str(part.get("Content-Transfer-Encoding") or "").strip().lower()
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        payload = None
    if payload is None:
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    cs = part.get_content_charset()
    if not cs and payload and any(b > 127 for b in payload[:20000]):
        cs = guess_charset(payload) if not _is_utf8(payload) else "utf-8"
    text = decode_bytes(payload, cs).replace("\r\n", "\n").replace("\r", "\n")
    return text, cte in ("quoted-printable", "base64")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _filename(part: email.message.Message) -> str:
    try:
        name = part.get_filename() or part.get_param("name") or ""
    except Exception:
        return ""
    if isinstance(name, tuple):  # RFC 2231 (charset, lang, value)
        name = email.utils.collapse_rfc2231_value(name)
    return _decode_header_value(str(name), "") if name else ""


def _default_name(ctype: str) -> str:
    return {"message/rfc822": "вложенное письмо.eml"}.get(ctype, "без имени")


def _size(part: email.message.Message) -> int:
    """Decoded size; RFC 2183 ``size=`` when the body is not there (a stub left by a client or an archiver)."""
    size = 0
    try:
        if part.get_content_type() == "message/rfc822":
            size = len(part.as_bytes())
        else:
            payload = part.get_payload(decode=True)
            size = len(payload) if payload else 0
    except Exception:
        size = 0
    if size == 0:
        try:
            declared = part.get_param("size", header="content-disposition")
            if isinstance(declared, str) and declared.strip().isdigit():
                size = int(declared.strip())
        except Exception:
            pass
    return size


_POSITIONED = re.compile(r"^(Subject|From|To|Cc|Date):[ \t]*", re.M | re.I)


def _header_positions(raw_text: str, line_offset: int) -> dict[str, tuple[int, int]]:
    """(line, column) of the first Subject/From/To/Cc/Date value in the top header block."""
    head = raw_text.split("\n\n", 1)[0]
    out: dict[str, tuple[int, int]] = {}
    for m in _POSITIONED.finditer(head):
        out.setdefault(m.group(1).lower(), (line_offset + head.count("\n", 0, m.start()) + 1, m.end() - m.start() + 1))
    return out


_PART_NAME = re.compile(r"^Content-(?:Disposition|Type):[^\n]*(?:\n[ \t][^\n]*)*?\b(?:file)?name\*?[0-9]*\*?=[ \t]*\"?",
                        re.M | re.I)


_PART_HEADER_LINE = re.compile(r"Content-[\w-]+:|[ \t]", re.I)


def _place_attachments(atts: list[Attachment], raw_text: str, line_offset: int) -> list[Attachment]:
    """Give each attachment the place of its name in the file: its name written plainly, else the next
    ``name=`` parameter of a part (encoded names), in file order — so a finding points at the attachment."""
    out: list[Attachment] = []
    cursor = raw_text.find("\n\n")
    cursor = max(cursor, 0)
    for a in atts:
        at = raw_text.find(a.name, cursor) if a.name else -1
        if at >= 0 and not _PART_HEADER_LINE.match(raw_text, raw_text.rfind("\n", 0, at) + 1):
            at = -1   # the name in someone's text, not in a part's headers
        if at < 0:
            m = _PART_NAME.search(raw_text, cursor)
            at = m.end() if m else -1
        if at < 0:
            out.append(a)
            continue
        line_start = raw_text.rfind("\n", 0, at) + 1
        out.append(Attachment(a.name, a.size, a.content_type,
                              (line_offset + raw_text.count("\n", 0, at) + 1, at - line_start + 1)))
        end_of_headers = raw_text.find("\n\n", at)
        cursor = end_of_headers if end_of_headers >= 0 else at + 1   # the next attachment is in a later part
    return out


def _locate_body(path: str, raw_text: str, body: str, rendered: bool, line_offset: int) -> SourceText:
    """The body with its lines mapped to file lines where the file holds it verbatim, else counted after the headers."""
    lines = body.split("\n")
    header_end = raw_text.find("\n\n")
    header_lines = raw_text.count("\n", 0, header_end) + 2 if header_end >= 0 else 1
    start_line = None
    if not rendered:
        probe = body.strip("\n")
        idx = raw_text.find(probe[:400], max(header_end, 0)) if probe else -1
        if idx >= 0:
            lead = len(body) - len(body.lstrip("\n"))
            start_line = raw_text.count("\n", 0, idx) + 1 - lead
    if start_line is None:
        start_line = header_lines
    return SourceText.from_lines(path, [(t, line_offset + start_line + i, 1) for i, t in enumerate(lines)])
