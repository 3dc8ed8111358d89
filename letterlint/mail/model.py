"""The letter as letterlint sees it: headers, attachments, and a body split into parts.

Every piece of text a rule can look at is a :class:`SourceText`: the text itself plus, for each of its lines,
where that line starts in the source file. Quote markers («> ») and HTML markup are gone from the text, but a
finding still points at the right line and column of the file the user opened.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Address:
    """One mailbox: display name (may be empty) and address (lower-cased, may be empty for «Иван пишет:»)."""

    name: str
    addr: str

    def __str__(self) -> str:
        if self.name and self.addr:
            return f"{self.name} <{self.addr}>"
        return self.addr or self.name


@dataclass(frozen=True)
class Attachment:
    name: str
    size: int
    content_type: str
    pos: tuple[int, int] | None = None   # (line, column) of its MIME part's name in the source file, when known


@dataclass
class SourceText:
    """Text with a line-by-line map back to its source file.

    ``origins[i]`` is the 1-based (line, column) in ``path`` where line ``i`` of ``text`` starts. Columns are
    Unicode code points. Positions inside a line advance one column per character, which is exact for plain
    text and for quoted lines whose «>» prefix was removed; for HTML the "source" is the text rendering that
    ``letterlint parse`` prints (documented in README).
    """

    text: str
    path: str
    origins: list[tuple[int, int]]
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts
        if len(self.origins) < len(starts):  # defensive: never fail a lookup
            last = self.origins[-1] if self.origins else (1, 1)
            self.origins = list(self.origins) + [
                (last[0] + k + 1, 1) for k in range(len(starts) - len(self.origins))
            ]

    @classmethod
    def from_lines(cls, path: str, lines: list[tuple[str, int, int]]) -> "SourceText":
        """Build from (line text, source line, source column) triples."""
        return cls("\n".join(t for t, _, _ in lines), path, [(ln, col) for _, ln, col in lines])

    @classmethod
    def empty(cls, path: str = "") -> "SourceText":
        return cls("", path, [(1, 1)])

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column) in the source file of the character at ``offset`` of ``text``."""
        offset = max(0, min(offset, len(self.text)))
        i = bisect.bisect_right(self._line_starts, offset) - 1
        line, col = self.origins[i]
        return line, col + (offset - self._line_starts[i])

    def line_lines(self) -> list[tuple[str, int, int]]:
        """The text as (line text, source line, source column) triples."""
        return [(t, ln, col) for t, (ln, col) in zip(self.text.split("\n"), self.origins)]

    def slice_lines(self, first: int, last: int) -> "SourceText":
        """Lines ``first``..``last``-1 of this text, keeping their origins."""
        return SourceText.from_lines(self.path, self.line_lines()[first:last]) if last > first else SourceText.empty(self.path)

    def __bool__(self) -> bool:
        return bool(self.text.strip())

    def __str__(self) -> str:
        return self.text


@dataclass
class QuotedLetter:
    """An earlier letter found inside a body: quoted under a reply header, or forwarded."""

    sender: Address | None
    date: datetime | None
    date_text: str
    subject: str
    to: list[Address]
    cc: list[Address]
    text: SourceText          # the quoted letter's own words (its deeper quotes removed)
    header: str               # the header line(s) as written («чт, 26 янв. 2023 г. в 14:58, Иван <i@x.ru>:»)
    level: int                # 1 = quoted by the draft, 2 = quoted inside that, …
    forwarded: bool = False


@dataclass
class Letter:
    """A letter read from a file: an .eml, one message of an .mbox, or a template."""

    path: str
    kind: str                                  # eml | mbox | template
    subject: str = ""
    sender: Address | None = None
    to: list[Address] = field(default_factory=list)
    cc: list[Address] = field(default_factory=list)
    reply_to: list[Address] = field(default_factory=list)
    date: datetime | None = None
    message_id: str = ""
    in_reply_to: str = ""
    references: list[str] = field(default_factory=list)
    headers_present: frozenset[str] = frozenset()   # lower-case names of headers the source had
    attachments: list[Attachment] = field(default_factory=list)
    body_format: str = "plain"                 # plain | html
    body: SourceText = field(default_factory=SourceText.empty)     # the whole body as text
    new_text: SourceText = field(default_factory=SourceText.empty)  # the author's own words now
    signature: SourceText = field(default_factory=SourceText.empty)
    quoted: list[QuotedLetter] = field(default_factory=list)       # reply history, outermost first
    forwarded: list[QuotedLetter] = field(default_factory=list)    # forwarded originals
    # «>» blocks with no quote header that the author's words continue after (a citation, or bottom posting with
    # the attribution deleted). They stay inside ``new_text`` with their «>» marks — the author sends them — and
    # are listed here, unquoted and with their own positions, so a rule can skip them.
    inline_quotes: list[SourceText] = field(default_factory=list)
    subject_pos: tuple[int, int] | None = None  # (line, column) of the subject value in the source file
    # (line, column) of other header values in the source file: "from", "to", "cc", "date" (when present)
    header_pos: dict[str, tuple[int, int]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_reply(self) -> bool:
        return bool(self.in_reply_to or self.references or self.quoted)


@dataclass
class Message:
    """One letter of a thread, whatever it came from (a --thread file or the draft's quoted history)."""

    sender: Address | None
    to: list[Address]
    cc: list[Address]
    date: datetime | None
    subject: str
    text: SourceText
    origin: str                                 # "file" | "quoted" | "forwarded" | "draft"
    letter: Letter | None = None                # set when the message is a whole letter read from a file


@dataclass
class Thread:
    """The draft and the earlier letters it answers, oldest first (the draft is last)."""

    messages: list[Message]
    me: frozenset[str]                         # our own addresses, lower-case

    @property
    def draft(self) -> Message:
        return self.messages[-1]

    @property
    def earlier(self) -> list[Message]:
        return self.messages[:-1]

    def latest_not_from(self, ours: Callable[[Address], bool]) -> Message | None:
        """The latest earlier letter whose sender ``ours`` does not claim: the letter being answered."""
        for m in reversed(self.earlier):
            if not (m.sender and ours(m.sender)):
                return m
        return None

    @property
    def answered(self) -> Message | None:
        """The letter being answered, "us" being the exact addresses in ``me`` (the engine also knows domains)."""
        return self.latest_not_from(lambda a: bool(a.addr) and a.addr in self.me)
