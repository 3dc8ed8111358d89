"""Word and phrase matching by lemma, for lexicon rules, exceptions and built-in checks.

A phrase is space-separated words. A plain word matches a token whose lemma (ANY pymorphy3 parse's normal form)
or lower-cased form equals it, so every inflection of a dictionary word matches; ``word*`` matches a word
form starting with ``word`` (for slang pymorphy3 lemmatises wrongly: «пофиксим» → «пофиксим»); «ё» = «е».
Punctuation written in a phrase is ignored («см. вложение» = «см вложение»); in the text, full stops between
the words are skipped (abbreviations), other punctuation breaks a phrase — except in ``loose`` mode, used for
exceptions, where «короче чем» also covers «короче, чем».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from letterlint.text.pipeline import AnalysedText

_EDGE_PUNCT = ".,;:!?«»\"'()[]…"


class PhraseSyntaxError(ValueError):
    """A phrase that cannot match anything (empty, or only punctuation)."""


@dataclass(frozen=True)
class WordPat:
    """One word of a phrase."""

    value: str          # normalised (lower case, ё → е), without the trailing «*»
    prefix: bool        # «word*»: a word form starting with value
    upper: bool = False  # the token must be written in upper case

    def matches(self, tok: "Token") -> bool:
        if tok.is_space or tok.is_punct or tok._.placeholder:
            return False
        form = tok._.norm or norm(tok.text)
        if self.upper and not (tok.text.isupper() and any(c.isalpha() for c in tok.text)):
            return False
        if self.prefix:
            return form.startswith(self.value)
        if form == self.value or form.rstrip(".") == self.value:
            return True
        return self.value in tok._.lemmas


@dataclass(frozen=True)
class Phrase:
    """A compiled phrase: the words to match in order, and the text it was written as."""

    words: tuple[WordPat, ...]
    text: str
    tag: object = None   # whatever the caller wants back with a match (an entry index, …)


@dataclass(frozen=True)
class PhraseMatch:
    phrase: Phrase
    start_token: int     # index of the first token
    end_token: int       # index after the last token
    start: int           # character offsets into the analysed text
    end: int


def compile_phrase(text: str, *, upper: bool = False, tag: object = None) -> Phrase:
    """Compile one phrase; raises PhraseSyntaxError when it has no word."""
    words = []
    for raw in str(text).split():
        w = raw.strip(_EDGE_PUNCT)
        if not w:
            continue
        prefix = w.endswith("*")
        w = w.rstrip("*")
        w = norm(w).strip(_EDGE_PUNCT)
        if not w:
            raise PhraseSyntaxError(f"в «{text}» слово «{raw}» пустое")
        words.append(WordPat(w, prefix, upper))
    if not words:
        raise PhraseSyntaxError(f"в «{text}» нет ни одного слова")
    return Phrase(tuple(words), str(text), tag)


class PhraseSet:
    """Many phrases matched together, indexed by their first word so a long lexicon stays fast."""

    def __init__(self, phrases: Iterable[Phrase] = ()) -> None:
        self.phrases: list[Phrase] = []
        self._by_word: dict[str, list[Phrase]] = {}
        self._prefixed: list[Phrase] = []
        self._upper: list[Phrase] = []
        for p in phrases:
            self.add(p)

    def add(self, p: Phrase) -> None:
        self.phrases.append(p)
        first = p.words[0]
        if first.prefix:
            self._prefixed.append(p)
        else:
            self._by_word.setdefault(first.value, []).append(p)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def _candidates(self, tok: "Token") -> Iterator[Phrase]:
        form = tok._.norm or norm(tok.text)
        keys = {form, form.rstrip("."), *tok._.lemmas}
        seen: set[int] = set()
        for k in keys:
            for p in self._by_word.get(k, ()):
                if id(p) not in seen:
                    seen.add(id(p))
                    yield p
        for p in self._prefixed:
            if form.startswith(p.words[0].value):
                yield p

    def finditer(self, at: "AnalysedText", *, loose: bool = False, start: int = 0,
                 end: int | None = None) -> Iterator[PhraseMatch]:
        """Every match (overlapping ones included) whose characters lie in [start, end)."""
        doc = at.doc
        end = len(at.text) if end is None else end
        n = len(doc)
        for i in range(n):
            tok = doc[i]
            if tok.idx < start or tok.idx >= end or tok.is_space or tok.is_punct or tok._.placeholder:
                continue
            for p in self._candidates(tok):
                if not p.words[0].matches(tok):
                    continue
                j = _match_rest(doc, i + 1, p.words[1:], loose)
                if j is None:
                    continue
                last = doc[j - 1]
                e = last.idx + len(last.text)
                if e <= end:
                    yield PhraseMatch(p, i, j, tok.idx, e)

    def spans(self, at: "AnalysedText", *, loose: bool = True) -> list[tuple[int, int]]:
        """Character spans of every match (for exceptions)."""
        return [(m.start, m.end) for m in self.finditer(at, loose=loose)]


def _match_rest(doc: "Sequence[Token]", i: int, rest: Sequence[WordPat], loose: bool) -> int | None:
    """Match the remaining words from token ``i``; the index after the last matched token, or None."""
    n = len(doc)
    for w in rest:
        while i < n:
            t = doc[i]
            if t.is_space:
                i += 1
                continue
            if t.is_punct and (loose or set(t.text) <= {"."}):
                if loose and _TERMINAL.match(t.text):
                    return None
                i += 1
                continue
            break
        if i >= n or not w.matches(doc[i]):
            return None
        i += 1
    return i


_TERMINAL = re.compile(r"^[!?…]+$")


def longest_first(matches: Iterable[PhraseMatch]) -> list[PhraseMatch]:
    """Drop matches overlapping a longer (or earlier) one: one finding per place in the text."""
    out: list[PhraseMatch] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= o.start or m.start >= o.end for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.start)


def inside(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    """True when ``span`` lies within one of ``spans``."""
    s, e = span
    return any(a <= s and e <= b for a, b in spans)
