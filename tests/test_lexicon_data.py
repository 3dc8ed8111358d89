"""Offline checks of the nine wording rule files (rules/*.yaml): shape, sizes, suggestions, duplicates, and that
pymorphy3 reads each lexicon word the way the entry intends. No letterlint import: this guards the data alone.

Matching semantics checked here (the engine's, docs in the rule files): a plain word matches a token whose
form or ANY pymorphy3 normal form equals it; «word*» matches a form starting with «word»; «ё» = «е».
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

RULES = Path(__file__).resolve().parent.parent / "rules"
WORDING = ["kitchen", "jargon", "abbreviation", "officialese", "filler-words", "rudeness", "familiarity",
           "helpless-phrase", "vague-deadline"]
LEXICONS = [r for r in WORDING if r != "kitchen"]
MIN_ENTRIES = {"jargon": 150, "officialese": 120, "abbreviation": 60}
NEED_SUGGEST = {"jargon", "officialese", "abbreviation", "familiarity"}
MORE_GOOD_THAN_BAD = {"kitchen", "rudeness", "filler-words"}
EDGE = ".,;:!?«»\"'()[]…"


def load(rid: str) -> dict:
    path = RULES / f"{rid}.yaml"
    if not path.exists():  # kitchen waits as «_kitchen.yaml» until its built-in check is registered
        path = RULES / f"_{rid}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def norm(s: str) -> str:
    return s.lower().replace("ё", "е")


@lru_cache(maxsize=None)
def morph():
    pymorphy3 = pytest.importorskip("pymorphy3")
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    return frozenset(norm(p.normal_form) for p in morph().parse(norm(word))) | {norm(word)}


def alternatives(entry) -> list[str]:
    m = entry["match"] if isinstance(entry, dict) else entry
    return [m] if isinstance(m, str) else list(m)


def words_of(phrase: str) -> list[str]:
    return [norm(w.strip(EDGE)) for w in phrase.split() if w.strip(EDGE)]


def word_matches(pattern: str, form: str) -> bool:
    form = norm(form)
    if pattern.endswith("*"):
        return form.startswith(pattern[:-1])
    return pattern == form or pattern in lemmas(form)


def entry_matches_word(entry, form: str) -> bool:
    excepted = any(len(ws) == 1 and word_matches(ws[0], form) for ws in map(words_of, entry.get("except") or []))
    return not excepted and any(len(ws) == 1 and word_matches(ws[0], form) for ws in map(words_of, alternatives(entry)))


def label(entry) -> str:
    return alternatives(entry)[0]


# --- shape ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("rid", WORDING)
def test_rule_file_shape(rid):
    d = load(rid)
    assert d["id"] == rid
    for key in ("title", "title_en", "source", "severity", "type", "message", "message_en", "explain", "examples"):
        assert d.get(key), f"{rid}: no {key}"
    assert d["severity"] in ("error", "warning", "info")
    assert d.get("scope", "new_text") in ("new_text", "subject", "closing", "whole")
    assert re.search("[а-яё]", d["explain"], re.I), "explain is in Russian"
    assert re.search("[а-яё]", d["message"], re.I)
    bad, good = d["examples"]["bad"], d["examples"]["good"]
    assert len(bad) >= 5 and len(good) >= 5, rid
    if rid in MORE_GOOD_THAN_BAD:
        assert len(good) > len(bad), f"{rid}: traps should outnumber hits"
    assert not set(bad) & set(good)
    if rid == "kitchen":
        assert d["type"] == "check" and d["check"] == "kitchen" and len(good) >= 6
    else:
        assert d["type"] == "lexicon"


@pytest.mark.parametrize("rid", LEXICONS)
def test_lexicon_entries(rid):
    d = load(rid)
    entries = d["entries"]
    assert len(entries) >= MIN_ENTRIES.get(rid, 5), f"{rid}: {len(entries)} entries"
    seen: dict[str, int] = {}
    for n, e in enumerate(entries):
        assert isinstance(e, dict) and e.get("match"), f"{rid}: entry {n + 1} has no match"
        assert set(e) <= {"match", "suggest", "except", "note", "case", "message", "message_en"}, e
        if rid in NEED_SUGGEST:
            assert e.get("suggest"), f"{rid}: «{label(e)}» has no suggestion"
        for key in ("suggest", "except"):
            v = e.get(key) or []
            assert isinstance(v, list) and all(isinstance(x, str) for x in v), f"{rid}: «{label(e)}» {key}: {v!r}"
        for alt in alternatives(e):
            ws = words_of(alt)
            assert ws, f"{rid}: empty phrase in «{label(e)}»"
            key = " ".join(ws)
            assert key not in seen, f"{rid}: «{alt}» is listed twice (entries {seen.get(key)} and {n + 1})"
            seen[key] = n + 1
            for w in ws:
                if w.endswith("*"):
                    assert len(w) >= 4, f"{rid}: stem «{w}» is too short, it would over-match"
        if e.get("case"):
            assert e["case"] in ("upper", "any")
    if rid == "abbreviation":
        for e in entries:
            if e.get("case") == "upper":
                assert all(a == a.upper() for a in alternatives(e)), e


# Slang pymorphy3 does not know, written as one exact form on purpose (it does not inflect, or only this form
# is meant). Any other unknown word must sit in an entry that lists its forms one by one, or be a «stem*»:
# pymorphy3's guessed lemmas for unknown slang are unreliable («апрув» → «апруть»).
INDECLINABLE = {"ваще", "ревью", "здарова", "маякни", "чмоки", "спасибки", "приветики", "егрюл", "оквэд", "логи",
                "спека", "проде", "синку"}


@pytest.mark.parametrize("rid", LEXICONS)
def test_words_are_known_or_deliberate(rid):
    """Every plain (non-«*») word is known to pymorphy3, Latin/digits, an enumerated form, or listed above."""
    m = morph()
    unknown = []
    for e in load(rid)["entries"]:
        alts = alternatives(e)
        enumerated = sum(1 for a in alts if len(words_of(a)) == 1 and not a.endswith("*")) >= 2
        for alt in alts + list(e.get("except") or []):
            for w in words_of(alt):
                if w.endswith("*") or re.fullmatch(r"[a-z0-9\-;]+", w) or "-" in w or w in INDECLINABLE:
                    continue
                if m.word_is_known(w) or w in {norm(p.normal_form) for p in m.parse(w)}:
                    continue
                if enumerated and alt in alts:
                    continue
                unknown.append(w)
    assert not unknown, f"{rid}: words pymorphy3 does not know (write them as «stem*»): {sorted(set(unknown))}"


# --- morphology probes: the inflected form a writer types → the entry that must catch it ------------------

PROBES = {
    "jargon": {"пофиксим": "пофикс*", "пофиксили": "пофикс*", "апрувнули": "апрув*", "заапрувите": "апрув*",
               "таски": "таска", "тасками": "таска", "дедлайны": "дедлайн", "фидбэка": "фидбэк*",
               "зафакапили": "факап*", "задеплоим": "задепло*", "проде": "прод", "коллы": "колл", "футажи": "футаж*",
               "отрендерим": "рендер*", "брифе": "бриф", "юзерам": "юзер*", "фичи": "фича", "багов": "баг",
               "чекнем": "чекн*", "смержили": "мерж*", "эстимейтом": "эстимейт*"},
    "officialese": {"является": "являться", "являющиеся": "являться", "осуществим": "осуществить",
                    "данного": "данный*", "вышеуказанные": "вышеуказанный", "ознакомьтесь": "ознакомиться",
                    "имеются": "иметься", "отсутствуют": "отсутствовать"},
    "familiarity": {"тебе": "ты", "тебя": "ты", "твоя": "ты", "твоими": "ты", "глянь": "ты", "пришлёшь": "ты",
                    "приветик": "привет"},
    "rudeness": {"идиоты": "идиот", "заебали": "ебат*", "пиздец": "пизд*", "блядь": "бляд*", "говнище": "говн*"},
    "filler-words": {"угу": "угу", "ага": "ага"},
}
TRAPS = {   # ordinary words no entry of the rule may catch on its own
    "jargon": ["продукт", "продажа", "продажи", "продукция", "фиксированный", "зафиксировать", "протест", "глюкоза",
               "конфигурация", "колледж", "таскать", "таскаем", "баги-кросс", "пушной", "пушнина", "клаудия",
               "лида", "лиду", "репортаж", "сайт", "дизайн", "логотип", "макет", "созвониться",
               "кейс", "контент", "баннер", "хостинг", "домен", "футеровка", "кропотливый", "лагерь", "демократия"],
    "officialese": ["данные", "данных", "данными", "цель", "целью", "является", "рамка"],
    "rudeness": ["мудрый", "мудрость", "бляха", "бляшки", "сукно", "манго", "мандарин", "хулиган", "похудеть",
                 "херес", "херсон", "ебрр", "ребята", "небо", "хлеб"],
    "familiarity": ["те", "пришли", "перешли", "давайте", "посмотрим", "пришлите", "смотрите", "ваш", "вы", "здравствуйте"],
    "filler-words": ["коротко", "короткий", "тип", "ныне", "агат", "угол"],
}


@pytest.mark.parametrize("rid", sorted(PROBES))
def test_inflected_forms_are_caught(rid):
    entries = load(rid)["entries"]
    by_label = {label(e): e for e in entries}
    for form, lab in PROBES[rid].items():
        assert lab in by_label, f"{rid}: no entry «{lab}»"
        assert entry_matches_word(by_label[lab], form), f"{rid}: «{form}» is not caught by «{lab}»"


@pytest.mark.parametrize("rid", sorted(TRAPS))
def test_ordinary_words_are_not_caught(rid):
    entries = load(rid)["entries"]
    for word in TRAPS[rid]:
        if rid == "officialese" and word == "является":
            continue  # caught on purpose: listed to keep the trap list honest
        hits = [label(e) for e in entries if entry_matches_word(e, word)]
        assert not hits, f"{rid}: ordinary word «{word}» is caught by {hits}"


# --- params refer to real entries; kitchen vocabularies are well-formed --------------------------------

def test_params_refer_to_entries():
    for rid, keys in {"filler-words": ["set_off_only", "literal_before_noun", "intensifier_only"],
                      "familiarity": ["greetings_only_at_start"], "vague-deadline": ["future_only"]}.items():
        d = load(rid)
        labels = {label(e) for e in d["entries"]}
        for k in keys:
            for lab in d["params"][k]:
                assert lab in labels, f"{rid}: params.{k} names «{lab}», which is no entry's first match"


def test_param_phrases_and_patterns():
    hp = load("helpless-phrase")["params"]["next_step"]
    assert hp["sentences_after"] >= 0 and len(hp["phrases"]) >= 20
    vd = load("vague-deadline")["params"]["date_nearby"]
    for p in vd["patterns"]:
        re.compile(p)
    samples = ["до 18:00", "15.03.2025", "к 15 марта", "через 2 дня", "за 3 рабочих дня", "в течение часа"]
    for s in samples:
        assert any(re.search(p, s, re.I) for p in vd["patterns"]), s
    ru = load("rudeness")["params"]["shouting"]
    assert ru["caps_min_words"] >= 2 and ru["exclamation_run_min"] >= 2
    ab = load("abbreviation")
    assert ab["params"]["first_only"] and ab["params"]["expansion"]["window"] > 0
    listed = {a for e in ab["entries"] for a in alternatives(e)}
    assert not listed & set(ab["params"]["common"]), "a common abbreviation is also an entry"


def test_kitchen_vocabularies():
    p = load("kitchen")["params"]
    topics = p["topics"]
    for family in ("illness", "absence", "workload", "outages", "weather", "office", "hours", "contractors"):
        assert topics.get(family), f"kitchen: no topic family {family}"
    for group in (p["ties"]["pronouns"], p["ties"]["staff"], p["excuses"]["causal"], p["excuses"]["failure"],
                  p["client_markers"], p["topic_except"], p["next_sentence_openers"]):
        assert group and all(isinstance(x, str) and words_of(x) for x in group)
    assert set(p["ties"]["staff_needs_ours"]) <= set(p["ties"]["staff"])
    # each topic word is one pymorphy3 can lemmatise as written (a lemma), or a deliberate form/stem
    m = morph()
    for fam, words in topics.items():
        for phrase in words:
            for w in words_of(phrase):
                if w.endswith("*") or "-" in w:
                    continue
                assert m.word_is_known(w), f"kitchen: topic word «{w}» ({fam}) unknown to pymorphy3"
