"""What `letterlint parse` prints: the letter as letterlint sees it (DESIGN.md §5)."""

from __future__ import annotations

import json

from letterlint.mail.model import Address, Letter, QuotedLetter


def letter_dict(letter: Letter) -> dict:
    return {
        "path": letter.path,
        "kind": letter.kind,
        "subject": letter.subject,
        "from": _addr(letter.sender),
        "to": [_addr(a) for a in letter.to],
        "cc": [_addr(a) for a in letter.cc],
        "date": letter.date.isoformat() if letter.date else None,
        "message_id": letter.message_id or None,
        "in_reply_to": letter.in_reply_to or None,
        "body_format": letter.body_format,
        "new_text": letter.new_text.text,
        "new_text_line": letter.new_text.locate(0)[0] if letter.new_text else None,
        "signature": letter.signature.text,
        "quoted": [_quoted(q) for q in letter.quoted],
        "forwarded": [_quoted(q) for q in letter.forwarded],
        "inline_quotes": [{"text": q.text, "line": q.locate(0)[0]} for q in letter.inline_quotes],
        "attachments": [{"name": a.name, "size": a.size, "type": a.content_type} for a in letter.attachments],
        "warnings": list(letter.warnings),
    }


def _addr(a: Address | None) -> dict | None:
    return {"name": a.name, "address": a.addr} if a else None


def _quoted(q: QuotedLetter) -> dict:
    return {
        "level": q.level,
        "from": _addr(q.sender),
        "date": q.date.isoformat() if q.date else (q.date_text or None),
        "subject": q.subject or None,
        "to": [_addr(a) for a in q.to],
        "cc": [_addr(a) for a in q.cc],
        "header": q.header,
        "body": q.text.text,
        "line": q.text.locate(0)[0] if q.text else None,
    }


def parse_report(letters: list[Letter], fmt: str = "text", extra: dict[str, dict] | None = None) -> str:
    """Render letters for `letterlint parse`. ``extra`` maps a path to more fields (readability and the like)."""
    dicts = []
    for letter in letters:
        d = letter_dict(letter)
        if extra and letter.path in extra:
            d.update(extra[letter.path])
        dicts.append(d)
    if fmt == "json":
        return json.dumps(dicts[0] if len(dicts) == 1 else dicts, ensure_ascii=False, indent=2)
    return "\n\n".join(_text(d) for d in dicts)


def _fmt_addr(a: dict | None) -> str:
    if not a:
        return "—"
    return f"{a['name']} <{a['address']}>" if a["name"] and a["address"] else (a["address"] or a["name"])


def _block(title: str, text: str) -> list[str]:
    if not text.strip():
        return [f"{title}: —"]
    return [f"{title}:"] + ["  │ " + line for line in text.split("\n")]


def _text(d: dict) -> str:
    out = [f"═══ {d['path']} ({d['kind']}, {d['body_format']})",
           f"Тема:     {d['subject'] or '—'}",
           f"От:       {_fmt_addr(d['from'])}",
           f"Кому:     {', '.join(_fmt_addr(a) for a in d['to']) or '—'}",
           f"Копия:    {', '.join(_fmt_addr(a) for a in d['cc']) or '—'}",
           f"Дата:     {d['date'] or '—'}"]
    for key, title in (("readability", "Читаемость"),):
        if key in d:
            out.append(f"{title}: {d[key]}")
    if d["attachments"]:
        out.append("Вложения: " + ", ".join(f"{a['name']} ({a['size']} байт)" for a in d["attachments"]))
    line = f" (строка {d['new_text_line']})" if d["new_text_line"] else ""
    out += _block("Новый текст" + line, d["new_text"])
    out += _block("Подпись", d["signature"])
    for title, key in (("Цитата", "quoted"), ("Пересланное письмо", "forwarded")):
        for q in d[key]:
            head = f"{title} ур. {q['level']}: от {_fmt_addr(q['from'])}, {q['date'] or 'дата неизвестна'}"
            if q["subject"]:
                head += f", тема «{q['subject']}»"
            out += _block(head, q["body"])
    for q in d.get("inline_quotes", []):
        out += _block(f"Цитата внутри нового текста (строка {q['line']})", q["text"])
    for w in d["warnings"]:
        out.append(f"Внимание: {w}")
    return "\n".join(out)
