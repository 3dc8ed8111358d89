"""What a rule sees while it runs (RuleContext) and what it gives back (Hit).

A rule never builds a Finding itself: it returns Hits — a span in a SourceText, or an explicit position for
header findings — plus variables for its message. The engine formats the rule's YAML message (Russian or
English) and turns the span into file, line and column. So messages stay in YAML, where a team can edit them.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.mail.model import Address, Letter, Message, SourceText, Thread

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.rule import Rule
    from letterlint.text.pipeline import AnalysedText

#: Free mail services: sharing one of these domains with the sender says nothing about who is «us».
PUBLIC_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "internet.ru", "yandex.ru",
    "ya.ru", "yandex.com", "yandex.by", "yandex.kz", "rambler.ru", "outlook.com", "hotmail.com", "live.com",
    "icloud.com", "me.com", "yahoo.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "ukr.net",
})


@dataclass
class Hit:
    """One match of a rule, before it becomes a Finding.

    Either ``source`` + ``start``/``end`` (character offsets into ``source.text``), or an explicit position
    (``path``/``line``/``column``… — for headers and attachments, which are not in any SourceText).
    """

    source: SourceText | None = None
    start: int = 0
    end: int = 0
    vars: dict[str, Any] = field(default_factory=dict)
    message: str | None = None           # a key of the rule's ``messages``; None = the rule's ``message``
    template: str | None = None          # a message template of its own (a lexicon entry's ``message``)
    suggest: list[str] | None = None     # replacements, joined with « или » into {suggest}
    suggestion: str | None = None        # a ready suggestion text (overrides the rule's template)
    path: str | None = None
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    excerpt: str | None = None
    line_text: str | None = None
    line_col: int = 1
    severity_cap: str | None = None      # at most this severity (an uncertain finding of a warning rule is «info»)

    @classmethod
    def span(cls, source: SourceText, start: int, end: int, **vars: Any) -> "Hit":
        return cls(source=source, start=start, end=end, vars=vars)


class Me:
    """Our own addresses: the draft's From plus config ``me:`` (addresses, or «@domain» for a whole domain)."""

    def __init__(self, entries: Iterable[str], sender: Address | None = None, own_domain: bool = False) -> None:
        self.addresses: set[str] = set()
        self.domains: set[str] = set()
        self.globs: list[str] = []
        for e in entries:
            e = e.strip().lower()
            if not e:
                continue
            if any(c in e for c in "*?["):
                self.globs.append(e)
            elif e.startswith("@"):
                self.domains.add(e[1:])
            elif "@" not in e:
                self.domains.add(e)
            else:
                self.addresses.add(e)
        if sender and sender.addr:
            self.addresses.add(sender.addr.lower())
            dom = sender.addr.lower().rpartition("@")[2]
            if own_domain and dom and dom not in PUBLIC_DOMAINS:
                self.domains.add(dom)

    def __contains__(self, addr: object) -> bool:
        if isinstance(addr, Address):
            addr = addr.addr
        if not isinstance(addr, str) or not addr:
            return False
        a = addr.lower()
        if a in self.addresses:
            return True
        dom = a.rpartition("@")[2]
        if dom in self.domains or any(dom.endswith("." + d) for d in self.domains):
            return True
        return any(fnmatch.fnmatch(a, g) for g in self.globs)


class LetterRun:
    """Per-letter state shared by every rule: the letter, its thread, and the analysed texts (built once)."""

    def __init__(self, letter: Letter, thread: Thread, me: list[str], text_needs: set[str], lang: str = "ru") -> None:
        self.letter = letter
        self.thread = thread
        self.me_entries = list(me)
        self.text_needs = set(text_needs)
        self.lang = lang
        self._analysed: dict[int, "AnalysedText"] = {}
        self._subject: SourceText | None = None

    def analysed(self, source: SourceText, needs: Iterable[str] = ()) -> "AnalysedText":
        """The analysis of ``source`` with every analysis an enabled rule needs (built on first request)."""
        from letterlint.text.pipeline import analyse, text_needs

        want = text_needs(set(needs) | self.text_needs) or {"tokens", "morph"}
        key = id(source)
        at = self._analysed.get(key)
        if at is None or not want <= at.needs:
            at = analyse(source, want | (at.needs if at else set()))
            self._analysed[key] = at
        return at

    def subject_source(self) -> SourceText:
        """The subject as a one-line SourceText placed where the subject value is in the file."""
        if self._subject is None:
            pos = self.letter.subject_pos or (1, 1)
            self._subject = SourceText(self.letter.subject or "", self.letter.path, [pos])
        return self._subject


_CITED_LINE = re.compile(r"^[ \t]{0,3}>.*$", re.M)


class RuleContext:
    """The view of a LetterRun a single rule gets: its params, its scope, the thread helpers."""

    def __init__(self, run: LetterRun, rule: "Rule") -> None:
        self.run = run
        self.rule = rule
        self.params: dict[str, Any] = rule.params

    # --- the letter and the thread ---------------------------------------------------------------------
    @property
    def letter(self) -> Letter:
        return self.run.letter

    @property
    def thread(self) -> Thread:
        return self.run.thread

    def me(self, own_domain: bool = False) -> Me:
        return Me(self.run.me_entries, self.letter.sender, own_domain)

    def earlier(self) -> list[Message]:
        return list(self.thread.earlier) if self.thread else []

    def answered(self, me: Me | None = None) -> Message | None:
        """The letter being answered: the latest earlier letter not written by us."""
        me = me or self.me()
        return self.thread.latest_not_from(me.__contains__) if self.thread else None

    # --- text ------------------------------------------------------------------------------------------
    def analysed(self, source: SourceText) -> "AnalysedText":
        return self.run.analysed(source, self.rule.needs)

    def cited(self, source: SourceText) -> list[tuple[int, int]]:
        """Character spans of «>» citation lines kept inside ``source`` (Letter.inline_quotes): the client's
        words we quote back, which wording and structure rules must not judge as ours."""
        if ">" not in source.text:
            return []
        return [(m.start(), m.end()) for m in _CITED_LINE.finditer(source.text)]

    def scope(self) -> tuple[SourceText, int, int]:
        """The text this rule looks at, with the [start, end) character range inside it."""
        scope = self.rule.scope
        letter = self.letter
        if scope == "subject":
            src = self.run.subject_source()
            return src, 0, len(src.text)
        if scope == "whole":
            return letter.body, 0, len(letter.body.text)
        src = letter.new_text
        if scope == "closing":
            n = int(self.params.get("closing_sentences", 3) or 3)
            at = self.analysed(src)
            sents = at.sentences()
            if not sents:
                return src, 0, 0
            start = sents[max(0, len(sents) - n)][0]
            return src, start, len(src.text)
        return src, 0, len(src.text)
