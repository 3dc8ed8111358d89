"""The Russian text layer: tokens, placeholders, sentences, lemmas, offsets back to the source."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from letterlint.mail.model import SourceText
from letterlint.text import PhraseSet, compile_phrase, longest_first, norm, plural_ru
from letterlint.text.pipeline import analyse


def src(text: str, first_line: int = 1, col: int = 1) -> SourceText:
    n = text.count("\n") + 1
    return SourceText(text, "x.eml", [(first_line + i, col) for i in range(n)])


def sentences(text: str) -> list[str]:
    at = analyse(src(text))
    return [text[s:e] for s, e in at.sentences()]


def test_norm_folds_yo_and_case() -> None:
    assert norm("ЕЩЁ Счёт") == "еще счет"


@pytest.mark.parametrize("n, form", [(1, "ошибка"), (2, "ошибки"), (4, "ошибки"), (5, "ошибок"), (11, "ошибок"),
                                     (12, "ошибок"), (21, "ошибка"), (22, "ошибки"), (25, "ошибок"), (111, "ошибок"),
                                     (0, "ошибок"), (101, "ошибка")])
def test_plural_ru(n: int, form: str) -> None:
    assert plural_ru(n, ("ошибка", "ошибки", "ошибок")) == form


def test_placeholders_are_single_opaque_tokens() -> None:
    at = analyse(src("Здравствуйте, {{ client.name }}! {% if vip %}Скидка {{discount}}%{% endif %} готова."))
    holders = [t.text for t in at.doc if t._.placeholder]
    assert holders == ["{{ client.name }}", "{% if vip %}", "{{discount}}", "{% endif %}"]
    assert all(t.lemma_ == "" and t._.lemmas == () for t in at.doc if t._.placeholder)
    assert "Скидка" in [t.text for t in at.doc]


def test_placeholder_never_matches_a_phrase() -> None:
    at = analyse(src("Договор {{ договор }} во вложении {{ вложение }}"))
    ps = PhraseSet([compile_phrase("договор"), compile_phrase("вложение")])
    assert [at.text[m.start:m.end] for m in ps.finditer(at)] == ["Договор", "вложении"]


def test_hyphenated_words_stay_whole() -> None:
    at = analyse(src("Кто-то во-первых прислал е-мейл."))
    assert [t.text for t in at.doc][:3] == ["Кто-то", "во-первых", "прислал"]


def test_sentences_respect_abbreviations_lists_and_initials() -> None:
    text = ("Добрый день! Т.е. договор в 2024 г. уже подписан, см. п. 3. Иванов И. И. приедет в 10:00.\n"
            "Вопросы:\n1. Когда оплата?\n2. Кто подпишет акт и т.д.?\n- третий пункт\n\nС уважением,\nМария")
    got = sentences(text)
    assert got == ["Добрый день!", "Т.е. договор в 2024 г. уже подписан, см. п. 3.", "Иванов И. И. приедет в 10:00.",
                   "Вопросы:", "1. Когда оплата?", "2. Кто подпишет акт и т.д.?", "- третий пункт",
                   "С уважением,\nМария"]


def test_wrapped_line_continues_the_sentence() -> None:
    assert sentences("Мы подготовили договор и\nотправим его завтра. Спасибо!") == [
        "Мы подготовили договор и\nотправим его завтра.", "Спасибо!"]


def test_lemmas_are_every_parse_and_tags_are_ud() -> None:
    at = analyse(src("Подтвердите, пожалуйста, счёт."))
    t = at.doc[0]
    assert "подтвердить" in t._.lemmas
    assert "impr" in t._.oc_any and "futr" in t._.oc_any   # the homograph DESIGN §7 warns about
    schet = [x for x in at.doc if x.text == "счёт"][0]
    assert schet.lemma_ == "счет" and schet.pos_ == "NOUN" and "Case=Acc" in str(schet.morph)
    assert schet.norm_ == "счет"


def test_plain_extras_agree_with_token_underscore() -> None:
    """The rules read lemmas and grammemes from plain lists (fast); the Matcher and user pattern rules read the
    same values through ``token._`` — both views must agree, placeholders and punctuation included."""
    from spacy.matcher import Matcher

    from letterlint.text import extras

    at = analyse(src("Пришлите, пожалуйста, {{ doc }} счёт-фактуру до среды!"))
    for t in at.doc:
        assert extras.lemmas(t) == frozenset(t._.lemmas)
        assert (extras.oc(t), extras.oc_any(t)) == (frozenset(t._.oc), frozenset(t._.oc_any))
        assert (extras.placeholder(t), extras.form(t)) == (t._.placeholder, t._.norm)
        assert extras.is_word(t) == (t.text not in (",", "!", " ") and not t._.placeholder)
    m = Matcher(at.doc.vocab)
    m.add("impr", [[{"_": {"oc_any": {"IS_SUPERSET": ["impr"]}, "lemmas": {"INTERSECTS": ["прислать"]}}}]])
    assert [at.doc[s:e].text for _, s, e in m(at.doc)] == ["Пришлите"]


def test_offsets_map_back_to_source_lines_and_columns() -> None:
    # the second line of the text is line 12 of the file and starts at column 3 (a «> » quote marker removed)
    s = SourceText("Привет 😀!\nДоговор во вложении.", "x.eml", [(11, 1), (12, 3)])
    at = analyse(s)
    tok = [t for t in at.doc if t.text == "вложении"][0]
    assert s.locate(tok.idx) == (12, 3 + len("Договор во "))
    bang = [t for t in at.doc if t.text == "!"][0]
    assert s.locate(bang.idx) == (11, 9)   # the emoji before it is one code point


def test_phrase_matching_lemma_prefix_and_longest() -> None:
    at = analyse(src("Пофиксим баги и пофиксили апрув, как бы то ни было; короче, чем вчера."))
    ps = PhraseSet([compile_phrase("пофикс*"), compile_phrase("баг"), compile_phrase("апрув*"),
                    compile_phrase("как бы"), compile_phrase("как бы то ни быть")])
    got = [at.text[m.start:m.end] for m in longest_first(ps.finditer(at))]
    assert got == ["Пофиксим", "баги", "пофиксили", "апрув", "как бы то ни было"]
    # loose mode (exceptions) skips commas: «короче чем» covers «короче, чем»
    exc = PhraseSet([compile_phrase("короче чем")])
    assert exc.spans(at) and not list(exc.finditer(at, loose=False))


def test_case_upper_entries() -> None:
    at = analyse(src("Пришлём ТЗ и кп, а тз — позже."))
    ps = PhraseSet([compile_phrase("тз", upper=True), compile_phrase("кп", upper=True)])
    assert [at.text[m.start:m.end] for m in ps.finditer(at)] == ["ТЗ"]


def test_importing_engine_and_header_rules_loads_no_nlp_model() -> None:
    """A run with header rules only must not import spaCy, pymorphy3 or natasha (cold start)."""
    code = textwrap.dedent("""
        import sys
        from letterlint.engine import Engine, Config
        from letterlint.engine.rule import load_rule_file
        from letterlint.engine.examples import example_letter
        from pathlib import Path
        import letterlint
        root = Path(letterlint.__file__).resolve().parent.parent / "rules"
        rules = [load_rule_file(root / f"{r}.yaml") for r in ("subject-changed", "reply-all", "subject-informative", "large-attachment")]
        engine = Engine(rules, Config())
        letter, thread, _, _ = example_letter({"subject": "Re: Вопрос", "from": "a@b.ru", "to": ["c@d.ru"],
            "text": "Договор во вложении.", "thread": [{"from": "c@d.ru", "to": ["a@b.ru"], "cc": ["e@d.ru"], "subject": "Договор"}]})
        found = engine.check(letter, thread)
        assert {f.rule for f in found} == {"subject-changed", "reply-all"}, found
        heavy = [m for m in ("spacy", "pymorphy3", "natasha", "slovnet") if m in sys.modules]
        print("HEAVY", heavy)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "HEAVY []" in out.stdout
