"""``--format rdjsonl``: reviewdog's Diagnostic Format, one JSON object per line (``reviewdog -f=rdjsonl``).

    {"message": "…", "location": {"path": "draft.eml", "range": {"start": {"line": 5, "column": 38},
     "end": {"line": 5, "column": 57}}}, "severity": "ERROR", "code": {"value": "missing-attachment"},
     "source": {"name": "letterlint"}}

reviewdog counts columns in UTF-8 **bytes** (1-based), letterlint in code points: a column is converted with the
line's text — read from the file when it holds that line in UTF-8 (so a «> » prefix or a windows-1251 file does
not matter), otherwise from the line as analysed (``line_text`` starting at ``line_col``; whatever precedes it
on the line is counted as one byte per code point, which holds for the «> » quote prefixes it stands for).
A file that could not be read becomes a diagnostic without a range.
"""

from __future__ import annotations

import json
from typing import Any

from letterlint.engine.finding import FileResult, Finding

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


class _Lines:
    """Lines of files as UTF-8 text, read once; None for a file that is absent, huge or not UTF-8."""

    def __init__(self) -> None:
        self._cache: dict[str, list[str] | None] = {}

    def get(self, path: str, line: int) -> str | None:
        if path not in self._cache:
            try:
                with open(path, "rb") as fh:
                    data = fh.read(64 * 1024 * 1024 + 1)
                self._cache[path] = None if len(data) > 64 * 1024 * 1024 else data.decode("utf-8").splitlines()
            except (OSError, UnicodeDecodeError, ValueError):
                self._cache[path] = None
        lines = self._cache[path]
        return lines[line - 1] if lines is not None and 0 < line <= len(lines) else None


def byte_column(text: str, column: int) -> int:
    """The 1-based UTF-8 byte column of the 1-based code-point ``column`` in ``text``."""
    return len(text[:max(column - 1, 0)].encode("utf-8")) + 1


def _converter(f: Finding, files: _Lines) -> Any:
    """A function (line, column) → byte column for the lines of this finding, or None when unknown."""
    def convert(line: int, column: int) -> int | None:
        if f.line_text is not None and line == f.line:
            on_disk = files.get(f.path, line)
            # the file's own line, when it is the line the rule saw (plain bodies stored as is)
            if on_disk is not None and on_disk[f.line_col - 1:].startswith(f.line_text):
                return byte_column(on_disk, column)
            offset = max(f.line_col - 1, 0)
            return offset + byte_column(f.line_text, column - offset)
        on_disk = files.get(f.path, line)
        return byte_column(on_disk, column) if on_disk is not None else None
    return convert


def diagnostic(f: Finding, files: _Lines) -> dict[str, Any]:
    convert = _converter(f, files)
    start_col = convert(f.line, f.column)
    rng: dict[str, Any] = {"start": {"line": f.line, "column": start_col or f.column}}
    if f.end_line:
        end_col = convert(f.end_line, f.end_column) if f.end_column else None
        if end_col is not None:
            rng["end"] = {"line": f.end_line, "column": end_col}
    message = f.message + (f"\n→ {f.suggestion}" if f.suggestion else "")
    return {"message": message, "location": {"path": f.path, "range": rng},
            "severity": SEVERITY.get(f.severity, "WARNING"), "code": {"value": f.rule},
            "source": {"name": "letterlint"}}


def render(results: list[FileResult], **_: Any) -> str:
    files = _Lines()
    lines = []
    for r in results:
        if r.error:
            lines.append(json.dumps({"message": r.error, "location": {"path": r.path}, "severity": "ERROR",
                                     "code": {"value": "read-error"}, "source": {"name": "letterlint"}},
                                    ensure_ascii=False))
        for f in r.findings:
            lines.append(json.dumps(diagnostic(f, files), ensure_ascii=False))
    return "\n".join(lines)
