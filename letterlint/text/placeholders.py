"""What a template placeholder stands for, judged by its variable name: «{{ meeting_time }}» is a time,
«{{ manager_name }}» a person. Structure rules that look for a date, an owner or a price accept a placeholder
of that kind, so a template repository does not trip them on the values it leaves to be filled in."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\{\{\s*([^\s|}]+)[^}]*\}\}|\{\{\s*\}\}")
_KINDS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "due", "deadline", "when", "until", "time", "hour", "srok", "data", "vremya"),
    "person": ("name", "manager", "owner", "client", "contact", "responsible", "assignee", "author", "person",
               "fio", "signer"),
    "money": ("price", "sum", "amount", "cost", "total", "budget", "fee", "rate"),
}


def kinds(name: str) -> set[str]:
    """The kinds a placeholder's variable name suggests («first_chapter_due» → {"date"})."""
    parts = set(re.split(r"[._\-]+", name.lower()))
    return {kind for kind, words in _KINDS.items() if parts & set(words)}


def present(text: str, kind: str) -> bool:
    """Does ``text`` hold a placeholder of ``kind``?"""
    return any(kind in kinds(m.group(1) or "") for m in _PLACEHOLDER.finditer(text))
