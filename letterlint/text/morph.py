"""pymorphy3 morphology with a per-process cache, and the OpenCorpora → Universal Dependencies mapping.

Rules speak UD (``POS``/``MORPH`` in spaCy patterns) because that is what spaCy users know; the raw
OpenCorpora grammemes stay available (``OC``) for things UD has no name for (``Slng``, ``Infr``, ``Abbr``).
The analyzer loads in ≈0.2 s, so it is created on first use only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from letterlint.text.normalize import norm

_ANALYZER: Any = None


def analyzer() -> Any:
    """The process-wide pymorphy3 analyzer (created on first call)."""
    global _ANALYZER
    if _ANALYZER is None:
        import pymorphy3

        _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
    "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
    "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ",
}
_SCONJ = {"что", "чтобы", "если", "когда", "потому", "поскольку", "хотя", "пока", "как", "будто", "ли", "раз"}
_FEATS = {
    "nomn": ("Case", "Nom"), "gent": ("Case", "Gen"), "datv": ("Case", "Dat"), "accs": ("Case", "Acc"),
    "ablt": ("Case", "Ins"), "loct": ("Case", "Loc"), "voct": ("Case", "Voc"), "gen2": ("Case", "Gen"),
    "acc2": ("Case", "Acc"), "loc2": ("Case", "Loc"), "gen1": ("Case", "Gen"), "loc1": ("Case", "Loc"),
    "sing": ("Number", "Sing"), "plur": ("Number", "Plur"),
    "masc": ("Gender", "Masc"), "femn": ("Gender", "Fem"), "neut": ("Gender", "Neut"),
    "1per": ("Person", "1"), "2per": ("Person", "2"), "3per": ("Person", "3"),
    "pres": ("Tense", "Pres"), "past": ("Tense", "Past"), "futr": ("Tense", "Fut"),
    "indc": ("Mood", "Ind"), "impr": ("Mood", "Imp"),
    "perf": ("Aspect", "Perf"), "impf": ("Aspect", "Imp"),
    "actv": ("Voice", "Act"), "pssv": ("Voice", "Pass"),
    "anim": ("Animacy", "Anim"), "inan": ("Animacy", "Inan"),
    "Supr": ("Degree", "Sup"),
}
_VERBFORM = {"INFN": "Inf", "VERB": "Fin", "PRTF": "Part", "PRTS": "Part", "GRND": "Conv"}


@dataclass(frozen=True)
class WordInfo:
    """What pymorphy3 says about one word form."""

    lemma: str                    # normal form of the most probable parse (ё folded)
    lemmas: frozenset[str]        # normal forms of every parse (ё folded): a lexicon word matches any
    pos: str                      # UD part of speech of the most probable parse
    morph: str                    # UD features of the most probable parse, «Case=Nom|Number=Sing»
    tag: str                      # OpenCorpora tag of the most probable parse
    oc: frozenset[str]            # its grammemes
    oc_any: frozenset[str]        # grammemes of every parse
    lemma_set: frozenset[str] = frozenset()   # the lemmas and the form itself (what a token carries)


def ud_pos(tag: Any, word: str) -> str:
    """UD part of speech for a pymorphy3 tag."""
    g = set(tag.grammemes)
    if "PNCT" in g:
        return "PUNCT"
    if "NUMB" in g or "ROMN" in g:
        return "NUM"
    if "LATN" in g or "UNKN" in g:
        return "X"
    pos = tag.POS
    if pos == "NOUN" and g & {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}:
        return "PROPN"
    if pos == "CONJ" and norm(word) in _SCONJ:
        return "SCONJ"
    return _POS.get(pos or "", "X")


def ud_feats(tag: Any) -> str:
    """UD feature string for a pymorphy3 tag (sorted by feature name, as spaCy expects)."""
    feats: dict[str, str] = {}
    for gr in tag.grammemes:
        if gr in _FEATS:
            k, v = _FEATS[gr]
            feats.setdefault(k, v)
    if tag.POS in _VERBFORM:
        feats["VerbForm"] = _VERBFORM[tag.POS]
    if tag.POS in ("ADJS", "PRTS"):
        feats["Variant"] = "Short"
    if tag.POS == "COMP":
        feats["Degree"] = "Cmp"
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


@lru_cache(maxsize=200_000)
def word_info(word: str, after_preposition: bool = False, subject_person: str | None = None,
              noun_first: bool = False) -> WordInfo:
    """Analyse one word form (cached: letters repeat the same words a lot). After a preposition a verb cannot
    stand: «на замер» is the noun «замер», not the verb «замереть», when the word has a noun reading. After a
    subject pronoun (``subject_person``: "2per" after «вы») a verb of that person wins: «вы примете» is «принять»,
    not the noun «примета». ``noun_first``: a noun reading wins («простой сайта» is the downtime, not «simple»)."""
    parses = analyzer().parse(word)
    if not parses:  # pragma: no cover - pymorphy3 always returns a parse
        w = norm(word)
        return WordInfo(w, frozenset({w}), "X", "", "UNKN", frozenset({"UNKN"}), frozenset({"UNKN"}))
    best = parses[0]
    if noun_first:
        best = next((p for p in parses if p.tag.POS == "NOUN"), best)
    elif after_preposition and best.tag.POS in ("VERB", "PRTS", "GRND", "INFN"):
        best = next((p for p in parses if p.tag.POS == "NOUN"), best)
    elif subject_person and best.tag.POS == "NOUN":
        best = next((p for p in parses if p.tag.POS == "VERB" and subject_person in p.tag), best)
    oc_any: set[str] = set()
    for p in parses:
        oc_any |= set(p.tag.grammemes)
    lem = frozenset(norm(p.normal_form) for p in parses)
    oc = frozenset(best.tag.grammemes)
    return WordInfo(
        lemma=norm(best.normal_form),
        lemmas=lem,
        pos=ud_pos(best.tag, word),
        morph=ud_feats(best.tag),
        tag=str(best.tag),
        oc=oc,
        oc_any=frozenset(oc_any),
        lemma_set=lem | {norm(word)},
    )


def lemmas(word: str) -> frozenset[str]:
    """Every possible normal form of ``word`` (ё folded), plus the word itself lower-cased."""
    return word_info(norm(word)).lemmas | {norm(word)}


def is_name(word: str) -> bool:
    """A capitalised first name, surname or patronymic by any of pymorphy3's readings («Иванов», «Ксения»):
    what an initial or a greeting stands beside."""
    return word[:1].isupper() and any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in analyzer().parse(word))


def is_plain_word(word: str) -> bool:
    """A dictionary word that is no abbreviation by any reading: «мае» may end a sentence before a lower-case
    word, «мес.», «чел.», «сут.» may not."""
    parses = analyzer().parse(word)
    return any(p.is_known for p in parses) and not any("Abbr" in p.tag for p in parses)
