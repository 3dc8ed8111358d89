"""Small validators for YAML read through yamlio: each failure is a RuleError/ConfigError with file and line."""

from __future__ import annotations

import difflib
from typing import Any, Iterable

from letterlint.engine.errors import ConfigError, RuleError
from letterlint.engine.yamlio import YList, YMap, line_of, type_name


class Checker:
    """Validation helpers bound to one file; ``error`` is RuleError for rule files, ConfigError for configs."""

    def __init__(self, path: str, error: type[ConfigError] = RuleError) -> None:
        self.path = path
        self.error = error

    def fail(self, line: int, message: str) -> ConfigError:
        return self.error(self.path, line, message)

    def mapping(self, value: Any, where: str, line: int = 1) -> YMap:
        if not isinstance(value, dict):
            raise self.fail(getattr(value, "line", line), f"{where}: ожидался словарь (ключ: значение), а указан(а) {type_name(value)}")
        if not isinstance(value, YMap):  # pragma: no cover - plain dicts come from examples built in code
            m = YMap(value)
            m.key_lines = {}
            return m
        return value

    def keys(self, m: YMap, allowed: Iterable[str], where: str, required: Iterable[str] = ()) -> None:
        allowed = list(allowed)
        for k in m:
            if k not in allowed:
                hint = difflib.get_close_matches(str(k), allowed, n=1)
                more = f" Может быть, «{hint[0]}»?" if hint else f" Допустимые ключи: {', '.join(allowed)}."
                raise self.fail(m.line_of(k), f"{where}: неизвестный ключ «{k}».{more}")
        for k in required:
            if k not in m or m[k] is None or m[k] == "":
                raise self.fail(m.line, f"{where}: нет обязательного ключа «{k}»")

    def string(self, m: YMap, key: str, where: str, default: str | None = None, choices: Iterable[str] | None = None) -> str | None:
        v = m.get(key, default)
        if v is None:
            return default
        if isinstance(v, bool) or not isinstance(v, (str, int, float)):
            raise self.fail(m.line_of(key), f"{where}: «{key}» должен быть строкой, а указан(а) {type_name(v)}")
        v = str(v)
        if choices is not None:
            choices = list(choices)
            if v not in choices:
                raise self.fail(m.line_of(key), f"{where}: «{key}: {v}» — допустимо одно из: {', '.join(choices)}")
        return v

    def string_list(self, m: YMap, key: str, where: str, allow_scalar: bool = True) -> list[str]:
        v = m.get(key)
        if v is None:
            return []
        if isinstance(v, (str, int, float)) and not isinstance(v, bool) and allow_scalar:
            return [str(v)]
        if not isinstance(v, list):
            raise self.fail(m.line_of(key), f"{where}: «{key}» должен быть списком строк, а указан(а) {type_name(v)}")
        out = []
        for i, item in enumerate(v):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                raise self.fail(line_of(v, i, m.line_of(key)),
                                f"{where}: «{key}», элемент {i + 1}: ожидалась строка, а указан(а) {type_name(item)}")
            out.append(str(item))
        return out

    def boolean(self, m: YMap, key: str, where: str, default: bool) -> bool:
        v = m.get(key, default)
        if not isinstance(v, bool):
            raise self.fail(m.line_of(key), f"{where}: «{key}» должен быть true или false, а указан(а) {type_name(v)}")
        return v

    def integer(self, m: YMap, key: str, where: str, default: int | None = None) -> int | None:
        v = m.get(key, default)
        if v is None:
            return default
        if isinstance(v, bool) or not isinstance(v, int):
            raise self.fail(m.line_of(key), f"{where}: «{key}» должен быть целым числом, а указан(а) {type_name(v)}")
        return v

    def list_of(self, m: YMap, key: str, where: str) -> YList:
        v = m.get(key)
        if v is None:
            e = YList()
            e.line = m.line_of(key)
            e.item_lines = []
            return e
        if not isinstance(v, list):
            raise self.fail(m.line_of(key), f"{where}: «{key}» должен быть списком, а указан(а) {type_name(v)}")
        if not isinstance(v, YList):  # pragma: no cover
            y = YList(v)
            y.line = m.line_of(key)
            y.item_lines = [y.line] * len(v)
            return y
        return v


def check_param_value(chk: Checker, rule_id: str, name: str, default: Any, value: Any, line: int) -> Any:
    """A config's value for a rule parameter must have the type of the rule's default."""
    if default is None or value is None:
        return value
    ok: bool
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, (int, float)):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    elif isinstance(default, list):
        ok = isinstance(value, list)
    elif isinstance(default, dict):
        ok = isinstance(value, dict)
    else:  # pragma: no cover
        ok = True
    if not ok:
        raise chk.fail(line, f"правило {rule_id}: параметр «{name}» должен быть как по умолчанию "
                             f"({type_name(default)}: {default!r}), а указан(а) {type_name(value)}")
    return value
