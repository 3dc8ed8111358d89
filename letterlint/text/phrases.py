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

from letterlint.text import extras
from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from letterlint.text.pipeline import AnalysedText

_EDGE_PUNCT = ".,;:!?«»\"'()[]…"


class PhraseSyntaxError(ValueError):
    """A phrase that cannot match anything (empty, or only punctuation)."""


class TokenView:
    """Plain-Python copies of what phrase matching reads from each token (spaCy's ``._`` access is slow)."""

    __slots__ = ("n", "text", "idx", "form", "lemmas", "word", "space", "punct", "found")

    def __init__(self, doc: "Doc") -> None:
        self.n = len(doc)
        self.text: list[str] = []
        self.idx: list[int] = []
        self.form: list[str] = []
        self.lemmas: list[frozenset[str]] = []
        self.word: list[bool] = []
        self.space: list[bool] = []
        self.punct: list[bool] = []
        # every match of a phrase set over the whole text, found once: (set, loose) → (set, matches)
        self.found: dict[tuple[int, bool], tuple[PhraseSet, list[PhraseMatch]]] = {}
        ex = extras.extras(doc)
        for t in doc:
            self.text.append(t.text)
            self.idx.append(t.idx)
            self.space.append(t.is_space)
            self.punct.append(t.is_punct)
            holder = ex.placeholder[t.i]
            self.word.append(not (t.is_space or t.is_punct or holder))
            self.form.append("" if holder else (ex.norm[t.i] or norm(t.text)))
            self.lemmas.append(ex.lemma_set[t.i])


def token_view(at: "AnalysedText") -> TokenView:
    """The TokenView of an analysed text, built once."""
    v = getattr(at, "_token_view", None)
    if v is None or v.n != len(at.doc):
        v = TokenView(at.doc)
        at._token_view = v  # type: ignore[attr-defined]
    return v


@dataclass(frozen=True)
class WordPat:
    """One word of a phrase."""

    value: str          # normalised (lower case, ё → е), without the trailing «*»
    prefix: bool        # «word*»: a word form starting with value
    upper: bool = False  # the token must be written in upper case

    def matches(self, tok: "Token") -> bool:
        if tok.is_space or tok.is_punct or extras.placeholder(tok):
            return False
        return self._match(extras.form(tok) or norm(tok.text), tok.text, extras.lemmas(tok))

    def matches_at(self, v: TokenView, i: int) -> bool:
        return v.word[i] and self._match(v.form[i], v.text[i], v.lemmas[i])

    def _match(self, form: str, text: str, lemmas: frozenset[str]) -> bool:
        if self.upper and not (text.isupper() and any(c.isalpha() for c in text)):
            return False
        if self.prefix:
            return form.startswith(self.value)
        if form == self.value or form.rstrip(".") == self.value:
            return True
        return self.value in lemmas


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


_PREFIX_KEY = 2


class PhraseSet:
    """Many phrases matched together, indexed by their first word so a long lexicon stays fast."""

    def __init__(self, phrases: Iterable[Phrase] = ()) -> None:
        self.phrases: list[Phrase] = []
        self._by_word: dict[str, list[Phrase]] = {}
        self._by_prefix: dict[str, list[Phrase]] = {}   # «word*» phrases by the first letters of the prefix
        self._short_prefix: list[Phrase] = []           # prefixes shorter than the key
        for p in phrases:
            self.add(p)

    def add(self, p: Phrase) -> None:
        self.phrases.append(p)
        first = p.words[0]
        if first.prefix:
            if len(first.value) >= _PREFIX_KEY:
                self._by_prefix.setdefault(first.value[:_PREFIX_KEY], []).append(p)
            else:
                self._short_prefix.append(p)
        else:
            self._by_word.setdefault(first.value, []).append(p)

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def _candidates(self, form: str, lemmas: frozenset[str]) -> list[Phrase]:
        out: list[Phrase] = []
        bw = self._by_word
        for k in (form, *lemmas):
            got = bw.get(k)
            if got:
                out.extend(got)
        stripped = form.rstrip(".")
        if stripped != form and stripped in bw:
            out.extend(bw[stripped])
        got = self._by_prefix.get(form[:_PREFIX_KEY])
        if got:
            out.extend(got)
        if self._short_prefix:
            out.extend(self._short_prefix)
        if len(out) > 1:  # the same phrase may come through several keys
            seen: set[int] = set()
            out = [p for p in out if not (id(p) in seen or seen.add(id(p)))]  # type: ignore[func-returns-value]
        return out

    def finditer(self, at: "AnalysedText", *, loose: bool = False, start: int = 0,
                 end: int | None = None) -> Iterator[PhraseMatch]:
        """Every match (overlapping ones included) whose characters lie in [start, end). The whole text is
        scanned once per phrase set; checks that ask about one sentence after another reuse that scan."""
        v = token_view(at)
        got = v.found.get((id(self), loose))
        if got is None or got[0] is not self:
            got = (self, list(self._scan(v, loose)))
            v.found[(id(self), loose)] = got
        matches = got[1]
        if start == 0 and end is None:
            return iter(matches)
        end = len(at.text) if end is None else end
        return (m for m in matches if start <= m.start and m.end <= end)

    def _scan(self, v: TokenView, loose: bool) -> Iterator[PhraseMatch]:
        for i in range(v.n):
            pos = v.idx[i]
            if not v.word[i]:
                continue
            cands = self._candidates(v.form[i], v.lemmas[i])
            if not cands:
                continue
            for p in cands:
                if not p.words[0].matches_at(v, i):
                    continue
                j = _match_rest(v, i + 1, p.words[1:], loose)
                if j is None:
                    continue
                yield PhraseMatch(p, i, j, pos, v.idx[j - 1] + len(v.text[j - 1]))

    def spans(self, at: "AnalysedText", *, loose: bool = True) -> list[tuple[int, int]]:
        """Character spans of every match (for exceptions)."""
        return [(m.start, m.end) for m in self.finditer(at, loose=loose)]


def _match_rest(v: TokenView, i: int, rest: Sequence[WordPat], loose: bool) -> int | None:
    """Match the remaining words from token ``i``; the index after the last matched token, or None."""
    n = v.n
    for w in rest:
        while i < n:
            if v.space[i]:
                i += 1
                continue
            if v.punct[i] and (loose or set(v.text[i]) <= {"."}):
                if loose and _TERMINAL.match(v.text[i]):
                    return None
                i += 1
                continue
            break
        if i >= n or not w.matches_at(v, i):
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
