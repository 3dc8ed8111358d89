"""The thread a draft answers: earlier letters oldest first, the draft last.

Earlier letters come from ``--thread`` files (each with its own quoted history, which reaches further back),
or, without them, from the history quoted inside the draft. The same letter seen twice (a thread file and
its quoted copy in the draft) is kept once — the copy from the file, which has full headers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from letterlint.mail.model import Address, Letter, Message, QuotedLetter, SourceText, Thread


def build_thread(draft: Letter, earlier: list[Letter] | None = None, me: set[str] | frozenset[str] = frozenset()) -> Thread:
    ours = {a.lower() for a in me}
    if draft.sender and draft.sender.addr:
        ours.add(draft.sender.addr)
    messages: list[Message] = []
    if earlier:
        for letter in earlier:
            messages.extend(_from_quoted(letter.quoted + letter.forwarded))
            messages.append(_from_letter(letter, "file"))
    else:
        messages.extend(_from_quoted(draft.quoted + draft.forwarded))
        if not messages and draft.inline_quotes:
            # an inline reply without a quote header: the «>» fragments are all we know of the letter answered
            lines = [ln for q in draft.inline_quotes for ln in q.line_lines()]
            messages.append(Message(sender=None, to=[], cc=[], date=None, subject="", origin="quoted",
                                    text=SourceText.from_lines(draft.path, lines)))
    messages = _known_senders(messages, draft, earlier or [])
    messages = _dedupe(messages)
    messages.sort(key=_sort_key)
    messages.append(_from_letter(draft, "draft"))
    return Thread(messages=messages, me=frozenset(ours))


def _name_key(name: str) -> frozenset[str]:
    return frozenset(name.lower().replace("ё", "е").replace(",", " ").split())


def _known_senders(messages: list[Message], draft: Letter, earlier: list[Letter]) -> list[Message]:
    """A quote header with a name and no address («29.09.2025 16:10, Ольга Белова пишет:») gets the address of the
    participant with that name: the draft's sender first (so our own earlier reply is recognised as ours), then
    the From/To/Cc of the thread's letters. The name must match word for word (in any order); a name shared by
    two different addresses stays unresolved."""
    known: dict[frozenset[str], set[str]] = {}
    people = [draft.sender] + [a for x in earlier for a in [x.sender, *x.to, *x.cc]]
    for a in people:
        if a is not None and a.name and a.addr:
            known.setdefault(_name_key(a.name), set()).add(a.addr.lower())
    mine = _name_key(draft.sender.name) if draft.sender and draft.sender.name and draft.sender.addr else None
    out = []
    for m in messages:
        s = m.sender
        if s is not None and s.name and not s.addr:
            key = _name_key(s.name)
            addrs = {draft.sender.addr.lower()} if key == mine and draft.sender else known.get(key, set())
            if len(key) >= 2 and len(addrs) == 1:
                m = replace(m, sender=Address(s.name, next(iter(addrs))))
        out.append(m)
    return out


def _from_letter(letter: Letter, origin: str) -> Message:
    return Message(sender=letter.sender, to=list(letter.to), cc=list(letter.cc), date=letter.date,
                   subject=letter.subject, text=letter.new_text, origin=origin, letter=letter)


def _from_quoted(quoted: list[QuotedLetter]) -> list[Message]:
    """Quoted letters, deepest (oldest) first; a letter's level tells how far back it is."""
    ordered = sorted(quoted, key=lambda q: -q.level)
    return [Message(sender=q.sender, to=list(q.to), cc=list(q.cc), date=q.date, subject=q.subject, text=q.text,
                    origin="forwarded" if q.forwarded else "quoted") for q in ordered]


def _sort_key(m: Message) -> tuple[int, float]:
    # letters without a date keep their place relative to each other (sort is stable) and go first
    if m.date is None:
        return 0, 0.0
    d = m.date if m.date.tzinfo else m.date.replace(tzinfo=timezone.utc)
    return 1, d.timestamp()


def _dedupe(messages: list[Message]) -> list[Message]:
    """Drop quoted copies of letters that are also present from a file (same sender, same minute or text)."""
    kept: list[Message] = []
    for m in messages:
        dup = next((k for k in kept if _same(k, m)), None)
        if dup is None:
            kept.append(m)
        elif dup.origin != "file" and m.origin == "file":
            kept[kept.index(dup)] = m
    return kept


def _same(a: Message, b: Message) -> bool:
    if a.sender and b.sender and a.sender.addr and b.sender.addr and a.sender.addr != b.sender.addr:
        return False
    if a.date and b.date and abs(_naive(a.date) - _naive(b.date)).total_seconds() < 120:
        return True
    ta, tb = " ".join(a.text.text.split())[:200], " ".join(b.text.text.split())[:200]
    return bool(ta) and ta == tb


def _naive(d: datetime) -> datetime:
    return d.replace(tzinfo=None)
