"""Helpers for the end-to-end tests with real mail programs (NeoMutt, git send-email)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

CLEAN_BODY = ("Иван, добрый день!\n\nПеревод инструкции готов, файл пришлём сегодня до 18:00.\n"
              "Подтвердите, пожалуйста, адрес доставки.\n\nСпасибо!\nОльга\n")
# a kitchen excuse (our sick translator as the reason for a delay); the test configuration makes `kitchen` an
# error, as a team that wants such letters held would (CONFIG)
BAD_BODY = ("Иван, добрый день!\n\nПеревод задерживается: наш переводчик заболел, поэтому файл пришлём только "
            "в пятницу.\nПодтвердите, пожалуйста, адрес доставки.\n\nСпасибо!\nОльга\n")
# an error under the default rules (for setups with no configuration): passive aggression
RUDE_BODY = ("Иван, как я уже писал, перевод будет готов в пятницу.\n"
             "Подтвердите, пожалуйста, адрес доставки.\n\nСпасибо!\nОльга\n")
CONFIG = "me: [olga@agency.ru]\nrules:\n  kitchen:\n    severity: error\n"


def executable(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC | stat.S_IXGRP | stat.S_IXOTH)
    return path


def letterlint_launcher(d: Path) -> Path:
    """A `letterlint` executable for this interpreter (the console script may not be on PATH in a test run)."""
    return executable(d / "letterlint", f'#!/bin/sh\nexec "{sys.executable}" -c "from letterlint.cli import main; main()" "$@"\n')


def recorder(d: Path) -> Path:
    """A stand-in for /usr/sbin/sendmail: saves its argv (one per line) and the exact stdin bytes."""
    return executable(d / "recorder", '#!/bin/sh\nd=$(dirname "$0")\nprintf "%s\\n" "$@" > "$d/argv.txt"\n'
                                      'cat > "$d/sent.bin"\n')


def clean_env(d: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LETTERLINT_", "GIT_", "XDG_"))}
    env.update(HOME=str(d), XDG_STATE_HOME=str(d / "state"), XDG_CONFIG_HOME=str(d / "config"), LC_ALL="C.UTF-8",
               PATH=f"{d}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}")
    return env


def held(d: Path) -> list[Path]:
    folder = d / "state" / "letterlint" / "held"
    return sorted(folder.iterdir()) if folder.is_dir() else []
