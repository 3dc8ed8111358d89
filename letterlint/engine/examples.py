"""Rule examples: every rule proves it fires on its ``bad`` examples and stays quiet on its ``good`` ones.

An example is a string (the new text of a letter) or a mapping describing a whole letter and its thread:

    - subject: "Re: Договор поставки"
      from: manager@agency.ru
      to: [client@firm.ru]
      cc: [boss@firm.ru]
      date: "2024-03-05 10:00"
      text: "Добрый день! Договор во вложении."       # the new text
      signature: "—\\nИван"
      quoted: [{from: client@firm.ru, subject: "Договор поставки", text: "Пришлите договор"}]
      attachments: [{name: dogovor.pdf, size: 12 MB}]
      thread: [{from: client@firm.ru, to: [manager@agency.ru], cc: [boss@firm.ru],
                subject: "Договор поставки", date: "2024-03-05 09:00", text: "…"}]
      me: [sales@agency.ru]        # our addresses for this example
      kind: eml                    # eml (default) | template
      reply: true                  # a reply even without a thread (In-Reply-To set)
      params: {max_mb: 5}          # rule params for this example
      count: 2                     # bad only: the exact number of findings expected (default: at least one)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from letterlint.mail.model import Address, Attachment, Letter, Message, QuotedLetter, SourceText, Thread

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker

EXAMPLE_KEYS = ("text", "subject", "from", "to", "cc", "date", "signature", "quoted", "thread", "attachments", "me",
                "kind", "reply", "params", "count", "note")
MESSAGE_KEYS = ("from", "to", "cc", "subject", "date", "text")
ATTACHMENT_KEYS = ("name", "size", "type")
_SIZE_RE = re.compile(r"^\s*([\d.,]+)\s*([кkмmгg]?)[бb]?(?:ytes?|айт)?\s*$", re.I)


def parse_size(v: Any) -> int | None:
    """12 → 12 bytes; "12 MB", "12 МБ", "500 KB", "1.5 ГБ" → bytes; None when unreadable."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return int(v)
    m = _SIZE_RE.match(str(v))
    if not m:
        return None
    num = float(m.group(1).replace(",", "."))
    mult = {"": 1, "к": 1024, "k": 1024, "м": 1024 ** 2, "m": 1024 ** 2, "г": 1024 ** 3, "g": 1024 ** 3}[m.group(2).lower()]
    return int(num * mult)


def validate_example(chk: "Checker", item: Any, where: str) -> None:
    m = chk.mapping(item, where)
    chk.keys(m, EXAMPLE_KEYS, where)
    for k in ("text", "subject", "from", "date", "signature", "note"):
        chk.string(m, k, where)
    for k in ("to", "cc", "me"):
        chk.string_list(m, k, where)
    chk.string(m, "kind", where, choices=("eml", "template"))
    if "reply" in m:
        chk.boolean(m, "reply", where, False)
    if "count" in m:
        chk.integer(m, "count", where)
    if "params" in m and not isinstance(m["params"], dict):
        raise chk.fail(m.line_of("params"), f"{where}: «params» должен быть словарём")
    for key in ("thread", "quoted"):
        items = m.get(key)
        if items is None:
            continue
        if isinstance(items, str) and key == "quoted":
            continue
        lst = chk.list_of(m, key, where)
        for i, msg in enumerate(lst):
            w = f"{where}: {key}[{i + 1}]"
            mm = chk.mapping(msg, w, lst.line_of(i))
            chk.keys(mm, MESSAGE_KEYS, w)
            for k in ("from", "subject", "date", "text"):
                chk.string(mm, k, w)
            for k in ("to", "cc"):
                chk.string_list(mm, k, w)
    atts = chk.list_of(m, "attachments", where)
    for i, a in enumerate(atts):
        w = f"{where}: attachments[{i + 1}]"
        am = chk.mapping(a, w, atts.line_of(i))
        chk.keys(am, ATTACHMENT_KEYS, w, required=("name",))
        if "size" in am and parse_size(am["size"]) is None:
            raise chk.fail(am.line_of("size"), f"{w}: size «{am['size']}» — ожидалось число байт или «12 MB»")


def _addr(s: str) -> Address:
    s = s.strip()
    m = re.match(r"^(.*?)\s*<([^>]+)>$", s)
    if m:
        return Address(m.group(1).strip().strip('"'), m.group(2).strip().lower())
    return Address("", s.lower()) if "@" in s else Address(s, "")


def _addrs(v: Any) -> list[Address]:
    if v is None:
        return []
    return [_addr(x) for x in ([v] if isinstance(v, str) else v)]


def _date(v: Any) -> datetime | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v
    try:
        return datetime.fromisoformat(str(v).strip())
    except ValueError:
        return None


def _source(text: str, path: str, first_line: int = 1) -> SourceText:
    lines = text.split("\n")
    return SourceText(text, path, [(first_line + i, 1) for i in range(len(lines))])


def example_letter(ex: Any, path: str = "<example>") -> tuple[Letter, Thread, dict, list[str]]:
    """(letter, thread, params override, me) for one example."""
    if isinstance(ex, str):
        ex = {"text": ex}
    text = str(ex.get("text") or "")
    body = _source(text, path)
    letter = Letter(path=path, kind=str(ex.get("kind") or "eml"))
    letter.subject = str(ex.get("subject") or "")
    letter.sender = _addr(str(ex["from"])) if ex.get("from") else None
    letter.to = _addrs(ex.get("to"))
    letter.cc = _addrs(ex.get("cc"))
    letter.date = _date(ex.get("date"))
    letter.body = body
    letter.new_text = body
    letter.headers_present = frozenset(k for k in ("subject", "from", "to", "cc", "date") if k in ex)
    if letter.kind == "eml":
        letter.headers_present |= {"subject"}
    sig = str(ex.get("signature") or "")
    nlines = len(text.split("\n"))
    if sig:
        letter.signature = _source(sig, path, nlines + 2)
    for a in ex.get("attachments") or []:
        letter.attachments.append(Attachment(str(a["name"]), parse_size(a.get("size", 0)) or 0,
                                             str(a.get("type") or "application/octet-stream")))
    quoted = ex.get("quoted")
    line = nlines + 3
    if isinstance(quoted, str):
        quoted = [{"text": quoted}]
    for q in quoted or []:
        qt = str(q.get("text") or "")
        letter.quoted.append(QuotedLetter(
            sender=_addr(str(q["from"])) if q.get("from") else None, date=_date(q.get("date")),
            date_text=str(q.get("date") or ""), subject=str(q.get("subject") or ""), to=_addrs(q.get("to")),
            cc=_addrs(q.get("cc")), text=_source(qt, path, line), header="", level=1))
        line += len(qt.split("\n")) + 1
    messages: list[Message] = []
    thread_items = ex.get("thread")
    if thread_items:
        for i, t in enumerate(thread_items):
            tt = str(t.get("text") or "")
            messages.append(Message(sender=_addr(str(t["from"])) if t.get("from") else None, to=_addrs(t.get("to")),
                                    cc=_addrs(t.get("cc")), date=_date(t.get("date")), subject=str(t.get("subject") or ""),
                                    text=_source(tt, f"<example-thread-{i + 1}>"), origin="file"))
    else:
        for q in letter.quoted:
            messages.append(Message(sender=q.sender, to=q.to, cc=q.cc, date=q.date, subject=q.subject, text=q.text,
                                    origin="quoted"))
    if messages or ex.get("reply"):
        letter.in_reply_to = "<example-parent@letterlint>"
    messages.append(Message(sender=letter.sender, to=list(letter.to), cc=list(letter.cc), date=letter.date,
                            subject=letter.subject, text=letter.new_text, origin="draft", letter=letter))
    me = [str(x) for x in (ex.get("me") or [])]
    ours = {a.lower() for a in me if "@" in a and not a.startswith("@")}
    if letter.sender and letter.sender.addr:
        ours.add(letter.sender.addr)
    return letter, Thread(messages=messages, me=frozenset(ours)), dict(ex.get("params") or {}), me


@dataclass
class ExampleResult:
    rule: str
    kind: str           # bad | good
    index: int          # 1-based
    line: int
    ok: bool
    got: int
    detail: str
    path: str

    def describe(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: examples.{self.kind}[{self.index}]: {self.detail}"


def run_examples(rule: "Rule") -> list[ExampleResult]:
    """Run one rule's examples (with its own default params, no user config)."""
    from letterlint.engine.config import Config
    from letterlint.engine.runner import Engine

    results = []
    for kind in ("bad", "good"):
        items = getattr(rule.examples, kind)
        lines = getattr(rule.examples, f"{kind}_lines")
        for i, ex in enumerate(items):
            letter, thread, params, me = example_letter(ex)
            r = rule.copy()
            r.enabled = True
            r.params.update(params)
            cfg = Config(me=me)
            engine = Engine([r], cfg)
            res = engine.run(letter, thread)
            got = [f for f in res.findings if f.rule == rule.id]
            line = lines[i] if i < len(lines) else 0
            if res.errors:
                ok, detail = False, "; ".join(res.errors)
            elif kind == "bad":
                want = ex.get("count") if isinstance(ex, dict) else None
                ok = len(got) == want if want is not None else len(got) >= 1
                detail = (f"ожидалось {want if want is not None else '≥ 1'} срабатываний, получено {len(got)}"
                          if not ok else f"{len(got)} срабатываний")
            else:
                ok = not got
                detail = "лишнее срабатывание: " + "; ".join(f"«{f.excerpt}» — {f.message}" for f in got) if got else "тихо"
            results.append(ExampleResult(rule.id, kind, i + 1, line, ok, len(got), detail, rule.path))
    return results
