"""``--format sarif``: SARIF 2.1.0 (validated in tests against the official OASIS schema).

Columns are Unicode code points, declared with ``columnKind: unicodeCodePoints`` (SARIF's default is UTF-16
code units, which would shift every column after an emoji).
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from letterlint.engine.finding import FileResult
from letterlint.report import RuleInfo

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://pypi.org/project/letterlint/"


def artifact_uri(path: str) -> str:
    """A URI reference for a file path: relative paths stay relative, Cyrillic is percent-encoded."""
    p = PurePath(path).as_posix()
    if p.startswith("/"):
        return "file://" + quote(p)
    return quote(p)


def _rule_descriptor(info: RuleInfo, lang: str) -> dict[str, Any]:
    title = info.title_en if lang == "en" and info.title_en else info.title
    d: dict[str, Any] = {
        "id": info.id,
        "name": "".join(w.capitalize() for w in info.id.split("-")),
        "shortDescription": {"text": title},
        "fullDescription": {"text": (info.explain.split("\n\n", 1)[0].strip() or title)},
        "defaultConfiguration": {"level": LEVELS.get(info.severity, "warning")},
        "properties": {"tags": list(info.tags) or ["letterlint"]},
    }
    if info.explain:
        d["help"] = {"text": info.explain}
    if info.source:
        d["properties"]["source"] = info.source
    if info.url:
        d["helpUri"] = info.url
    return d


def to_object(results: list[FileResult], rules: list[RuleInfo], lang: str = "ru", version: str = "") -> dict[str, Any]:
    used = {f.rule for r in results for f in r.findings}
    infos = list(rules) + [RuleInfo(rid, rid, "warning") for rid in sorted(used - {i.id for i in rules})]
    index = {info.id: i for i, info in enumerate(infos)}
    sarif_results = []
    for r in results:
        for f in r.findings:
            region: dict[str, Any] = {"startLine": max(1, f.line), "startColumn": max(1, f.column)}
            if f.end_line >= f.line:
                region["endLine"] = max(1, f.end_line)
                if f.end_column > 0 and (f.end_line > f.line or f.end_column >= f.column):
                    region["endColumn"] = f.end_column
            if f.excerpt:
                region["snippet"] = {"text": f.excerpt}
            res: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": LEVELS.get(f.severity, "warning"),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": region}}],
            }
            if f.path != r.path:
                res["relatedLocations"] = [{"id": 1, "message": {"text": "проверяемое письмо"},
                                            "physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}]
            if f.suggestion:
                res["properties"] = {"suggestion": f.suggestion}
            sarif_results.append(res)
    notes = [{"level": "error", "message": {"text": f"{r.path}: {r.error}"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(r.path)}}}]}
             for r in results if r.error]
    driver: dict[str, Any] = {"name": "letterlint", "informationUri": INFO_URI,
                              "rules": [_rule_descriptor(i, lang) for i in infos]}
    if version:
        driver["version"] = version
        driver["semanticVersion"] = version
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}],
        }],
    }


def render(results: list[FileResult], *, rules: list[RuleInfo] | None = None, lang: str = "ru", version: str = "",
           **_: Any) -> str:
    return json.dumps(to_object(results, rules or [], lang, version), ensure_ascii=False, indent=2)
