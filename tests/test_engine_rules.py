"""Rule files and rule types: lexicon, pattern, metric, check; errors with file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from letterlint.checks import get as get_check
from letterlint.checks import register
from letterlint.engine import Config, ConfigError, Engine, Hit, RuleError, load_rule_file
from letterlint.engine.config import RuleSettings
from letterlint.engine.examples import example_letter, run_examples


def rule_file(tmp_path: Path, text: str, name: str | None = None) -> Path:
    text = textwrap.dedent(text).lstrip()
    rid = name or next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("id:"))
    p = tmp_path / f"{rid}.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def findings(rule_path: Path, example: object, config: Config | None = None) -> list:
    rule = load_rule_file(rule_path)
    engine = Engine([rule], config or Config())
    letter, thread, params, me = example_letter(example)
    engine.rules[0].params.update(params)
    return engine.check(letter, thread)


JARGON = """
id: jargon-test
title: Жаргон
title_en: Jargon
source: "20 заповедей: «Клиент-пятиклассник»"
severity: warning
type: lexicon
needs: [morph]
message: "Жаргон «{match}»: клиент может не знать этого слова."
message_en: "Jargon “{match}”."
suggestion: "Напишите проще: {suggest}."
explain: Тест.
params: {}
entries:
  - match: пофиксить
    suggest: [исправить]
  - match: [пофикс*, фикс*]
    suggest: [исправить, поправить]
  - match: дедлайн
    suggest: [срок]
    except: ["дедлайн проекта по договору"]
  - match: ТЗ
    case: upper
    suggest: [техническое задание]
  - match: залить на прод
    suggest: [выпустить]
  - ещё раз
except: ["не пофиксить"]
examples:
  bad: ["Пофиксим баг до вечера."]
  good: ["Исправим ошибку до вечера."]
"""


@pytest.fixture()
def jargon(tmp_path: Path) -> Path:
    return rule_file(tmp_path, JARGON)


def test_lexicon_matches_every_inflection_prefixes_and_phrases(jargon: Path) -> None:
    text = ("Пофиксили дедлайны, пофиксим остальное. Фиксанём ТЗ, а тз не трогаем. "
            "Залили на прод вчера. Еще раз спасибо.")
    got = [(f.excerpt, f.suggestion) for f in findings(jargon, text)]
    assert got == [
        ("Пофиксили", "Напишите проще: исправить."),   # the lemma entry and the prefix entry tie: the first wins
        ("дедлайны", "Напишите проще: срок."),
        ("пофиксим", "Напишите проще: исправить."),
        ("Фиксанём", "Напишите проще: исправить или поправить."),
        ("ТЗ", "Напишите проще: техническое задание."),
        ("Залили на прод", "Напишите проще: выпустить."),
        ("Еще раз", None),            # no suggestion → the {suggest} template is dropped
    ]


def test_lexicon_exceptions_entry_and_rule_wide(jargon: Path) -> None:
    assert findings(jargon, "Дедлайн проекта по договору — 1 мая. Мы не пофиксим это.") == []


def test_lexicon_message_and_position(jargon: Path) -> None:
    f = findings(jargon, "Добрый день!\nМы пофиксим баг.")[0]
    assert (f.rule, f.severity, f.line, f.column, f.end_line, f.end_column) == ("jargon-test", "warning", 2, 4, 2, 12)
    assert f.message == "Жаргон «пофиксим»: клиент может не знать этого слова."
    assert f.line_text == "Мы пофиксим баг."


def test_lexicon_english_messages(jargon: Path) -> None:
    rule = load_rule_file(jargon)
    engine = Engine([rule], Config(), lang="en")
    letter, thread, _, _ = example_letter("Пофиксим.")
    assert engine.check(letter, thread)[0].message == "Jargon “Пофиксим”."


def test_lexicon_config_words_and_allow(jargon: Path) -> None:
    rule = load_rule_file(jargon)
    cfg = Config(rules={"jargon-test": RuleSettings(words=[{"match": "апрув*", "suggest": ["согласование"]}, "митап"],
                                                    word_lines=[3, 4], allow=["дедлайн"], line=2, path="cfg.yaml")})
    engine = Engine([rule], cfg)
    letter, thread, _, _ = example_letter("Ждём апрува, дедлайн завтра, потом митап.")
    assert [f.excerpt for f in engine.check(letter, thread)] == ["апрува", "митап"]
    # the loaded rule itself is untouched (config applies to the engine's copy)
    engine2 = Engine([rule], Config())
    assert [f.excerpt for f in engine2.check(letter, thread)] == ["дедлайн"]


def test_lexicon_allow_if_in_thread(tmp_path: Path) -> None:
    p = rule_file(tmp_path, JARGON.replace("params: {}", "params: {allow_if_in_thread: true}"))
    ex = {"from": "me@agency.ru", "text": "Дедлайн помним, пофиксим.",
          "thread": [{"from": "client@firm.ru", "text": "Какой дедлайн?"}]}
    assert [f.excerpt for f in findings(p, ex)] == ["пофиксим"]


def test_pattern_rule_lemma_any_parse_oc_and_placeholders(tmp_path: Path) -> None:
    p = rule_file(tmp_path, """
        id: kitchen-test
        title: Кухня
        severity: error
        type: pattern
        message: "Кухня: «{match}»"
        patterns:
          - [{LEMMA: наш}, {LEMMA: {IN: [дизайнер, менеджер]}}, {LEMMA: заболеть}]
          - pattern: [{LOWER: еще}, {LOWER: раз}]
            message: "Повтор: «{match}»"
          - [{OC: impr}, {LOWER: срочно}]
        except: ["наш менеджер заболел давно"]
        examples:
          bad: ["Наш дизайнер заболел."]
    """)
    got = [(f.excerpt, f.message) for f in findings(p, "Наш дизайнер заболела. Ещё раз: пришлите срочно! "
                                                      "Наш {{ role }} заболел. Наш менеджер заболел давно.")]
    assert got == [("Наш дизайнер заболела", "Кухня: «Наш дизайнер заболела»"), ("Ещё раз", "Повтор: «Ещё раз»"),
                   ("пришлите срочно", "Кухня: «пришлите срочно»")]


def test_pattern_rule_bad_pattern_is_a_rule_error_with_line(tmp_path: Path) -> None:
    p = rule_file(tmp_path, """
        id: broken-pattern
        title: Сломанный
        severity: info
        type: pattern
        message: "x"
        patterns:
          - [{LEMMA: наш}]
          - [{FOO: 1}]
        examples:
          bad: ["Наш"]
    """)
    rule = load_rule_file(p)
    with pytest.raises(RuleError) as e:
        Engine([rule], Config()).prepare()
    assert e.value.line == 8 and "patterns[2]" in e.value.message


def test_metric_rule_points_at_the_long_sentence(tmp_path: Path) -> None:
    p = rule_file(tmp_path, """
        id: long-test
        title: Длинное предложение
        severity: info
        type: metric
        metric: sentence_words
        params: {max: 5}
        message: "Предложение из {value} слов — больше {max}."
        examples:
          bad: ["Раз два три четыре пять шесть."]
    """)
    got = findings(p, "Коротко.\nЭто предложение явно длиннее, чем пять слов подряд.\n1. Пункт списка из очень многих слов тоже тут")
    assert [(f.line, f.message) for f in got] == [(2, "Предложение из 8 слов — больше 5.")]


def test_metric_needs_a_threshold(tmp_path: Path) -> None:
    p = rule_file(tmp_path, """
        id: no-threshold
        title: x
        severity: info
        type: metric
        metric: words
        message: "x"
        examples:
          bad: ["x"]
    """)
    with pytest.raises(RuleError, match="порог"):
        load_rule_file(p)


def test_check_registration_and_hits(tmp_path: Path) -> None:
    @register("test-exclaim", needs=("tokens",))
    def _exclaim(ctx):  # pragma: no cover - exercised through the engine
        src = ctx.letter.new_text
        for i, ch in enumerate(src.text):
            if src.text[i:i + 3] == "!!!":
                yield Hit.span(src, i, i + 3, count=3)
                break

    assert get_check("test-exclaim") is not None
    p = rule_file(tmp_path, """
        id: exclaim-test
        title: Восклицания
        severity: info
        type: check
        check: test-exclaim
        message: "{count} восклицательных знака подряд"
        examples:
          bad: ["Срочно!!!"]
          good: ["Срочно."]
    """)
    assert [f.message for f in findings(p, "Срочно!!!")] == ["3 восклицательных знака подряд"]
    assert all(r.ok for r in run_examples(load_rule_file(p)))


def test_a_crashing_check_is_reported_not_raised(tmp_path: Path) -> None:
    @register("test-crash")
    def _crash(ctx):
        raise RuntimeError("boom")

    p = rule_file(tmp_path, """
        id: crash-test
        title: x
        severity: info
        type: check
        check: test-crash
        message: x
        examples:
          bad: ["x"]
    """)
    engine = Engine([load_rule_file(p)], Config())
    letter, thread, _, _ = example_letter("x")
    res = engine.run(letter, thread)
    assert res.findings == [] and "crash-test" in res.errors[0] and "boom" in res.errors[0]


@pytest.mark.parametrize("text, line, fragment", [
    ("id: x\ntitle: t\nseverity: warning\ntype: lexicon\nmessage: m\nentries: [a]\nexamples: {bad: [a]}\n", 1,
     "совпадать с именем файла"),
    ("id: r\ntitle: t\nseverity: fatal\ntype: lexicon\nmessage: m\nentries: [a]\nexamples: {bad: [a]}\n", 3,
     "допустимо одно из: error, warning, info"),
    ("id: r\ntitle: t\nseverity: info\ntype: lexicon\nmessage: m\nentriez: [a]\nexamples: {bad: [a]}\n", 6,
     "Может быть, «entries»?"),
    ("id: r\ntitle: t\nseverity: info\ntype: lexicon\nmessage: m\nentries:\n  - {match: a, sugest: [b]}\nexamples: {bad: [a]}\n", 7,
     "неизвестный ключ «sugest»"),
    ("id: r\ntitle: t\nseverity: info\ntype: lexicon\nmessage: m\nentries: [a]\n", 1, "examples"),
    ("id: r\ntitle: t\nseverity: info\ntype: lexicon\nmessage: m\nentries: [a]\nexamples: {bad: [a]\n", 8,
     "ошибка синтаксиса YAML"),
    ("id: r\ntitle: t\nseverity: info\ntype: check\ncheck: no-such-check\nmessage: m\nexamples: {bad: [a]}\n", 5,
     "встроенной проверки «no-such-check» нет"),
    ("id: r\ntitle: t\nseverity: info\ntype: lexicon\nneeds: [telepathy]\nmessage: m\nentries: [a]\nexamples: {bad: [a]}\n", 5,
     "неизвестный анализ"),
    ("id: r\ntitle: t\nseverity: info\ntype: lexicon\nmessage: m\nentries:\n  - {match: [a, b], suggest: [x, {y: z}]}\n"
     "examples: {bad: [a]}\n", 7, "«suggest», элемент 2"),
])
def test_broken_rule_files_say_file_line_and_what(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as e:
        load_rule_file(p)
    assert e.value.path == str(p)
    assert e.value.line == line, str(e.value)
    assert fragment in e.value.message
    assert str(e.value).startswith(f"{p}:{line}: ")


def test_examples_runner_reports_failures(tmp_path: Path) -> None:
    p = rule_file(tmp_path, """
        id: weak
        title: Слабое
        severity: info
        type: lexicon
        message: "«{match}»"
        entries: [кстати]
        examples:
          bad: ["Привет.", {text: "Кстати, кстати.", count: 2}]
          good: ["Кстати, нет."]
    """)
    res = run_examples(load_rule_file(p))
    assert [(r.kind, r.index, r.ok) for r in res] == [("bad", 1, False), ("bad", 2, True), ("good", 1, False)]
    assert res[0].line == 8 and "получено 0" in res[0].detail


def test_config_params_are_type_checked_against_defaults(jargon: Path, tmp_path: Path) -> None:
    rule = load_rule_file(tmp_path.joinpath("x") if False else jargon)
    cfg = Config(rules={"jargon-test": RuleSettings(params={"first_only": "yes"}, param_lines={"first_only": 5},
                                                    line=4, path="cfg.yaml")})
    # first_only is universal for lexicons (no default) — accepted as is
    Engine([rule], cfg)
    cfg = Config(rules={"jargon-test": RuleSettings(params={"max": 3}, param_lines={"max": 5}, line=4, path="cfg.yaml")})
    with pytest.raises(ConfigError) as e:
        Engine([rule], cfg)
    assert e.value.line == 5 and "нет параметра «max»" in e.value.message
