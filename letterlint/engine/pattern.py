"""The ``pattern`` rule type: spaCy Matcher token patterns over LEMMA/LOWER/POS/MORPH (and OpenCorpora tags).

    patterns:
      - [{LEMMA: наш}, {LEMMA: {IN: [дизайнер, менеджер]}}, {LEMMA: заболеть}]
      - pattern: [{LOWER: как}, {LOWER: бы}]
        suggest: [убрать]
        message: "…"          # optional, overrides the rule's message for this pattern
    except: ["phrases"]       # as in lexicon: a match inside one is skipped

Keys are rewritten so they mean what a Russian rule author expects:
- ``LEMMA`` matches ANY pymorphy3 normal form of the token (as lexicon does), ё = е;
- ``LOWER`` matches the lower-cased form with ё = е;
- ``POS``/``MORPH`` are UD values mapped from pymorphy3 (from slovnet when the rule needs ``syntax``);
- ``OC``: OpenCorpora grammemes the best parse has (``OC: impr`` or ``OC: [VERB, 1per]``); ``OC_ANY``: any parse.
Everything else (OP, IS_PUNCT, LIKE_NUM, TEXT, REGEX, IN…) is spaCy's own syntax. A match touching a Jinja
placeholder is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from letterlint.engine.context import Hit
from letterlint.engine.lexicon import compile_phrases
from letterlint.engine.types import RuleImpl
from letterlint.text import extras
from letterlint.text.normalize import norm
from letterlint.text.phrases import PhraseSet, inside

if TYPE_CHECKING:  # pragma: no cover
    from letterlint.engine.context import RuleContext
    from letterlint.engine.rule import Rule
    from letterlint.engine.schema import Checker
    from letterlint.engine.yamlio import YMap

ITEM_KEYS = ("pattern", "suggest", "message", "message_en", "note", "name")


@dataclass
class PatternItem:
    tokens: list[dict[str, Any]]
    line: int
    suggest: list[str] = field(default_factory=list)
    message: str | None = None
    message_en: str | None = None
    note: str = ""
    name: str = ""


def _norm_values(v: Any) -> Any:
    if isinstance(v, str):
        return norm(v)
    if isinstance(v, list):
        return [norm(x) if isinstance(x, str) else x for x in v]
    if isinstance(v, dict):
        return {k: _norm_values(x) if k in ("IN", "NOT_IN", "==", "!=") else x for k, x in v.items()}
    return v


def _as_list(v: Any) -> list[str]:
    return [str(x) for x in v] if isinstance(v, list) else [str(v)]


def translate_token(spec: dict[str, Any]) -> dict[str, Any]:
    """Rewrite one token spec of a rule into spaCy Matcher syntax (see the module docstring)."""
    out: dict[str, Any] = {}
    ext: dict[str, Any] = dict(spec.get("_", {}) or {})
    for key, value in spec.items():
        k = str(key)
        if k == "_":
            continue
        ku = k.upper()
        if ku == "LEMMA":
            if isinstance(value, str):
                ext["lemmas"] = {"INTERSECTS": [norm(value)]}
            elif isinstance(value, dict) and set(value) == {"IN"}:
                ext["lemmas"] = {"INTERSECTS": [norm(str(x)) for x in value["IN"]]}
            else:
                out["LEMMA"] = _norm_values(value)
        elif ku == "LOWER":
            out["NORM"] = _norm_values(value)
        elif ku == "OC":
            ext["oc"] = {"IS_SUPERSET": _as_list(value)}
        elif ku == "OC_ANY":
            ext["oc_any"] = {"IS_SUPERSET": _as_list(value)}
        else:
            out[ku if ku != "OP" else "OP"] = value
    if ext:
        out["_"] = ext
    return out


class PatternRule(RuleImpl):
    type_name = "pattern"

    def __init__(self) -> None:
        self.items: list[PatternItem] = []
        self.exceptions = PhraseSet()
        self._matcher: Any = None
        self._path = ""

    @classmethod
    def load(cls, rule: "Rule", spec: "YMap", chk: "Checker") -> "PatternRule":
        self = cls()
        self._path = rule.path
        where = f"правило {rule.id}"
        items = chk.list_of(spec, "patterns", where)
        if not items:
            raise chk.fail(spec.line, f"{where}: у правила типа pattern нужен непустой список «patterns»")
        for i, item in enumerate(items):
            w = f"{where}: patterns[{i + 1}]"
            line = items.line_of(i)
            if isinstance(item, dict):
                chk.keys(item, ITEM_KEYS, w, required=("pattern",))  # type: ignore[arg-type]
                toks = item["pattern"]
                pi = PatternItem([], line, chk.string_list(item, "suggest", w), chk.string(item, "message", w),  # type: ignore[arg-type]
                                 chk.string(item, "message_en", w), chk.string(item, "note", w) or "",  # type: ignore[arg-type]
                                 chk.string(item, "name", w) or "")  # type: ignore[arg-type]
            else:
                toks = item
                pi = PatternItem([], line)
            if not isinstance(toks, list) or not toks:
                raise chk.fail(line, f"{w}: шаблон — это непустой список токенов вида {{LEMMA: слово}}")
            for j, t in enumerate(toks):
                if not isinstance(t, dict):
                    raise chk.fail(line, f"{w}, токен {j + 1}: ожидался словарь вида {{LEMMA: слово}}")
                pi.tokens.append(translate_token(t))
            self.items.append(pi)
        self.exceptions = PhraseSet(compile_phrases(chk, chk.string_list(spec, "except", where),
                                                    spec.line_of("except"), f"{where}: except"))
        return self

    def needs(self, rule: "Rule") -> set[str]:
        return {"tokens", "morph"}

    def prepare(self, rule: "Rule") -> None:
        """Build the spaCy Matcher; an invalid pattern is a RuleError with the pattern's line."""
        if self._matcher is not None:
            return
        from spacy.matcher import Matcher

        from letterlint.engine.errors import RuleError
        from letterlint.text.pipeline import nlp

        matcher = Matcher(nlp().vocab, validate=True)
        for i, item in enumerate(self.items):
            try:
                matcher.add(f"{rule.id}#{i}", [item.tokens])
            except Exception as exc:  # spaCy raises several error types for bad patterns
                detail = " ".join(str(exc).split())
                raise RuleError(rule.path, item.line, f"правило {rule.id}: patterns[{i + 1}]: неверный шаблон: {detail}") from None
        self._matcher = matcher

    def add_allow(self, phrases: list[str], chk: "Checker", line: int) -> None:
        for p in compile_phrases(chk, phrases, line, "allow"):
            self.exceptions.add(p)

    def clone(self) -> "PatternRule":
        c = PatternRule()
        c.items = self.items
        c._matcher = self._matcher
        c._path = self._path
        c.exceptions = PhraseSet(self.exceptions.phrases)
        return c

    def run(self, rule: "Rule", ctx: "RuleContext") -> Iterable[Hit]:
        from spacy.util import filter_spans

        from letterlint.text.pipeline import nlp

        self.prepare(rule)
        src, start, end = ctx.scope()
        if not src.text.strip() or start >= end:
            return
        at = ctx.analysed(src)
        doc = at.doc
        strings = nlp().vocab.strings
        spans = []
        for match_id, s, e in self._matcher(doc):
            span = doc[s:e]
            if any(extras.placeholder(t) for t in span):
                continue
            if span.start_char < start or span.end_char > end:
                continue
            span.label_ = strings[match_id]
            spans.append(span)
        exc = self.exceptions.spans(at) if self.exceptions else []
        for span in sorted(filter_spans(spans), key=lambda s: s.start_char):
            if exc and inside((span.start_char, span.end_char), exc):
                continue
            item = self.items[int(span.label_.rsplit("#", 1)[1])]
            hit = Hit.span(src, span.start_char, span.end_char, note=item.note, pattern=item.name)
            hit.suggest = item.suggest or None
            hit.template = item.message_en if ctx.run.lang == "en" and item.message_en else item.message
            yield hit
