"""A rule as read from its YAML file, validated with line numbers (docs/rules.md describes the format)."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from letterlint.engine.errors import RuleError
from letterlint.engine.finding import SEVERITIES
from letterlint.engine.schema import Checker
from letterlint.engine.yamlio import YList, YMap, load_yaml_file, load_yaml_text
from letterlint.text.pipeline import KNOWN_NEEDS

RULE_TYPES = ("lexicon", "pattern", "metric", "check")
SCOPES = ("new_text", "subject", "closing", "whole")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

COMMON_KEYS = ("id", "title", "title_en", "source", "severity", "type", "scope", "needs", "message", "message_en",
               "messages", "messages_en", "suggestion", "suggestion_en", "explain", "explain_en", "params",
               "examples", "enabled", "url", "tags")
TYPE_KEYS = {
    "lexicon": ("entries", "except"),
    "pattern": ("patterns", "except"),
    "metric": ("metric",),
    "check": ("check",),
}


@dataclass
class Examples:
    bad: list[Any] = field(default_factory=list)
    good: list[Any] = field(default_factory=list)
    bad_lines: list[int] = field(default_factory=list)
    good_lines: list[int] = field(default_factory=list)


@dataclass
class Rule:
    """One rule. ``severity``/``params``/``enabled`` are the effective values after configuration."""

    id: str
    title: str
    type: str
    severity: str
    message: str
    path: str
    title_en: str = ""
    source: str = ""
    scope: str = "new_text"
    needs: frozenset[str] = frozenset()
    message_en: str = ""
    messages: dict[str, str] = field(default_factory=dict)
    messages_en: dict[str, str] = field(default_factory=dict)
    suggestion: str | None = None
    suggestion_en: str | None = None
    explain: str = ""
    explain_en: str = ""
    params: dict[str, Any] = field(default_factory=dict)
    examples: Examples = field(default_factory=Examples)
    enabled: bool = True
    url: str = ""
    tags: list[str] = field(default_factory=list)
    default_severity: str = ""
    default_params: dict[str, Any] = field(default_factory=dict)
    spec: YMap = field(default_factory=YMap, repr=False)   # the whole YAML mapping, for the rule type
    impl: Any = field(default=None, repr=False)            # the compiled rule type (lexicon, pattern, …)
    bundled: bool = False

    def copy(self) -> "Rule":
        """A copy that configuration can change without touching the loaded original."""
        r = replace(self, params=copy.deepcopy(self.params), examples=self.examples)
        r.impl = self.impl.clone() if self.impl is not None and hasattr(self.impl, "clone") else self.impl
        return r

    def text_message(self, lang: str, key: str | None = None) -> str:
        """The message template in ``lang`` (Russian when no English text is given)."""
        if key:
            if lang == "en" and key in self.messages_en:
                return self.messages_en[key]
            if key in self.messages:
                return self.messages[key]
        if lang == "en" and self.message_en:
            return self.message_en
        return self.message

    def text_suggestion(self, lang: str) -> str | None:
        if lang == "en" and self.suggestion_en:
            return self.suggestion_en
        return self.suggestion


def parse_rule(data: Any, path: str, stem: str | None = None) -> Rule:
    """Validate a rule file's mapping and build the Rule (its type compiled lazily: no spaCy here)."""
    from letterlint.engine.types import rule_type

    chk = Checker(path)
    m = chk.mapping(data, "файл правила")
    rtype = chk.string(m, "type", "правило", choices=RULE_TYPES)
    if rtype is None:
        raise chk.fail(m.line, f"правило: нет обязательного ключа «type» ({' | '.join(RULE_TYPES)})")
    chk.keys(m, COMMON_KEYS + TYPE_KEYS[rtype], f"правило типа {rtype}",
             required=("id", "title", "severity", "message"))
    rid = chk.string(m, "id", "правило") or ""
    if not ID_RE.match(rid):
        raise chk.fail(m.line_of("id"), f"id «{rid}»: нужны строчные латинские буквы, цифры и дефисы (kebab-case)")
    if stem is not None and rid != stem:
        raise chk.fail(m.line_of("id"), f"id «{rid}» должен совпадать с именем файла «{stem}.yaml»")
    where = f"правило {rid}"
    needs = chk.string_list(m, "needs", where)
    for i, n in enumerate(needs):
        if n not in KNOWN_NEEDS:
            raise chk.fail(m.line_of("needs"), f"{where}: needs: неизвестный анализ «{n}»; допустимы: {', '.join(KNOWN_NEEDS)}")
    params = m.get("params") or YMap()
    if not isinstance(params, dict):
        raise chk.fail(m.line_of("params"), f"{where}: «params» должен быть словарём")
    messages = _str_map(chk, m, "messages", where)
    messages_en = _str_map(chk, m, "messages_en", where)
    rule = Rule(
        id=rid,
        title=chk.string(m, "title", where) or "",
        title_en=chk.string(m, "title_en", where) or "",
        source=chk.string(m, "source", where) or "",
        type=rtype,
        severity=chk.string(m, "severity", where, choices=SEVERITIES) or "warning",
        scope=chk.string(m, "scope", where, default="new_text", choices=SCOPES) or "new_text",
        needs=frozenset(needs),
        message=chk.string(m, "message", where) or "",
        message_en=chk.string(m, "message_en", where) or "",
        messages=messages,
        messages_en=messages_en,
        suggestion=chk.string(m, "suggestion", where),
        suggestion_en=chk.string(m, "suggestion_en", where),
        explain=(chk.string(m, "explain", where) or "").strip(),
        explain_en=(chk.string(m, "explain_en", where) or "").strip(),
        params=dict(params),
        enabled=chk.boolean(m, "enabled", where, True),
        url=chk.string(m, "url", where) or "",
        tags=chk.string_list(m, "tags", where),
        path=path,
        spec=m,
    )
    rule.default_severity = rule.severity
    rule.default_params = copy.deepcopy(rule.params)
    rule.examples = _examples(chk, m, where)
    rule.impl = rule_type(rtype).load(rule, m, chk)
    rule.needs = frozenset(rule.needs | rule.impl.needs(rule))
    return rule


def _str_map(chk: Checker, m: YMap, key: str, where: str) -> dict[str, str]:
    v = m.get(key)
    if v is None:
        return {}
    mm = chk.mapping(v, f"{where}: {key}", m.line_of(key))
    out = {}
    for k in mm:
        out[str(k)] = chk.string(mm, k, f"{where}: {key}") or ""
    return out


def _examples(chk: Checker, m: YMap, where: str) -> Examples:
    if "examples" not in m:
        raise chk.fail(m.line, f"{where}: нет «examples» — у каждого правила должны быть примеры bad (и good)")
    ex = chk.mapping(m["examples"], f"{where}: examples", m.line_of("examples"))
    chk.keys(ex, ("bad", "good"), f"{where}: examples", required=("bad",))
    out = Examples()
    for kind in ("bad", "good"):
        items = chk.list_of(ex, kind, f"{where}: examples")
        for i, item in enumerate(items):
            line = items.line_of(i) if isinstance(items, YList) else ex.line_of(kind)
            if isinstance(item, dict):
                from letterlint.engine.examples import validate_example

                validate_example(chk, item, f"{where}: examples.{kind}[{i + 1}]")
            elif not isinstance(item, str):
                raise chk.fail(line, f"{where}: examples.{kind}[{i + 1}]: ожидалась строка текста или словарь с письмом")
            getattr(out, kind).append(item)
            getattr(out, f"{kind}_lines").append(line)
    if not out.bad:
        raise chk.fail(ex.line, f"{where}: в examples.bad нужен хотя бы один пример, на котором правило срабатывает")
    return out


def load_rule_file(path: str | Path) -> Rule:
    p = Path(path)
    return parse_rule(load_yaml_file(p, RuleError), str(p), p.stem)


def rule_files(folder: str | Path) -> list[Path]:
    """The rule files of a folder: *.yaml / *.yml, sorted, hidden and «_» files skipped."""
    p = Path(folder)
    if p.is_file():
        return [p]
    return sorted(f for f in p.rglob("*") if f.suffix in (".yaml", ".yml") and not f.name.startswith((".", "_")))


def load_rules_dir(folder: str | Path) -> list[Rule]:
    p = Path(folder)
    if not p.exists():
        raise RuleError(str(p), 0, "папка с правилами не найдена")
    return [load_rule_file(f) for f in rule_files(p)]


def _bundled_root():
    """The bundled rules folder: package ``letterlint.rules`` when installed, else the checkout's rules/.

    Running from a source checkout (``python -m pytest`` in the repo) imports the local ``letterlint/``, which has
    no ``rules`` subpackage — the top-level rules/ folder is mapped into it only when the wheel is built.
    """
    try:
        return resources.files("letterlint.rules")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "rules"


def bundled_rules() -> list[Rule]:
    """The rules shipped with letterlint (the top-level rules/ folder, package ``letterlint.rules``)."""
    out = []
    root = _bundled_root()
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml")) and not entry.name.startswith((".", "_")):
            text = entry.read_text(encoding="utf-8")
            name = str(entry)
            stem = entry.name.rsplit(".", 1)[0]
            rule = parse_rule(load_yaml_text(text, name, RuleError), name, stem)
            rule.bundled = True
            out.append(rule)
    return out
