"""Dates as mail clients write them in quote headers, in Russian and English.

«чт, 26 янв. 2023 г. в 14:58», «20 окт. 2016 г. 19:37», «26.06.2014, 14:41», «Среда, 15 мая 2019, 11:57 +03:00»,
«28/10/2021, 12:46», «Thu, Jan 26, 2023 at 2:58 PM», RFC 5322 dates. The result is the wall time as written
(naive unless an offset is given): that is all a thread needs to order letters and measure a delay.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
    "окт": 10, "ноя": 11, "дек": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12,
    # a few more languages seen in reply suites
    "jän": 1, "mär": 3, "mai": 5, "okt": 10, "dez": 12, "févr": 2, "janv": 1, "avr": 4, "juil": 7, "déc": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12, "gen": 1, "set": 9, "ott": 10,
    "січ": 1, "лют": 2, "бер": 3, "квіт": 4, "трав": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9, "жовт": 10,
    "лист": 11, "груд": 12,
    "tammi": 1, "helmi": 2, "maalis": 3, "huhti": 4, "touko": 5, "kesä": 6, "heinä": 7, "elo": 8, "syys": 9,
    "loka": 10, "marras": 11, "joulu": 12,
    "sty": 1, "lut": 2, "kwi": 4, "maj": 5, "cze": 6, "lip": 7, "sie": 8, "wrz": 9, "paź": 10, "lis": 11, "gru": 12,
    "led": 1, "úno": 2, "bře": 3, "dub": 4, "kvě": 5, "srp": 8, "zář": 9, "říj": 10, "pro": 12,
    "mrt": 3, "mei": 5, "márc": 3, "máj": 5, "jún": 6, "júl": 7, "szep": 9,
    "ocak": 1, "şub": 2, "nis": 4, "haz": 6, "tem": 7, "ağu": 8, "eyl": 9, "eki": 10, "kas": 11, "ara": 12,
    "fev": 2, "out": 10, "mag": 5, "giu": 6, "lug": 7, "ian": 1, "iun": 6, "iul": 7, "noi": 11,
}
# weekdays that start like a month («mardi», «martes» — Tuesday — are not March)
_NOT_MONTHS = {"mardi", "martes", "marți", "marţi", "martedì", "martedi", "mercredi", "maandag", "mandag", "måndag",
               "maanantai", "maanantaina", "mai"[:0]}
_MONTH_RE = re.compile(r"\b([^\W\d_]{3,12})\.?")
# a time is «14:58», «2:58 PM», «12.46» — but not the «13.05» of «13.05.2020»
_TIME_RE = re.compile(r"(?<![\d./-])(\d{1,2})([:.])(\d{2})(?::(\d{2}))?(?![\d]|[./-]\d)\s*([AaPp]\.?[Mm]\.?)?")
_NUMERIC_RE = re.compile(r"\b(\d{1,4})[./-] ?(\d{1,2})[./-] ?(\d{2,4})\b")
_YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
_OFFSET_RE = re.compile(r"(?:GMT|UTC)?\s*([+-])(\d{2}):?(\d{2})\b")


# Unicode format characters (category Cf, Unicode 14), as ranges: a regular expression removes them far faster
# than asking unicodedata about every character of every line.
_CF_RANGES = ((0xAD, 0xAD), (0x600, 0x605), (0x61C, 0x61C), (0x6DD, 0x6DD), (0x70F, 0x70F), (0x890, 0x891),
              (0x8E2, 0x8E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064),
              (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
              (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0001, 0xE0001), (0xE0020, 0xE007F))
_CF_RE = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _CF_RANGES) + "]")
_NBSP_RE = re.compile("[\u00a0\u202f\u2007]")


def strip_format_chars(s: str) -> str:
    """Remove Unicode format characters (U+200E and kin) and turn non-breaking spaces into spaces."""
    if s.isascii():
        return s
    return _NBSP_RE.sub(" ", _CF_RE.sub("", s))


def parse_date(text: str) -> datetime | None:
    """Best-effort parse of a date written in a quote header or a Date: line; None when there is no date."""
    s = strip_format_chars(text).strip()
    if not s:
        return None
    if not re.search(r"\d\s*[AaPp]\.?[Mm]\b", s):     # RFC 5322 parsing ignores «PM»
        try:
            d = parsedate_to_datetime(s)
            if d is not None:
                return d
        except (TypeError, ValueError, IndexError):
            pass
    low = s.lower()
    hour = minute = 0
    if _YEAR_RE.search(low):
        # «klo 09.26.50» (Finnish, Danish): with a full year elsewhere, h.mm.ss is a time, not a date
        low = re.sub(r"(?<![\d.])([01]?\d|2[0-3])\.([0-5]\d)\.([0-5]\d)(?![\d.])", r"\1:\2:\3", low)
    times = [m for m in _TIME_RE.finditer(low) if int(m.group(1)) < 24 and int(m.group(3)) < 60]
    t = next((m for m in times if m.group(2) == ":"), times[0] if times else None)
    if t:
        hour, minute = int(t.group(1)), int(t.group(3))
        ampm = (t.group(5) or "").replace(".", "").lower()
        if not ampm and re.match(r"\s*(nachm|p\.?m|пп|после полудня)", low[t.end():]):
            ampm = "pm"
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        low_wo_time = low[: t.start()] + " " + low[t.end():]
    else:
        low_wo_time = low
    year = month = day = None
    cjk = re.search(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", low_wo_time)
    n = _NUMERIC_RE.search(low_wo_time) if not cjk else None
    if cjk:
        year, month, day = int(cjk.group(1)), int(cjk.group(2)), int(cjk.group(3))
    elif n:
        a, b, c = n.group(1), n.group(2), n.group(3)
        if len(a) == 4:            # 2023-01-26
            year, month, day = int(a), int(b), int(c)
        else:                      # 26.01.2023 or 26/01/2023 (day first, as in Russia and Europe)
            day, month, year = int(a), int(b), int(c)
            if month > 12 and day <= 12:   # 01/26/2023, US order
                day, month = month, day
        if year < 100:
            year += 2000
    else:
        y = _YEAR_RE.search(low_wo_time)
        if not y:
            return None
        year = int(y.group(1))
        candidates = []
        for m in _MONTH_RE.finditer(low_wo_time):
            word = m.group(1)
            # a month word is a known stem plus a short ending («марта», «September»), not any word that
            # happens to start like one («marraskuuta» is not «mar»)
            key = next((k for k in (word[:6], word[:5], word[:4], word[:3]) if k in _MONTHS and len(word) - len(k) <= 9),
                       None)
            if not key or word in _NOT_MONTHS:
                continue
            near_before = re.search(r"(\d{1,2})\.?\s*(?:de\s+)?$", low_wo_time[max(0, m.start() - 8):m.start()])
            near_after = re.match(r"\.?\s*(\d{1,2})\b(?!\d)", low_wo_time[m.end():])
            candidates.append((not (near_before or near_after), m, key, near_before, near_after))
        if candidates:
            # the month next to a day number («2 de noviembre», «Oct 27»), not the weekday «martes»/«mardi»
            _, m, key, near_before, near_after = min(candidates, key=lambda c: c[0])
            month = _MONTHS[key]
            if near_before:
                day = int(near_before.group(1))
            elif near_after:
                day = int(near_after.group(1))
            else:
                before = re.findall(r"\b(\d{1,2})\b", low_wo_time[: m.start()])
                day = int(before[-1]) if before else None
        if month is None or day is None:
            return None
    try:
        result = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    off = _OFFSET_RE.search(s[t.end():] if t else "")
    if off:
        sign = 1 if off.group(1) == "+" else -1
        result = result.replace(tzinfo=timezone(sign * timedelta(hours=int(off.group(2)), minutes=int(off.group(3)))))
    return result
