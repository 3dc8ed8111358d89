"""Turning bytes of unknown or lying charsets into text.

Russian mail still arrives in windows-1251 and koi8-r, sometimes with no charset declared or with raw 8-bit
bytes in headers. We trust a declared charset when it decodes cleanly, then UTF-8, then let
charset-normalizer choose among the Cyrillic code pages (it scores letter statistics, which a hand-written
"count the vowels" guess would do worse).
"""

from __future__ import annotations

import codecs

_CYRILLIC_CANDIDATES = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")
_ALIASES = {"x-unknown": "", "unknown-8bit": "", "us-ascii": "ascii", "ansi_x3.4-1968": "ascii",
            "windows-1251": "cp1251", "win-1251": "cp1251", "cp-1251": "cp1251", "koi8r": "koi8_r",
            "utf8": "utf-8", "x-mac-cyrillic": "mac_cyrillic"}


def normalise_charset(name: str | None) -> str:
    """A Python codec name for a declared MIME charset, or "" when unknown or not a real charset."""
    if not name:
        return ""
    name = name.strip().strip('"').lower()
    name = _ALIASES.get(name, name)
    if not name:
        return ""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data`` as well as can be done; never raises."""
    if not data:
        return ""
    charset = normalise_charset(declared)
    if charset and charset != "ascii":
        try:
            return data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(guess_charset(data), errors="replace")


def guess_charset(data: bytes) -> str:
    """The most likely single-byte Cyrillic code page for ``data`` (cp1251 when nothing is clear)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return "cp1251"
    result = from_bytes(data, cp_isolation=list(_CYRILLIC_CANDIDATES) + ["utf_8"]).best()
    if result is None:
        return "cp1251"
    return normalise_charset(result.encoding) or "cp1251"
