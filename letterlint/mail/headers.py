"""Recognising the lines mail clients put above quoted and forwarded letters.

Three shapes cover the clients we know:
- an **attribution** line: «чт, 26 янв. 2023 г. в 14:58, Иван <i@x.ru>:», «13.05.2020 11:43, Иван пишет:»,
  «On Thu, Jan 26, 2023 at 2:58 PM Ivan <i@x.ru> wrote:» — often wrapped over two or three lines;
- a **header block**: «От:», «Отправлено:»/«Дата:», «Кому:», «Копия:», «Тема:» lines (Outlook, new Outlook,
  Mail.ru and Yandex forwards, Thunderbird forwards with a TAB after the label), in many languages;
- a **separator** line above a block: «-----Исходное сообщение-----», «-------- Пересылаемое сообщение --------»,
  a line of underscores, «Начало переадресованного сообщения:», «Begin forwarded message:».
Matching runs on lines with Unicode format characters removed (Windows Mail puts U+200E inside dates).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import getaddresses

from letterlint.mail.dates import strip_format_chars
from letterlint.mail.model import Address

# Header-block labels by field, in the languages of the clients our users and their clients use.
LABELS: dict[str, tuple[str, ...]] = {
    "from": ("от", "от кого", "отправитель", "from", "von", "de", "da", "van", "från", "fra", "od", "kimden",
             "від", "від кого", "відправник", "lähettäjä", "feladó", "afzender", "avsändare", "absender",
             "expéditeur", "remitente", "mittente", "nadawca", "odesílatel", "odosielateľ", "pošiljatelj",
             "šalje", "saatja", "gönderen", "expeditor", "remetente", "afsender", "de la", "发件人", "差出人",
             "寄件者", "送信者", "보낸 사람", "보낸사람"),
    "date": ("дата", "отправлено", "date", "sent", "datum", "gesendet", "envoyé", "fecha", "enviado", "enviada",
             "data", "inviato", "verzonden", "skickat", "sendt", "wysłano", "odesláno", "poslano", "saadetud",
             "elküldve", "dátum", "lähetetty", "päivämäärä", "tarih", "gönderildi", "надіслано", "trimis",
             "odoslané", "sent at", "日付", "送信日時", "日期", "发送时间", "날짜", "보낸 날짜"),
    "to": ("кому", "получатель", "получатели", "to", "an", "à", "a", "para", "aan", "till", "til", "do", "komu",
           "prima", "kellele", "címzett", "vastaanottaja", "kime", "alıcı", "către", "宛先", "收件人", "받는 사람",
           "받는사람"),
    "cc": ("копия", "cc", "kopie", "copie", "kopi", "kopia", "dw", "másolat", "kopio", "bilgi", "копія", "抄送",
           "cc.", "참조"),
    "subject": ("тема", "subject", "betreff", "objet", "asunto", "oggetto", "onderwerp", "ämne", "emne", "temat",
                "předmět", "predmet", "naslov", "teema", "tárgy", "aihe", "konu", "subiect", "assunto", "件名",
                "主题", "主旨", "제목"),
    "reply_to": ("reply-to", "ответить", "antwort an", "répondre à"),
}
_LABEL_FIELD = {label: fld for fld, labels in LABELS.items() for label in labels}
_LABEL_RE = re.compile(
    r"^\s*[*_]{0,2}(?P<label>" + "|".join(sorted((re.escape(l) for l in _LABEL_FIELD), key=len, reverse=True))
    + r")[*_]{0,2}\s*[:：][*_]{0,2}[ \t]*(?P<value>.*)$",
    re.I,
)

# Separators: dashes/underscores around words, or a phrase ending with a colon.
_FORWARD_WORDS = re.compile(
    r"forward|пересыл|перенаправ|переадрес|пересла|weiterge|transf[ée]r|r[ée]exp[ée]di|reenv|inoltr|doorgest|"
    r"vidarebef|videresend|przekaz|přeposl|preposl|továbbí|välitet|iletil|encaminh|proslijeđ|edastat|"
    r"転送|转发|轉寄|전달", re.I)
_DASH_SEP = re.compile(r"^\s*[-_=*]{2,}\s*(?P<words>[^-_=*].{1,80}?)\s*[-_=*]{2,}\s*$")
_LINE_ONLY = re.compile(r"^\s*[-_=]{8,}\s*$")
_COLON_SEP = re.compile(
    r"^\s*(?P<words>(begin forwarded message|начало переадресованного сообщения|anfang der weitergeleiteten "
    r"nachricht|début du message réexpédié|inicio del mensaje reenviado|inizio messaggio inoltrato|"
    r"begin doorgestuurd bericht|vidarebefordrat mejl|videresendt melding|początek przekazywanej wiadomości|"
    r"začátek přeposlané zprávy|forwarded message|пересылаемое сообщение|[^:]{0,40}forwarded[^:]{0,40}))\s*:?\s*$",
    re.I)
END_FORWARD = re.compile(r"^\s*-{2,}\s*(конец пересылаемого сообщения|end (of )?forwarded message|"
                         r"конец перенаправленного сообщения)\s*-{2,}\s*$", re.I)

# Attribution lines.
_ADDR_IN_ANGLES = re.compile(r"<\s*(?:mailto:)?([^<>@\s]+@[^<>\s]+?)\s*>")
_BARE_ADDR = re.compile(r"\b([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\b")
_HAS_DATE = re.compile(r"\d{4}|\d{1,2}[:.]\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")
_WROTE = re.compile(
    r"(написал\(а\)|написала|написал|напиcал|пишет|пише|написав|написала|wrote|schrieb|a écrit|escribió|"
    r"ha scritto|schreef|skrev|napisał\(a\)|napisała|napisał|napsal\(a\)|napsal|napisao|kirjoitti|írta|"
    r"escreveu|yazdı|scria|a scris|kirjutas|написао|寫道|写道|のメッセージ|님이 작성)\s*[:：]?\s*$", re.I)
_RU_GMAIL_TAIL = re.compile(r"(?:,|\bот|\bfrom)\s+(?P<who>[^,]{0,120}?)\s*<[^<>@\s]+@[^<>\s]+>\s*[:：]\s*$", re.I)


@dataclass
class HeaderInfo:
    """What a quote header says about the letter below it."""

    kind: str                          # attribution | block | separator
    lines: int                         # how many lines the header takes
    sender: Address | None = None
    date_text: str = ""
    subject: str = ""
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    forward: bool = False
    text: str = ""


def clean(line: str) -> str:
    """A line ready for matching: format characters gone, quote markers kept."""
    return strip_format_chars(line).rstrip()


def parse_addresses(value: str) -> list[Address]:
    """Addresses from a header value («Иван <i@x.ru>, p@y.ru», «Иван Петров»), tolerant of junk."""
    value = value.strip().strip(";")
    if not value:
        return []
    result = []
    for name, addr in getaddresses([value.replace(";", ",")]):
        name = name.strip().strip('"').strip()
        addr = addr.strip().lower()
        if "@" not in addr:
            name, addr = (name or addr), ""
        if name or addr:
            result.append(Address(name, addr))
    if not result or all(not a.addr for a in result):
        found = _BARE_ADDR.findall(value)
        if found:
            return [Address(_name_before(value), a.lower()) for a in found[:1]] + [Address("", a.lower()) for a in found[1:]]
        return [Address(value.strip('"'), "")]
    return result


def _name_before(value: str) -> str:
    m = _BARE_ADDR.search(value)
    return value[: m.start()].strip().strip('"<[( ').strip() if m else ""


def label_of(line: str) -> tuple[str, str] | None:
    """(field, value) when ``line`` is a «Label: value» header-block line."""
    m = _LABEL_RE.match(clean(line))
    if not m:
        return None
    return _LABEL_FIELD[m.group("label").lower()], m.group("value").strip()


def match_block(lines: list[str], i: int) -> HeaderInfo | None:
    """A header block starting at ``lines[i]``: «От:» plus at least two more labels, or three labels of any kind."""
    fields: dict[str, str] = {}
    j = i
    last_label_line = i - 1
    while j < len(lines) and j < i + 14:
        line = lines[j]
        lab = label_of(line)
        if lab:
            fld, value = lab
            if fld in fields and fld != "reply_to":
                break
            fields[fld] = value
            last_label_line = j
            j += 1
            continue
        stripped = clean(line).strip()
        if not stripped:
            # a blank line ends the block, except right after the first label when values wrap
            break
        if fields and j == last_label_line + 1 and last_label_line >= i and _is_continuation(stripped):
            prev = list(fields)[-1]
            fields[prev] = (fields[prev] + " " + stripped).strip()
            j += 1
            continue
        break
    if j == i or "from" not in fields and len(fields) < 3:
        return None
    if len(fields) < 3 and not ("from" in fields and ("date" in fields or "subject" in fields) and len(fields) >= 2):
        return None
    if "from" not in fields and "subject" not in fields:
        return None
    if "from" in fields and lines and label_of(lines[i]) and label_of(lines[i])[0] not in ("from", "subject", "date", "to"):
        return None
    info = HeaderInfo("block", j - i)
    senders = parse_addresses(fields.get("from", ""))
    info.sender = senders[0] if senders else None
    info.date_text = fields.get("date", "")
    info.subject = fields.get("subject", "")
    info.to = parse_addresses(fields.get("to", ""))
    info.cc = parse_addresses(fields.get("cc", ""))
    return info


def _is_continuation(s: str) -> bool:
    """A wrapped header value: an address list going on, or an address on its own line."""
    return bool(s.startswith("<") or _BARE_ADDR.match(s) or s.endswith(">") or s.endswith(">,"))


def match_separator(lines: list[str], i: int) -> tuple[int, bool] | None:
    """(lines taken, is a forward) when ``lines[i]`` is a separator above a header block (or a known phrase)."""
    s = clean(lines[i])
    words = None
    m = _DASH_SEP.match(s)
    if m and not _LINE_ONLY.match(s):
        words = m.group("words")
    elif _LINE_ONLY.match(s):
        words = ""
    else:
        m = _COLON_SEP.match(s)
        if m:
            words = m.group("words")
    if words is None:
        return None
    # the block may follow after blank lines
    k = i + 1
    while k < len(lines) and k <= i + 3 and not clean(lines[k]).strip():
        k += 1
    followed = k < len(lines) and match_block(lines, k) is not None
    known = bool(_FORWARD_WORDS.search(words)) or bool(re.search(
        r"original message|исходное сообщение|ursprüngliche nachricht|message d'origine|mensaje original|"
        r"messaggio originale|oorspronkelijk bericht|originalmeddelande|wiadomość oryginalna|původní zpráva|"
        r"opprinnelig melding|alkuperäinen viesti|eredeti üzenet|orijinal mesaj|оригинальное сообщение",
        words, re.I))
    if not followed and not (known and words):
        return None
    return k - i, bool(_FORWARD_WORDS.search(words))


def match_attribution(lines: list[str], i: int) -> HeaderInfo | None:
    """An attribution header at ``lines[i]`` (joined with up to two following lines when wrapped)."""
    first = clean(lines[i]).strip()
    if not first or first.startswith(">") and not first.lstrip("> ").strip():
        return None
    if len(first) > 250:
        return None
    for n in (1, 2, 3):
        if i + n > len(lines):
            break
        parts = [clean(l).strip() for l in lines[i:i + n]]
        if n > 1 and not parts[-1]:
            break
        # a wrapped attribution continues on a line that may itself carry a quote marker
        joined = parts[0]
        for p in parts[1:]:
            if joined.count("<") > joined.count(">") and p.startswith(">"):
                joined += p          # «<addr» then «>:» — the bracket closes, it is not a quote marker
            else:
                joined += " " + p.lstrip(">").strip()
        joined = re.sub(r"<\s+", "<", re.sub(r"\s+>", ">", joined))
        info = _attribution(joined)
        if info:
            info.lines = n
            return info
        if parts[-1].endswith(":") and n >= 1:
            break
    return None


def _attribution(s: str) -> HeaderInfo | None:
    if not s.endswith((":", "：")) or len(s) > 300:
        return None
    wrote = _WROTE.search(s)
    has_date = bool(_HAS_DATE.search(s))
    addrs = _ADDR_IN_ANGLES.findall(s)
    if wrote:
        head = s[: wrote.start()].strip().rstrip(",")
        if not (has_date or addrs or len(head.split()) <= 6):
            return None
        if len(head.split()) > 25:
            return None
        date_text, who = _split_date_who(head)
        return _info(s, date_text, who)
    gm = _RU_GMAIL_TAIL.search(s)
    if gm and has_date:
        head = s[: gm.start()].strip().rstrip(",")
        who = s[gm.start():].lstrip(",").strip()
        who = re.sub(r"^(от|from)\s+", "", who, flags=re.I).rstrip(":： ")
        if not _HAS_DATE.search(head):
            return None
        return _info(s, head, who)
    return None


def _split_date_who(head: str) -> tuple[str, str]:
    """Split «20 окт. 2016 г. 19:37 пользователь "Имя" <a@b>» / «On Thu, … PM Name <a@b>» into date and sender."""
    head = re.sub(r"^(on|am|le|el|il|op|den|dnia|dne|em)\s+", "", head, flags=re.I)
    m = re.search(r"\s(пользователь|користувач|user)\s", head, re.I)
    if m:
        return head[: m.start()].strip(" ,"), head[m.end():].strip()
    # the sender starts after the last time or year
    last = None
    for last in re.finditer(r"\d{1,2}[:.]\d{2}(?::\d{2})?(\s*[AaPp]\.?[Mm]\.?)?(\s*(GMT|UTC)?[+-]\d{2}:?\d{2})?|\b\d{4}\b( г\.| р\.)?|"
                            r"\d{1,2}[./]\d{1,2}[./]\d{2,4}", head):
        pass
    if last is None:
        return "", head.strip(" ,")
    date_text, who = head[: last.end()], head[last.end():]
    return date_text.strip(" ,"), re.sub(r"^[,\s]*(от|from|de|von)?\s*", "", who).strip()


def _info(s: str, date_text: str, who: str) -> HeaderInfo:
    who = who.strip().rstrip(":").strip()
    sender = None
    addrs = parse_addresses(who) if who else []
    if addrs:
        sender = addrs[0]
    return HeaderInfo("attribution", 1, sender=sender, date_text=date_text, text=s)
