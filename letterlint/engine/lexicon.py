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
    … and the context params of letterlint.engine.lexicon_context: set_off_only, literal_before_noun,
    intensifier_only, greetings_only_at_start, future_only, skip_quoted, next_step, date_nearby, expansion,
    common, per_sentence, shouting, noun_chain, skip_names, skip_internal, wishes, unless_near,
    unless_topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.engine.context import Hit
from letterlint.engine.types import RuleImpl
from letterlint.text.normalize import norm
from letterlint.text.phrases import Phrase, PhraseSet, PhraseSyntaxError, compile_phrase, inside, longest_first

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker
    from letterlint.engine.lexicon_context import LexiconContext
    from letterlint.engine.yamlio import YMap
    from letterlint.text.phrases import PhraseMatch
    from letterlint.text.pipeline import AnalysedText

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
        self._shared = False                       # a clone shares the compiled lists until configured
        self._cx_cache: dict[str, Any] = {}        # compiled context params, by their content

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
        """A cheap copy: shares the compiled entries until a config adds words (then ``_own`` copies them)."""
        c = Lexicon()
        c.entries, c.phrases, c.exceptions, c._cx_cache = self.entries, self.phrases, self.exceptions, self._cx_cache
        c._shared = True
        return c

    def _own(self) -> None:
        if not self._shared:
            return
        entries = self.entries
        self.entries, self.phrases, self._cx_cache = [], PhraseSet(), {}
        for e in entries:
            self._add_entry(Entry(list(e.phrases), list(e.suggest), e.exceptions, e.note, e.upper, e.message,
                                  e.message_en, e.line))
        self.exceptions = PhraseSet(self.exceptions.phrases)
        self._shared = False

    def configure(self, rule: "Rule", settings: Any, chk: "Checker") -> None:
        """Config ``words`` add entries (same schema as ``entries``); ``allow`` adds rule-wide exceptions."""
        self._own()
        words = getattr(settings, "words", None) or []
        for i, item in enumerate(words):
            line = settings.word_lines[i] if i < len(settings.word_lines) else settings.line
            self._add_entry(parse_entry(chk, item, line, f"правило {rule.id}: words[{i + 1}]", len(self.entries)))
        if getattr(settings, "allow", None):
            self.add_allow(settings.allow, chk, settings.line)

    def add_allow(self, phrases: list[str], chk: "Checker", line: int) -> None:
        self._own()
        for p in compile_phrases(chk, phrases, line, "allow"):
            self.exceptions.add(p)

    def run(self, rule: "Rule", ctx: "RuleContext") -> Iterable[Hit]:
        from letterlint.engine import lexicon_context as lc

        src, start, end = ctx.scope()
        if not src.text.strip() or start >= end:
            return
        cx = self._context(ctx.params)
        if cx.skip_internal and _to_colleagues_only(ctx):
            return
        at = ctx.analysed(src)
        matches = longest_first(self.phrases.finditer(at, start=start, end=end)) + self._compound_heads(at, start, end)
        shouts = lc.shouting_spans(at, lc.TextIndex(at), cx.shouting, start, end) if cx.shouting else []
        chains = lc.noun_chain_spans(at, cx.noun_chain, start, end) if cx.noun_chain else []
        if not matches and not shouts and not chains:
            return
        cited = ctx.cited(src)
        if cited:
            matches = [m for m in matches if not inside((m.start, m.end), cited)]
            shouts = [sp for sp in shouts if not inside(sp, cited)]
            chains = [sp for sp in chains if not inside(sp, cited)]
        idx = lc.TextIndex(at)
        rule_exc = self.exceptions.spans(at) if self.exceptions else []
        if cx.common_phrases:
            rule_exc = rule_exc + cx.common_phrases.spans(at)
        names = lc.name_spans(at, _signature_names(ctx)) if cx.skip_names else []
        used_by_them = self._used_in_thread(ctx) if ctx.params.get("allow_if_in_thread") else set()
        first_only = bool(ctx.params.get("first_only"))
        seen: set[int] = set()
        silenced: set[int] = set(self._off_topic(ctx, at, cx)) if cx.unless_topic else set()
        hits: list[tuple[int, Hit]] = []
        for m in matches:
            i = int(m.phrase.tag)  # type: ignore[arg-type]
            entry = self.entries[i]
            span = (m.start, m.end)
            if i in silenced or (rule_exc and inside(span, rule_exc)):
                continue
            if entry.exceptions and inside(span, entry.exceptions.spans(at)):
                continue
            if i in used_by_them or norm(at.text[m.start:m.end]) in cx.common:
                continue
            name = next((x for x in names if x[0] <= m.start and m.end <= x[1]), None) if names else None
            if name is not None:
                if name[2] and i not in seen:
                    silenced.add(i)   # first met in our own name («Формула CRM»): the client knows it from there
                continue   # a word of a name: «Формула CRM», агентство «Ивент-Про»
            if cx.wishes and lc.in_wish(at, idx, cx, m.start):
                continue
            if i in cx.unless_near and lc.near_context(at, idx, cx, i, m.start):
                continue
            if i in cx.entry_conditions and not lc.condition_ok(at, idx, m, cx.entry_conditions[i]):
                continue
            if cx.skip_quoted and idx.in_quotes(m.start, m.end):
                continue
            if cx.next_step is not None and lc.next_step_follows(at, idx, cx, m.start):
                continue
            if (cx.date_patterns or cx.date_phrases) and lc.date_nearby(at, idx, cx, m.start):
                continue
            if cx.expansion_window and i not in seen and lc.expanded(at, idx, cx, i, m):
                silenced.add(i)   # spelled out at first use: fine in the whole text
                continue
            if first_only and i in seen:
                continue
            seen.add(i)
            hit = Hit.span(src, m.start, m.end, note=entry.note, entry=entry.label)
            hit.suggest = entry.suggest or None
            hit.template = entry.message_en if ctx.run.lang == "en" and entry.message_en else entry.message
            hits.append((idx.sentence_index(m.start), hit))
        for s, e in shouts:
            if rule_exc and inside((s, e), rule_exc):
                continue
            hit = Hit.span(src, s, e)
            hit.message = "shouting"
            hits.append((idx.sentence_index(s), hit))
        for s, e in chains:
            if any(h.start < e and s < h.end for _, h in hits) or rule_exc and inside((s, e), rule_exc):
                continue   # a listed phrase already covers it
            hit = Hit.span(src, s, e)
            assert cx.noun_chain is not None
            hit.template = (cx.noun_chain.message_en if ctx.run.lang == "en" and cx.noun_chain.message_en
                            else cx.noun_chain.message) or None
            hits.append((idx.sentence_index(s), hit))
        hits.sort(key=lambda x: x[1].start)
        done: set[int] = set()
        for sent, hit in hits:
            if cx.per_sentence and sent in done:
                continue
            done.add(sent)
            yield hit

    def _context(self, params: dict) -> "LexiconContext":
        from letterlint.engine.lexicon_context import LexiconContext

        import json

        key = json.dumps({k: v for k, v in params.items()}, sort_keys=True, default=str, ensure_ascii=False)
        cx = self._cx_cache.get(key)
        if cx is None:
            cx = self._cx_cache[key] = LexiconContext.build(params, self.entries)
        return cx

    def _off_topic(self, ctx: "RuleContext", at: "AnalysedText", cx: "LexiconContext") -> list[int]:
        """Entries whose unless_topic phrases occur in the letter or an earlier letter of the thread (the quoted ones
        too) or its signature: the conversation is about the client's trade, where the word is plain («инвойс» with an
        importer), or uses another word of the same spelling («футер» in a letter about hoodies)."""
        # (the draft's quoted letters are among the earlier ones: its body is not read again)
        sources = [m.text for m in ctx.earlier()]
        sources += [m.letter.signature for m in ctx.earlier() if m.letter is not None]   # «маркетолог «Дом плитки»»
        texts = [at] + [ctx.analysed(x) for x in sources if x.text.strip()]
        return [i for i, topic in cx.unless_topic.items() if any(next(topic.finditer(t), None) for t in texts)]

    def _used_in_thread(self, ctx: "RuleContext") -> set[int]:
        """Entries found in earlier letters not written by us (the client used the word first). An upper-case
        abbreviation counts inside a compound the client wrote too: «работаем в amoCRM», «CRM-система»."""
        me = ctx.me()
        found: set[int] = set()
        glued = self._glued_patterns()
        for msg in ctx.earlier():
            if msg.sender and msg.sender in me:
                continue
            if not msg.text.text.strip():
                continue
            at = ctx.analysed(msg.text)
            for m in self.phrases.finditer(at):
                found.add(int(m.phrase.tag))  # type: ignore[arg-type]
            for i, rx in glued:
                if i not in found and rx.search(msg.text.text):
                    found.add(i)
        return found

    def _compound_heads(self, at: "AnalysedText", start: int, end: int) -> list["PhraseMatch"]:
        """An upper-case abbreviation opening a hyphenated word: «SEO-метатегов», «ЭДО-оператор» (one token)."""
        from letterlint.text.phrases import PhraseMatch

        out: list["PhraseMatch"] = []
        hyphenated = [t for t in at.doc if "-" in t.text and start <= t.idx < end]
        if not hyphenated:
            return out
        for i, rx in self._glued_patterns():
            for t in hyphenated:
                m = rx.match(t.text)
                if m and t.text[m.end():m.end() + 1] == "-":
                    out.append(PhraseMatch(self.entries[i].phrases[0], t.i, t.i + 1, t.idx, t.idx + m.end()))
        return out

    def _glued_patterns(self) -> list[tuple[int, "re.Pattern[str]"]]:
        cached = getattr(self, "_glued", None)
        if cached is not None and cached[0] is self.entries:
            return cached[1]
        out = []
        for i, e in enumerate(self.entries):
            for p in e.phrases:
                if len(p.words) != 1 or p.words[0].prefix:
                    continue
                word = p.text.strip()
                if len(word) >= 2 and word.upper() == word and any(ch.isalpha() for ch in word):
                    out.append((i, re.compile(r"(?<![A-ZА-ЯЁ])" + re.escape(word) + r"(?![A-ZА-ЯЁ])")))
        self._glued = (self.entries, out)
        return out


def _signature_names(ctx: "RuleContext") -> list[str]:
    """Quoted names in the draft's signature: our company («Формула CRM») is a name wherever the text repeats it."""
    from letterlint.engine.lexicon_context import quoted_names

    sig = getattr(ctx.letter, "signature", None)
    return quoted_names(sig.text) if sig is not None and sig.text else []


def _to_colleagues_only(ctx: "RuleContext") -> bool:
    """The draft goes to colleagues only: every To address is ours, or on a domain that carries our domain's name
    (n.sokolov@tablica.pro → help@tablica-support.com). A letter with no To (a template) is for a client."""
    letter = ctx.letter
    sender = getattr(letter, "sender", None)
    to = [a for a in (getattr(letter, "to", None) or []) if getattr(a, "addr", None)]
    if not to or sender is None or not getattr(sender, "addr", None):
        return False
    me = ctx.me(own_domain=True)
    dom = sender.addr.lower().rpartition("@")[2]
    parts = dom.split(".")
    label = parts[-2] if len(parts) >= 2 else ""
    from letterlint.engine.context import PUBLIC_DOMAINS

    for a in to:
        if a in me:
            continue
        adom = a.addr.lower().rpartition("@")[2]
        if dom in PUBLIC_DOMAINS or len(label) < 4 or not re.search(r"(?<![a-z0-9])" + re.escape(label) + r"(?![a-z0-9])",
                                                                     adom.rpartition(".")[0]):
            return False
    return True
