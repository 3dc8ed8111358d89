"""The shape of a letter's new text: where the author's words end, what is a list, a quote or a sign-off.

The mail reader separates a signature that starts with «-- » or sits in an HTML block, but most managers type
«С уважением,», their name and position by hand, and some just put their name under the last line. The rules
about how a letter is built (call-to-action, closing, long-sentence, letter-length…) must not read those lines
as the letter's last sentence, nor count a confidentiality disclaimer as a long sentence. :func:`body_end` finds
where the author's own words end; :func:`quote_spans` finds «>» citations kept inside the new text.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.text.phrases import PhraseSet
    from letterlint.text.pipeline import AnalysedText

LIST_MARK = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-•*—–●▪·]|[а-яa-z]\))\s")
_TERMINAL_END = re.compile(r"[.!?…:;]\s*$")
_CONTACT = re.compile(r"(?:\+?\d[\d ()\-]{6,}|@|https?://|www\.|\b[\w-]+\.(?:ru|com|рф|net|org|io|design|su)\b|"
                      r"\b(?:тел|моб|офис|факс|e-?mail|skype|telegram|tg|whatsapp)\b)", re.I)
_NAME_WORD = re.compile(r"^[A-ZА-ЯЁ][a-zа-яё'\-]+\.?$|^[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)?$")


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _formula(line: str, formulas: Sequence[str]) -> bool:
    s = norm(line).strip().rstrip(",.!:;").strip()
    return bool(s) and s in formulas


def _looks_like_name(line: str) -> bool:
    """«Игорь Крылов», «Мария», «Вадим О. Петров», «—Мария»: one to four capitalised words, nothing else — or
    such a name with a position after a comma: «Елена Крылова, администратор»."""
    s = line.strip().lstrip("—–-").strip().rstrip(",")
    name, comma, position = s.partition(",")
    if comma and not (1 <= len(position.split()) <= 5 and not re.search(r"[.!?:;]\s*$", position)):
        return False
    words = name.split()
    return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def body_end(text: str, formulas: Iterable[str], *, start: int = 0) -> int:
    """Where the author's words end in ``text``: before a sign-off formula («С уважением,») on a line of its own,
    or before a trailing block of a name and contact lines (no terminal punctuation). ``len(text)`` when neither.

    ``formulas`` are normalised sign-off lines («с уважением», «best regards»). Only the last two paragraphs are
    searched, so a «С уважением» in the middle of a letter template does not cut it.
    """
    forms = [norm(f).strip().rstrip(",.!") for f in formulas]
    lines = _lines(text)
    # index of the first line of the last two paragraphs
    nonblank = [i for i, (_, l) in enumerate(lines) if l.strip()]
    if not nonblank:
        return len(text)
    last = nonblank[-1]
    paras_seen, i = 0, last
    while i > 0:
        if not lines[i - 1][1].strip():
            paras_seen += 1
            if paras_seen == 2:
                break
        i -= 1
    first_searched = max(i, 1) if len(nonblank) > 1 else i
    for k in range(first_searched, last + 1):
        pos, line = lines[k]
        if pos >= start and _formula(line, forms):
            return _trim_end(text, pos)
    # a name (and position, contacts) under the last line, with no formula
    para_start = last
    while para_start > 0 and lines[para_start - 1][1].strip():
        para_start -= 1
    for k in range(para_start, last + 1):
        pos, line = lines[k]
        if pos < start or not _looks_like_name(line) or k == nonblank[0]:
            continue
        rest = [l for _, l in lines[k + 1:last + 1]]
        if len(rest) <= 6 and all(not LIST_MARK.match(l) and (not _TERMINAL_END.search(l) or _CONTACT.search(l))
                                  for l in rest):
            return _trim_end(text, pos)
    return len(text)


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Lines that start with «>»: a citation the author kept inside the new text."""
    return [(pos, pos + len(line)) for pos, line in _lines(text) if line.lstrip().startswith(">")]


def overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def is_list_item(text: str) -> bool:
    return bool(LIST_MARK.match(text))


def body_sentences(at: "AnalysedText", start: int, end: int, skip: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentences of ``at`` inside [start, end), without those in ``skip`` spans."""
    skip = list(skip)
    return [(s, e) for s, e in at.sentences() if start <= s and s < end and not overlaps(s, min(e, end), skip)]


def word_tokens(at: "AnalysedText", start: int, end: int) -> list:
    """Words (tokens with a letter or a digit) whose start lies in [start, end)."""
    return [t for t in at.words() if start <= t.idx < end and any(c.isalnum() for c in t.text)]


# --- the author's words of one letter, shared by the structure checks ------------------------------------------

@dataclass
class Body:
    """The author's words: [start, end) of the analysed new text, without «>» citations (``skip``)."""

    at: "AnalysedText"
    start: int
    end: int
    skip: list[tuple[int, int]]
    sentences: list[tuple[int, int]]

    @property
    def text(self) -> str:
        return self.at.text

    def words(self, s: int | None = None, e: int | None = None) -> list:
        s = self.start if s is None else s
        e = self.end if e is None else e
        return [t for t in word_tokens(self.at, s, e) if not overlaps(t.idx, t.idx + 1, self.skip)]

    def signoff_text(self) -> str:
        """The sign-off lines under the author's words (a formula, a name…), as written."""
        return self.at.text[self.end:]


def letter_body(at: "AnalysedText", signoffs: Iterable[str]) -> Body:
    text = at.text
    end = body_end(text, signoffs)
    skip = quote_spans(text)
    start = 0
    while start < end and text[start].isspace():
        start += 1
    return Body(at, start, end, skip, body_sentences(at, start, end, skip))


@lru_cache(maxsize=1)
def structure_vocabulary() -> dict[str, Any]:
    """letterlint/data/structure.yaml: sign-off formulas and closing phrases shared by the structure rules."""
    from letterlint.engine.yamlio import load_yaml_text

    return load_yaml_text(files("letterlint").joinpath("data/structure.yaml").read_text(encoding="utf-8"),
                          "structure.yaml")


def with_vocabulary(params: dict[str, Any]) -> dict[str, Any]:
    """The shared vocabulary overridden by a rule's own params."""
    return {**structure_vocabulary(), **{k: v for k, v in params.items() if v is not None}}


_PHRASES: dict[tuple[str, ...], "PhraseSet"] = {}


def phrase_set(phrases: Iterable[str]) -> "PhraseSet":
    """A compiled, cached PhraseSet of lemma phrases («word*» = a word form starting with it)."""
    from letterlint.text.phrases import PhraseSet, compile_phrase

    key = tuple(str(p) for p in phrases)
    ps = _PHRASES.get(key)
    if ps is None:
        ps = _PHRASES[key] = PhraseSet(compile_phrase(p, tag=p) for p in key if str(p).strip())
    return ps


def phrase_hits(at: "AnalysedText", phrases: Iterable[str], start: int = 0, end: int | None = None) -> list:
    """Matches of ``phrases`` (PhraseMatch) in [start, end), longest first per place."""
    from letterlint.text.phrases import longest_first

    ps = phrase_set(phrases)
    return longest_first(ps.finditer(at, start=start, end=end)) if ps else []


# --- one draft's body and params, shared by the structure checks ---------------------------------------------

_DRAFT_BODIES: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def rule_params(ctx: Any) -> dict[str, Any]:
    """A structure rule's params over the shared structure vocabulary (sign-offs, thanks, wishes)."""
    return with_vocabulary(ctx.params)


def draft_body(ctx: Any) -> "Body | None":
    """The author's words of the draft in a rule's context (computed once per letter and sign-off list)."""
    src = ctx.letter.new_text
    if not src:
        return None
    signoffs = tuple(rule_params(ctx).get("signoffs") or ())
    st = _DRAFT_BODIES.setdefault(ctx.run, {})
    if signoffs not in st:
        st[signoffs] = letter_body(ctx.analysed(src), signoffs)
    body = st[signoffs]
    return body if body.sentences else None


def shorten(s: str, n: int = 80) -> str:
    """``s`` on one line, cut to ``n`` characters with «…» (quoting a sentence in a message or a trace)."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def span_tokens(body: "Body", s: int, e: int) -> list:
    """The tokens of [s, e) of the body, without whitespace tokens (a token cut by s or e is included whole)."""
    return [t for t in body.at.doc.char_span(s, e, alignment_mode="expand") or [] if not t.is_space]


def has_phrase(body: "Body", phrases: Iterable[str], s: int, e: int) -> bool:
    """Does one of ``phrases`` (lemma phrases) occur in [s, e) of the body?"""
    return bool(phrase_hits(body.at, list(phrases), s, e))


def to_colleagues_only(ctx: Any) -> bool:
    """The draft goes to colleagues only (an internal forward «Коллеги, посмотрите…»): every To and Cc address is ours,
    or on a domain that carries our domain's name (n.sokolov@tablica.pro → help@tablica-support.com). A letter
    with no To (a template) is for a client."""
    from letterlint.engine.context import PUBLIC_DOMAINS

    letter = ctx.letter
    sender = getattr(letter, "sender", None)
    to = [a for a in (getattr(letter, "to", None) or []) if getattr(a, "addr", None)]
    if not to or sender is None or not getattr(sender, "addr", None):
        return False
    to += [a for a in (getattr(letter, "cc", None) or []) if getattr(a, "addr", None)]   # a client in copy reads it
    me = ctx.me(own_domain=True)
    dom = sender.addr.lower().rpartition("@")[2]
    parts = dom.split(".")
    label = parts[-2] if len(parts) >= 2 else ""
    if dom in PUBLIC_DOMAINS or len(label) < 4:
        return all(a in me for a in to)
    for a in to:
        if a in me:
            continue
        adom = a.addr.lower().rpartition("@")[2]
        if not re.search(r"(?<![a-z0-9])" + re.escape(label) + r"(?![a-z0-9])", adom.rpartition(".")[0]):
            return False
    return True
