"""Letter templates kept in repositories: .txt, .md, .html, .j2 and friends.

A template may start with YAML front matter (``---`` … ``---``) or with plain «Subject:»/«To:» lines and a
blank line; the rest is the body. Jinja ``{{ … }}`` and ``{% … %}`` stay in the text untouched: the text
layer treats them as opaque placeholders, so a placeholder never trips a rule.
"""

from __future__ import annotations

import re

import yaml

from letterlint.mail.errors import ReadError
from letterlint.mail.headers import parse_addresses
from letterlint.mail.html import html_to_text
from letterlint.mail.model import Letter, SourceText
from letterlint.mail.split import apply_split

TEMPLATE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".j2", ".jinja", ".jinja2", ".tmpl", ".tpl")
_HEADER_LINE = re.compile(r"^(subject|to|cc|from|тема|кому|копия|от)\s*:\s*(.*)$", re.I)
_FIELD = {"subject": "subject", "тема": "subject", "to": "to", "кому": "to", "cc": "cc", "копия": "cc",
          "from": "from", "от": "from"}


def parse_template(text: str, path: str) -> Letter:
    letter = Letter(path=path, kind="template")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, str] = {}
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            try:
                meta = yaml.safe_load("\n".join(lines[1:end])) or {}
            except yaml.YAMLError as exc:
                mark = getattr(exc, "problem_mark", None)
                where = f":{mark.line + 2}" if mark else ""
                raise ReadError(f"{path}{where}", "front matter is not valid YAML") from None
            if isinstance(meta, dict):
                for k, v in meta.items():
                    key = _FIELD.get(str(k).lower())
                    if key:
                        fields[key] = ", ".join(map(str, v)) if isinstance(v, list) else str(v)
            body_start = end + 1
    else:
        i = 0
        while i < len(lines) and _HEADER_LINE.match(lines[i]):
            m = _HEADER_LINE.match(lines[i])
            fields[_FIELD[m.group(1).lower()]] = m.group(2).strip()
            i += 1
        if i and (i == len(lines) or not lines[i].strip()):
            body_start = i + 1 if i < len(lines) else i
            if "subject" in fields:
                letter.subject_pos = (1 + next(k for k in range(i) if _FIELD[_HEADER_LINE.match(lines[k]).group(1).lower()] == "subject"),
                                      lines[0].find(":") + 2)
        else:
            fields = {}
    letter.subject = fields.get("subject", "")
    senders = parse_addresses(fields.get("from", ""))
    letter.sender = senders[0] if senders else None
    letter.to = parse_addresses(fields.get("to", ""))
    letter.cc = parse_addresses(fields.get("cc", ""))
    letter.headers_present = frozenset(fields)
    body_lines = lines[body_start:]
    if path.lower().endswith((".html", ".htm")) or (path.lower().endswith((".j2", ".jinja", ".jinja2"))
                                                    and re.search(r"<(p|div|br|html|body|table)\b", text, re.I)):
        letter.body_format = "html"
        rendered = html_to_text("\n".join(body_lines)).split("\n")
        letter.body = SourceText.from_lines(path, [(t, i + 1, 1) for i, t in enumerate(rendered)])
    else:
        letter.body = SourceText.from_lines(path, [(t, body_start + i + 1, 1) for i, t in enumerate(body_lines)])
    apply_split(letter)
    _placeholder_signature(letter)
    return letter


_PLACEHOLDER_LINE = re.compile(r"^\s*(?:(?:\{\{.*?\}\}|\{%.*?%\})[\s,.]*)+$")


def _placeholder_signature(letter: Letter) -> None:
    """«Спасибо!\\n{{ manager_name }}»: lines at the very end made only of placeholders stand for the signature (a
    name, a signature block filled in at send time), as «Ольга» would in a letter — they are not the author's last
    sentence. Only when no signature was found and at least one ``{{ … }}`` line ends the text."""
    if letter.signature or not letter.new_text:
        return
    lines = letter.new_text.line_lines()
    k = len(lines)
    while k > 0 and (not lines[k - 1][0].strip() or _PLACEHOLDER_LINE.match(lines[k - 1][0])):
        k -= 1
    tail = lines[k:]
    if not any("{{" in t for t, _, _ in tail) or not any(t.strip() for t, _, _ in lines[:k]):
        return
    while tail and not tail[0][0].strip():
        tail = tail[1:]
    letter.new_text = SourceText.from_lines(letter.path, lines[:k])
    letter.signature = SourceText.from_lines(letter.path, tail)
