"""Reports: findings → text for a person, JSON for scripts, SARIF for code scanning, GitHub annotations, reviewdog.

Reporters know findings (and rule metadata for SARIF), never letters. Every reporter is a function
``render(results, *, rules, lang, color, version) -> str``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from letterlint.engine.finding import FileResult

FORMATS = ("text", "json", "sarif", "github", "rdjsonl")


@dataclass(frozen=True)
class RuleInfo:
    """What a report may say about a rule (SARIF rule metadata, titles in the text report)."""

    id: str
    title: str
    severity: str
    title_en: str = ""
    source: str = ""
    explain: str = ""
    url: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


def render(fmt: str, results: list[FileResult], *, rules: list[RuleInfo] | None = None, lang: str = "ru",
           color: bool = False, version: str = "") -> str:
    """Render ``results`` in ``fmt`` (one of FORMATS)."""
    renderer: Callable[..., str]
    if fmt == "json":
        from letterlint.report.json_report import render as renderer
    elif fmt == "sarif":
        from letterlint.report.sarif import render as renderer
    elif fmt == "github":
        from letterlint.report.github import render as renderer
    elif fmt == "rdjsonl":
        from letterlint.report.rdjsonl import render as renderer
    else:
        from letterlint.report.text import render as renderer
    return renderer(results, rules=rules or [], lang=lang, color=color, version=version)


__all__ = ["FORMATS", "RuleInfo", "render"]
