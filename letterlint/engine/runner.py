"""The engine: loaded rules + a config → findings for a letter and its thread.

    from letterlint.engine import Engine
    engine = Engine.from_config(config)          # bundled rules + the config's rule_paths, config applied
    engine.prepare()                             # compile patterns now (broken ones are RuleErrors)
    result = engine.run(letter, thread)          # LetterResult(findings, errors)
    findings = engine.check(letter)              # thread rebuilt from the draft's quoted history

Only the analyses the enabled rules declare in ``needs`` are built, once per letter and shared by all rules; a
run with header rules only never imports spaCy.
"""

from __future__ import annotations

import copy
import os
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from letterlint.engine.config import Config, default_config
from letterlint.engine.context import Hit, LetterRun, RuleContext
from letterlint.engine.errors import ConfigError, UsageError
from letterlint.engine.finding import SEVERITY_RANK, Finding
from letterlint.engine.rule import Rule, bundled_rules, load_rules_dir
from letterlint.engine.schema import Checker, check_param_value
from letterlint.mail.model import Letter, SourceText, Thread
from letterlint.text.pipeline import text_needs

EXCERPT_MAX = 120


@lru_cache(maxsize=1)
def _bundled() -> tuple[Rule, ...]:
    return tuple(bundled_rules())


def load_all_rules(config: Config | None = None, extra_paths: Iterable[str] = ()) -> list[Rule]:
    """Bundled rules, then the config's ``rule_paths`` and ``extra_paths``; a later rule replaces one with its id."""
    rules: dict[str, Rule] = {r.id: r for r in _bundled()}
    folders = [(p, src, line) for p, src, line in (config.rule_paths if config else [])]
    folders += [(p, "", 0) for p in extra_paths]
    for folder, src, line in folders:
        from pathlib import Path

        if not Path(folder).exists():
            if src:
                raise ConfigError(src, line, f"rule_paths: папка «{folder}» не найдена")
            raise UsageError(f"папка с правилами не найдена: {folder}")
        for r in load_rules_dir(folder):
            rules[r.id] = r
    return list(rules.values())


@dataclass
class LetterResult:
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)   # a rule that crashed: the message, never a traceback


class Engine:
    def __init__(self, rules: Iterable[Rule], config: Config | None = None, *, select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None, lang: str | None = None) -> None:
        self.config = config if config is not None else default_config()
        self.lang = lang or self.config.lang
        self.all_rules: dict[str, Rule] = {}
        for r in rules:
            self.all_rules[r.id] = r.copy()
        self._apply_config()
        select = [s for s in (select or []) if s]
        ignore = [s for s in (ignore or []) if s]
        for rid in [*select, *ignore]:
            if rid not in self.all_rules:
                raise UsageError(f"неизвестное правило «{rid}»" + _did_you_mean(rid, self.all_rules))
        if select:
            chosen = [self.all_rules[r] for r in dict.fromkeys(select)]
        else:
            chosen = [r for r in self.all_rules.values() if r.enabled]
        self.rules: list[Rule] = [r for r in chosen if r.id not in set(ignore)]
        self.text_needs: set[str] = set()
        for r in self.rules:
            self.text_needs |= text_needs(r.needs)
        self._prepared = False

    @classmethod
    def from_config(cls, config: Config | None = None, *, select: Iterable[str] | None = None,
                    ignore: Iterable[str] | None = None, lang: str | None = None,
                    extra_rule_paths: Iterable[str] = ()) -> "Engine":
        cfg = config if config is not None else default_config()
        return cls(load_all_rules(cfg, extra_rule_paths), cfg, select=select, ignore=ignore, lang=lang)

    # --- configuration ------------------------------------------------------------------------------------
    def _apply_config(self) -> None:
        cfg = self.config
        for rid, s in cfg.rules.items():
            chk = Checker(s.path or "<config>", ConfigError)
            rule = self.all_rules.get(rid)
            if rule is None:
                raise chk.fail(s.line, f"rules: неизвестное правило «{rid}»" + _did_you_mean(rid, self.all_rules))
            if s.enabled is not None:
                rule.enabled = s.enabled
            if s.severity:
                rule.severity = s.severity
            for k, v in s.params.items():
                if k.endswith("+"):   # «documents+: [чертёж]» extends the rule's list instead of replacing it
                    base = k[:-1]
                    if not isinstance(rule.default_params.get(base), list):
                        raise chk.fail(s.param_lines.get(k, s.line),
                                       f"rules.{rid}.params: «{k}» дополняет список, а «{base}» у правила не список")
                    if not isinstance(v, list):
                        raise chk.fail(s.param_lines.get(k, s.line), f"rules.{rid}.params: «{k}» должен быть списком")
                    rule.params[base] = list(rule.params.get(base) or []) + [x for x in v if x not in rule.params[base]]
                    continue
                if k not in rule.default_params and k not in _UNIVERSAL_PARAMS.get(rule.type, ()):
                    known = ", ".join(sorted(rule.default_params)) or "нет ни одного"
                    raise chk.fail(s.param_lines.get(k, s.line),
                                   f"rules.{rid}.params: у правила нет параметра «{k}»; есть: {known}")
                rule.params[k] = check_param_value(chk, rid, k, rule.default_params.get(k), copy.deepcopy(v),
                                                   s.param_lines.get(k, s.line))
            if s.words or s.allow:
                rule.impl.configure(rule, s, chk)
        if cfg.min_severity:
            floor = SEVERITY_RANK[cfg.min_severity]
            for rule in self.all_rules.values():
                if SEVERITY_RANK[rule.severity] < floor:
                    rule.severity = cfg.min_severity

    def _severity(self, rule_severity: str, cap: str | None) -> str:
        """The rule's severity, lowered to a hit's cap — never below the config's min_severity."""
        if cap not in SEVERITY_RANK or SEVERITY_RANK[cap] >= SEVERITY_RANK[rule_severity]:
            return rule_severity
        floor = self.config.min_severity
        if floor and SEVERITY_RANK[cap] < SEVERITY_RANK[floor]:
            return floor if SEVERITY_RANK[floor] <= SEVERITY_RANK[rule_severity] else rule_severity
        return cap

    def prepare(self) -> None:
        """Compile the enabled rules (spaCy matchers); raises RuleError for a broken pattern."""
        if not self._prepared:
            for r in self.rules:
                r.impl.prepare(r)
            self._prepared = True

    # --- running ------------------------------------------------------------------------------------------
    def run(self, letter: Letter, thread: Thread | None = None) -> LetterResult:
        """All findings of the enabled rules on ``letter`` (and its thread), sorted by place."""
        self.prepare()
        if thread is None:
            from letterlint.mail import build_thread

            thread = build_thread(letter, [], set(a for a in self.config.me if "@" in a and not a.startswith("@")))
        run = LetterRun(letter, thread, self.config.me, self.text_needs, self.lang)
        result = LetterResult()
        seen: set[tuple] = set()
        for rule in self.rules:
            ctx = RuleContext(run, rule)
            try:
                for hit in rule.impl.run(rule, ctx) or ():
                    f = self.finding(rule, hit, letter)
                    key = (f.rule, f.path, f.line, f.column, f.end_line, f.end_column, f.message)
                    if key not in seen:
                        seen.add(key)
                        result.findings.append(f)
            except Exception as exc:  # a bug in one rule must not hide the others' findings
                if os.environ.get("LETTERLINT_DEBUG"):
                    traceback.print_exc()
                result.errors.append(f"правило {rule.id}: внутренняя ошибка: {type(exc).__name__}: {exc}")
        result.findings.sort(key=Finding.sort_key)
        return result

    def trace(self, rule_id: str, letter: Letter, thread: Thread) -> tuple[list[str], list[Finding]]:
        """How one rule reasons about ``letter`` (lines from its check, if it explains itself) and its findings."""
        rule = self.all_rules[rule_id]
        run = LetterRun(letter, thread, self.config.me, self.text_needs | set(rule.needs), self.lang)
        ctx = RuleContext(run, rule)
        tracer = getattr(rule.impl, "trace", None)
        lines = tracer(rule, ctx) if tracer else []
        findings = [self.finding(rule, hit, letter) for hit in rule.impl.run(rule, ctx) or ()]
        return lines, sorted(findings, key=Finding.sort_key)

    def check(self, letter: Letter, thread: Thread | None = None) -> list[Finding]:
        """Findings only (rule crashes are dropped; use ``run`` to see them)."""
        return self.run(letter, thread).findings

    # --- hits → findings ----------------------------------------------------------------------------------
    def finding(self, rule: Rule, hit: Hit, letter: Letter) -> Finding:
        if hit.source is not None:
            f = _span_position(hit.source, hit.start, hit.end)
            path, line, col, eline, ecol, excerpt, ltext, lcol = f
            path = path or letter.path
        else:
            path = hit.path or letter.path
            line, col = hit.line, hit.column
            eline = hit.end_line if hit.end_line is not None else line
            ecol = hit.end_column if hit.end_column is not None else col + len(hit.excerpt or "")
            excerpt, ltext, lcol = hit.excerpt or "", hit.line_text, hit.line_col
        suggest = " или ".join(hit.suggest) if hit.suggest else ""
        vars_ = {**rule.params, **hit.vars, "match": excerpt, "suggest": suggest}
        template = hit.template or rule.text_message(self.lang, hit.message)
        message = format_message(template, vars_)
        suggestion: str | None
        if hit.suggestion is not None:
            suggestion = format_message(hit.suggestion, vars_)
        else:
            st = rule.text_suggestion(self.lang)
            suggestion = None if (not st or ("{suggest}" in st and not suggest)) else format_message(st, vars_)
        return Finding(rule=rule.id, severity=self._severity(rule.severity, hit.severity_cap), message=message,
                       path=path, line=line, column=col,
                       end_line=eline, end_column=ecol, excerpt=excerpt, suggestion=suggestion,
                       line_text=ltext, line_col=lcol, replacements=tuple(hit.suggest or ()))


_UNIVERSAL_PARAMS = {
    "lexicon": ("allow_if_in_thread", "first_only", "closing_sentences", "set_off_only", "literal_before_noun",
                "intensifier_only", "greetings_only_at_start", "future_only", "skip_quoted", "next_step",
                "date_nearby", "expansion", "common", "per_sentence", "shouting"),
    "pattern": ("closing_sentences",),
    "metric": ("closing_sentences",),
    "check": ("closing_sentences",),
}


class _Vars(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, vars_: dict) -> str:
    """``template.format`` that leaves unknown ``{names}`` as they are instead of failing."""
    try:
        return template.format_map(_Vars(vars_))
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return template


def _span_position(src: SourceText, start: int, end: int) -> tuple:
    """(path, line, col, end_line, end_col, excerpt, line_text, line_col) for a span of a SourceText."""
    text = src.text
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    line, col = src.locate(start)
    if end > start:
        el, ec = src.locate(end - 1)
        ec += 1
    else:
        el, ec = line, col
    raw = text[start:end]
    first = raw.split("\n", 1)[0]
    excerpt = first if len(first) <= EXCERPT_MAX else first[: EXCERPT_MAX - 1] + "…"
    if "\n" in raw and len(excerpt) < len(raw):
        excerpt = excerpt.rstrip() + " …"
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    line_text = text[ls: le if le >= 0 else len(text)]
    _, lcol = src.locate(ls)
    return src.path, line, col, el, ec, excerpt, line_text, lcol


def _did_you_mean(rid: str, known: Iterable[str]) -> str:
    import difflib

    hint = difflib.get_close_matches(rid, list(known), n=1)
    return f". Может быть, «{hint[0]}»?" if hint else ". Список правил: letterlint rules"
