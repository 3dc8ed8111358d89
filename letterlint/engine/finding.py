"""A finding: one problem at one place, the unit every reporter renders.

Positions are 1-based, in Unicode code points; ``end_line``/``end_column`` point just past the span (exclusive,
as in SARIF and LSP). ``line_text``/``line_col`` carry the source line as the rule saw it so the text report can
draw a caret without re-reading the file; they are not part of the JSON contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}


def severity_at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is as serious as ``threshold`` or more."""
    return SEVERITY_RANK.get(severity, 0) >= SEVERITY_RANK.get(threshold, 3)


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    suggestion: str | None = None
    line_text: str | None = None   # the source line (as analysed) the finding starts on, for the caret
    line_col: int = 1              # the source column where ``line_text`` starts
    replacements: tuple[str, ...] = ()   # literal replacements of the span («согласование»), for editors' quick fixes

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of DESIGN §5, exactly these keys in this order."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, -SEVERITY_RANK.get(self.severity, 0), self.rule)


@dataclass
class FileResult:
    """What one checked file produced: findings (possibly pointing into thread files) or an error."""

    path: str
    findings: list[Finding]
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "error": self.error, "findings": [f.to_dict() for f in self.findings]}


def summarize(results: list[FileResult]) -> dict[str, int]:
    """The JSON ``summary`` object."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for r in results:
        for f in r.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
    return {"files": len(results), "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"]}
