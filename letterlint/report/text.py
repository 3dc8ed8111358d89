"""``--format text`` (default): findings grouped by file, the source line with a caret under the span.

    draft.eml
      14:9  ошибка  missing-attachment
        В письме сказано о вложении («во вложении»), но файлов к нему не приложено.
        14 | Договор во вложении, посмотрите, пожалуйста.
           |         ^^^^^^^^^^^
        → Приложите файл или уберите упоминание; если файл большой — дайте ссылку.

    Проверен 1 файл: 1 ошибка, 0 предупреждений.

Colour only when asked (the CLI asks on a terminal, never with NO_COLOR or a pipe).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from letterlint.engine.finding import FileResult, Finding
from letterlint.text.normalize import plural_ru

SEVERITY_RU = {"error": "ошибка", "warning": "предупреждение", "info": "подсказка"}
SEVERITY_EN = {"error": "error", "warning": "warning", "info": "info"}
COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _style(s: str, color: bool, **kw: Any) -> str:
    if not color:
        return s
    import click

    return click.style(s, **kw)


def _width(s: str) -> int:
    """Terminal width of ``s``: wide characters (emoji, CJK) take two cells."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def caret_lines(f: Finding) -> tuple[str, str] | None:
    """(the source line, the caret line under the span), or None when the finding has no source line."""
    if f.line_text is None:
        return None
    line = f.line_text.replace("\t", "    ")
    start = max(0, f.column - f.line_col)
    raw = f.line_text
    if start > len(raw):
        return None
    end = (f.end_column - f.line_col) if f.end_line == f.line else len(raw)
    end = max(start + 1, min(end, len(raw))) if raw else start + 1
    pad = _width(raw[:start].replace("\t", "    "))
    span = max(1, _width(raw[start:end].replace("\t", "    ")))
    return line, " " * pad + "^" * span


def summary_line(results: list[FileResult], lang: str = "ru") -> str:
    files = len(results)
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
    broken = sum(1 for r in results if r.error)
    if lang == "en":
        parts = [f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
                 f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}"]
        if counts["info"]:
            parts.append(f"{counts['info']} info")
        head = f"Checked {files} file{'s' if files != 1 else ''}: "
        tail = f"; {broken} file{'s' if broken != 1 else ''} could not be read" if broken else ""
        if not any(counts.values()):
            return head + "no problems" + tail + "."
        return head + ", ".join(parts) + tail + "."
    head = f"{_checked(files)} {files} {plural_ru(files, ('файл', 'файла', 'файлов'))}: "
    tail = f"; не прочитан{'о' if broken % 10 != 1 or broken % 100 == 11 else ''} {broken} " \
           f"{plural_ru(broken, ('файл', 'файла', 'файлов'))}" if broken else ""
    if not any(counts.values()):
        return head + "замечаний нет" + tail + "."
    parts = [f"{counts['error']} {plural_ru(counts['error'], ('ошибка', 'ошибки', 'ошибок'))}",
             f"{counts['warning']} {plural_ru(counts['warning'], ('предупреждение', 'предупреждения', 'предупреждений'))}"]
    if counts["info"]:
        parts.append(f"{counts['info']} {plural_ru(counts['info'], ('подсказка', 'подсказки', 'подсказок'))}")
    return head + ", ".join(parts) + tail + "."


def _checked(n: int) -> str:
    return "Проверен" if n % 10 == 1 and n % 100 != 11 else "Проверено"


def render(results: list[FileResult], *, lang: str = "ru", color: bool = False, **_: Any) -> str:
    out: list[str] = []
    names = SEVERITY_EN if lang == "en" else SEVERITY_RU
    for r in results:
        if not r.findings and not r.error:
            continue
        out.append(_style(r.path, color, bold=True, underline=True))
        if r.error:
            label = "cannot read" if lang == "en" else "не прочитан"
            out.append(f"  {_style(label, color, fg='red', bold=True)}: {r.error}")
        for f in r.findings:
            where = f"{f.line}:{f.column}" if f.path == r.path else f"{f.path}:{f.line}:{f.column}"
            sev = _style(names.get(f.severity, f.severity), color, fg=COLORS.get(f.severity), bold=True)
            out.append(f"  {where}  {sev}  {_style(f.rule, color, dim=True)}")
            out.append(f"    {f.message}")
            cl = caret_lines(f)
            if cl:
                num = str(f.line)
                out.append(f"    {_style(num, color, dim=True)} | {cl[0]}")
                out.append(f"    {' ' * len(num)} | {_style(cl[1], color, fg=COLORS.get(f.severity), bold=True)}")
            if f.suggestion:
                out.append(f"    → {f.suggestion}")
        out.append("")
    out.append(_style(summary_line(results, lang), color, bold=True))
    return "\n".join(out)
