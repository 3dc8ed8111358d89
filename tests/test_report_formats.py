"""Reporters on hand-made findings: plurals, carets, escaping, SARIF validity."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from letterlint.engine.finding import FileResult, Finding
from letterlint.report import RuleInfo, render
from letterlint.report.github import escape_data, escape_property
from letterlint.report.text import caret_lines, summary_line

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
LINE = "Привет 👋 Мария, договор во вложении 😀 — посмотрите."


def finding(rule: str = "missing-attachment", severity: str = "error", path: str = "письма/черновик.eml",
            line: int = 5, col: int = 25, end: int = 36, **kw) -> Finding:
    return Finding(rule=rule, severity=severity, message=kw.pop("message", "В письме сказано о вложении («во вложении»)."),
                   path=path, line=line, column=col, end_line=line, end_column=end, excerpt=LINE[col - 1:end - 1],
                   suggestion=kw.pop("suggestion", "Приложите файл."), line_text=kw.pop("line_text", LINE),
                   line_col=kw.pop("line_col", 1), **kw)


def results(*fs: Finding, error: str | None = None) -> list[FileResult]:
    return [FileResult("письма/черновик.eml", list(fs), error)]


@pytest.mark.parametrize("errors, warnings, infos, files, expected", [
    (1, 0, 0, 1, "Проверен 1 файл: 1 ошибка, 0 предупреждений."),
    (2, 2, 0, 2, "Проверено 2 файла: 2 ошибки, 2 предупреждения."),
    (5, 7, 0, 5, "Проверено 5 файлов: 5 ошибок, 7 предупреждений."),
    (0, 1, 0, 11, "Проверено 11 файлов: 0 ошибок, 1 предупреждение."),
    (21, 3, 1, 21, "Проверен 21 файл: 21 ошибка, 3 предупреждения, 1 подсказка."),
    (0, 0, 0, 3, "Проверено 3 файла: замечаний нет."),
])
def test_summary_plurals(errors: int, warnings: int, infos: int, files: int, expected: str) -> None:
    fs = [finding(severity="error")] * errors + [finding(severity="warning")] * warnings + [finding(severity="info")] * infos
    rs = [FileResult(f"f{i}.eml", fs if i == 0 else []) for i in range(files)]
    assert summary_line(rs) == expected


def test_summary_counts_unreadable_files() -> None:
    rs = [FileResult("a.eml", []), FileResult("b.eml", [], "пустой файл"), FileResult("c.eml", [], "двоичный файл")]
    assert summary_line(rs) == "Проверено 3 файла: замечаний нет; не прочитано 2 файла."
    assert summary_line(rs, "en") == "Checked 3 files: no problems; 2 files could not be read."


def test_caret_under_the_span_after_emoji() -> None:
    src, caret = caret_lines(finding())
    assert src == LINE
    # «Привет 👋 Мария, договор » is 24 code points but 25 terminal cells: the emoji is wide
    assert caret == " " * 25 + "^" * len("во вложении")


def test_caret_respects_the_line_origin_column() -> None:
    # a quoted line «> Договор во вложении.» is analysed without «> »: its text starts at column 3
    f = finding(line_text="Договор во вложении.", line_col=3, col=3 + 8, end=3 + 19)
    assert caret_lines(f) == ("Договор во вложении.", " " * 8 + "^" * 11)


def test_text_report_groups_by_file_and_marks_thread_findings() -> None:
    other = finding(rule="unanswered-question", path="переписка.eml", line=7, col=1, end=10, line_text="Когда начнёте?")
    out = render("text", results(finding(), other))
    assert out.splitlines()[0] == "письма/черновик.eml"
    assert "  5:25  ошибка  missing-attachment" in out
    assert "  переписка.eml:7:1  ошибка  unanswered-question" in out
    assert "    → Приложите файл." in out
    assert "\x1b[" not in out  # no colour unless asked
    assert "\x1b[" in render("text", results(finding()), color=True)


def test_json_report_is_exactly_the_contract() -> None:
    obj = json.loads(render("json", results(finding(), error=None)))
    assert list(obj) == ["version", "files", "summary"]
    f = obj["files"][0]["findings"][0]
    assert list(f) == ["rule", "severity", "message", "path", "line", "column", "end_line", "end_column", "excerpt",
                       "suggestion"]
    assert (f["column"], f["end_column"], f["excerpt"]) == (25, 36, "во вложении")
    assert obj["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_github_escaping() -> None:
    assert escape_data("100% готово\r\nдальше") == "100%25 готово%0D%0Aдальше"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    f = finding(path="dir,1/a:b.eml", message="Строка 1\nСтрока 2: 50%", suggestion=None)
    line = render("github", [FileResult("dir,1/a:b.eml", [f])])
    assert line == ("::error file=dir%2C1/a%3Ab.eml,line=5,col=25,endLine=5,endColumn=36,"
                    "title=letterlint missing-attachment::Строка 1%0AСтрока 2: 50%25")
    warn = render("github", results(finding(severity="info")))
    assert warn.startswith("::notice ")


def test_github_reports_unreadable_files() -> None:
    out = render("github", [FileResult("bad.eml", [], "пустой файл — в нём нет письма")])
    assert out == "::error file=bad.eml,title=letterlint::пустой файл — в нём нет письма"


def test_sarif_is_valid_and_declares_code_point_columns() -> None:
    thread_f = finding(rule="unanswered-question", path="переписка.eml", line=7, col=1, end=10, severity="warning")
    infos = [RuleInfo("missing-attachment", "Забытое вложение", "error", explain="Первый абзац.\n\nВторой."),
             RuleInfo("unanswered-question", "Вопрос без ответа", "warning", source="20 заповедей")]
    rs = results(finding(), thread_f) + [FileResult("битый.eml", [], "пустой файл")]
    obj = json.loads(render("sarif", rs, rules=infos, version="0.1.0"))
    jsonschema.Draft4Validator(SCHEMA).validate(obj)
    run = obj["runs"][0]
    assert obj["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    res = run["results"][0]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (5, 25, 36)
    assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "%D0%BF%D0%B8%D1%81%D1%8C%D0%BC%D0%B0/%D1%87%D0%B5%D1%80%D0%BD%D0%BE%D0%B2%D0%B8%D0%BA.eml"
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "missing-attachment"
    assert run["results"][1]["relatedLocations"]  # the finding lives in the thread file
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["tool"]["driver"]["rules"][0]["fullDescription"]["text"] == "Первый абзац."
