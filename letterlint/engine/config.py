"""``.letterlint.yaml``: found upward from the checked file (or given with --config), merged over its ``extends``.

    extends: recommended            # recommended | strict | a path (relative to this file) | a list of them
    me: [sales@agency.ru, "@agency.ru"]   # our addresses; «@domain» = the whole domain
    lang: ru                        # ru | en: the language of messages
    fail_on: error                  # error | warning | info: the lowest severity that fails the run
    min_severity: warning           # raise every rule below this to it (strict uses it)
    rule_paths: [team-rules/]       # folders with the team's own rule files (relative to this file)
    include: ["**/*.eml"]           # globs for files found by recursing directories (relative to this file)
    exclude: ["archive/**"]
    rules:
      jargon: off                   # off | on | error | warning | info
      long-sentence: {severity: info, params: {max: 30}}
      officialese: {words: [{match: "довожу до вашего сведения", suggest: [сообщаю]}], allow: [в рамках проекта]}
    sendmail:                       # the pre-send wrapper `letterlint sendmail` (docs/integrations.md)
      block_on: error               # error | warning | info: the lowest severity that holds a letter back
      fail_closed: false            # true: on letterlint's own failure hold the letter instead of sending it
      hold_dir: ~/mail/held         # where held letters are saved (default $XDG_STATE_HOME/letterlint/held)
      maildir: ~/Mail               # a Maildir searched for the letter being answered (In-Reply-To/References)

Every mistake (unknown key, wrong type, broken YAML, unknown rule or parameter) is a ConfigError with file and
line; the unknown-rule check happens when the engine applies the config to the loaded rules.
"""

from __future__ import annotations

import copy
import fnmatch
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from letterlint.engine.errors import ConfigError
from letterlint.engine.finding import SEVERITIES
from letterlint.engine.schema import Checker
from letterlint.engine.yamlio import YList, YMap, load_yaml_file, load_yaml_text, type_name

CONFIG_NAMES = (".letterlint.yaml", ".letterlint.yml")
BUILTIN_CONFIGS = ("recommended", "strict")
TOP_KEYS = ("extends", "me", "lang", "fail_on", "min_severity", "rule_paths", "include", "exclude", "rules", "sendmail")
SENDMAIL_KEYS = ("block_on", "fail_closed", "hold_dir", "maildir")
RULE_KEYS = ("severity", "off", "enabled", "params", "words", "allow")


@dataclass
class RuleSettings:
    """What a config says about one rule."""

    severity: str | None = None
    enabled: bool | None = None
    params: dict[str, Any] = field(default_factory=dict)
    param_lines: dict[str, int] = field(default_factory=dict)
    words: list[Any] = field(default_factory=list)
    word_lines: list[int] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)
    line: int = 0
    path: str = ""

    def merged_over(self, parent: "RuleSettings") -> "RuleSettings":
        out = copy.deepcopy(parent)
        if self.severity is not None:
            out.severity = self.severity
        if self.enabled is not None:
            out.enabled = self.enabled
        out.params.update(self.params)
        out.param_lines.update(self.param_lines)
        out.words += self.words
        out.word_lines += self.word_lines
        out.allow += self.allow
        out.line, out.path = self.line, self.path
        return out


@dataclass
class SendmailSettings:
    """The ``sendmail:`` section: how the pre-send wrapper decides and where it keeps held letters."""

    block_on: str | None = None       # None: error
    fail_closed: bool | None = None   # None: false (fail open)
    hold_dir: Path | None = None      # None: $XDG_STATE_HOME/letterlint/held
    maildir: Path | None = None

    def merged_over(self, parent: "SendmailSettings") -> "SendmailSettings":
        return SendmailSettings(*(mine if mine is not None else theirs for mine, theirs in
                                  ((self.block_on, parent.block_on), (self.fail_closed, parent.fail_closed),
                                   (self.hold_dir, parent.hold_dir), (self.maildir, parent.maildir))))


@dataclass
class Config:
    path: str | None = None                 # the config file (None: built-in defaults)
    root: Path = field(default_factory=Path.cwd)
    me: list[str] = field(default_factory=list)
    lang: str = "ru"
    fail_on: str = "error"
    min_severity: str | None = None
    rules: dict[str, RuleSettings] = field(default_factory=dict)
    rule_paths: list[tuple[Path, str, int]] = field(default_factory=list)   # (folder, config file, line)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)   # the files merged, base first
    sendmail: SendmailSettings = field(default_factory=SendmailSettings)

    def wants(self, path: str) -> bool:
        """Whether a file found by recursing a directory passes ``include``/``exclude``."""
        try:
            rel = Path(os.path.abspath(path)).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = Path(path).as_posix()
        name = Path(path).name

        def hit(globs: list[str]) -> bool:
            for g in globs:
                g = g.lstrip("./") if g.startswith("./") else g
                if fnmatch.fnmatch(rel, g) or ("/" not in g and fnmatch.fnmatch(name, g)):
                    return True
                if g.startswith("**/") and fnmatch.fnmatch(rel, g[3:]):
                    return True
            return False

        if self.include and not hit(self.include):
            return False
        return not (self.exclude and hit(self.exclude))


def find_config(start: str | Path) -> Path | None:
    """The nearest ``.letterlint.yaml`` in ``start``'s folder or above."""
    p = Path(start)
    try:
        p = p.resolve()
    except OSError:  # pragma: no cover
        p = Path(os.path.abspath(p))
    if not p.is_dir():
        p = p.parent
    for d in (p, *p.parents):
        for name in CONFIG_NAMES:
            c = d / name
            if c.is_file():
                return c
    return None


def default_config() -> Config:
    """The configuration used when no ``.letterlint.yaml`` is found: ``recommended``."""
    return load_config_builtin("recommended")


def load_config_builtin(name: str) -> Config:
    text = resources.files("letterlint").joinpath("configs", f"{name}.yaml").read_text(encoding="utf-8")
    return _load(load_yaml_text(text, f"<{name}>"), f"<{name}>", Path.cwd(), (), builtin=True)


def load_config(path: str | Path) -> Config:
    """Load a config file and everything it extends."""
    p = Path(path)
    if not p.exists():
        raise ConfigError(str(p), 0, "файл настроек не найден")
    if p.is_dir():
        raise ConfigError(str(p), 0, "ожидался файл настроек, а это папка")
    return _load(load_yaml_file(p), str(p), p.resolve().parent, ())


def _load(data: Any, path: str, root: Path, seen: tuple[str, ...], builtin: bool = False) -> Config:
    chk = Checker(path, ConfigError)
    if data is None:
        data = YMap()
        data.key_lines = {}
    m = chk.mapping(data, "файл настроек")
    chk.keys(m, TOP_KEYS, "настройки")
    # --- extends: the parents first -------------------------------------------------------------------------
    parents: list[Config] = []
    ext = m.get("extends")
    if ext is not None:
        items = chk.string_list(m, "extends", "настройки")
        for item in items:
            key = item
            if item in BUILTIN_CONFIGS or item.startswith("letterlint:"):
                name = item.split(":", 1)[-1]
                if name not in BUILTIN_CONFIGS:
                    raise chk.fail(m.line_of("extends"), f"extends: встроенного набора «{name}» нет; есть: {', '.join(BUILTIN_CONFIGS)}")
                key = f"<{name}>"
                if key in seen or key == path:
                    raise chk.fail(m.line_of("extends"), f"extends: цикл ({' → '.join(seen + (path, key))})")
                text = resources.files("letterlint").joinpath("configs", f"{name}.yaml").read_text(encoding="utf-8")
                parents.append(_load(load_yaml_text(text, key), key, root, seen + (path,), builtin=True))
                continue
            if builtin:  # pragma: no cover - bundled configs only extend bundled ones
                raise chk.fail(m.line_of("extends"), f"extends: «{item}» не встроенный набор")
            target = (root / item).resolve()
            if str(target) in seen or str(target) == str(Path(path).resolve()):
                raise chk.fail(m.line_of("extends"), f"extends: цикл — «{item}» уже подключён")
            if not target.is_file() and "/" not in item and not item.endswith((".yaml", ".yml")):
                raise chk.fail(m.line_of("extends"), f"extends: встроенного набора «{item}» нет; есть: "
                                                     f"{', '.join(BUILTIN_CONFIGS)} (или укажите путь к файлу)")
            if not target.is_file():
                raise chk.fail(m.line_of("extends"), f"extends: файл «{item}» не найден (ищу {target})")
            parents.append(_load(load_yaml_file(target), str(target), target.parent, seen + (str(Path(path).resolve()),)))
    base = Config(root=root)
    for par in parents:
        base = _merge(base, par)
    cfg = Config(path=None if builtin else path, root=root)
    cfg.chain = [path]
    # --- scalars --------------------------------------------------------------------------------------------
    cfg.me = chk.string_list(m, "me", "настройки")
    for i, a in enumerate(cfg.me):
        if " " in a.strip() or (not a.strip()):
            raise chk.fail(m.line_of("me"), f"me: «{a}» — ожидался адрес (ivan@firm.ru) или домен (@firm.ru)")
    lang = chk.string(m, "lang", "настройки", choices=("ru", "en"))
    fail_on = chk.string(m, "fail_on", "настройки", choices=SEVERITIES)
    min_sev = chk.string(m, "min_severity", "настройки", choices=SEVERITIES)
    for i, folder in enumerate(chk.string_list(m, "rule_paths", "настройки")):
        cfg.rule_paths.append(((root / folder), path, m.line_of("rule_paths")))
    cfg.include = chk.string_list(m, "include", "настройки")
    cfg.exclude = chk.string_list(m, "exclude", "настройки")
    if m.get("sendmail") is not None:
        cfg.sendmail = _sendmail_settings(chk, m, root)
    # --- rules ----------------------------------------------------------------------------------------------
    rules = m.get("rules")
    if rules is not None:
        rm = chk.mapping(rules, "rules", m.line_of("rules"))
        for rid in rm:
            cfg.rules[str(rid)] = _rule_settings(chk, rm, rid, path)
    out = _merge(base, cfg)
    if lang:
        out.lang = lang
    if fail_on:
        out.fail_on = fail_on
    if min_sev:
        out.min_severity = min_sev
    return out


def _sendmail_settings(chk: Checker, m: YMap, root: Path) -> SendmailSettings:
    sm = chk.mapping(m["sendmail"], "sendmail", m.line_of("sendmail"))
    chk.keys(sm, SENDMAIL_KEYS, "sendmail")
    out = SendmailSettings()
    out.block_on = chk.string(sm, "block_on", "sendmail", choices=SEVERITIES)
    if "fail_closed" in sm:
        out.fail_closed = chk.boolean(sm, "fail_closed", "sendmail", False)
    for key in ("hold_dir", "maildir"):
        value = chk.string(sm, key, "sendmail")
        if value is not None:
            if not value.strip():
                raise chk.fail(sm.line_of(key), f"sendmail.{key}: пустой путь")
            setattr(out, key, root / os.path.expandvars(os.path.expanduser(value)))
    return out


def _rule_settings(chk: Checker, rm: YMap, rid: Any, path: str) -> RuleSettings:
    v = rm[rid]
    line = rm.line_of(rid)
    where = f"rules.{rid}"
    s = RuleSettings(line=line, path=path)
    if isinstance(v, bool):
        s.enabled = v
        return s
    if isinstance(v, str):
        if v in ("off", "false", "no"):
            s.enabled = False
        elif v in ("on", "true", "yes"):
            s.enabled = True
        elif v in SEVERITIES:
            s.severity, s.enabled = v, True
        else:
            raise chk.fail(line, f"{where}: «{v}» — ожидалось off, on или уровень: {', '.join(SEVERITIES)}")
        return s
    if not isinstance(v, dict):
        raise chk.fail(line, f"{where}: ожидалось off/on, уровень или словарь (severity, params, words, allow), "
                             f"а указан(а) {type_name(v)}")
    chk.keys(v, RULE_KEYS, where)  # type: ignore[arg-type]
    sev = chk.string(v, "severity", where)  # type: ignore[arg-type]
    if sev is not None:
        if sev == "off":
            s.enabled = False
        elif sev in SEVERITIES:
            s.severity = sev
        else:
            raise chk.fail(v.line_of("severity"), f"{where}: severity «{sev}» — допустимо: {', '.join(SEVERITIES)}, off")  # type: ignore[attr-defined]
    if "off" in v:
        s.enabled = not chk.boolean(v, "off", where, False)  # type: ignore[arg-type]
    if "enabled" in v:
        s.enabled = chk.boolean(v, "enabled", where, True)  # type: ignore[arg-type]
    if "params" in v and v["params"] is not None:
        pm = chk.mapping(v["params"], f"{where}.params", v.line_of("params"))  # type: ignore[attr-defined]
        for k in pm:
            s.params[str(k)] = _plain(pm[k])
            s.param_lines[str(k)] = pm.line_of(k)
    words = chk.list_of(v, "words", where)  # type: ignore[arg-type]
    for i, w in enumerate(words):
        s.words.append(w)
        s.word_lines.append(words.line_of(i) if isinstance(words, YList) else line)
    s.allow = chk.string_list(v, "allow", where)  # type: ignore[arg-type]
    return s


def _plain(v: Any) -> Any:
    """YMap/YList → dict/list (params are compared with the rule's defaults by type)."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


def _merge(parent: Config, child: Config) -> Config:
    out = copy.deepcopy(parent)
    out.path = child.path or parent.path
    out.root = child.root
    out.me = parent.me + [a for a in child.me if a not in parent.me]
    out.lang, out.fail_on = child.lang if child.lang != "ru" else parent.lang, child.fail_on if child.fail_on != "error" else parent.fail_on
    out.min_severity = child.min_severity or parent.min_severity
    for rid, s in child.rules.items():
        out.rules[rid] = s.merged_over(out.rules[rid]) if rid in out.rules else copy.deepcopy(s)
    out.rule_paths = parent.rule_paths + child.rule_paths
    out.include = child.include or parent.include
    out.exclude = parent.exclude + child.exclude
    out.chain = parent.chain + child.chain
    out.sendmail = child.sendmail.merged_over(parent.sendmail)
    return out
