"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=draft.eml,line=7,col=9,endLine=7,endColumn=21,title=letterlint missing-attachment::message

Escaping follows the runner's rules: in the message %, CR and LF become %25, %0D, %0A; in properties also
«:» and «,» become %3A and %2C.
"""

from __future__ import annotations

from typing import Any

from letterlint.engine.finding import FileResult

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: list[FileResult], **_: Any) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"::error file={escape_property(r.path)},title={escape_property('letterlint')}::"
                         f"{escape_data(r.error)}")
        for f in r.findings:
            props = [f"file={escape_property(f.path)}", f"line={f.line}", f"col={f.column}"]
            if f.end_line:
                props.append(f"endLine={f.end_line}")
            if f.end_line == f.line and f.end_column:
                props.append(f"endColumn={f.end_column}")
            props.append(f"title={escape_property(f'letterlint {f.rule}')}")
            msg = f.message + (f"\n{f.suggestion}" if f.suggestion else "")
            lines.append(f"::{LEVELS.get(f.severity, 'warning')} {','.join(props)}::{escape_data(msg)}")
    return "\n".join(lines)
