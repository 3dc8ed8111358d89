"""The real command line (click's CliRunner, in process: models load once): exit codes and every format."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from letterlint.cli import cli

HEADER_RULES = "subject-changed,reply-all,subject-informative,missing-attachment,large-attachment"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

# the finding («во вложении») sits after Cyrillic and an emoji on the same line
DRAFT = """\
From: =?utf-8?b?0JzQsNGA0LjRjw==?= <maria@pixel-co.ru>
To: client@firm.ru
Subject: =?utf-8?b?0JzQsNC60LXRgiDQsdGD0LrQu9C10YLQsA==?=
Date: Mon, 03 Mar 2025 10:00:00 +0300
Message-ID: <a1@pixel-co.ru>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Дмитрий, добрый день!

Готово 👍 макет во вложении, посмотрите, пожалуйста.

Мария
"""
CLEAN = DRAFT.replace("Готово 👍 макет во вложении, посмотрите, пожалуйста.", "Макет покажем в среду в 11:00.")
COL = len("Готово 👍 макет ") + 1       # 16: code points, the emoji counts once
LINE = 12


def run(*args: str, input: str | bytes | None = None, cwd: Path | None = None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def letters(tmp_path: Path) -> Path:
    (tmp_path / "draft.eml").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "clean.eml").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_text_format_caret_under_the_span(letters: Path) -> None:
    r = run("check", str(letters / "draft.eml"), "--select", HEADER_RULES)
    assert r.exit_code == 1, r.output
    out = r.stdout
    assert f"  {LINE}:{COL}  ошибка  missing-attachment" in out
    src = f"    {LINE} | Готово 👍 макет во вложении, посмотрите, пожалуйста."
    assert src in out
    caret_line = out.splitlines()[out.splitlines().index(src) + 1]
    # «Готово 👍 макет » is 15 code points and 16 terminal cells (the emoji is wide)
    assert caret_line == "       | " + " " * 16 + "^" * len("во вложении")
    assert out.rstrip().endswith("Проверен 1 файл: 1 ошибка, 0 предупреждений.")
    assert "\x1b[" not in out


def test_json_format_code_point_columns(letters: Path) -> None:
    r = run("check", str(letters / "draft.eml"), "--select", HEADER_RULES, "--format", "json")
    assert r.exit_code == 1
    obj = json.loads(r.stdout)
    f = obj["files"][0]["findings"][0]
    assert (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"], f["excerpt"]) == \
        ("missing-attachment", LINE, COL, LINE, COL + len("во вложении"), "во вложении")
    assert obj["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_sarif_format_valid_with_code_point_columns(letters: Path) -> None:
    r = run("check", str(letters / "draft.eml"), str(letters / "clean.eml"), "--select", HEADER_RULES,
            "--format", "sarif")
    assert r.exit_code == 1
    obj = json.loads(r.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(obj)
    run_ = obj["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (LINE, COL, COL + 11)
    assert {r_["id"] for r_ in run_["tool"]["driver"]["rules"]} == set(HEADER_RULES.split(","))


def test_github_format(letters: Path) -> None:
    r = run("check", str(letters / "draft.eml"), "--select", HEADER_RULES, "--format", "github")
    assert r.exit_code == 1
    line = r.stdout.strip()
    assert line.startswith(f"::error file={letters / 'draft.eml'},line={LINE},col={COL},endLine={LINE},"
                           f"endColumn={COL + 11},title=letterlint missing-attachment::")
    assert "%0A" in line and "\n" not in line


def test_exit_0_when_clean_and_fail_on(letters: Path) -> None:
    assert run("check", str(letters / "clean.eml"), "--select", HEADER_RULES).exit_code == 0
    # only a warning (generic subject) → 0 by default, 1 with --fail-on warning
    (letters / "vopros.eml").write_text(CLEAN.replace("=?utf-8?b?0JzQsNC60LXRgiDQsdGD0LrQu9C10YLQsA==?=", "Vopros")
                                        .replace("Subject: Vopros", "Subject: =?utf-8?b?0JLQvtC/0YDQvtGB?="),
                                        encoding="utf-8")
    r = run("check", str(letters / "vopros.eml"), "--select", HEADER_RULES)
    assert r.exit_code == 0 and "subject-informative" in r.stdout
    assert run("check", str(letters / "vopros.eml"), "--select", HEADER_RULES, "--fail-on", "warning").exit_code == 1
    assert run("check", str(letters / "vopros.eml"), "--select", HEADER_RULES, "--ignore", "subject-informative",
               "--fail-on", "info").exit_code == 0


def test_bad_input_file_is_one_line_and_others_go_on(letters: Path) -> None:
    (letters / "empty.eml").write_bytes(b"")
    (letters / "binary.eml").write_bytes(bytes(range(256)) * 10)
    r = run("check", str(letters / "empty.eml"), str(letters / "binary.eml"), str(letters / "draft.eml"),
            str(letters / "missing.eml"), "--select", HEADER_RULES, "--format", "json")
    assert r.exit_code == 2
    obj = json.loads(r.stdout)
    by_path = {Path(f["path"]).name: f for f in obj["files"]}
    assert by_path["empty.eml"]["error"] and by_path["binary.eml"]["error"] and by_path["missing.eml"]["error"]
    assert by_path["draft.eml"]["findings"][0]["rule"] == "missing-attachment"
    errors = [ln for ln in r.stderr.splitlines() if ln]
    assert len(errors) == 3 and all(ln.startswith("letterlint: ") for ln in errors)
    assert "Traceback" not in r.output


def test_directories_are_recursed_and_include_exclude_apply(letters: Path) -> None:
    sub = letters / "templates" / "old"
    sub.mkdir(parents=True)
    (letters / "templates" / "offer.txt").write_text("Subject: Вопрос\n\nДобрый день! Прилагаю КП.\n", encoding="utf-8")
    (sub / "legacy.txt").write_text("Subject: Срочно\n\nТекст.\n", encoding="utf-8")
    r = run("check", str(letters), "--select", HEADER_RULES, "--format", "json")
    names = sorted(Path(f["path"]).name for f in json.loads(r.stdout)["files"])
    assert names == ["clean.eml", "draft.eml", "legacy.txt", "offer.txt"]
    (letters / ".letterlint.yaml").write_text('exclude: ["templates/old/**"]\n', encoding="utf-8")
    r = run("check", str(letters), "--select", HEADER_RULES, "--format", "json")
    obj = json.loads(r.stdout)
    names = sorted(Path(f["path"]).name for f in obj["files"])
    assert names == ["clean.eml", "draft.eml", "offer.txt"]
    offer = next(f for f in obj["files"] if f["path"].endswith("offer.txt"))
    # a template: generic subject fires; «прилагаю» is not checked in templates by default
    assert [f["rule"] for f in offer["findings"]] == ["subject-informative"]


def test_broken_config_is_exit_2_with_file_and_line(letters: Path) -> None:
    cfg = letters / ".letterlint.yaml"
    cfg.write_text("rules:\n  reply-all:\n    severity: loud\n", encoding="utf-8")
    r = run("check", str(letters / "draft.eml"))
    assert r.exit_code == 2
    assert r.stderr.strip() == f"letterlint: {cfg.resolve()}:3: rules.reply-all: severity «loud» — допустимо: " \
                               f"error, warning, info, off"
    assert r.stdout == ""


def test_usage_errors_are_exit_2(letters: Path) -> None:
    r = run("check", str(letters / "draft.eml"), "--select", "reply-al")
    assert r.exit_code == 2 and "неизвестное правило «reply-al». Может быть, «reply-all»?" in r.stderr
    r = run("check", str(letters / "draft.eml"), "--thread", str(letters / "nope.eml"))
    assert r.exit_code == 2 and "--thread" in r.stderr
    assert run("check", str(letters / "draft.eml"), "--format", "xml").exit_code == 2
    assert run("check").exit_code == 2
    r = run("explain", "unanswered-question", str(letters / "draft.eml"), "--thread", str(letters / "nope.eml"))
    assert r.exit_code == 2 and "nope.eml" in r.stderr and "внутренняя ошибка" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_thread_option_drives_thread_rules(letters: Path) -> None:
    thread = textwrap.dedent("""\
        From: client@firm.ru
        To: maria@pixel-co.ru
        Cc: boss@firm.ru
        Subject: =?utf-8?b?0JzQsNC60LXRgiDQsdGD0LrQu9C10YLQsCDQtNC70Y8g0LLRi9GB0YLQsNCy0LrQuA==?=
        Date: Mon, 03 Mar 2025 09:00:00 +0300
        Message-ID: <c1@firm.ru>
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: 8bit

        Когда будет макет?
    """)
    (letters / "thread.eml").write_text(thread, encoding="utf-8")
    r = run("check", str(letters / "clean.eml"), "--thread", str(letters / "thread.eml"), "--select", HEADER_RULES,
            "--format", "json")
    found = {f["rule"]: f for f in json.loads(r.stdout)["files"][0]["findings"]}
    assert set(found) == {"subject-changed", "reply-all"}
    assert found["subject-changed"]["line"] == 3 and found["subject-changed"]["excerpt"] == "Макет буклета"
    assert "boss@firm.ru" in found["reply-all"]["message"]


def test_stdin_and_english(letters: Path) -> None:
    r = run("check", "-", "--select", HEADER_RULES, "--lang", "en", input=DRAFT.encode("utf-8"))
    assert r.exit_code == 1
    assert "<stdin>" in r.stdout and "mentions an attachment" in r.stdout and "Checked 1 file" in r.stdout


def test_parse_command(letters: Path) -> None:
    r = run("parse", str(letters / "draft.eml"), "--format", "json")
    assert r.exit_code == 0
    obj = json.loads(r.stdout)
    assert obj["subject"] == "Макет буклета" and "во вложении" in obj["new_text"]
    assert run("parse", str(letters / "nope.eml")).exit_code == 2


def test_rules_and_explain() -> None:
    r = run("rules")
    assert r.exit_code == 0 and "reply-all" in r.stdout and "missing-attachment" in r.stdout
    rows = json.loads(run("rules", "--format", "json").stdout)
    assert {"subject-changed", "reply-all", "subject-informative", "missing-attachment", "large-attachment"} <= \
        {x["id"] for x in rows}
    r = run("explain", "reply-all")
    assert r.exit_code == 0
    assert "Reply to all" in r.stdout and "own_domain" in r.stdout and "Сработает:" in r.stdout
    r = run("explain", "reply-al")
    assert r.exit_code == 2 and "reply-all" in r.stderr
    r = run("explain", "do-more")
    assert r.exit_code == 0 and "Не проверяется" in r.stdout


def test_test_rules_command(tmp_path: Path) -> None:
    good = tmp_path / "rules"
    good.mkdir()
    (good / "kstati.yaml").write_text(textwrap.dedent("""\
        id: kstati
        title: Кстати
        severity: info
        type: lexicon
        message: "«{match}»"
        entries: [кстати]
        examples:
          bad: ["Кстати, счёт оплачен."]
          good: ["Счёт оплачен."]
    """), encoding="utf-8")
    r = run("test-rules", str(good))
    assert r.exit_code == 0 and "✓ kstati: 2 примеров" in r.stdout
    (good / "weak.yaml").write_text(textwrap.dedent("""\
        id: weak
        title: Слабое
        severity: info
        type: lexicon
        message: "«{match}»"
        entries: [вообще]
        examples:
          bad: ["Привет."]
    """), encoding="utf-8")
    r = run("test-rules", str(good))
    assert r.exit_code == 1 and "weak.yaml:8: weak: examples.bad[1]" in r.stdout
    (good / "broken.yaml").write_text("id: broken\ntitle: [\n", encoding="utf-8")
    r = run("test-rules", str(good))
    assert r.exit_code == 2 and "broken.yaml:" in r.stderr and "Traceback" not in r.output


def test_bundled_rules_pass_test_rules() -> None:
    r = run("test-rules", "-q")
    assert r.exit_code == 0, r.stdout


CASES = Path(__file__).resolve().parents[1] / "fixtures" / "cases"


def test_explain_on_a_letter_shows_each_question_with_its_best_answer_and_score() -> None:
    draft = CASES / "q-web-outage-irritated" / "draft.eml"
    res = run("explain", "unanswered-question", str(draft))
    assert res.exit_code == 0, res.output
    out = res.output
    assert "«Будет ли компенсация за эти три часа?»" in out and "НЕТ ОТВЕТА: оценка 0.45" in out
    assert "порог ответа 0.58" in out
    assert "отложено с датой" in out and "пришлю сегодня до 18:00" in out   # the request's deferral, with its place
    assert "Находок: 1" in out


def test_explain_on_a_letter_for_draft_questions_and_for_a_rule_without_a_trace() -> None:
    res = run("explain", "numbered-questions", str(CASES / "q-translate-draft-bulleted-questions" / "draft.eml"))
    assert res.exit_code == 0 and "маркер, не номер" in res.output and "Находок: 1" in res.output
    res = run("explain", "kitchen", str(CASES / "w-kitchen-sick-designer" / "draft.eml"))
    assert res.exit_code == 0 and "(«заболел»)" in res.output
    res = run("explain", "no-such-rule", str(CASES / "w-kitchen-sick-designer" / "draft.eml"))
    assert res.exit_code == 2 and "неизвестное правило" in res.output


def test_explain_price_breakdown_says_what_it_made_of_each_sum() -> None:
    res = run("explain", "price-breakdown", str(CASES / "qt-courier-march8-flowers" / "draft.eml"))
    assert res.exit_code == 0, res.output
    assert "«450 рублей» — ставка за единицу" in res.output and "«390 рублей» — вариант ставки" in res.output
    assert "Находок: 0" in res.output
    res = run("explain", "price-breakdown", str(CASES / "s-price-print-run" / "draft.eml"))
    assert "«186 000 рублей» — ЦЕНА БЕЗ СОСТАВА" in res.output and "Находок: 1" in res.output


def test_explain_call_to_action_shows_the_ending_and_the_step_in_each_sentence() -> None:
    res = run("explain", "call-to-action", str(CASES / "qt-uniform-class-3b" / "draft.eml"))
    assert res.exit_code == 0, res.output
    assert "«Ждём таблицу!» — шаг: «ждём …» с датой или вещью" in res.output and "Находок: 0" in res.output
    res = run("explain", "call-to-action", str(CASES / "qu-hr-sales-head-search" / "draft.eml"))
    assert "«Проект договора пришлю сегодня до 15:00.» — шага нет" in res.output


def test_explain_meeting_invite_shows_the_invitation_and_what_it_has() -> None:
    res = run("explain", "meeting-invite", str(CASES / "qz-interior-materials-answered-first" / "draft.eml"))
    assert res.exit_code == 0, res.output
    assert "Приглашение: «Предлагаю встретиться на объекте в субботу, 19 апреля, в 12:00." in res.output
    assert "Тема: есть" in res.output and "«удобно ли»: есть" in res.output and "Находок: 0" in res.output
    res = run("explain", "meeting-invite", str(CASES / "q-1c-vat-unanswered" / "draft.eml"))
    assert "Приглашения на встречу или созвон нет" in res.output


def test_a_closed_pipe_is_not_an_error() -> None:
    """`letterlint check … | head -1`: the reader goes away before the report is written; no error line, no
    traceback, the exit code of a program stopped by SIGPIPE."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    p = subprocess.Popen([sys.executable, "-m", "letterlint", "check", "examples/reply.eml", "--thread",
                          "examples/client.eml"], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.stdout is not None and p.stderr is not None
    p.stdout.close()   # before letterlint has loaded its models and written a byte
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 141
    assert err == ""
