"""``--format json``: one object, exactly the schema of DESIGN §5."""

from __future__ import annotations

import json
from typing import Any

from letterlint.engine.finding import FileResult, summarize


def to_object(results: list[FileResult]) -> dict[str, Any]:
    return {"version": 1, "files": [r.to_dict() for r in results], "summary": summarize(results)}


def render(results: list[FileResult], **_: Any) -> str:
    return json.dumps(to_object(results), ensure_ascii=False, indent=2)
