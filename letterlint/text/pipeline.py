"""The Russian text pipeline: one lazily built spaCy tokenizer, pymorphy3 morphology, natasha on demand.

Why these choices (DESIGN §7): spaCy has no Russian model here, so ``spacy.blank("ru")`` gives tokens and we
set sentence starts ourselves (abbreviations «т.е.», «г.», numbered lists «1.» and line-based e-mail layout
defeat a punctuation-only sentencizer). Lemmas and tags come from pymorphy3; natasha/slovnet are loaded only
when a rule asks for ``syntax``, ``ner`` or ``vectors``. Jinja placeholders ``{{ … }}``/``{% … %}`` become one
opaque token each that no rule can match. Every token keeps its character offset into the analysed text, so
a finding maps back to its line and column through ``SourceText.locate``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.text import extras
from letterlint.text.morph import is_name, is_plain_word
from letterlint.text.normalize import norm

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from letterlint.mail.model import SourceText
    from letterlint.text.morph import WordInfo

#: Analyses a rule may ask for. ``thread`` is not a text analysis: it tells the engine the rule reads the thread.
KNOWN_NEEDS = ("tokens", "morph", "syntax", "ner", "vectors", "thread")
_TEXT_NEEDS = {"tokens", "morph", "syntax", "ner", "vectors"}

PLACEHOLDER_RE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)

# Words after which a full stop does not end a sentence.
_ABBR_NEVER_END = {
    "т.е", "т.к", "т.н", "т.ч", "см", "напр", "ул", "д", "им", "стр", "тел",
    "проф", "акад", "доц", "англ", "рус", "пер", "просп", "обл", "р", "кв", "корп", "оф", "каб", "зам", "нач",
    "ген", "ред", "изд", "вх", "исх", "рис", "табл", "прим", "ср", "мин", "макс", "прил", "п", "пп", "гл",
    "ст", "ч", "e.g", "i.e", "etc", "vs", "mr", "mrs", "dr", "no", "т", "е", "к",
}
# Words after which a full stop ends a sentence only when a capital letter follows.
# (a sum ends a sentence as often as not: «…бюджет около 1,5 млн. Вы такое делаете?»)
_ABBR_MAY_END = {"т.д", "т.п", "г", "гг", "др", "пр", "вв", "в", "руб", "коп", "тыс", "млн", "млрд"}
_PLACE_PREPOSITIONS = {"в", "во", "из", "до", "под", "около", "возле", "по", "через"}
_TERMINAL_RE = re.compile(r"^[.!?…]+$")
_LIST_MARK_RE = re.compile(r"^(\d{1,2}[.)]|[-•*—–]|[а-яa-z]\))$")
_OPENERS = set("«\"'“„([")
_CLOSERS = set("»\"'”)]")

_NLP: Any = None
_NATASHA: dict[str, Any] = {}


def text_needs(needs: Iterable[str]) -> set[str]:
    """The text analyses implied by a rule's ``needs`` (morph implies tokens, syntax implies morph…)."""
    out = set(needs) & _TEXT_NEEDS
    if out:
        out |= {"tokens", "morph"}
    return out


def nlp() -> Any:
    """The process-wide ``spacy.blank("ru")`` with our tokenizer tweaks and token extensions."""
    global _NLP
    if _NLP is None:
        from spacy.lang.char_classes import HYPHENS
        from spacy.lang.ru import Russian

        class _Defaults(Russian.Defaults):  # type: ignore[misc,valid-type]
            # Keep hyphenated words whole («кто-то», «во-первых», «е-мейл»): pymorphy3 knows them as one word.
            # Set before the tokenizer is built, so its regexes are compiled once (a third of a second saved).
            infixes = [x for x in Russian.Defaults.infixes if HYPHENS not in str(x)]

        class _Russian(Russian):  # type: ignore[misc,valid-type]
            Defaults = _Defaults

        n = _Russian()   # = spacy.blank("ru") with those infixes
        extras.register()
        _NLP = n
    return _NLP


def natasha_models() -> dict[str, Any]:
    """natasha embeddings + slovnet morph/syntax/NER, loaded once (≈2 s) and only for rules that need them.

    natasha must be imported before anything touches pymorphy2 (DESIGN §7); it never sees our pymorphy3.
    """
    if "morph" not in _NATASHA:
        from natasha import NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

        emb = embedding()
        _NATASHA.update(morph=NewsMorphTagger(emb), syntax=NewsSyntaxParser(emb), ner=NewsNERTagger(emb))
    return _NATASHA


def embedding() -> Any:
    """navec word vectors alone (≈1.2 s to load), for rules that weigh word similarity."""
    if "emb" not in _NATASHA:
        import natasha  # noqa: F401  (import order matters, see natasha_models)
        from natasha import NewsEmbedding

        _NATASHA["emb"] = NewsEmbedding()
    return _NATASHA["emb"]


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two words' navec vectors; 0.0 when either is unknown."""
    emb = embedding()
    va, vb = emb.get(norm(a)), emb.get(norm(b))
    if va is None or vb is None:
        return 0.0
    import numpy as np

    d = float(np.linalg.norm(va) * np.linalg.norm(vb))
    return float(np.dot(va, vb)) / d if d else 0.0


@dataclass
class Entity:
    """A named entity found by natasha: PER, LOC or ORG, with character offsets into the analysed text."""

    label: str
    start: int
    end: int
    text: str


@dataclass
class AnalysedText:
    """A SourceText after analysis. ``doc`` is a spaCy Doc whose character offsets are offsets into ``source``.

    ``start``/``end`` restrict rules to a part of the text (e.g. the closing lines) while the whole text is
    analysed, so sentences at the border stay intact.
    """

    source: "SourceText"
    doc: "Doc"
    needs: frozenset[str]
    entities: list[Entity] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.source.text

    def words(self) -> list["Token"]:
        """Word-like tokens: not whitespace, not punctuation, not placeholders (listed once per text: many
        rules ask, and spaCy's ``._`` access is slow)."""
        cached = self.__dict__.get("_words")
        if cached is None:
            cached = [t for t in self.doc if extras.is_word(t)]
            self.__dict__["_words"] = cached
        return cached

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of each sentence, whitespace trimmed (computed once)."""
        cached = self.__dict__.get("_sentences")
        if cached is not None:
            return list(cached)
        out = []
        for s in self.doc.sents:
            toks = [t for t in s if not t.is_space]
            if toks:
                out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
        self.__dict__["_sentences"] = tuple(out)
        return out

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence containing ``offset``."""
        best = (0, len(self.text))
        for s, e in self.sentences():
            if s <= offset < e or (offset == e and s < e):
                return s, e
            if s > offset:
                break
        return best

    def vector(self, word: str) -> Any:
        """navec embedding of a word (None when unknown); requires ``vectors``."""
        return embedding().get(norm(word))


def analyse(source: "SourceText", needs: Iterable[str] = ("tokens", "morph")) -> AnalysedText:
    """Tokenise, split into sentences and annotate ``source`` with what ``needs`` asks for."""
    want = text_needs(needs) or {"tokens", "morph"}
    doc = _tokenise(source.text)
    _set_sentences(doc)
    if "morph" in want:
        _set_morph(doc)
    at = AnalysedText(source=source, doc=doc, needs=frozenset(want))
    if "syntax" in want:
        _set_syntax(doc)
    if "ner" in want:
        at.entities = _entities(source.text)
        spans = []
        for ent in at.entities:  # also as doc.ents, so patterns can use ENT_TYPE
            sp = doc.char_span(ent.start, ent.end, label=ent.label, alignment_mode="expand")
            if sp is not None and not any(sp.start < o.end and o.start < sp.end for o in spans):
                spans.append(sp)
        try:
            doc.ents = spans
        except Exception:  # pragma: no cover - overlapping or misaligned spans: keep the list only
            pass
    return at


# --- tokens -----------------------------------------------------------------------------------------------

def _tokenise(text: str) -> "Doc":
    """spaCy tokens, with each Jinja placeholder as one opaque token."""
    from spacy.tokens import Doc

    n = nlp()
    if not PLACEHOLDER_RE.search(text):
        doc = n.make_doc(text)
        ex = extras.attach(doc)
        for t in doc:
            ex.norm[t.i] = t.norm_ = norm(t.text)
        return doc
    words: list[str] = []
    spaces: list[bool] = []
    holders: set[int] = set()
    pos = 0

    def add_segment(seg: str) -> None:
        if not seg:
            return
        d = n.make_doc(seg)
        for t in d:
            words.append(t.text)
            spaces.append(bool(t.whitespace_))

    for m in PLACEHOLDER_RE.finditer(text):
        add_segment(text[pos:m.start()])
        if words and not spaces[-1] and words[-1].isspace() is False and text[m.start() - 1:m.start()].isspace():
            spaces[-1] = True  # pragma: no cover - make_doc already reports the trailing space
        holders.add(len(words))
        words.append(m.group(0))
        spaces.append(False)
        pos = m.end()
    add_segment(text[pos:])
    doc = Doc(n.vocab, words=words, spaces=spaces)
    if doc.text != text:  # pragma: no cover - defensive: fall back to plain tokens
        doc = n.make_doc(text)
        holders = set()
        for m in PLACEHOLDER_RE.finditer(text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None:
                holders.update(range(span.start, span.end))
    ex = extras.attach(doc)
    for t in doc:
        ex.norm[t.i] = t.norm_ = norm(t.text)
        if t.i in holders:
            ex.placeholder[t.i] = True
            ex.norm[t.i] = ""
            t.norm_ = "\u2063"  # never equal to a word
    return doc


# --- sentences --------------------------------------------------------------------------------------------

# a line that ends in one of these goes on in the next line, even in a letter written in fragments
_LINE_GOES_ON = frozenset({"и", "или", "а", "но", "что", "чтобы", "если", "как", "в", "во", "на", "с", "со", "к",
                           "по", "для", "от", "до", "за", "из", "о", "об", "у", "не", "ни", "же", "при", "через"})
_WRAP_SLACK = 15      # hard-wrapped prose breaks its lines at most this much short of its longest line
_NEVER_WRAPPED = 40   # nobody wraps mail this narrow: a shorter line that runs on is a line of its own


def _written_in_fragments(text: str) -> bool:
    """A letter written line by line, without full stops («нас 4 взрослых и 2 ребенка» ⏎ «баня сколько стоит»):
    each line is a sentence. In hard-wrapped prose the lines that run on into a lower-case line are about as long
    as the longest line; in a letter written in fragments most are much shorter."""
    lines = [ln.strip() for ln in text.split("\n")]
    longest = max(map(len, lines), default=0)
    run_on = [len(a) for a, b in zip(lines, lines[1:]) if a and b and b[:1].islower() and a[-1] not in ".!?…:;,"]
    short = sum(n < longest - _WRAP_SLACK or n < _NEVER_WRAPPED for n in run_on)
    return short >= 2 and 2 * short >= len(run_on)


def _inline_list_items(toks: list["Token"]) -> list[int]:
    """Where the items of a list written in one line start: «Вопросы: 1) нужно ли разрешение, 2) что делаете с
    боем, 3) сколько займёт по времени?». A marker «N)» counts after «:», «,» or «;» and only in a run 1), 2), …
    («(см. пункт 2)» is no item)."""
    marks: list[tuple[int, int]] = []
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.text.isdigit() and len(t.text) <= 2 and toks[i + 1].text == ")":
            j = i - 1
            while j >= 0 and toks[j].is_space:
                j -= 1
            if j >= 0 and toks[j].text in (":", ",", ";"):
                marks.append((int(t.text), i))
    items: list[int] = []
    run: list[int] = []
    for n, i in marks:
        if n == len(run) + 1:
            run.append(i)
        else:
            items += run if len(run) >= 2 else []
            run = [i] if n == 1 else []
    items += run if len(run) >= 2 else []
    return items


def _set_sentences(doc: "Doc") -> None:
    """Sentence starts for e-mail text: terminal punctuation, blank lines, list items, line-based layout."""
    toks = list(doc)
    if not toks:
        return
    holder = extras.extras(doc).placeholder
    starts = [False] * len(toks)
    starts[0] = True
    fragments = _written_in_fragments(doc.text)

    def next_word(i: int) -> int | None:
        j = i + 1
        while j < len(toks) and toks[j].is_space:
            j += 1
        return j if j < len(toks) else None

    def prev_word(i: int) -> int | None:
        j = i - 1
        while j >= 0 and toks[j].is_space:
            j -= 1
        return j if j >= 0 else None

    def starts_upper(t: "Token") -> bool:
        c = t.text[:1]
        return c.isupper() or c.isdigit() or c in _OPENERS or c in "-—–•*" or holder[t.i]

    def at_line_start(i: int) -> bool:
        j = i - 1
        while j >= 0 and toks[j].is_space and "\n" not in toks[j].text:
            j -= 1
        return j < 0 or "\n" in toks[j].text or "\n" in toks[j].whitespace_

    def town(i: int) -> bool:
        """«в г. Торжок», «из г. Твери»: «г.» after a preposition names a town, it does not end «…2025 г.»"""
        p = prev_word(i)
        return p is not None and norm(toks[p].text) in _PLACE_PREPOSITIONS

    def initial(p: int, nw: int) -> bool:
        """A capital letter and a full stop stand for a name when a name stands beside them."""
        q = prev_word(p)
        return len(toks[nw].text.rstrip(".")) == 1 or is_name(toks[nw].text) or q is not None and is_name(toks[q].text)

    for i, t in enumerate(toks):
        if t.is_space:
            continue
        nw = next_word(i)
        if nw is None:
            break
        between = "".join(x.text_with_ws for x in toks[i + 1:nw]) + t.whitespace_
        newlines = between.count("\n")
        txt = t.text
        # a blank line always ends a sentence
        if newlines >= 2:
            starts[nw] = True
            continue
        # closing quotes/brackets right after a terminal belong to the sentence they close
        if txt and all(c in _CLOSERS for c in txt):
            p = prev_word(i)
            if p is not None and _TERMINAL_RE.match(toks[p].text) and starts_upper(toks[nw]) or \
                    newlines == 1 and toks[nw].text[:1].isupper() and not holder[t.i]:
                starts[nw] = True   # (also a line ending in a closing quote: «…на тарифе "Старт"» ⏎ «Дмитрий»)
            continue
        low = norm(txt).rstrip(".")
        if _TERMINAL_RE.match(txt):
            p = prev_word(i)
            if "." in txt and "!" not in txt and "?" not in txt and p is not None and not toks[p].whitespace_:
                pw = norm(toks[p].text)
                # numbered list marker «1.» at the start of a line
                if toks[p].like_num and at_line_start(p):
                    continue
                # initials «И. И. Иванов», «Иванов И. И.»; not a size or a block («…размера M. Пожалуйста, …»)
                if len(toks[p].text) == 1 and toks[p].text.isalpha() and toks[p].text.isupper() and not newlines \
                        and initial(p, nw):
                    continue
                if pw.rstrip(".") in _ABBR_NEVER_END and not newlines:
                    continue
                if pw == "г" and not newlines and town(p):
                    continue
                if pw.rstrip(".") in _ABBR_MAY_END and not newlines and not starts_upper(toks[nw]):
                    continue
            # («…чтобы я посмотрела. и моющие средства ваши или мои нужны» — a client who writes without capitals)
            # (a short word too when it is no abbreviation: «…огэ в мае. сможете заниматься…»)
            # (and a figure: «…заказ 240-118-55. пришло платье не того размера»)
            lower_start = txt == "." and p is not None and (
                toks[p].is_alpha and toks[p].text.islower() and (
                    len(toks[p].text) >= 4 or len(toks[p].text) == 3 and is_plain_word(toks[p].text)) or
                toks[p].text.isdigit()) and \
                toks[nw].is_alpha and toks[nw].text.islower()
            if newlines or starts_upper(toks[nw]) or "!" in txt or "?" in txt or lower_start:
                nxt = toks[nw]
                if nxt.text and all(c in _CLOSERS for c in nxt.text) and nxt.text not in ("\"", "'"):
                    continue
                starts[nw] = True
            continue
        # a word that took the full stop into its token and is no abbreviation: a size or a block that is no
        # initial («…размера M. Пожалуйста…»), a code or an acronym («…две стойки по 42U. У нас…», «…в 1С. Как…»)
        if txt.endswith(".") and len(txt) == 2 and txt[0] in "SMLX" and not newlines and toks[nw].is_alpha and \
                toks[nw].text.islower() and len(toks[nw].text) >= 3 and not _TERMINAL_RE.match(toks[nw].text):
            starts[nw] = True     # a size (Latin, no initial) before a lower-case word: «…а пришло M. пришлите»
            continue
        if txt.endswith(".") and len(txt) > 1 and "." not in txt[:-1] and not newlines and \
                toks[nw].text[:1].isupper() and low not in _ABBR_NEVER_END and (
                    len(txt) == 2 and txt[0].isupper() and not initial(i, nw) or
                    len(txt) > 2 and (any(c.isdigit() for c in txt) or txt[:-1].isupper())):
            starts[nw] = True
            continue
        # abbreviation tokens that carry their own full stop («т.д.», «г.»)
        if txt.endswith(".") and len(txt) > 1 and (low in _ABBR_MAY_END) and (newlines or starts_upper(toks[nw])) \
                and not (low == "г" and not newlines and town(i)):
            if low in _ABBR_MAY_END and starts_upper(toks[nw]) and toks[nw].text[:1].isupper():
                starts[nw] = True
                continue
        if newlines == 1:
            nxt = toks[nw]
            if _LIST_MARK_RE.match(nxt.text) or (nxt.like_num and nw + 1 < len(toks) and toks[nw + 1].text in (".", ")")):
                starts[nw] = True
            elif txt in (":", ";") or txt.endswith((".", "!", "?", "…")):
                starts[nw] = True
            elif txt != "," and txt != "-" and nxt.text[:1].isupper() and not holder[t.i]:
                starts[nw] = True
            elif fragments and nxt.text[:1].islower() and txt not in (",", "-", "—", "–") and \
                    norm(txt) not in _LINE_GOES_ON:
                starts[nw] = True     # «а с собакой можно? она небольшая, корги» ⏎ «трансфер из иркутска у вас есть…»
    for i in _inline_list_items(toks):
        starts[i] = True
    # all at once: setting Token.is_sent_start one by one makes spaCy scan the whole doc each time (O(n²))
    import numpy
    from spacy.attrs import SENT_START

    no = numpy.iinfo(numpy.uint64).max          # -1 («not a start») as spaCy stores it
    doc.from_array([SENT_START], numpy.array([[1 if st else no] for st in starts], dtype=numpy.uint64))


# --- morphology -------------------------------------------------------------------------------------------

# a subject pronoun and the person its verb takes: after «вы» the verb reading wins («вы примете» is «принять»,
# not the noun «примета»)
_SUBJECT_PERSON = {"вы": "2per", "мы": "1per", "я": "1per", "ты": "2per"}


def _set_morph(doc: "Doc") -> None:
    from letterlint.text.morph import word_info

    ex = extras.extras(doc)
    after_preposition = False
    person: str | None = None           # the person of a subject pronoun just before («вы примете»)
    for t in doc:
        i = t.i
        was_preposition, after_preposition = after_preposition, False
        subject, person = person, None
        if t.is_space:
            t.pos_ = "SPACE"
            continue
        if ex.placeholder[i]:
            t.pos_ = "X"
            continue
        if t.is_punct:
            t.pos_ = "PUNCT"
            t.lemma_ = t.text
            continue
        if t.like_url or t.like_email:
            t.pos_ = "X"
            t.lemma_ = t.text.lower()
            ex.lemma_set[i] = frozenset((t.text.lower(),))
            continue
        info = word_info(t.norm_, was_preposition, subject)
        after_preposition = info.pos == "ADP"
        person = _SUBJECT_PERSON.get(t.norm_)
        _take_reading(t, info, ex)
    _nouns_before_genitive(doc)
    _maintenance(doc)


def _take_reading(t: "Token", info: "WordInfo", ex: Any) -> None:
    """Put one pymorphy3 reading of a word on its token."""
    t.lemma_, t.pos_, t.tag_ = info.lemma, info.pos, info.tag
    ex.lemma_set[t.i] = info.lemma_set
    ex.oc[t.i], ex.oc_any[t.i] = info.oc, info.oc_any
    if info.morph:
        t.set_morph(info.morph)


def _maintenance(doc: "Doc") -> None:
    """«ТО» in capitals among ordinary words is техобслуживание, not the pronoun «то» («Плановое ТО — раз в
    месяц»); in a line typed in capitals it stays what it is."""
    ex = extras.extras(doc)
    words = [t for t in doc if t.is_alpha]
    for k, t in enumerate(words):
        near = [w for w in words[max(0, k - 2):k + 3] if w is not t]
        if t.text != "ТО" or any(w.text.isupper() and len(w.text) > 2 for w in near):
            continue
        t.lemma_, t.pos_ = "техобслуживание", "NOUN"
        ex.lemma_set[t.i] = frozenset({"техобслуживание", "то"})


def _nouns_before_genitive(doc: "Doc") -> None:
    """An adjective that cannot agree with the genitive noun after it is a noun, when pymorphy3 has a noun reading:
    «простой сайта» (the downtime), «простой станка» — not «новой версии» («управляющий компании» stays: pymorphy3
    reads «управляющий» only as a participle)."""
    from letterlint.text.morph import analyzer, word_info

    ex = extras.extras(doc)
    words = [t for t in doc if not t.is_space]
    for t, nxt in zip(words, words[1:]):
        if t.pos_ not in ("ADJ", "VERB") or not {"ADJF", "PRTF"} & ex.oc[t.i] or nxt.pos_ != "NOUN" or \
                "gent" not in ex.oc[nxt.i] or "NOUN" not in ex.oc_any[t.i]:
            continue
        noun = ex.oc[nxt.i]
        plural = "plur" in noun
        if any(p.tag.POS in ("ADJF", "PRTF") and "gent" in p.tag and
               (p.tag.number == "plur" if plural else p.tag.number == "sing" and p.tag.gender in noun)
               for p in analyzer().parse(t.norm_)):
            continue       # «новой версии», «рабочего графика»: it agrees, an adjective
        _take_reading(t, word_info(t.norm_, noun_first=True), ex)


def _sentences_words(doc: "Doc") -> list[list["Token"]]:
    out = []
    for s in doc.sents:
        toks = [t for t in s if not t.is_space]
        if toks:
            out.append(toks)
    return out


def _set_syntax(doc: "Doc") -> None:
    """slovnet morphology and dependencies copied onto our tokens.

    slovnet is trained on news and tags imperatives («Пришлите») as nouns (DESIGN §7): where pymorphy3 sees
    an imperative we keep pymorphy3's reading.
    """
    models = natasha_models()
    sents = _sentences_words(doc)
    if not sents:
        return
    words = [[t.text for t in s] for s in sents]
    morph_out = list(models["morph"].map(words))
    syntax_out = list(models["syntax"].map(words))
    heads: list[tuple["Token", "Token"]] = []
    for toks, mo, so in zip(sents, morph_out, syntax_out):
        for t, mt in zip(toks, mo.tokens):
            if extras.placeholder(t):
                continue
            if "impr" not in extras.oc_any(t):
                t.pos_ = mt.pos
                feats = "|".join(f"{k}={v}" for k, v in sorted((mt.feats or {}).items()))
                t.set_morph(feats or None)
        ids = {st.id: toks[k] for k, st in enumerate(so.tokens) if k < len(toks)}
        for k, st in enumerate(so.tokens):
            if k >= len(toks):
                break
            t = toks[k]
            t.dep_ = (st.rel or "dep").lower()
            head = ids.get(st.head_id)
            heads.append((t, head if head is not None else t))
    # spaCy needs heads set all at once to keep the tree consistent
    for t, h in heads:
        try:
            t.head = h
        except Exception:  # pragma: no cover - a cyclic parse: leave the token as its own root
            pass


def _entities(text: str) -> list[Entity]:
    from natasha import Doc as NDoc, Segmenter

    models = natasha_models()
    if "segmenter" not in models:
        models["segmenter"] = Segmenter()
    nd = NDoc(text)
    nd.segment(models["segmenter"])
    nd.tag_ner(models["ner"])
    return [Entity(s.type, s.start, s.stop, text[s.start:s.stop]) for s in nd.spans]
