"""Built-in checks: Python code behind ``type: check`` rules, one module per commandment family.

A check is a function ``fn(ctx: RuleContext) -> Iterable[Hit]`` registered under a name::

    from letterlint.checks import register

    @register("subject-changed", needs=("thread",))
    def subject_changed(ctx): ...

The rule's YAML file holds its messages and params (``ctx.params``); the check only finds places. Modules here
are imported on first lookup, so they must stay cheap to import (no spaCy at module level), and a check never
imports another check: shared helpers belong in letterlint.text or letterlint.engine.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Any, Callable, Iterable

__all__ = ["Check", "register", "get", "names"]


@dataclass(frozen=True)
class Check:
    name: str
    fn: Callable[..., Iterable[Any]]
    needs: frozenset[str]
    doc: str
    trace: Callable[..., list[str]] | None = None   # fn(ctx) → lines saying why (for `letterlint explain RULE FILE`)


_REGISTRY: dict[str, Check] = {}
_LOADED = False


def register(name: str, *, needs: Iterable[str] = (),
             trace: Callable[..., list[str]] | None = None) -> Callable[[Callable], Callable]:
    """Register ``fn`` as the built-in check ``name`` (what a rule's ``check:`` key refers to); ``trace``
    optionally explains its reasoning on one letter."""

    def deco(fn: Callable) -> Callable:
        if name in _REGISTRY and _REGISTRY[name].fn is not fn:
            raise ValueError(f"check {name!r} is registered twice")
        _REGISTRY[name] = Check(name, fn, frozenset(needs), (fn.__doc__ or "").strip(), trace)
        return fn

    return deco


def _load_all() -> None:
    global _LOADED
    if _LOADED:
        return
    _LOADED = True
    for mod in pkgutil.iter_modules(__path__):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{__name__}.{mod.name}")


def get(name: str) -> Check | None:
    """The check registered as ``name`` (importing the check modules on first use), or None."""
    if name not in _REGISTRY:
        _load_all()
    return _REGISTRY.get(name)


def names() -> list[str]:
    _load_all()
    return sorted(_REGISTRY)
