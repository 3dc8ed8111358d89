"""Engines per configuration and letters → findings: what `letterlint check`, the server and the
native-messaging host share, so none of them builds engines or threads its own way.

    engines = Engines(config_path=None, select=[], ignore=[], lang=None)
    engine = engines.engine_for("draft.eml")          # nearest .letterlint.yaml, engine prepared once
    findings, errors = lint_letters(letters, engine, earlier)
    result = check_file("draft.eml", engine, earlier, report=print_to_stderr)
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any, Callable, Iterable

from letterlint.engine.config import Config, default_config, find_config, load_config
from letterlint.engine.finding import FileResult, Finding, severity_at_least


def _debug() -> None:
    if os.environ.get("LETTERLINT_DEBUG"):
        traceback.print_exc()


def my_addresses(config: Config) -> set[str]:
    """The exact addresses of ``me:`` in the config (domains like «@firm.ru» are the engine's business)."""
    return {a.lower() for a in config.me if "@" in a and not a.startswith("@")}


def blocking(findings: Iterable[Finding], threshold: str) -> bool:
    """True when a finding is at ``threshold`` (error | warning | info) or above."""
    return any(severity_at_least(f.severity, threshold) for f in findings)


class Engines:
    """One engine per configuration file; all of them share the process-wide NLP models.

    ``config_path`` forces one configuration; otherwise each checked path uses the nearest ``.letterlint.yaml``
    (``<stdin>`` and ``-`` look from ``base``, the current directory by default; a server or a mail-client host
    checks letters as «<stdin>», so ``base`` is where its configuration is looked for).
    """

    def __init__(self, config_path: str | None, select: list[str], ignore: list[str], lang: str | None,
                 base: str | Path | None = None) -> None:
        self.explicit = load_config(config_path) if config_path else None
        self.select, self.ignore, self.lang = select, ignore, lang
        self.base = base
        self._by_key: dict[str, Any] = {}

    def _start(self, path: str) -> Path:
        if path in ("-", "<stdin>"):
            return Path(self.base) if self.base is not None else Path.cwd()
        return Path(path)

    def config_for(self, path: str) -> Config:
        if self.explicit is not None:
            return self.explicit
        found = find_config(self._start(path))
        key = str(found) if found else "<recommended>"
        eng = self._by_key.get(key)
        if eng is not None:
            return eng.config
        return load_config(found) if found else default_config()

    def engine_for(self, path: str) -> Any:
        from letterlint.engine.runner import Engine

        if self.explicit is not None:
            key = "<explicit>"
        else:
            found = find_config(self._start(path))
            key = str(found) if found else "<recommended>"
        eng = self._by_key.get(key)
        if eng is None:
            cfg = self.explicit if self.explicit is not None else self.config_for(path)
            eng = Engine.from_config(cfg, select=self.select, ignore=self.ignore, lang=self.lang)
            eng.prepare()
            self._by_key[key] = eng
        return eng

    def any_engine(self) -> Any:
        return next(iter(self._by_key.values()), None)


def lint_letters(letters: list, engine: Any, earlier: list) -> tuple[list[Finding], list[str]]:
    """Findings of ``engine`` on each letter (its thread: ``earlier`` + its own quoted history), and the errors
    (a thread that could not be built, a rule that crashed) as user-facing messages. Findings sorted by place."""
    from letterlint.mail import build_thread

    findings: list[Finding] = []
    errors: list[str] = []
    me = my_addresses(engine.config)
    for letter in letters:
        try:
            thread = build_thread(letter, earlier, me)
        except Exception as exc:
            _debug()
            errors.append(f"не удалось собрать переписку (внутренняя ошибка: {type(exc).__name__}: {exc})")
            continue
        res = engine.run(letter, thread)
        findings += res.findings
        errors += res.errors
    findings.sort(key=Finding.sort_key)
    return findings, errors


def check_file(path: str, engine: Any, earlier: list, report: Callable[[str], None] = lambda _m: None) -> FileResult:
    """Read ``path`` («-» is stdin) and lint every letter in it. Never raises for a bad letter: a read error or
    a reader bug is the file's ``error``; ``report`` receives each problem as «path: message»."""
    from letterlint.mail import ReadError, read_path

    shown = "<stdin>" if path == "-" else path
    try:
        letters = read_path(path)
    except ReadError as exc:
        report(f"{exc.path}: {exc.message}")
        return FileResult(shown, [], exc.message)
    except Exception as exc:  # a reader bug on odd bytes: this file fails, the others go on
        _debug()
        msg = f"не удалось разобрать письмо (внутренняя ошибка: {type(exc).__name__}: {exc})"
        report(f"{shown}: {msg}")
        return FileResult(shown, [], msg)
    shown = letters[0].path if letters else shown
    findings, errors = lint_letters(letters, engine, earlier)
    for e in errors:
        report(f"{shown}: {e}")
    return FileResult(shown, findings, "; ".join(errors) or None)
