"""Errors the user sees as one line (never a traceback)."""

from __future__ import annotations


class LetterlintError(Exception):
    """Base of every error that ends a run with exit code 2 and a one-line message."""


class ConfigError(LetterlintError):
    """A broken config or rule file: where (file and line) and what was expected."""

    def __init__(self, path: str, line: int, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class RuleError(ConfigError):
    """A broken rule file (YAML, schema, pattern or phrase syntax)."""


class UsageError(LetterlintError):
    """Wrong command-line use: unknown rule id in --select, missing file for --thread, …"""
