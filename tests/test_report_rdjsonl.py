"""--format rdjsonl (reviewdog): one JSON object per line, 1-based UTF-8 byte columns."""

from __future__ import annotations

import json
from pathlib import Path

from letterlint.engine.finding import FileResult, Finding
from letterlint.report import FORMATS, render
from letterlint.report.rdjsonl import byte_column

LINE = "Привет 👋 Мария, договор во вложении 😀 — посмотрите."
# «Привет 👋 Мария, договор » = 24 code points = 12+1+4+1+11+1+14+1 = 45 bytes; «во вложении» = 11 cp, 21 bytes
START_BYTE, END_BYTE = 46, 67


def finding(path: str = "нет/такого/файла.eml", line_text: str | None = LINE, line_col: int = 1,
            col: int = 25, end: int = 36, **kw) -> Finding:
    return Finding(rule=kw.pop("rule", "missing-attachment"), severity=kw.pop("severity", "error"),
                   message="В письме сказано о вложении («во вложении»).", path=path, line=kw.pop("line", 5),
                   column=col, end_line=kw.pop("end_line", 5), end_column=end, excerpt="во вложении",
                   suggestion=kw.pop("suggestion", "Приложите файл."), line_text=line_text, line_col=line_col)


def diags(*results: FileResult) -> list[dict]:
    out = render("rdjsonl", list(results))
    assert "\n\n" not in out
    return [json.loads(line) for line in out.splitlines()]


def test_listed_as_a_format() -> None:
    assert "rdjsonl" in FORMATS


def test_byte_columns_after_cyrillic_and_emoji() -> None:
    assert byte_column(LINE, 25) == START_BYTE and byte_column(LINE, 36) == END_BYTE
    (d,) = diags(FileResult("нет/такого/файла.eml", [finding()]))
    assert d["location"] == {"path": "нет/такого/файла.eml",
                             "range": {"start": {"line": 5, "column": START_BYTE}, "end": {"line": 5, "column": END_BYTE}}}
    assert d["severity"] == "ERROR" and d["code"] == {"value": "missing-attachment"}
    assert d["source"] == {"name": "letterlint"}
    assert d["message"] == "В письме сказано о вложении («во вложении»).\n→ Приложите файл."


def test_columns_from_the_file_when_it_holds_the_line(tmp_path: Path) -> None:
    # the rule saw «…» without the «> » quote marker: the file's own line decides the bytes
    f = tmp_path / "письмо.eml"
    f.write_text("Subject: x\n\n" + "> " + LINE + "\n", encoding="utf-8")
    (d,) = diags(FileResult(str(f), [finding(path=str(f), line=3, end_line=3, line_col=3, col=27, end=38)]))
    assert d["location"]["range"] == {"start": {"line": 3, "column": START_BYTE + 2},
                                      "end": {"line": 3, "column": END_BYTE + 2}}


def test_line_text_fallback_counts_the_prefix(tmp_path: Path) -> None:
    # a windows-1251 file is not UTF-8: the analysed line (after «> ») is used
    f = tmp_path / "cp1251.eml"
    f.write_bytes(("> " + LINE.replace("👋 ", "").replace("😀 ", "")).encode("cp1251"))
    (d,) = diags(FileResult(str(f), [finding(path=str(f), line=1, end_line=1, line_col=3, col=27, end=38)]))
    assert d["location"]["range"]["start"]["column"] == START_BYTE + 2


def test_severities_and_unreadable_files() -> None:
    rs = [FileResult("a.eml", [finding(path="a.eml", severity="warning"), finding(path="a.eml", severity="info")]),
          FileResult("пусто.eml", [], "пустой файл — в нём нет письма")]
    ds = diags(*rs)
    assert [d["severity"] for d in ds] == ["WARNING", "INFO", "ERROR"]
    assert ds[2]["location"] == {"path": "пусто.eml"} and ds[2]["message"] == "пустой файл — в нём нет письма"


def test_multiline_span_without_the_end_line_keeps_only_the_start() -> None:
    (d,) = diags(FileResult("x.eml", [finding(path="x.eml", end_line=6, end=3)]))
    assert d["location"]["range"] == {"start": {"line": 5, "column": START_BYTE}}


def test_empty_results_print_nothing() -> None:
    assert render("rdjsonl", [FileResult("a.eml", [])]) == ""
