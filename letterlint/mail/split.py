"""Splitting a body into the author's new text, signature, quoted history and forwarded originals.

Works on lines that remember where they came from, so every part keeps its place in the source file. The
same code serves plain text and HTML: the HTML renderer marks blockquote lines with «> » like a plain-text
client would, so one set of rules reads both.

How a body is read, top to bottom, at each quoting level:
- the author's lines run until the first **quote header** (attribution, header block, separator) or the first
  «>» line;
- under a header, the earlier letter is the «>» lines (the author's unquoted lines between them are inline
  answers and stay the author's), or — for clients that do not mark quotes — everything below: Outlook 2019
  indents it, Outlook's header block and forwards simply run to the end (or to «Конец пересылаемого сообщения»);
- a «>» block **without** a header is history when nothing of the author's follows it; when the author's words
  go on below it, it is a citation inside the new text (bottom posting with the attribution deleted, or a
  quoted clause of a contract) and stays in ``new_text`` with its «>» marks — precision first: the reader never
  drops the author's words, and a citation is part of what the author sends. Such blocks are also listed in
  ``Letter.inline_quotes`` so a rule can skip them;
- Apple Mail forwards inline by quoting the whole forward with «>»: a header-less quote that itself opens with
  a forward header is that forward;
- the signature is cut from the author's lines last: «-- », a sign-off («С уважением,») with short lines under
  it, or a "sent from my phone" line.
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
_PIPE_PREFIX = re.compile(r"^[ \t]{0,3}\|[ ]?")
# The Bat! and Supercite quote with the author's initials («ИП> текст»); like «|», only trusted under a header
_INITIALS_PREFIX = re.compile(r"^[ \t]{0,3}[^\W\d_]{1,10}>[ ]?")


def _header_quote_prefix(text: str) -> re.Pattern | None:
    """The quote marker a block under a quote header uses: «>», «|» or initials («ИП>»)."""
    t = clean(text)
    for prefix in (_QUOTE_PREFIX, _PIPE_PREFIX, _INITIALS_PREFIX):
        if prefix.match(t):
            return prefix
    return None
FORWARD_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]*\]\s*)?(fwd?|fw|tr|wg|vs|vb|vl|rv|i|pd|enc|redir\.?|i̇lt|ilt|İlt|videresend|doorst|"
    r"пересл\.?|переслать|пересылка|переслано)\s*(\[\d+\]|\(\d+\))?\s*[:：]", re.I)
_REPLY_OR_FORWARD_PREFIX = re.compile(
    r"^\s*((re|fwd?|fw|aw|sv|vs|vb|vl|wg|tr|rv|i|pd|enc|redir\.?|i̇lt|ilt|İlt|ynt|odp|antw|ответ|отв|пересл\.?)"
    r"\s*(\[\d+\]|\(\d+\))?\s*[:：]\s*)+", re.I)


@dataclass
class BodyParts:
    """What :func:`split_letter_body` finds in a body."""

    new_text: SourceText
    signature: SourceText
    quoted: list[QuotedLetter]
    forwarded: list[QuotedLetter]
    inline_quotes: list[SourceText]


@dataclass
class _Parts:
    own: list[Line] = field(default_factory=list)
    quoted: list[QuotedLetter] = field(default_factory=list)
    forwarded: list[QuotedLetter] = field(default_factory=list)
    inline: list[list[Line]] = field(default_factory=list)

    def history(self) -> list[QuotedLetter]:
        return self.quoted + self.forwarded


def split_body(body: SourceText, subject: str = "") -> tuple[SourceText, SourceText, list[QuotedLetter], list[QuotedLetter]]:
    """(new_text, signature, quoted, forwarded) of a body."""
    p = split_letter_body(body, subject)
    return p.new_text, p.signature, p.quoted, p.forwarded


def split_letter_body(body: SourceText, subject: str = "") -> BodyParts:
    path = body.path
    forward_hint = bool(FORWARD_SUBJECT.match(subject or ""))
    parts = _split(body.line_lines(), 1, path, at_start=True, forward_hint=forward_hint)
    new_text, signature = split_signature(parts.own)
    quoted, forwarded = parts.quoted, parts.forwarded
    # A letter the author wrote nothing in, or one sent as «Fwd:», forwards its outermost earlier letter.
    if not forwarded and quoted and quoted[0].level == 1 and (forward_hint or (not _has_text(new_text) and not _has_text(signature))):
        first = quoted[0]
        first.forwarded = True
        forwarded = [first]
        quoted = quoted[1:]
    if forwarded and not forwarded[0].subject and forward_hint:
        forwarded[0].subject = _REPLY_OR_FORWARD_PREFIX.sub("", subject).strip()
    return BodyParts(_to_text(path, _collapse_blank(new_text)), _to_text(path, signature), quoted, forwarded,
                     [_to_text(path, q) for q in parts.inline])


def apply_split(letter) -> None:
    """Fill a Letter's new_text, signature, quoted, forwarded and inline_quotes from its body."""
    p = split_letter_body(letter.body, letter.subject)
    letter.new_text, letter.signature = p.new_text, p.signature
    letter.quoted, letter.forwarded, letter.inline_quotes = p.quoted, p.forwarded, p.inline_quotes


# --------------------------------------------------------------------------------------------------------------
# Lines.

def _blank(text: str) -> bool:
    # U+1427 is the «ᐧ» mail trackers (Streak, Mixmax) leave on a line of its own
    return not clean(text).strip(" \t\u1427\u00a0")


def _collapse_blank(lines: list[Line]) -> list[Line]:
    """One blank line where the author's lines around a removed quote leave several."""
    out: list[Line] = []
    for line in lines:
        if _blank(line[0]) and out and _blank(out[-1][0]):
            continue
        out.append(line)
    return out


def _has_text(lines: list[Line]) -> bool:
    return any(not _blank(t) for t, _, _ in lines)


def _to_text(path: str, lines: list[Line]) -> SourceText:
    lines = _trim_blank(lines)
    return SourceText.from_lines(path, lines) if lines else SourceText.empty(path)


def _trim_blank(lines: list[Line]) -> list[Line]:
    a, b = 0, len(lines)
    while a < b and _blank(lines[a][0]):
        a += 1
    while b > a and _blank(lines[b - 1][0]):
        b -= 1
    return lines[a:b]


def _is_quoted(text: str) -> bool:
    return bool(_QUOTE_PREFIX.match(clean(text)))


def _unquote(line: Line, prefix: re.Pattern = _QUOTE_PREFIX) -> Line:
    text, ln, col = line
    m = prefix.match(text)
    if not m:
        return line
    return text[m.end():], ln, col + m.end()


def _dedent(lines: list[Line]) -> list[Line]:
    """Remove the common indentation (Outlook 2019 indents the quoted letter by four spaces)."""
    widths = [len(t) - len(t.lstrip(" \t")) for t, _, _ in lines if not _blank(t)]
    if not widths:
        return lines
    w = min(widths)
    if not w:
        return lines
    return [(t[w:], ln, col + w) if not _blank(t) else ("", ln, col) for t, ln, col in lines]


def _uniformly_indented(lines: list[Line]) -> bool:
    body = [t for t, _, _ in lines if not _blank(t)]
    return bool(body) and all(t.startswith(("  ", "\t")) for t in body)


# --------------------------------------------------------------------------------------------------------------
# Finding the first header or quote.

def _find_boundary(lines: list[Line], texts: list[str], start: int = 0) -> tuple[int, str, HeaderInfo | None]:
    """(index, kind, header) of the first place at or after ``start`` where quoted or forwarded material starts."""
    for i in range(start, len(texts)):
        t = texts[i]
        if _blank(t):
            continue
        if _is_quoted(t):
            return i, "quote", None
        sep = match_separator(texts, i)
        if sep:
            taken, forward, header = sep
            info = header or HeaderInfo("separator", 0)
            info.kind = "separator"
            info.forward = forward
            info.lines = taken
            return i, "separator", info
        att = match_attribution(texts, i)
        if att and (not att.needs_quote or _quote_follows(texts, i + att.lines)):
            return i, "attribution", att
        blk = match_block(texts, i)
        if blk:
            return i, "block", blk
    return len(lines), "", None


def _quote_follows(texts: list[str], k: int) -> bool:
    n = 0
    while k < len(texts) and _blank(texts[k]) and n < 3:
        k += 1
        n += 1
    return k < len(texts) and _header_quote_prefix(texts[k]) is not None


def _starts_header(texts: list[str], i: int) -> bool:
    if match_separator(texts, i) or match_block(texts, i):
        return True
    att = match_attribution(texts, i)
    return bool(att and (not att.needs_quote or _quote_follows(texts, i + att.lines)))


# --------------------------------------------------------------------------------------------------------------
# The split.

_MAX_DEPTH = 60      # letters quoted inside letters inside …: past this the rest is left as it is


@dataclass
class _Found:
    """What a quote header and the lines under it give: the author's lines among them, earlier letters, and where
    reading goes on at the same level (an index into the lines after the header)."""

    own: list[Line]
    quoted: list[QuotedLetter]
    forwarded: list[QuotedLetter]
    resume: int


def _split(lines: list[Line], level: int, path: str, at_start: bool = False, forward_hint: bool = False,
           depth: int = 0) -> _Parts:
    """One quoting level, read top to bottom; the letters under headers and in «>» blocks are split recursively."""
    lines = list(lines)
    if depth > _MAX_DEPTH:
        return _Parts(own=lines)
    texts = [l[0] for l in lines]
    items: list[tuple[str, object]] = []        # ("own", lines) | ("bare", «>» lines) | ("found", _Found)
    pos = 0
    while pos < len(lines):
        b, kind, info = _find_boundary(lines, texts, pos)
        items.append(("own", lines[pos:b]))
        if not kind:
            break
        if kind == "quote":
            e = _quote_region_end(lines, b)
            if _comparison(lines, b, e):
                items.append(("own", lines[b:e]))      # «> 50 000 ₽ — премиум»: a sign, not a quote
            else:
                items.append(("bare", lines[b:e]))
            pos = e
            continue
        assert info is not None
        content = lines[b + info.lines:]
        header_text = "\n".join(clean(t[0]).strip() for t in lines[b:b + info.lines])
        written = any(k != "found" and _has_text(v) for k, v in items)    # type: ignore[arg-type]
        if kind == "attribution":
            found = _attribution(content, info, header_text, level, path, depth,
                                 unmarked_is_own=at_start and not written and not forward_hint and not info.needs_quote)
        else:
            found = _block(content, info, header_text, level, path, depth)
        items.append(("found", found))
        pos = b + info.lines + found.resume
    return _assemble(items, level, path, depth)


_COMPARISON = re.compile(r"^[ \t]{0,3}>=?\s?[\d$€₽£]")


def _comparison(lines: list[Line], b: int, e: int) -> bool:
    """A «>» used as "more than" in the author's text: one to three lines of «> 50 000 ₽ …» right under the
    author's own line (no blank line between), where a quote would follow a blank line or a header."""
    region = [t for t, _, _ in lines[b:e]]
    if not 1 <= len(region) <= 3 or not all(_COMPARISON.match(clean(t)) for t in region):
        return False
    return b > 0 and not _blank(lines[b - 1][0]) and not _is_quoted(lines[b - 1][0])


def _item_lines(kind: str, val) -> list[Line]:
    return val if kind in ("own", "bare") else val.own


def _assemble(items: list[tuple[str, object]], level: int, path: str, depth: int) -> _Parts:
    """Put one level together, deciding for each header-less «>» block whether it is a citation or history."""
    own_only = [l for kind, val in items if kind != "bare" for l in _item_lines(kind, val)]
    new_text, _ = split_signature(own_only)
    words = {(ln, col) for t, ln, col in new_text if not _blank(t)}
    # for each item: does any of the author's new text (not the signature) come after it?
    text_after = [False] * len(items)
    seen = False
    for k in range(len(items) - 1, -1, -1):
        text_after[k] = seen
        kind, val = items[k]
        if kind != "bare" and any((ln, col) in words for _, ln, col in _item_lines(kind, val)):
            seen = True
    parts = _Parts()
    for k, (kind, val) in enumerate(items):
        if kind == "own":
            parts.own += val
        elif kind == "found":
            parts.own += val.own
            parts.quoted += val.quoted
            parts.forwarded += val.forwarded
        elif text_after[k] and level == 1:
            # the author's words go on below: a citation inside the new text, kept with its «>» marks (inside a
            # quoted letter a deeper «>» block is always its history: QuotedLetter.text holds no deeper quotes)
            parts.own += val
            parts.inline.append(_trim_blank([_unquote(l) for l in val]))
        else:
            inner = _split([_unquote(l) for l in val], level + 1, path, depth=depth + 1)
            if not _has_text(inner.own) and inner.history():
                # the quote is a header and its letter (Apple Mail quotes whole forwards like that): no wrapper
                for q in inner.history():
                    q.level -= 1
                parts.quoted += inner.quoted
                parts.forwarded += inner.forwarded
            else:
                parts.quoted.append(QuotedLetter(sender=None, date=None, date_text="", subject="", to=[], cc=[],
                                                 text=_to_text(path, inner.own), header="", level=level))
                parts.quoted += inner.quoted
                parts.forwarded += inner.forwarded
    return parts


def _quote_region_end(lines: list[Line], b: int) -> int:
    """Index after the last «>» line of the block starting at ``b`` (blank lines inside it belong to it)."""
    e = b
    k = b
    while k < len(lines):
        t = lines[k][0]
        if _is_quoted(t):
            e = k + 1
        elif not _blank(t):
            break
        k += 1
    return e


def _attribution(content: list[Line], info: HeaderInfo, header_text: str, level: int, path: str, depth: int,
                 unmarked_is_own: bool) -> _Found:
    k = 0
    while k < len(content) and _blank(content[k][0]):
        k += 1
    prefix = _header_quote_prefix(content[k][0]) if k < len(content) else None
    if prefix is not None:
        # «>» lines up to the next header are the letter; the author's unquoted lines among them are answers
        quoted_lines, own, resume = _collect_quote(content, prefix)
        inner = _split(quoted_lines, level + 1, path, depth=depth + 1)
    elif _uniformly_indented(content):
        inner = _split(_dedent(content), level + 1, path, depth=depth + 1)      # Outlook 2019
        own, resume = [], len(content)
    elif unmarked_is_own:
        # an attribution on top of unmarked text: nothing says the text below is quoted, so it stays the
        # author's (a client that lost the quote marks); the header line itself is dropped
        return _Found([], [], [], 0)
    else:
        inner = _split(content, level + 1, path, depth=depth + 1)               # top posting: all the rest
        own, resume = [], len(content)
    letter = _letter(info, header_text, inner, level, path)
    return _Found(own, [letter] + inner.quoted, list(inner.forwarded), resume)


def _collect_quote(content: list[Line], prefix: re.Pattern) -> tuple[list[Line], list[Line], int]:
    """(quoted letter lines unquoted, the author's inline answers, index of the next header or the end)."""
    texts = [l[0] for l in content]
    quoted: list[Line] = []
    answers: list[Line] = []
    pending: list[Line] = []
    last = ""
    for k, line in enumerate(content):
        t = clean(line[0])
        if prefix.match(t):
            (quoted if last == "q" else answers).extend(pending)
            pending = []
            quoted.append(_unquote(line, prefix))
            last = "q"
        elif _blank(t):
            pending.append(line)
        else:
            if _starts_header(texts, k):
                return quoted, answers, k
            answers.extend(pending)
            pending = []
            answers.append(line)
            last = "a"
    return quoted, answers, len(content)


def _block(content: list[Line], info: HeaderInfo, header_text: str, level: int, path: str, depth: int) -> _Found:
    """A header block or separator: the letter runs to the end, or to «Конец пересылаемого сообщения»."""
    end = len(content)
    for k, line in enumerate(content):
        if END_FORWARD.match(clean(line[0])):
            end = k
            break
    body = list(content[:end])
    lazy = _lazy_unquote(body)
    if lazy is not None:
        body = lazy
    elif _uniformly_indented(body):
        body = _dedent(body)
    if info.sender is None and info.kind == "separator":
        # «Forwarded message:» over a quoted block whose first lines are the header block (MailMate)
        texts = [l[0] for l in body]
        k = 0
        while k < len(texts) and _blank(texts[k]):
            k += 1
        blk = match_block(texts, k, after_separator=True) if k < len(texts) else None
        if blk:
            header_text += "\n" + "\n".join(clean(t).strip() for t in texts[k:k + blk.lines])
            blk.forward = info.forward
            blk.kind = "separator"
            body = body[k + blk.lines:]
            info = blk
            lazy = _lazy_unquote(body)
            if lazy is not None:
                body = lazy
    inner = _split(body, level + 1, path, depth=depth + 1)
    letter = _letter(info, header_text, inner, level, path)
    resume = min(end + 1, len(content))
    if info.forward:
        return _Found([], list(inner.quoted), [letter] + inner.forwarded, resume)
    return _Found([], [letter] + inner.quoted, list(inner.forwarded), resume)


def _lazy_unquote(lines: list[Line]) -> list[Line] | None:
    """A letter body that is all «>» lines (a forward quoting its original, MailMate and Missive) unquoted.

    A line without the marker between two quoted lines is a wrapped quoted line that lost it. None when the body
    is not such a block.
    """
    idx = [k for k, l in enumerate(lines) if not _blank(l[0])]
    if not idx or not _is_quoted(lines[idx[0]][0]) or not _is_quoted(lines[idx[-1]][0]):
        return None
    for pos, k in enumerate(idx):
        if not _is_quoted(lines[k][0]):
            prev_q = _is_quoted(lines[idx[pos - 1]][0])
            next_q = pos + 1 < len(idx) and _is_quoted(lines[idx[pos + 1]][0])
            if not (prev_q and next_q and idx[pos - 1] == k - 1):
                return None
    return [_unquote(l) for l in lines]


def _letter(info: HeaderInfo, header_text: str, inner: _Parts, level: int, path: str) -> QuotedLetter:
    return QuotedLetter(
        sender=info.sender,
        date=parse_date(info.date_text) if info.date_text else None,
        date_text=info.date_text,
        subject=info.subject,
        to=info.to,
        cc=info.cc,
        text=_to_text(path, inner.own),
        header=header_text,
        level=level,
        forwarded=info.forward,
    )


# --------------------------------------------------------------------------------------------------------------
# Signatures.

_SIGNOFF = re.compile(
    r"^(?P<phrase>с уважением|с наилучшими пожеланиями|с наилучшими|всего доброго|всего хорошего|всего наилучшего|"
    r"искренне ваш[аи]?|с благодарностью и уважением|с благодарностью|с теплом|с любовью|"
    r"best regards|kind regards|warm regards|warmest regards|kindest regards|many thanks and best regards|"
    r"thanks and regards|thanks & regards|regards|best wishes|all the best|best|cheers|sincerely|yours sincerely|"
    r"sincerely yours|yours truly|yours faithfully|respectfully|mit freundlichen grüßen|mit freundlichen gruessen|"
    r"freundliche grüße|viele grüße|liebe grüße|beste grüße|mit lieben grüßen|herzliche grüße|cordialement|"
    r"bien cordialement|bien à vous|salutations|saludos cordiales|saludos|un saludo|atentamente|cordiali saluti|"
    r"distinti saluti|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|pozdrawiam|z poważaniem|s pozdravem|"
    r"з повагою|ystävällisin terveisin|med vänliga hälsningar|vänliga hälsningar|med venlig hilsen|"
    r"med vennlig hilsen|atenciosamente|cumprimentos)(?P<rest>(?:[ \t]*[,.!:;—–-]+)?(?:[ \t]+.*)?)$", re.I)
# Sign-offs short or common enough to be a word of a sentence stand alone on their line to count.
_SIGNOFF_ALONE = {"best", "regards", "cheers", "respectfully", "salutations", "saludos", "sincerely"}
_SENT_VERB = re.compile(
    r"^(отправлено|отправлено с|отправлено из|sent|sendt|envoyé|gesendet|von meinem|verzonden|enviado|inviato|"
    r"skickat|wysłane|odesláno|odoslané|надіслано|lähetetty|küldve|trimis|poslano|gönderildi|получить outlook|"
    r"get outlook|from my|someone from|diese nachricht wurde|從我的|从我的|发自我的|寄自我的)\b", re.I)
_DEVICE = re.compile(
    r"iphone|ipad|ipod|android|mobile|mobil|мобильн|телефон|смартфон|планшет|почт|mail|outlook|blackberry|"
    r"samsung|galaxy|phone|device|gerät|airmail|mailbox|windows|yahoo|яндекс|k-9|htc|nokia|huawei|xiaomi|honor|"
    r"pixel|cell|móvil|cellulare|smartphone|ios|tablet|gmail|protonmail|spark|bluemail|ti-85|alcatel|"
    r"\bpc\b|appareil|dispositivo|telefon|puhelin|移动|手机|電話", re.I)
_DASHDASH = re.compile(r"^-- ?$")


def split_signature(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(new text, signature) of the author's own lines."""
    lines = _trim_blank(lines)
    n = len(lines)
    # what follows each line, computed once from the end (a long letter must not cost n² here)
    count = [0] * (n + 1)          # non-blank lines after i
    quoted = [False] * (n + 1)     # a «>» citation after i
    longest = [0] * (n + 1)
    signoff_tail_ok = [True] * (n + 1)
    not_mobile = [0] * (n + 1)
    mobile = [False] * n
    first = 0
    for i in range(n - 1, -1, -1):
        if count[i + 1] > 15 and not_mobile[i + 1] > 8:
            first = i + 1       # nothing above here can start a signature: too much follows it
            break
        t = lines[i][0]
        c = clean(t).strip()
        mobile[i] = _is_mobile_line(c) if c else False
        count[i] = count[i + 1]
        quoted[i] = quoted[i + 1]
        longest[i] = longest[i + 1]
        signoff_tail_ok[i] = signoff_tail_ok[i + 1]
        not_mobile[i] = not_mobile[i + 1]
        if _blank(t):
            continue
        count[i] += 1
        quoted[i] = quoted[i] or _is_quoted(t)
        longest[i] = max(longest[i], len(c))
        signoff_tail_ok[i] = signoff_tail_ok[i] and (
            (len(c) <= 100 and len(c.split()) <= 12 and not c.endswith("?"))
            or (len(c) <= 400 and bool(_REQUISITES.search(c)))       # «ООО «…», ИНН …, ОГРН …, адрес, тел.»
            or (len(c) <= 1200 and _disclaimer(c)))                 # a confidentiality notice under the details
        not_mobile[i] += 0 if mobile[i] else 1
    for i in range(first, n):
        text = lines[i][0]
        if count[i + 1] > 15 and not_mobile[i + 1] > 8:
            continue            # too much below for any kind of signature
        c = clean(text).strip()
        if _blank(c) or _is_quoted(text) or quoted[i + 1]:
            continue            # a citation below: this is not the end of the author's words
        raw = clean(text).strip(" \t")
        if _DASHDASH.match(raw) or _DASHDASH.match(c):
            if count[i + 1] <= 15 and longest[i + 1] <= 200:
                # the «-- » line itself is neither the author's words nor the signature
                return _trim_blank(lines[:i]), _trim_blank(lines[i + 1:])
            continue
        m = _SIGNOFF.match(c)
        if m and count[i + 1] <= 10 and signoff_tail_ok[i + 1] and _signoff_ok(m.group("phrase"), m.group("rest")):
            return _trim_blank(lines[:i]), _trim_blank(lines[i:])
        if mobile[i] and not_mobile[i + 1] <= 8:
            return _trim_blank(lines[:i]), _trim_blank(lines[i:])
    k = _name_block_start(lines)
    if k is not None:
        return _trim_blank(lines[:k]), _trim_blank(lines[k:])
    return lines, []


# A signature without «-- » or a sign-off: a name line, then lines of job title, company, phone, site, requisites
# (and a confidentiality notice at the very bottom), ending the author's words. Every line under the name must
# look like such a detail — one sentence among them and it is the author's text, not a signature.
_NAME_WORD = r"(?:[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?|[A-ZА-ЯЁ]\.(?:[ ]?[A-ZА-ЯЁ]\.)?)"
_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}$")
# capitalised words that open a closing line, never a name
_NOT_NAME = re.compile(r"^(?:спасибо|благодарю|благодарим|хорошего|хорошей|хороших|удачного|удачной|удачи|успехов|"
                       r"всего|до|ждём|ждем|жду|итого|приложение|приложения|вложение|контакты|p\.?s|thanks|"
                       r"regards|cheers|best|kind|warm|see|talk|hope|ok|да|нет|привет|здравствуйте|пока)\b", re.I)
_ROLE = re.compile(
    r"(?:менеджер|директор|руководител|начальник|заместител|специалист|консультант|юрист|юрисконсульт|адвокат|"
    r"нотариус|бухгалтер|экономист|аналитик|инженер|разработчик|программист|дизайнер|арт-директор|продюсер|"
    r"режиссёр|режиссер|редактор|копирайтер|корректор|переводчик|маркетолог|smm|таргетолог|администратор|"
    r"координатор|ассистент|помощник|секретар|партн[её]р|основател|владел|сооснователь|куратор|аккаунт|"
    r"оператор|технолог|методист|тренер|врач|логист|снабжен|отдел|служба|поддержк|агентств|студи|типографи|"
    r"компани|бюро|клиник|коворкинг|фотостуди|видеостуди|салон|магазин|ателье|школ|центр|группа компаний|"
    r"manager|director|head of|lead|ceo|cto|cfo|coo|founder|co-founder|owner|partner|engineer|developer|"
    r"designer|producer|editor|consultant|specialist|assistant|coordinator|analyst|account|support|sales)",
    re.I)
_LEGAL_FORM = re.compile(r"(?:^|[\s«\"(])(?:ООО|ОАО|ПАО|ЗАО|АО|НКО|АНО|ИП|ГК|LLC|Ltd\.?|Inc\.?|GmbH|LLP)(?=[\s«\",.)]|$)")
_CONTACT = re.compile(
    r"(?:\+?\d[\d\s().\-–]{8,}\d|@[\w.-]+\.\w+|https?://|www\.|\b[\w-]+\.(?:ru|рф|com|net|org|io|su|by|kz|ua)\b|"
    r"\b(?:тел|моб|факс|e-?mail|почта|telegram|телеграм|whatsapp|skype|viber|сайт|адрес|tel|phone|mob|fax|web)\b)",
    re.I)
_REQUISITES = re.compile(r"\b(?:ИНН|КПП|ОГРН|ОГРНИП|ОКПО|БИК|р/с|к/с)\b")
_DISCLAIMER = re.compile(
    r"(?:конфиденциальн|предназначен[оаы]? (?:исключительно|только) для|получили (?:это|данное) (?:сообщение|письмо) "
    r"по ошибке|confidential|intended (?:solely |only )?for|received this (?:e-?mail|message) in error)", re.I)


def _sig_detail(c: str) -> bool:
    """A line under the name: job title, company, phone, address, site, requisites."""
    if c.endswith("?"):
        return False
    if _REQUISITES.search(c) and len(c) <= 400:
        return True
    if len(c) > 120 or len(c.split()) > 12:
        return False
    if _CONTACT.search(c) or _LEGAL_FORM.search(c):
        return True
    if c.endswith((".", "!", ":", ";")) and not re.search(r"\b[\w-]+\.(?:ru|рф|com|net|org)\.?$|\b(?:Inc|Ltd)\.$", c):
        return False
    if re.search(r"«[^»]+»|\"[^\"]+\"", c):
        return True
    return bool(_ROLE.search(c)) and len(c.split()) <= 8


def _disclaimer(c: str) -> bool:
    return bool(_DISCLAIMER.search(c))


_NAME_AND_DETAIL = re.compile(rf"^({_NAME_WORD}(?:[ \t]+{_NAME_WORD})?)\s*[,—–]\s*(\S.*)$")


def _name_with_detail(c: str) -> bool:
    """A name and a signature detail on one line: «Софья, «Зёрна»», «Анна — студия «Лето»»."""
    m = _NAME_AND_DETAIL.match(c)
    return m is not None and _sig_detail(m.group(2))


def _name_block_start(lines: list[Line]) -> int | None:
    """Where a sign-off-less signature («Ксения Ларина / ивент-менеджер агентства «Сезоны»») begins, if any."""
    n = len(lines)
    details = 0
    disclaimer_seen = False
    for i in range(n - 1, max(-1, n - 14), -1):
        t = lines[i][0]
        if _blank(t):
            continue
        if _is_quoted(t):
            return None
        c = clean(t).strip()
        # (or the name and a detail on one line, the last: «Софья, «Зёрна»», «Анна — студия «Лето»»)
        named = _NAME_LINE.match(c) and details or not details and _name_with_detail(c)
        if named and not _NOT_NAME.match(c):
            # the name opens a paragraph, or follows a closing line («Хорошего дня!», «С любовью к вам,»)
            j = i - 1
            if j < 0:
                return None
            above = clean(lines[j][0]).strip()
            if above and not (above.endswith(("!", ",")) and len(above.split()) <= 6 and len(above) <= 60):
                return None
            last = next((clean(x[0]).strip() for x in reversed(lines[:j + 1]) if not _blank(x[0])), "")
            if not last:
                return None     # nothing of the author's above: the whole text is not a signature
            if last.endswith((":", "—", "–", "-")):
                return None     # «Звоните нашему водителю:» — the name and phone below are what the author says
            return i
        if _disclaimer(c) and not details and not disclaimer_seen and len(c) <= 1200:
            disclaimer_seen = True  # a confidentiality notice sits at the very bottom, under the details
            continue
        if not _sig_detail(c):
            return None
        details += 1
        if details > 8:
            return None
    return None


def _is_mobile_line(c: str) -> bool:
    s = c.strip().strip("()<>[]*_ ").strip()
    if not s or len(s.split()) > 14 or len(s) > 140:
        return False
    if not _SENT_VERB.match(s) and not re.match(r"^(sent|отправлено|envoyé|enviado|inviato|verzonden|skickat|sendt)\s+(via|with|from|с|из|depuis|de|desde|da|met|från|fra)\b", s, re.I):
        return False
    if not _DEVICE.search(s):
        return False
    # a sentence that mentions a phone ends with a full stop; a client's footer does not (a link may follow)
    return not (s.endswith((".", "?")) and len(s.split()) > 6 and not re.search(r"typo|excuse|brevity|извините|опечат", s, re.I))


def _signoff_ok(phrase: str, rest: str) -> bool:
    """«С уважением,» / «С уважением, Иван Петров» / «Best regards, //Jef» — not «С уважением к вашему времени, …»."""
    rest = rest.strip().lstrip(",.!:;—–- \t").strip()
    if not rest:
        return True
    if phrase.lower() in _SIGNOFF_ALONE:
        return False
    words = rest.split()
    return len(words) <= 4 and rest[-1:] not in "?!" and (rest[:1].isupper() or not rest[:1].isalpha())
