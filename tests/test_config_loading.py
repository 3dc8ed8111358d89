"""``.letterlint.yaml``: discovery, extends, per-rule settings, and errors with file:line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from letterlint.engine import ConfigError, Engine, find_config, load_config, load_config_builtin
from letterlint.engine.runner import load_all_rules

HEADER_RULES = ("subject-changed", "reply-all", "subject-informative", "missing-attachment", "large-attachment")


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_all_rules() if r.id in HEADER_RULES]


def test_found_upward_from_the_checked_file(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".letterlint.yaml", "me: [a@b.ru]\n")
    deep = tmp_path / "templates" / "sales" / "offer.eml"
    deep.parent.mkdir(parents=True)
    deep.write_text("x", encoding="utf-8")
    assert find_config(deep) == cfg
    nearer = write(tmp_path / "templates" / ".letterlint.yaml", "extends: ../.letterlint.yaml\n")
    assert find_config(deep) == nearer


def test_off_and_on_are_strings_not_yaml11_booleans(tmp_path: Path, rules) -> None:
    cfg = load_config(write(tmp_path / ".letterlint.yaml", """
        rules:
          reply-all: off
          subject-changed: {off: true}
          large-attachment: {severity: error, params: {max_mb: 25}}
          subject-informative: info
    """))
    engine = Engine(rules, cfg)
    on = {r.id: r for r in engine.rules}
    assert "reply-all" not in on and "subject-changed" not in on
    assert on["large-attachment"].severity == "error" and on["large-attachment"].params["max_mb"] == 25
    assert on["subject-informative"].severity == "info"


def test_list_params_extend_with_plus(tmp_path: Path, rules) -> None:
    cfg = load_config(write(tmp_path / ".letterlint.yaml", """
        rules:
          missing-attachment:
            params:
              documents+: [ведомость, договор]
              app_words: [терминал]
    """))
    rule = next(r for r in Engine(rules, cfg).rules if r.id == "missing-attachment")
    assert rule.params["documents"][-1] == "ведомость" and "макет" in rule.params["documents"]
    assert rule.params["documents"].count("договор") == 1
    assert rule.params["app_words"] == ["терминал"]
    bad = load_config(write(tmp_path / "bad.yaml", "rules:\n  missing-attachment:\n    params:\n      check_templates+: [x]\n"))
    with pytest.raises(ConfigError, match="не список"):
        Engine(rules, bad)


def test_extends_builtin_and_files_merge_in_order(tmp_path: Path, rules) -> None:
    write(tmp_path / "team.yaml", """
        extends: strict
        me: ["@agency.ru"]
        rules:
          large-attachment: {params: {max_mb: 7}}
    """)
    cfg = load_config(write(tmp_path / ".letterlint.yaml", """
        extends: team.yaml
        me: [info@agency-mail.com]
        fail_on: warning
        rules:
          reply-all: warning
    """))
    assert cfg.me == ["@agency.ru", "info@agency-mail.com"]
    assert cfg.fail_on == "warning" and cfg.min_severity == "warning"
    engine = Engine(rules, cfg)
    on = {r.id: r for r in engine.rules}
    assert on["large-attachment"].params["max_mb"] == 7          # team.yaml over strict
    assert on["reply-all"].severity == "warning"                 # the nearest file wins over strict's «error»
    assert on["subject-changed"].severity == "error"             # from strict
    assert all(r.severity in ("warning", "error") for r in engine.rules)   # min_severity


def test_builtin_configs_load_and_apply_to_bundled_rules() -> None:
    all_rules = load_all_rules()
    for name in ("recommended", "strict"):
        Engine(all_rules, load_config_builtin(name))


def test_lexicon_words_and_allow_from_config(tmp_path: Path) -> None:
    lex = write(tmp_path / "rules" / "team-words.yaml", """
        id: team-words
        title: Слова команды
        severity: info
        type: lexicon
        message: "«{match}»"
        suggestion: "Лучше: {suggest}."
        entries: [{match: созвон, suggest: [звонок]}]
        examples: {bad: ["Созвон в 10."]}
    """)
    cfg = load_config(write(tmp_path / ".letterlint.yaml", """
        rule_paths: [rules]
        rules:
          team-words:
            words:
              - {match: митап, suggest: [встреча]}
              - дедлайн
            allow: [созвон с клиентом]
    """))
    from letterlint.engine.examples import example_letter
    from letterlint.engine.runner import load_all_rules

    engine = Engine([r for r in load_all_rules(cfg) if r.id == "team-words"], cfg)
    letter, thread, _, _ = example_letter("Созвон с клиентом, потом митап и созвон. Дедлайн завтра.")
    got = [(f.excerpt, f.suggestion) for f in engine.check(letter, thread)]
    assert got == [("митап", "Лучше: встреча."), ("созвон", "Лучше: звонок."), ("Дедлайн", None)]
    assert lex.exists()


@pytest.mark.parametrize("text, line, fragment", [
    ("rulez: {}\n", 1, "неизвестный ключ «rulez». Может быть, «rules»?"),
    ("me: a@b.ru\nfail_on: fatal\n", 2, "допустимо одно из: error, warning, info"),
    ("rules:\n  reply-all: loud\n", 2, "ожидалось off, on или уровень"),
    ("rules:\n  reply-all:\n    severity: error\n    param: {}\n", 4, "неизвестный ключ «param». Может быть, «params»?"),
    ("rules:\n  reply-al: off\n", 2, "неизвестное правило «reply-al». Может быть, «reply-all»?"),
    ("rules:\n  large-attachment:\n    params:\n      max_mb: десять\n", 4, "должен быть как по умолчанию"),
    ("rules:\n  large-attachment:\n    params:\n      max_size: 5\n", 4, "нет параметра «max_size»"),
    ("extends: nowhere.yaml\n", 1, "не найден"),
    ("extends: lenient\n", 1, "встроенного набора «lenient» нет"),
    ("me: [a@b.ru\n", 2, "ошибка синтаксиса YAML"),
    ("rules:\n  reply-all: off\n  reply-all: on\n", 3, "повторяется"),
    ("- a\n- b\n", 1, "ожидался словарь"),
    ("rules:\n  reply-all:\n    words: [кстати]\n", 2, "не принимает «words»"),
])
def test_broken_config_says_file_line_and_what(tmp_path: Path, rules, text: str, line: int, fragment: str) -> None:
    p = tmp_path / ".letterlint.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        Engine(rules, load_config(p))
    assert e.value.line == line, str(e.value)
    assert fragment in e.value.message, str(e.value)
    assert str(e.value).startswith(f"{p}:{line}: ")


def test_extends_cycle_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(ConfigError, match="цикл"):
        load_config(tmp_path / "a.yaml")


def test_include_exclude_globs(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path / ".letterlint.yaml", """
        include: ["templates/**", "*.eml"]
        exclude: ["templates/archive/**"]
    """))
    assert cfg.wants(str(tmp_path / "templates" / "offer.j2"))
    assert cfg.wants(str(tmp_path / "drafts" / "a.eml"))
    assert not cfg.wants(str(tmp_path / "templates" / "archive" / "old.j2"))
    assert not cfg.wants(str(tmp_path / "notes" / "todo.txt"))
