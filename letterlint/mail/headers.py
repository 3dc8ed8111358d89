"""Recognising the lines mail clients put above quoted and forwarded letters.

Three shapes cover the clients we know:
- an **attribution** line: «чт, 26 янв. 2023 г. в 14:58, Иван <i@x.ru>:», «13.05.2020 11:43, Иван пишет:»,
  «On Thu, Jan 26, 2023 at 2:58 PM Ivan <i@x.ru> wrote:», «Max <m@x.de> schrieb am Fr., 28. Apr. 2017 um 11:53
  Uhr:» — often wrapped over two to four lines (Gmail puts the address's «>:» on a line of its own, sometimes
  itself prefixed with «>»);
- a **header block**: «От:», «Отправлено:»/«Дата:», «Кому:», «Копия:», «Тема:» lines (Outlook, new Outlook,
  Mail.ru and Yandex forwards, Thunderbird forwards with a TAB after the label), in many languages; Yahoo's HTML
  forwards flattened to text glue the whole block onto the separator line, which we take apart as well;
- a **separator** line above a block: «-----Исходное сообщение-----», «-------- Пересылаемое сообщение --------»,
  a line of underscores, Apple Mail's «Начало переадресованного сообщения:» in its 21 languages.

An attribution is read with a small grammar rather than one regular expression: its words must all be date
words, a single run of name words (or a quoted name), an address, a "wrote" word and a few connecting words
(«пользователь», «от», «heeft», …). That is what keeps the author's own sentences — «Как Иван написал вчера в
14:00:» — out of it: a sentence has free words in more than one place.

Matching runs on lines with Unicode format characters removed (Windows Mail puts U+200E inside dates).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from email.utils import getaddresses

from letterlint.mail.dates import strip_format_chars
from letterlint.mail.model import Address

# --------------------------------------------------------------------------------------------------------------
# Header-block labels by field, in the languages of the clients our users and their clients use.
LABELS: dict[str, tuple[str, ...]] = {
    "from": ("от", "от кого", "отправитель", "від", "від кого", "відправник", "from", "sender", "von", "absender",
             "de", "de la", "da", "mittente", "van", "afzender", "från", "avsändare", "fra", "afsender", "od",
             "nadawca", "odesílatel", "odosielateľ", "pošiljatelj", "šalje", "saatja", "lähettäjä", "feladó",
             "kimden", "gönderen", "expéditeur", "remitente", "remetente", "expeditor", "expeditorul",
             "发件人", "寄件者", "差出人", "送信者", "送信元", "보낸 사람", "보낸사람"),
    "date": ("дата", "отправлено", "дата отправки", "надіслано", "відправлено", "date", "sent", "sent at", "datum",
             "gesendet", "envoyé", "fecha", "enviado", "enviada", "data", "inviato", "verzonden", "skickat", "sendt",
             "dato", "wysłano", "wysłane", "odesláno", "odoslané", "poslano", "poslato", "saadetud", "elküldve",
             "dátum", "lähetetty", "päivämäärä", "päiväys", "tarih", "gönderildi", "gönderilen", "trimis", "dată",
             "日付", "送信日時", "日期", "发送时间", "發送時間", "날짜", "보낸 날짜"),
    "to": ("кому", "получатель", "получатели", "to", "an", "empfänger", "à", "a", "pour", "destinataire", "para",
           "destinatario", "aan", "till", "til", "do", "adresat", "komu", "pre", "prima", "kellele", "címzett",
           "vastaanottaja", "kime", "alıcı", "către", "destinatarul", "宛先", "收件人", "送信先", "받는 사람",
           "받는사람"),
    "cc": ("копия", "копія", "cc", "kopie", "kopie (cc)", "copie", "copie à", "kopi", "kopia", "kópia", "kopio",
           "dw", "másolat", "másolatot kap", "bilgi", "cópia", "抄送", "副本", "참조"),
    "subject": ("тема", "subject", "betreff", "objet", "sujet", "asunto", "oggetto", "onderwerp", "ämne", "emne",
                "temat", "předmět", "predmet", "naslov", "teema", "tárgy", "aihe", "konu", "subiect", "subiectul",
                "assunto", "件名", "主题", "主旨", "제목"),
    "reply_to": ("reply-to", "reply to", "ответить", "обратный адрес", "antwort an", "répondre à", "responder a",
                 "rispondi a", "risposta", "svara till", "odpowiedz do"),
}
_LABEL_FIELD = {label: fld for fld, labels in LABELS.items() for label in labels}
_LABEL_ALT = "|".join(sorted((re.escape(l) for l in _LABEL_FIELD), key=len, reverse=True))
_LABEL_RE = re.compile(
    r"^\s*[*_]{0,2}(?P<label>" + _LABEL_ALT + r")[*_]{0,2}[ \t]*[:：][*_]{0,2}[ \t]*(?P<value>.*)$", re.I)
_GLUED_LABEL_RE = re.compile(r"(?P<label>" + _LABEL_ALT + r")[ \t]*[:：]", re.I)

# --------------------------------------------------------------------------------------------------------------
# Separators.
_FORWARD_WORDS = re.compile(
    r"forward|fwd\.?\s*msg|пересыл|перенаправ|переадрес|пересла|переслан|weiterge|transf[ée]r|r[ée]exp[ée]di|"
    r"reenvi|inoltr|doorgest|vidarebef|videresend|przekaz|přepos|prepos|továbbí|välitet|iletil|encaminh|"
    r"redirec|proslijeđ|edastat|転送|转发|轉寄|전달", re.I)
_ORIGINAL_WORDS = re.compile(
    r"original message|original-nachricht|исходное сообщение|оригинальное сообщение|початкове повідомлення|"
    r"ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|mensagem original|"
    r"oorspronkelijk bericht|originalmeddelande|opprinnelig melding|oprindelig meddelelse|wiadomość oryginalna|"
    r"původní zpráva|pôvodná správa|alkuperäinen viesti|eredeti üzenet|orijinal mesaj|mesajul original|"
    r"izvorna poruka|원본 메시지|元のメッセージ|原始邮件", re.I)
_DASH_SEP = re.compile(r"^[-_=*~]{2,}\s*(?P<words>[^-_=*~\s](?:.{0,80}?[^-_=*~\s])?)\s*[-_=*~]{2,}\s*(?P<rest>.*)$")
_DASH_LINE = re.compile(r"^[-_=*~]{2,}\s*(?P<words>[^-_=*~\s].{0,100}?)\s*[-_=*~]{2,}(?P<rest>)$")
_LINE_ONLY = re.compile(r"^[-_=]{8,}$")
# Apple Mail's «Begin forwarded message:» in its languages, and the other known introducing phrases.
_PHRASES = {
    "begin forwarded message", "forwarded message", "original message", "начало переадресованного сообщения",
    "пересылаемое сообщение", "перенаправленное сообщение", "исходное сообщение", "початок листа, що пересилається",
    "переслане повідомлення", "anfang der weitergeleiteten nachricht", "weitergeleitete nachricht",
    "début du message réexpédié", "message transféré", "inicio del mensaje reenviado", "mensaje reenviado",
    "inizio messaggio inoltrato", "messaggio inoltrato", "begin doorgestuurd bericht", "doorgestuurd bericht",
    "vidarebefordrat mejl", "vidarebefordrat meddelande", "videresendt melding", "videresendt meddelelse",
    "start på videresendt besked", "początek przekazywanej wiadomości", "przekazana wiadomość",
    "začátek přeposílané zprávy", "přeposlaná zpráva", "začiatok preposlanej správy", "preposlaná správa",
    "välitetty viesti alkaa", "välitetty viesti", "započni proslijeđenu poruku", "proslijeđena poruka",
    "továbbított levél kezdete", "továbbított üzenet", "início da mensagem reencaminhada",
    "início da mensagem encaminhada", "mensagem encaminhada", "mensagem reencaminhada", "începe mesajul redirecționat",
    "mesaj redirecționat", "ileti başlangıcı", "iletilen ileti", "iletilmiş mesaj",
}
END_FORWARD = re.compile(r"^\s*-{2,}\s*(конец пересылаемого сообщения|конец перенаправленного сообщения|"
                         r"end (of )?forwarded message|ende der weitergeleiteten nachricht)\s*-{2,}\s*$", re.I)

# --------------------------------------------------------------------------------------------------------------
# Attribution grammar.
_ADDR = r"[^<>()\[\]@\s,;:\"']+@[^<>()\[\]@\s,;:\"']+\.[^<>()\[\]@\s,;:\"']+"
_ADDR_FORMS = re.compile(
    r"<\s*(?:mailto:)?(?P<a1>" + _ADDR + r")\s*>|\(\s*<?\s*(?:mailto:)?(?P<a2>" + _ADDR + r")\s*>?\s*\)|"
    r"\[\s*mailto:\s*(?P<a3>" + _ADDR + r")\s*\]|(?P<a4>(?<![\w.+-])" + _ADDR + r")")
_QUOTED_NAME = re.compile(r"\"([^\"]{1,80})\"|«\s*([^»]{1,80}?)\s*»|„([^”“\"]{1,80})[”“\"]|“([^”]{1,80})”|'([^']{1,60})'")
_WROTE = (
    "написал(а)", "написала", "написал", "написали", "напиcал", "пишет", "пише", "написав", "написала", "написало",
    "писал(а)", "писала", "писал", "писали", "пишете",
    "wrote", "writes", "schrieb", "schreef", "geschreven", "skrev", "écrit", "escribió", "escribio", "escreveu",
    "scritto", "scris", "napisał(a)", "napisała", "napisał", "napisal", "napsal(a)", "napsala", "napsal", "napísal(a)",
    "napísal", "napisao", "napisala", "kirjoitti", "írta", "yazdı", "kirjutas", "написао", "寫道", "写道",
)
_WROTE_SET = {w.lower() for w in _WROTE}
_LEAD = {"on", "am", "le", "el", "il", "giorno", "op", "den", "d.", "dne", "dňa", "dnia", "w", "dniu", "em", "no",
         "dia", "в", "во", "у", "pe", "o", "в", "на"}
_ROLE = {"пользователь", "користувач", "user", "użytkownik", "používateľ", "uživatel", "időpontban", "heeft",
         "от", "from", "von", "de", "het", "volgende", "følgende", "följande", "tarihinde", "şunu", "ezt", "a", "ha",
         "has", "have", "пользователем", "kullanıcısı"}
_DATE_WORDS = {
    "г", "г.", "р", "р.", "в", "о", "at", "um", "uhr", "à", "a", "las", "às", "alle", "om", "kl", "kl.", "klo", "godz.",
    "de", "del", "den", "года", "am", "pm", "a.m.", "p.m.", "gmt", "utc", "cet", "cest", "eet", "eest", "msk", "msd",
    "est", "edt", "pst", "pdt", "bst", "mez", "mesz", "seč", "nachm.", "vorm.", "nachm", "vorm", "ora", "kello",
    "и", "до", "после", "полудня", "z", "ve", "v",
}
_MONTH_PREFIXES = (
    "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    "січ", "лют", "бер", "квіт", "трав", "черв", "лип", "серп", "вер", "жовт", "лист", "груд",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    "jän", "mär", "mai", "okt", "dez", "janv", "févr", "fév", "avr", "juil", "aoû", "déc", "ene", "abr", "ago", "dic",
    "gen", "mag", "giu", "lug", "set", "ott", "maart", "mei", "juni", "juli", "sty", "lut", "kwi", "maj", "cze",
    "lip", "sie", "wrz", "paź", "lis", "gru", "led", "úno", "bře", "dub", "kvě", "čer", "srp", "zář", "říj", "pro",
    "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu",
    "oca", "şub", "nis", "haz", "tem", "ağu", "eyl", "eki", "kas", "ara", "január", "február", "március", "április",
    "május", "június", "július", "augusztus", "szeptember", "október", "november", "december",
)
# Whole month names and their usual abbreviations: a bare «Apr» or «октября» next to a number is a date word
# («On Apr 3, 2012»), while «Mark» after a date is a name.
_MONTH_WORDS = set("""
jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov
november dec december
январь января янв февраль февраля фев март марта мар апрель апреля апр май мая июнь июня июн июль июля июл август
августа авг сентябрь сентября сен сент октябрь октября окт ноябрь ноября ноя дек декабрь декабря
січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня січ лют бер квіт трав черв
лип серп вер жовт лист груд
januar jänner februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre
octobre novembre décembre janv févr avr juil déc enero febrero marzo abril mayo junio julio agosto septiembre
setiembre octubre noviembre diciembre ene abr ago dic janeiro fevereiro março maio junho julho setembro outubro
dezembro gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre gen mag giu lug ott januari
februari maart mei augustus stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października
listopada grudnia augusti marts maj tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta
elokuuta syyskuuta lokakuuta marraskuuta joulukuuta ledna února března dubna května června července srpna září
října listopadu prosince ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık
""".split())
_WEEKDAY_PREFIXES = (
    "пн", "вт", "ср", "чт", "пт", "сб", "вс", "пон", "втор", "сред", "четв", "пятн", "субб", "воскр",
    "пнд", "вів", "сер", "чет", "птн", "суб", "нд", "неділ",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "mo", "di", "mi", "do", "fr", "sa", "so", "lun", "mar", "mer",
    "jeu", "ven", "sam", "dim", "mié", "jue", "vie", "sáb", "dom", "gio", "maa", "woe", "don", "vri", "zat", "zon",
    "pon", "wto", "śro", "czw", "pią", "sob", "nie", "tis", "ons", "tor", "fre", "lør", "søn", "lör", "sön",
    "ma", "ti", "ke", "to", "pe", "la", "su", "pzt", "sal", "çar", "per", "cum", "cmt", "paz", "h", "k", "sze", "cs",
    "p", "szo", "v", "út", "st", "čt", "pá", "so", "ne",
)
_TZ_OR_TIME = re.compile(r"^\(?(?:gmt|utc)?[+-−]\d{1,2}:?\d{2}\)?[,.]?$|^\(?(?:gmt|utc)[+-]?\d{0,2}(?::\d{2})?\)?[,.]?$", re.I)


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
    needs_quote: bool = False          # an attribution that only counts when a quote block follows it


@functools.lru_cache(maxsize=1 << 16)
def clean(line: str) -> str:
    """A line ready for matching: format characters gone, quote markers kept."""
    return strip_format_chars(line).rstrip()


# --------------------------------------------------------------------------------------------------------------
# Addresses.

def parse_addresses(value: str) -> list[Address]:
    """Addresses from a header value («Иван <i@x.ru>, p@y.ru», «Иван Петров», «Ivan [mailto:i@x.ru]»), tolerant of junk."""
    value = strip_format_chars(value).strip().strip(";")
    if not value:
        return []
    value = re.sub(r"\[\s*mailto:\s*([^\]\s]+)\s*\]", r"<\1>", value, flags=re.I)
    value = re.sub(r"<\s*mailto:", "<", value, flags=re.I)
    value = re.sub(r"(\S+@[^<>\s]+)<\1>", r"\1", value)          # «a@b<a@b>» (Outlook's doubled link)
    value = re.sub(r"\(\s*<?\s*([^()<>\s]+@[^()<>\s]+?)\s*>?\s*\)", r"<\1>", value)   # «Name (a@b)»
    value = value.replace("«", '"').replace("»", '"').replace("„", '"').replace("”", '"').replace("“", '"')
    result = []
    try:
        pairs = getaddresses([value.replace(";", ",")])
    except Exception:  # pragma: no cover - getaddresses is tolerant, but hostile input is hostile
        pairs = []
    for name, addr in pairs:
        name = " ".join(name.strip().strip('"').split())
        addr = addr.strip().lower()
        if "@" not in addr:
            name, addr = (name or addr), ""
        if name and "@" in name and addr and name.lower() == addr:
            name = ""
        if name or addr:
            result.append(Address(name, addr))
    if not result or all(not a.addr for a in result):
        found = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", value)
        if found:
            return [Address(_name_before(value), found[0].lower())] + [Address("", a.lower()) for a in found[1:]]
        return [Address(value.strip('"').strip(), "")]
    return result


def _name_before(value: str) -> str:
    m = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", value)
    return value[: m.start()].strip().strip('"<[( ').strip() if m else ""


# --------------------------------------------------------------------------------------------------------------
# Header blocks.

def label_of(line: str) -> tuple[str, str] | None:
    """(field, value) when ``line`` is a «Label: value» header-block line."""
    m = _LABEL_RE.match(clean(line))
    if not m:
        return None
    return _LABEL_FIELD[m.group("label").lower()], m.group("value").strip().strip("*_").strip()


def _plausible_sender(value: str) -> bool:
    """«Иван Петров <i@x.ru>» is a sender; «15 000 ₽» (a price list line «От: 15 000 ₽») is not."""
    v = value.strip()
    if "@" in v:
        return True
    if not v or not re.search(r"[^\W\d_]", v):
        return False
    first = v[:1]
    if not (first.isupper() or (first.isalpha() and not first.islower()) or first in "\"«'„“"):
        return False      # «От: 15 000 ₽», «От: ивана получили …» — names start with a capital
    return len(v.split()) <= 8 and not re.search(r"[?!:;]|\.\s*$", v.replace("\\", "")) or bool(
        re.search(r"\b[А-ЯA-Z]\.$", v))


def match_block(lines: list[str], i: int, after_separator: bool = False) -> HeaderInfo | None:
    """A header block starting at ``lines[i]``.

    Standing alone it needs «От:» with a plausible sender and two more labels (or an address and a date or
    subject); right under a separator two labels are enough.
    """
    fields: dict[str, str] = {}
    last = ""
    j = i
    while j < len(lines) and j < i + 16:
        raw = clean(lines[j])
        lab = label_of(raw)
        if lab:
            fld, value = lab
            if fld in fields:
                break
            fields[fld] = value
            last = fld
            j += 1
            continue
        s = raw.strip()
        if not s or not fields:
            break
        nxt = label_of(lines[j + 1]) if j + 1 < len(lines) else None
        if _is_continuation(s) or (nxt and nxt[0] not in fields and len(s) <= 120):
            # a wrapped value: an address list going on, or a long subject wrapped before the next label
            fields[last] = (fields[last] + " " + s).strip()
            j += 1
            continue
        break
    return _block_info(fields, j - i, after_separator)


def _block_info(fields: dict[str, str], n_lines: int, after_separator: bool) -> HeaderInfo | None:
    if not fields:
        return None
    has_from = "from" in fields
    if has_from and not _plausible_sender(fields["from"]):
        return None
    n = len(fields)
    if after_separator:
        ok = n >= 2 and (has_from or "subject" in fields)
    else:
        ok = has_from and (n >= 3 or (n >= 2 and "@" in fields["from"] and ("date" in fields or "subject" in fields)))
    if not ok:
        return None
    info = HeaderInfo("block", n_lines)
    senders = parse_addresses(fields.get("from", ""))
    info.sender = senders[0] if senders else None
    info.date_text = fields.get("date", "")
    info.subject = " ".join(fields.get("subject", "").split())
    info.to = parse_addresses(fields.get("to", ""))
    info.cc = parse_addresses(fields.get("cc", ""))
    return info


def _is_continuation(s: str) -> bool:
    """A wrapped header value: an address list going on, or an address on its own line."""
    return bool(s.startswith("<") or re.match(_ADDR, s) or s.endswith(">") or s.endswith(">,") or s.endswith(">;"))


def parse_glued_block(text: str) -> HeaderInfo | None:
    """A header block flattened onto one line («From: A <a@b>To: c@d Sent: …Subject: X», Yahoo's HTML forwards)."""
    hits = []
    for m in _GLUED_LABEL_RE.finditer(text):
        start = m.start()
        label = m.group("label")
        prev = text[start - 1] if start else " "
        # a label starts the text, follows white space or «>», or is glued to the end of the previous value with a
        # capital letter («…09:26:50 MEZBetreff:»)
        if not (prev.isspace() or prev in ">\"';,)" or (label[:1].isupper() and (prev.isalnum() or prev == "."))):
            continue
        if hits and start < hits[-1][2]:
            continue
        hits.append((start, m.end(), m.end(), _LABEL_FIELD[label.lower()]))
    if len(hits) < 2 or hits[0][0] > 3:
        return None
    fields: dict[str, str] = {}
    for k, (start, vstart, _, fld) in enumerate(hits):
        end = hits[k + 1][0] if k + 1 < len(hits) else len(text)
        if fld not in fields:
            fields[fld] = text[vstart:end].strip()
    return _block_info(fields, 1, True)


# --------------------------------------------------------------------------------------------------------------
# Separators.

def _phrase_key(s: str) -> str:
    s = s.strip().lower().replace("\u0307", "")
    return re.sub(r"\s+", " ", s.rstrip(":： ").strip())


def match_separator(lines: list[str], i: int) -> tuple[int, bool, HeaderInfo | None] | None:
    """(lines taken, is a forward, header) when ``lines[i]`` separates the author's words from an earlier letter.

    The header is the block (or attribution) under the separator, when there is one; the lines taken include it.
    """
    s = clean(lines[i]).strip()
    if not s:
        return None
    words = None
    glued = None
    m = _DASH_LINE.match(s) or _DASH_SEP.match(s)
    if m and not _LINE_ONLY.match(s):
        words = m.group("words")
        rest = m.group("rest").strip()
        if rest:
            glued = parse_glued_block(rest)
            if glued is None:
                return None
        if len(words.split()) > 10 or _WROTE_RE.search(words):
            return None   # «---- On … wrote ----» is an attribution
    elif _LINE_ONLY.match(s):
        words = ""
    elif s.endswith((":", "：")) or len(s) <= 60:
        if _phrase_key(s) in _PHRASES:
            words = s
    if words is None:
        return None
    forward = bool(_FORWARD_WORDS.search(words))
    known = forward or bool(_ORIGINAL_WORDS.search(words)) or _phrase_key(words) in _PHRASES
    if glued is not None:
        glued.kind = "separator"
        glued.forward = forward
        return 1, forward, glued
    k = i + 1
    while k < len(lines) and k <= i + 3 and not clean(lines[k]).strip():
        k += 1
    header = None
    if k < len(lines):
        header = match_block(lines, k, after_separator=bool(words) or known)
        if header is None and known:
            att = match_attribution(lines, k)
            if att and not att.needs_quote:
                header = att
    if header is None and not (known and words):
        return None
    if header is None:
        return 1, forward, None
    return k - i + header.lines, forward, header


# --------------------------------------------------------------------------------------------------------------
# Attributions.

_WROTE_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(_WROTE, key=len, reverse=True))
                       + r")(?!\w)|のメッセージ|님이 작성", re.I)


def match_attribution(lines: list[str], i: int) -> HeaderInfo | None:
    """An attribution header at ``lines[i]``, joined with up to five following lines when wrapped."""
    window = [clean(l).strip() for l in lines[i:i + 6]]
    first = window[0] if window else ""
    if not first or len(first) > 300 or _QUOTE_LINE.match(first):
        return None
    # every attribution has a date or an address, and ends with a colon (but for a few one-line forms)
    if not any(_DIGIT_OR_AT.search(w) for w in window):
        return None
    ends = [n for n in range(1, len(window) + 1) if window[n - 1].endswith((":", "："))]
    if _NO_COLON_START.match(first):
        ends = [1] + [n for n in ends if n != 1]
    for n in ends:
        joined = _join(lines[i:i + n])
        if joined is None:
            return None
        info = parse_attribution(joined)
        if info:
            if n > 1 and any(_dated_attribution(j) for j in (_join(lines[i + k:i + n]) for k in range(1, n)) if j):
                return None        # «Hello» + «On … wrote:»: the attribution starts on a later line
            info.lines = n
            return info
        if len(joined) > 300:
            return None
    return None


def _dated_attribution(s: str) -> bool:
    info = parse_attribution(s)
    return bool(info and re.search(r"\d", info.date_text))


def _join(parts: list[str]) -> str | None:
    """Wrapped attribution lines joined into one; None when they cannot belong together."""
    first = clean(parts[0]).strip()
    if not first or _QUOTE_LINE.match(first):
        return None
    joined = first
    blanks = 0
    for raw in parts[1:]:
        nxt = clean(raw).strip()
        if not nxt:
            # Gmail sometimes breaks «On … Name» / «<» / «mailto:…» / «> wrote:» with blank lines in between
            blanks += 1
            if blanks > 2 or not _LEAD_START.match(first):
                return None
            continue
        if len(nxt) > 120:
            return None
        if _QUOTE_LINE.match(nxt):
            if joined.count("<") > joined.count(">"):
                joined += nxt           # «<addr» then «>:» — the bracket closes, it is not a quote marker
            else:
                return None
        else:
            joined += " " + nxt
    return joined


_QUOTE_LINE = re.compile(r"^[ \t]{0,3}>")
_DIGIT_OR_AT = re.compile(r"[\d@]")
_NO_COLON_START = re.compile(r"^(-{2,}|\d{4}[-/])")
_LEAD_START = re.compile(r"^(on|am|le|el|il|op|den|dne|w dniu|em|в)\s+.{0,20}\d", re.I)


def parse_attribution(s: str) -> HeaderInfo | None:
    """Read one (joined) attribution line; None when it is not one."""
    s = strip_format_chars(s).strip()
    if not s or len(s) > 320:
        return None
    s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    dashed = re.match(r"^-{2,}\s*(.*?)\s*-{2,}$", s)
    if dashed:
        s = dashed.group(1)
    colon = s.endswith((":", "："))
    core = s.rstrip(":： ").strip()
    if not core:
        return None
    # normalise the address forms mail clients write
    core = re.sub(r"<\s*mailto:[^<>]*<\s*(" + _ADDR + r")\s*>\s*>", r"<\1>", core)       # «< mailto:Name <a@b> >»
    core = re.sub(r"(" + _ADDR + r")\s*<\s*mailto:\s*\1\s*>", r"\1", core, flags=re.I)  # «a@b<mailto:a@b>»
    core = re.sub(r"(?<=\S)<", " <", core)

    slots: list[tuple[str, str]] = []     # placeholder tokens: ("addr"|"name", value)

    def _addr(m: re.Match) -> str:
        a = next(g for g in m.groups() if g)
        slots.append(("addr", a))
        return f" \x00{len(slots) - 1} "

    def _quoted(m: re.Match) -> str:
        v = next(g for g in m.groups() if g).strip()
        slots.append(("name", v))
        return f" \x00{len(slots) - 1} "

    work = _QUOTED_NAME.sub(_quoted, core)
    work = _ADDR_FORMS.sub(_addr, work)
    tokens = work.split()
    if not tokens or len(tokens) > 45:
        return None

    kinds: list[str] = []
    for k, tok in enumerate(tokens):
        kinds.append(_classify(tok, k, tokens, slots))
    # «Mar» and friends between date words are date words; so is an abbreviation right after a number
    for k, tok in enumerate(tokens):
        if kinds[k] == "word":
            prev_date = k > 0 and kinds[k - 1] == "date"
            next_date = k + 1 < len(tokens) and kinds[k + 1] == "date"
            if prev_date and next_date:
                kinds[k] = "date"
            elif prev_date and re.search(r"\d", tokens[k - 1]) and tok.endswith(".") and len(tok) <= 7:
                kinds[k] = "date"
            elif (prev_date or next_date) and tok.lower().strip(".,") in _MONTH_WORDS and (
                    re.search(r"\d", tokens[k - 1] if prev_date else "") or
                    (next_date and re.search(r"\d", tokens[k + 1]))):
                kinds[k] = "date"
            elif next_date and tok.endswith((",", ".")) and len(tok) <= 12 and re.search(r"\d", tokens[k + 1]) \
                    and (k == 0 or kinds[k - 1] in ("lead", "role", "wrote", "date")):
                kinds[k] = "date"
    # connectors between a wrote word and another wrote word / role («a écrit», «ha scritto», «het volgende»)
    has_wrote = "wrote" in kinds
    addrs = [slots[int(t[1:])][1] for t, kd in zip(tokens, kinds) if kd == "addr"]
    names = [slots[int(t[1:])][1] for t, kd in zip(tokens, kinds) if kd == "qname"]
    has_digit_date = any(kd == "date" and re.search(r"\d", t) for t, kd in zip(tokens, kinds))
    runs = _runs(tokens, kinds)

    # exactly one name: a run of name words, or a quoted name; a quoted part right after a run of words is part
    # of the same name («Отдел закупок ООО «СтройТехМонтаж-Урал» <z@x.ru>»)
    name_runs = [r for r in runs if r]
    if len(name_runs) == 1 and len(names) == 1:
        q = next(k for k, kd in enumerate(kinds) if kd == "qname")
        if q > 0 and kinds[q - 1] == "word":
            name_runs = [name_runs[0] + [_quote_back(core, names[0])]]
            names = []
    if len(name_runs) + len(names) > 1:
        return None
    run = name_runs[0] if name_runs else []
    if len(run) > 6:
        return None

    needs_quote = False
    if has_wrote:
        if not colon and not dashed:
            return None
        if not (addrs or has_digit_date):
            return None
        if not addrs and not has_digit_date:
            return None
        if not (addrs or names or run):
            return None
        # a wrote word must come after the name or right before it — not in the middle of free text
    elif addrs and colon:
        # Gmail / Yandex / Mail.ru: «DATE, Name <addr>:» — the address is the last thing before the colon
        if kinds[-1] != "addr" or not has_digit_date:
            return None
        if run and not (run[0][:1].isupper() or len(run) == 1):
            return None
        if kinds[0] not in ("date", "lead"):
            return None
    else:
        # Gmail's older forms without a colon: «2016-03-03 17:21 GMT+01:00 Name» and «2013/7/20 Name <addr>»
        if colon or dashed:
            return None
        if re.match(r"^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2} (GMT|UTC)[+-]\d{1,2}:\d{2}\s+\S", core) and len(addrs) <= 1:
            pass
        elif re.match(r"^\d{4}/\d{1,2}/\d{1,2}\s+\S", core) and len(addrs) == 1 and kinds[-1] == "addr":
            needs_quote = True
        else:
            return None
        if not (run or names) or len(run) > 6:
            return None
    if run and not names and run[0][:1].islower() and len(run) > 1 and not needs_quote and not addrs:
        return None
    if not addrs and not re.match(r"^\d{4}-\d{2}-\d{2} ", core):
        # «13.05.2020 11:43, Иван пишет:» is Thunderbird's header, but «Иван написал 5 марта 2023:» may be the
        # author's own sentence: without an address we believe it only when a «>» quote follows
        needs_quote = True

    name = names[0] if names else " ".join(run).strip(" ,")
    if name.lower() in ("вы", "ты", "you"):
        name = ""        # The Bat!: «Вы писали 15 мая 2019 г., 11:57:» — the sender is the letter's addressee
    addr = addrs[0].lower() if addrs else ""
    if name and "@" in name and (not addr or name.lower() == addr):
        addr, name = name.lower(), ""
    date_text = " ".join(t for t, kd in zip(tokens, kinds) if kd == "date").strip(" ,")
    info = HeaderInfo("attribution", 1, sender=Address(name.strip('"\' '), addr) if (name or addr) else None,
                      date_text=date_text, text=s)
    info.needs_quote = needs_quote
    return info


def _quote_back(core: str, name: str) -> str:
    """A quoted name with the quote marks it was written with («…», "…")."""
    for left, right in (("«", "»"), ('"', '"'), ("„", "”"), ("“", "”")):
        if f"{left}{name}{right}" in core or f"{left} {name} {right}" in core:
            return f"{left}{name}{right}"
    return name


def _classify(tok: str, k: int, tokens: list[str], slots: list[tuple[str, str]]) -> str:
    if tok.startswith("\x00"):
        kind, _ = slots[int(tok[1:])]
        return "addr" if kind == "addr" else "qname"
    low = tok.lower().strip(",;")
    if not any(ch.isalnum() for ch in tok):
        return "punct"
    if low in _WROTE_SET or low.rstrip(".") in _WROTE_SET:
        return "wrote"
    if re.search(r"\d", tok):
        return "date"
    if _TZ_OR_TIME.match(low):
        return "date"
    if k == 0 and low in _LEAD:
        return "lead"
    if low in ("il", "giorno") and k <= 1:
        return "lead"
    word = low.rstrip(".,")
    if (low in _DATE_WORDS or word in _DATE_WORDS) and _near_date(k, tokens):
        return "date"       # «2 de fevereiro de 2015», «den 28.», «am 03.02.2016», «at 2:58 PM»
    if low in _ROLE or low in _DATE_WORDS or word in _DATE_WORDS:
        return "role"
    if tok.endswith((".", ",")) and _is_month_or_weekday(word):
        return "date"       # «чт,», «Fr.,», «окт.», «Wednesday,»; bare «Jun», «октября» are settled by neighbours
    if low in _LEAD and k <= 1:
        return "lead"
    return "word"


def _near_date(k: int, tokens: list[str]) -> bool:
    for j in (k - 1, k + 1, k + 2):
        if 0 <= j < len(tokens) and not tokens[j].startswith("\x00") and re.search(r"\d", tokens[j]):
            return True
    return False


def _is_month_or_weekday(word: str) -> bool:
    if not word or len(word) > 12 or not word.isalpha():
        return False
    return any(word.startswith(p) for p in _MONTH_PREFIXES if len(p) >= 3) or word in _WEEKDAY_PREFIXES or \
        any(word.startswith(p) and len(p) >= 3 for p in _WEEKDAY_PREFIXES)


def _runs(tokens: list[str], kinds: list[str]) -> list[list[str]]:
    """Maximal runs of free («word») tokens."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for tok, kd in zip(tokens, kinds):
        if kd == "word":
            cur.append(tok.strip(",;"))
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs
