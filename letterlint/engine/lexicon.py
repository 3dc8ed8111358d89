"""The ``lexicon`` rule type: words and phrases matched by lemma in any inflection, with suggestions and exceptions.

Schema (fixed, shared with the wording lexicons — see docs/rules.md):

    entries:
      - match: пофиксить | [alternatives]     # space-separated words; «word*» = word form prefix; ё = е
        suggest: [исправить]                  # optional → {suggest}, joined with « или »
        except: ["короче чем"]                # optional phrases; a match inside one of them is skipped
        note: free text                       # optional → {note}
        case: upper                           # optional: the token must be written in upper case
        message: "…"                          # optional: overrides the rule's message for this entry
    except: []                                # rule-wide exception phrases

Params understood by every lexicon rule (all optional):
    allow_if_in_thread: false   # skip an entry the other side already used in the thread («the client said it first»)
    first_only: false           # report only the first occurrence of each entry
    set_off_only: []            # entries (any of their match variants) that count only at the start of a sentence
                                # or right after punctuation: «Короче, макет готов» yes, «вариант короче» no
    literal_before_noun: []     # entries that stay quiet when a noun, a Latin word or a number follows directly:
                                # «типа данных», «по ходу работы»
    intensifier_only: []        # entries that count only before an adjective, adverb, comparative or finite
                                # verb: «реально крутой» yes, «реально успеть» (infinitive) no
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.engine.context import Hit
from letterlint.engine.types import RuleImpl
from letterlint.text.normalize import norm
from letterlint.text.phrases import (Phrase, PhraseMatch, PhraseSet, PhraseSyntaxError, compile_phrase, inside,
                                     longest_first)

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker
    from letterlint.engine.yamlio import YMap
    from letterlint.text.pipeline import AnalysedText

_CONDITIONS = ("set_off_only", "literal_before_noun", "intensifier_only")
_OPENERS = {"(", "«", '"', "„", "“", "—", "–", "-"}
ENTRY_KEYS = ("match", "suggest", "except", "note", "case", "message", "message_en")


@dataclass
class Entry:
    phrases: list[Phrase]
    suggest: list[str] = field(default_factory=list)
    exceptions: PhraseSet = field(default_factory=PhraseSet)
    note: str = ""
    upper: bool = False
    message: str | None = None
    message_en: str | None = None
    line: int = 0

    @property
    def label(self) -> str:
        return self.phrases[0].text if self.phrases else ""


def compile_phrases(chk: "Checker", texts: Iterable[str], line: int, where: str, *, upper: bool = False,
                    tag: object = None) -> list[Phrase]:
    out = []
    for t in texts:
        try:
            out.append(compile_phrase(t, upper=upper, tag=tag))
        except PhraseSyntaxError as exc:
            raise chk.fail(line, f"{where}: {exc}") from None
    return out


def parse_entry(chk: "Checker", item: Any, line: int, where: str, tag: int) -> Entry:
    """One lexicon entry: a mapping of the schema, or a plain string (a word with no suggestion)."""
    if isinstance(item, str):
        return Entry(compile_phrases(chk, [item], line, where, tag=tag), line=line)
    m = chk.mapping(item, where, line)
    chk.keys(m, ENTRY_KEYS, where, required=("match",))
    case = chk.string(m, "case", where, choices=("upper", "any"))
    upper = case == "upper"
    matches = chk.string_list(m, "match", where)
    if not matches:
        raise chk.fail(m.line_of("match"), f"{where}: «match» пуст")
    e = Entry(
        phrases=compile_phrases(chk, matches, m.line_of("match"), where, upper=upper, tag=tag),
        suggest=chk.string_list(m, "suggest", where),
        note=chk.string(m, "note", where) or "",
        upper=upper,
        message=chk.string(m, "message", where),
        message_en=chk.string(m, "message_en", where),
        line=m.line,
    )
    exc = chk.string_list(m, "except", where)
    e.exceptions = PhraseSet(compile_phrases(chk, exc, m.line_of("except"), f"{where}: except"))
    return e


class Lexicon(RuleImpl):
    type_name = "lexicon"

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.exceptions = PhraseSet()
        self.phrases = PhraseSet()

    @classmethod
    def load(cls, rule: "Rule", spec: "YMap", chk: "Checker") -> "Lexicon":
        self = cls()
        where = f"правило {rule.id}"
        items = chk.list_of(spec, "entries", where)
        if not items:
            raise chk.fail(spec.line_of("entries") if "entries" in spec else spec.line,
                           f"{where}: у правила типа lexicon нужен непустой список «entries»")
        for i, item in enumerate(items):
            self._add_entry(parse_entry(chk, item, items.line_of(i), f"{where}: entries[{i + 1}]", len(self.entries)))
        self.exceptions = PhraseSet(compile_phrases(chk, chk.string_list(spec, "except", where),
                                                    spec.line_of("except"), f"{where}: except"))
        return self

    def _add_entry(self, e: Entry) -> None:
        idx = len(self.entries)
        e.phrases = [Phrase(p.words, p.text, idx) for p in e.phrases]
        self.entries.append(e)
        for p in e.phrases:
            self.phrases.add(p)

    def clone(self) -> "Lexicon":
        c = Lexicon()
        for e in self.entries:
            c._add_entry(Entry(list(e.phrases), list(e.suggest), e.exceptions, e.note, e.upper, e.message,
                               e.message_en, e.line))
        c.exceptions = PhraseSet(self.exceptions.phrases)
        return c

    def configure(self, rule: "Rule", settings: Any, chk: "Checker") -> None:
        """Config ``words`` add entries (same schema as ``entries``); ``allow`` adds rule-wide exceptions."""
        words = getattr(settings, "words", None) or []
        for i, item in enumerate(words):
            line = settings.word_lines[i] if i < len(settings.word_lines) else settings.line
            self._add_entry(parse_entry(chk, item, line, f"правило {rule.id}: words[{i + 1}]", len(self.entries)))
        if getattr(settings, "allow", None):
            self.add_allow(settings.allow, chk, settings.line)

    def add_allow(self, phrases: list[str], chk: "Checker", line: int) -> None:
        for p in compile_phrases(chk, phrases, line, "allow"):
            self.exceptions.add(p)

    def run(self, rule: "Rule", ctx: "RuleContext") -> Iterable[Hit]:
        src, start, end = ctx.scope()
        if not src.text.strip() or start >= end:
            return
        at = ctx.analysed(src)
        matches = longest_first(self.phrases.finditer(at, start=start, end=end))
        if not matches:
            return
        rule_exc = self.exceptions.spans(at) if self.exceptions else []
        used_by_them = self._used_in_thread(ctx) if ctx.params.get("allow_if_in_thread") else set()
        first_only = bool(ctx.params.get("first_only"))
        conditions = self._conditions(ctx.params)
        seen: set[int] = set()
        for m in matches:
            idx = int(m.phrase.tag)  # type: ignore[arg-type]
            entry = self.entries[idx]
            span = (m.start, m.end)
            if rule_exc and inside(span, rule_exc):
                continue
            if entry.exceptions and inside(span, entry.exceptions.spans(at)):
                continue
            if idx in used_by_them:
                continue
            if conditions and not self._context_ok(at, m, conditions.get(idx, ())):
                continue
            if first_only and idx in seen:
                continue
            seen.add(idx)
            msg = entry.message_en if ctx.run.lang == "en" and entry.message_en else entry.message
            hit = Hit.span(src, m.start, m.end, note=entry.note, entry=entry.label)
            hit.suggest = entry.suggest or None
            hit.template = msg
            yield hit

    def _conditions(self, params: dict) -> dict[int, tuple[str, ...]]:
        """entry index → the context conditions (set_off_only, literal_before_noun, intensifier_only) it has."""
        out: dict[int, tuple[str, ...]] = {}
        for cond in _CONDITIONS:
            labels = {" ".join(norm(str(x)).split()) for x in params.get(cond) or []}
            if not labels:
                continue
            for i, e in enumerate(self.entries):
                if any(" ".join(norm(p.text).split()) in labels for p in e.phrases):
                    out[i] = out.get(i, ()) + (cond,)
        return out

    @staticmethod
    def _context_ok(at: "AnalysedText", m: "PhraseMatch", conds: tuple[str, ...]) -> bool:
        doc = at.doc
        prev = next((doc[j] for j in range(m.start_token - 1, -1, -1) if not doc[j].is_space), None)
        nxt_i = m.end_token
        while nxt_i < len(doc) and doc[nxt_i].is_space:
            nxt_i += 1
        nxt = doc[nxt_i] if nxt_i < len(doc) else None
        for cond in conds:
            if cond == "set_off_only":
                if prev is not None and not (prev.is_punct or prev.text in _OPENERS) and not prev.is_sent_end \
                        and not doc[m.start_token].is_sent_start:
                    return False
            elif cond == "literal_before_noun":
                if nxt is not None and not nxt.is_punct and (
                        "NOUN" in nxt._.oc_any or nxt.like_num or re.fullmatch(r"[A-Za-z][\w.-]*", nxt.text)):
                    return False
            elif cond == "intensifier_only":
                if nxt is None or nxt.is_punct or not ({"ADJF", "ADJS", "ADVB", "COMP", "VERB", "PRTS"} & set(nxt._.oc)):
                    return False
        return True

    def _used_in_thread(self, ctx: "RuleContext") -> set[int]:
        """Entries found in earlier letters not written by us (the client used the word first)."""
        me = ctx.me()
        found: set[int] = set()
        for msg in ctx.earlier():
            if msg.sender and msg.sender in me:
                continue
            if not msg.text.text.strip():
                continue
            at = ctx.analysed(msg.text)
            for m in self.phrases.finditer(at):
                found.add(int(m.phrase.tag))  # type: ignore[arg-type]
        return found
