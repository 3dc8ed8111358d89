"""Time in letters: meeting durations written in words («минут 40», «полтора часа», «с 14:00 до 15:00»), clock
times and deadlines, and the working time between two moments (for slow-reply).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Iterable

CLOCK = re.compile(r"(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d])")
_HOUR_WORDS = r"(?:\bв\s(?:[01]?\d|2[0-3])\s?(?:час(?:а|ов)?|ч\.?)(?:\s|$|[,.!?])|\bв\s(?:[01]?\d|2[0-3])\s(?:утра|дня|вечера)\b|\bв\sполдень\b)"
CLOCK_WORDS = re.compile(_HOUR_WORDS, re.I)

_NUM_WORDS = {
    "пять": 5, "десять": 10, "пятнадцать": 15, "двадцать": 20, "двадцать пять": 25, "тридцать": 30,
    "сорок": 40, "сорок пять": 45, "пятьдесят": 50, "шестьдесят": 60, "девяносто": 90, "сто двадцать": 120,
}
_NUM_FORMS = {
    "пяти": 5, "десяти": 10, "пятнадцати": 15, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
    "шестидесяти": 60, "девяноста": 90,
}
_N = r"(\d{1,3}|" + "|".join(sorted({*_NUM_WORDS, *_NUM_FORMS}, key=len, reverse=True)) + r")"
_MIN = r"мин(?:ут[ауы]?|\.|\b)"
_RANGE = re.compile(r"(?<![\d:])([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:[-–—]|до)\s*([01]?\d|2[0-3])[:.]([0-5]\d)(?!\d)")
_DURATIONS = [
    (re.compile(rf"(?<![\w:]){_N}\s?{_MIN}", re.I), lambda m: _num(m.group(1))),
    (re.compile(rf"\bминут\s{_N}\b", re.I), lambda m: _num(m.group(1))),   # «минут 40», «минут двадцати»
    (re.compile(r"\bпол(?:часа|учаса)\b", re.I), lambda m: 30),
    (re.compile(r"\bполтора\s+часа|\bполутора\s+часов\b", re.I), lambda m: 90),
    (re.compile(r"(?<!в\s)\b(\d{1,2}|два|две|три|двух|трёх|трех)\s?(?:час(?:а|ов)?|ч\.)(?!\w)", re.I),
     lambda m: 60 * _num(m.group(1))),
    (re.compile(r"(?:\bзаймёт|\bзаймет|\bна|\bоколо|\bв течение|\bпримерно)\s+(?:один\s+)?час(?:а)?\b", re.I), lambda m: 60),
]


def _num(s: str) -> int:
    s = s.lower().replace("ё", "е")
    if s.isdigit():
        return int(s)
    return _NUM_WORDS.get(s) or _NUM_FORMS.get(s) or {"два": 2, "две": 2, "двух": 2, "три": 3, "трех": 3}.get(s, 0)


def durations(text: str) -> list[tuple[int, int, int]]:
    """Meeting lengths in minutes with their spans: «30 минут», «минут 40», «полчаса», «полтора часа»,
    «с 14:00 до 15:00» (a range of clock times). Overlapping matches keep the first found."""
    out: list[tuple[int, int, int]] = []
    for m in _RANGE.finditer(text):
        a = int(m.group(1)) * 60 + int(m.group(2))
        b = int(m.group(3)) * 60 + int(m.group(4))
        if b > a:
            out.append((b - a, m.start(), m.end()))
    for rx, value in _DURATIONS:
        for m in rx.finditer(text):
            if any(m.start() < e and s < m.end() for _, s, e in out):
                continue
            v = value(m)
            if v:
                out.append((v, m.start(), m.end()))
    return sorted(out, key=lambda x: x[1])


def has_clock_time(text: str) -> bool:
    return bool(CLOCK.search(text) or CLOCK_WORDS.search(text))


# --- working time -------------------------------------------------------------------------------------------

def parse_hhmm(s: str) -> time:
    h, _, m = str(s).strip().partition(":")
    return time(int(h), int(m or 0))


def zone(name: str) -> tzinfo:
    """«Europe/Moscow», «+03:00», «UTC+7» → a tzinfo (Moscow when the name is unknown)."""
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", str(name).strip(), re.I)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(delta if m.group(1) == "+" else -delta)
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(str(name))
    except Exception:
        return timezone(timedelta(hours=3))


def working_seconds(start: datetime, end: datetime, tz: tzinfo, day_start: time, day_end: time,
                    workdays: Iterable[int], holidays: Iterable[date] = ()) -> float:
    """Seconds of working time between ``start`` and ``end``: only ``workdays`` (1 = Monday … 7 = Sunday), not
    ``holidays``, between ``day_start`` and ``day_end`` in ``tz``. Naive datetimes are taken as ``tz`` time."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=tz)
    if end.tzinfo is None:
        end = end.replace(tzinfo=tz)
    start, end = start.astimezone(tz), end.astimezone(tz)
    if end <= start:
        return 0.0
    days = set(int(d) for d in workdays)
    off = set(holidays)
    total = 0.0
    d = start.date()
    while d <= end.date():
        if d.isoweekday() in days and d not in off:
            a = datetime.combine(d, day_start, tz)
            b = datetime.combine(d, day_end, tz)
            lo, hi = max(a, start), min(b, end)
            if hi > lo:
                total += (hi - lo).total_seconds()
        d += timedelta(days=1)
        if (d - start.date()).days > 366:      # a year-old letter: far beyond any threshold
            break
    return total
