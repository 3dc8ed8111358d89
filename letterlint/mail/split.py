"""Splitting a body into the author's new text, signature, quoted history and forwarded originals.

Works on lines that remember where they came from, so every part keeps its place in the source file. The
same code serves plain text and HTML: the HTML renderer marks blockquote lines with «> » like a plain-text
client would, so one set of rules reads both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from letterlint.mail.dates import parse_date
from letterlint.mail.headers import (END_FORWARD, HeaderInfo, clean, match_attribution, match_block,
                                     match_separator)
from letterlint.mail.model import QuotedLetter, SourceText

Line = tuple[str, int, int]   # text, source line, source column

_QUOTE_PREFIX = re.compile(r"^[ \t]{0,3}>[ ]?")
_SIGNOFF = re.compile(
    r"^\s*(с уважением|с наилучшими пожеланиями|с наилучшими|всего доброго|всего хорошего|всего наилучшего|"
    r"искренне ваш[аи]?|с благодарностью и уважением|с благодарностью|best regards|kind regards|warm regards|"
    r"regards|best wishes|best|cheers|sincerely|yours sincerely|yours truly|thanks and regards|br|"
    r"mit freundlichen grüßen|viele grüße|liebe grüße|mit lieben grüßen|cordialement|bien à vous|saludos|"
    r"un saludo|cordiali saluti|met vriendelijke groet|pozdrawiam|s pozdravem|з повагою)"
    r"[ \t]*[,.!]?[ \t]*(?P<rest>.*)$", re.I)
_MOBILE = re.compile(
    r"^\s*[(<]{0,2}\s*(отправлено|отправлено с|sent|envoyé|von meinem|verzonden|enviado|inviato|skickat|"
    r"wysłane|odesláno|получить outlook|get outlook|from my|diese nachricht wurde|從我的|发自我的|"
    r"надіслано)\b.{0,120}$", re.I)
_MOBILE_WORDS = re.compile(r"iphone|ipad|android|mobile|мобильн|телефон|устройств|почты|почта|mail|outlook|"
                           r"blackberry|samsung|galaxy|phone|device|gerät|airmail|mailbox|windows|yahoo|яндекс|"
                           r"k-9|mobil|portable|móvil|cellulare|smartphone|смартфон|ios|планшет|tablet", re.I)
_DASHDASH = re.compile(r"^(-- ?|--|__|—)$")


@dataclass
class Parts:
    new_text: list[Line] = field(default_factory=list)
    signature: list[Line] = field(default_factory=list)
    quoted: list[QuotedLetter] = field(default_factory=list)
    forwarded: list[QuotedLetter] = field(default_factory=list)


def split_body(body: SourceText, subject: str = "") -> tuple[SourceText, SourceText, list[QuotedLetter], list[QuotedLetter]]:
    """(new_text, signature, quoted, forwarded) of a body."""
    is_forward_subject = bool(re.match(r"^\s*(fwd?|пересл|переслать|tr|wg|fw)\s*[:：]", subject, re.I))
    parts = _split(body.line_lines(), 1, body.path, forward_hint=is_forward_subject, top=True)
    path = body.path
    return (_to_text(path, parts.new_text), _to_text(path, parts.signature), parts.quoted, parts.forwarded)


def _to_text(path: str, lines: list[Line]) -> SourceText:
    lines = _trim_blank(lines)
    return SourceText.from_lines(path, lines) if lines else SourceText.empty(path)


def _trim_blank(lines: list[Line]) -> list[Line]:
    a, b = 0, len(lines)
    while a < b and not lines[a][0].strip():
        a += 1
    while b > a and not lines[b - 1][0].strip():
        b -= 1
    return lines[a:b]


def _is_quoted(text: str) -> bool:
    return bool(_QUOTE_PREFIX.match(clean(text)))


def _unquote(line: Line) -> Line:
    text, ln, col = line
    m = _QUOTE_PREFIX.match(text)
    if not m:
        return line
    return text[m.end():], ln, col + m.end()


def _find_boundary(texts: list[str]) -> tuple[int, str, HeaderInfo | None]:
    """(index, kind, header) of the first place where quoted or forwarded material starts."""
    for i, t in enumerate(texts):
        c = clean(t)
        if not c.strip():
            continue
        if _is_quoted(c):
            # a quote header may sit right above (handled when we met it); a bare quote block starts here
            return i, "quote", None
        sep = match_separator(texts, i)
        if sep:
            taken, forward = sep
            block = match_block(texts, i + taken) if i + taken < len(texts) else None
            info = block or HeaderInfo("separator", 0)
            info.forward = forward
            info.lines = taken + (block.lines if block else 0)
            info.kind = "separator"
            return i, "separator", info
        att = match_attribution(texts, i)
        if att:
            return i, "attribution", att
        blk = match_block(texts, i)
        if blk:
            return i, "block", blk
    return len(texts), "", None


def _split(lines: list[Line], level: int, path: str, forward_hint: bool = False, top: bool = False) -> Parts:
    texts = [l[0] for l in lines]
    b, kind, info = _find_boundary(texts)
    parts = Parts()
    own = list(lines[:b])
    rest = lines[b:]
    if not kind:
        parts.new_text, parts.signature = split_signature(own)
        return parts

    header_lines = info.lines if info else 0
    after = rest[header_lines:]
    quoted_content: list[Line] = []
    trailing_own: list[Line] = []
    if kind in ("attribution", "quote"):
        # «>» lines are the quoted letter; unquoted lines among or after them are the author's (inline replies)
        pending_blank: list[Line] = []
        seen_quote = False
        for line in after:
            if _is_quoted(line[0]):
                seen_quote = True
                quoted_content.extend(pending_blank if quoted_content else [])
                pending_blank = []
                quoted_content.append(_unquote(line))
            elif not line[0].strip():
                pending_blank.append(line)
            else:
                if not seen_quote and kind == "attribution":
                    # a client that quotes without «>» (Outlook 2019 plain text): the rest is the letter
                    quoted_content.extend(pending_blank)
                    pending_blank = []
                    quoted_content.append(line)
                    continue
                trailing_own.extend(pending_blank)
                pending_blank = []
                trailing_own.append(line)
        if kind == "attribution" and quoted_content and not any(_is_quoted(l[0]) for l in after):
            quoted_content = _dedent(quoted_content)
            trailing_own = []
    else:
        end = len(after)
        for k, line in enumerate(after):
            if END_FORWARD.match(clean(line[0])):
                end = k
                break
        quoted_content = _dedent(after[:end])
        trailing_own = list(after[end + 1:]) if end < len(after) else []

    inner = _split(quoted_content, level + 1, path)
    own_nonblank = [l for l in own + trailing_own if l[0].strip()]
    forward = bool(info and info.forward) or (top and kind in ("block", "separator") and (forward_hint or not own_nonblank))
    if kind == "quote" and top and not own_nonblank and inner.forwarded and not inner.quoted:
        # a whole forward quoted with «>» (Apple Mail forwards inline like that)
        parts.forwarded = inner.forwarded
        parts.new_text, parts.signature = split_signature(inner.new_text)
        return parts
    letter = QuotedLetter(
        sender=info.sender if info else None,
        date=parse_date(info.date_text) if info and info.date_text else None,
        date_text=info.date_text if info else "",
        subject=info.subject if info else "",
        to=info.to if info else [],
        cc=info.cc if info else [],
        text=_to_text(path, inner.new_text + ([("", 0, 0)] if False else []) + inner.signature),
        header="\n".join(clean(t[0]).strip() for t in rest[:header_lines]),
        level=level,
        forwarded=forward,
    )
    deeper_quoted = inner.quoted
    deeper_forwarded = inner.forwarded
    if forward:
        parts.forwarded = [letter] + deeper_forwarded
        parts.quoted = deeper_quoted
    else:
        parts.quoted = [letter] + deeper_quoted
        parts.forwarded = deeper_forwarded
    if trailing_own and any(l[0].strip() for l in trailing_own):
        # inline answers or bottom posting: our words come after the quote too
        own_all = own + ([] if not own else []) + trailing_own
        nt, sig = split_signature(own_all)
    else:
        nt, sig = split_signature(own)
    parts.new_text, parts.signature = nt, sig
    return parts


def _dedent(lines: list[Line]) -> list[Line]:
    """Remove the common indentation (Outlook 2019 indents the quoted letter by four spaces)."""
    widths = [len(t) - len(t.lstrip(" \t")) for t, _, _ in lines if t.strip()]
    if not widths:
        return lines
    w = min(widths)
    if not w:
        return lines
    return [(t[w:] if t.strip() else t.strip(), ln, col + (w if t.strip() else 0)) for t, ln, col in lines]


def split_signature(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(new text, signature) of the author's own lines."""
    lines = _trim_blank(lines)
    n = len(lines)
    for i, (text, _, _) in enumerate(lines):
        c = clean(text).strip()
        if not c:
            continue
        after = [l for l in lines[i + 1:] if l[0].strip()]
        if _DASHDASH.match(clean(text).rstrip("\n")) or _DASHDASH.match(c):
            if len(after) <= 15:
                return _trim_blank(lines[:i]), _trim_blank(lines[i:])
        m = _SIGNOFF.match(c)
        if m and _signoff_ok(m.group("rest"), after):
            return _trim_blank(lines[:i]), _trim_blank(lines[i:])
        if _MOBILE.match(c) and _MOBILE_WORDS.search(c) and len(c.split()) <= 12 and len(after) <= 30:
            return _trim_blank(lines[:i]), _trim_blank(lines[i:])
    return lines, []


def _signoff_ok(rest: str, after: list[Line]) -> bool:
    """A sign-off line starts a signature only when it stands alone near the end with short lines after it."""
    rest = rest.strip()
    if rest and (len(rest.split()) > 4 or rest[-1:] in ".?!" and len(rest.split()) > 2):
        return False
    if len(after) > 12:
        return False
    return all(len(clean(t).strip()) <= 120 for t, _, _ in after)
