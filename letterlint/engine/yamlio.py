"""YAML loading that remembers line numbers, so a broken rule or config file is reported as «file:line: what».

YAML 1.1's «yes/no/on/off are booleans» is switched off: ``jargon: off`` in a config means the string "off",
and ``off: true`` has the key "off" (PyYAML would make both booleans and the error message would be nonsense).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from letterlint.engine.errors import ConfigError


class YMap(dict):
    """A mapping that knows the line of each key (1-based) and its own."""

    line: int = 1
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class YList(list):
    """A list that knows the line of each item (1-based) and its own."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, i: int) -> int:
        return self.item_lines[i] if 0 <= i < len(self.item_lines) else self.line


# libyaml's parser when available (5× faster on the bundled rule files), with our Python constructors
_Base = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


class _Loader(_Base):  # type: ignore[valid-type,misc]
    pass


# Booleans: only true/false (YAML 1.2 core schema).
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> YMap:
    loader.flatten_mapping(node)
    m = YMap()
    m.line = node.start_mark.line + 1
    m.key_lines = {}
    for k_node, v_node in node.value:
        key = loader.construct_object(k_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "ключ словаря не может быть списком или словарём",
                                                    k_node.start_mark) from None
        if key in m:
            raise yaml.constructor.ConstructorError(None, None, f"ключ «{key}» повторяется", k_node.start_mark)
        m[key] = loader.construct_object(v_node, deep=True)
        m.key_lines[key] = k_node.start_mark.line + 1
    return m


def _construct_seq(loader: _Loader, node: yaml.SequenceNode) -> YList:
    seq = YList(loader.construct_object(n, deep=True) for n in node.value)
    seq.line = node.start_mark.line + 1
    seq.item_lines = [n.start_mark.line + 1 for n in node.value]
    return seq


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def load_yaml_text(text: str, path: str, error: type[ConfigError] = ConfigError) -> Any:
    """Parse YAML text; syntax errors become ``error``(path, line, message in Russian)."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        what = exc.problem or str(exc)
        raise error(path, line, f"ошибка синтаксиса YAML: {what}") from None
    except yaml.YAMLError as exc:
        raise error(path, 1, f"ошибка синтаксиса YAML: {exc}") from None


def load_yaml_file(path: str | Path, error: type[ConfigError] = ConfigError) -> Any:
    """Read and parse a YAML file (UTF-8)."""
    p = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise error(p, 0, "файл не найден") from None
    except OSError as exc:
        raise error(p, 0, f"не удалось прочитать файл: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error(p, line, "файл не в кодировке UTF-8") from None
    return load_yaml_text(text, p, error)


def line_of(container: Any, key: Any, default: int = 1) -> int:
    """The line of ``key`` in a YMap / index in a YList, or ``default``."""
    if isinstance(container, YMap):
        return container.line_of(key)
    if isinstance(container, YList) and isinstance(key, int):
        return container.line_of(key)
    return getattr(container, "line", default)


def type_name(value: Any) -> str:
    """A Russian name for a YAML value's type, for «ожидался список, а указана строка»."""
    if value is None:
        return "пустое значение"
    if isinstance(value, bool):
        return "логическое значение"
    if isinstance(value, (int, float)):
        return "число"
    if isinstance(value, str):
        return "строка"
    if isinstance(value, list):
        return "список"
    if isinstance(value, dict):
        return "словарь"
    return type(value).__name__
