"""``letterlint sendmail -- PROGRAM ARGS…``: a pre-send wrapper for any client that pipes a letter to sendmail.

NeoMutt/mutt ``$sendmail``, msmtp, aerc's outgoing command, Evolution's sendmail transport all run a program with
the recipients as arguments and the RFC 5322 letter on stdin. The wrapper reads stdin once, checks the letter and
then either

* **passes** it: runs PROGRAM with the same arguments, feeds it the very bytes it read (byte-identical — nothing
  is added, removed or re-encoded, not even the override header) and exits with PROGRAM's exit code; or
* **holds** it: prints the report on stderr (rule ids, Russian messages), saves the bytes to the hold folder
  (``$XDG_STATE_HOME/letterlint/held/`` or ``sendmail.hold_dir``), prints the saved path and exits 65
  (EX_DATAERR) without running PROGRAM.

When letterlint itself fails (a broken config, bytes it cannot read, a bug) the letter is sent and a warning is
printed (fail open), unless ``sendmail.fail_closed: true`` or ``LETTERLINT_FAIL_CLOSED=1``: then it is held and
the exit code is 75 (EX_TEMPFAIL).

Override: ``LETTERLINT_SKIP=1`` in the environment, or an ``X-Letterlint: skip`` header in the letter (it goes
out unchanged — the wrapper never alters a letter). ``--validate FILE`` checks a file instead of stdin and runs
nothing (git's ``sendemail-validate`` hook); in a git patch only the text before the diff is checked.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import click

EX_DATAERR = 65        # sysexits.h: the letter was refused (a blocking rule fired)
EX_UNAVAILABLE = 69    # PROGRAM could not be started
EX_TEMPFAIL = 75       # fail-closed: letterlint failed, the letter was held
SKIP_HEADER = "X-Letterlint"
_TRUE = ("1", "true", "yes", "on", "да")


def _say(message: str) -> None:
    click.echo(f"letterlint: {message}", err=True)


def default_hold_dir() -> Path:
    """``$XDG_STATE_HOME/letterlint/held`` (``~/.local/state/letterlint/held`` when the variable is unset)."""
    state = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(state) / "letterlint" / "held"


# --- headers, read straight from the bytes (no parsing that could fail) ----------------------------------------

def header_block(data: bytes) -> bytes:
    """The header block of a letter: everything before the first empty line, unfolded."""
    head = re.split(rb"\r?\n\r?\n", data[:256 * 1024], maxsplit=1)[0]
    return re.sub(rb"\r?\n[ \t]+", b" ", head)


def header_values(data: bytes, name: str) -> list[str]:
    pat = re.compile(rb"^" + re.escape(name.encode()) + rb"[ \t]*:[ \t]*(.*)$", re.I | re.M)
    return [m.group(1).decode("utf-8", "replace").strip() for m in pat.finditer(header_block(data))]


def message_ids(value: str) -> list[str]:
    return re.findall(r"<[^<>\s]+>", value)


def skip_requested(data: bytes) -> str | None:
    """Why the check is skipped (the env variable or the header), or None."""
    if os.environ.get("LETTERLINT_SKIP", "").strip().lower() in _TRUE:
        return "LETTERLINT_SKIP"
    if any(v.split(";")[0].strip().lower() in ("skip", "off", "no") for v in header_values(data, SKIP_HEADER)):
        return f"заголовок {SKIP_HEADER}: skip"
    return None


# --- a git patch: the letter is the commit message, not the diff ---------------------------------------------

def letter_part_of_patch(data: bytes) -> bytes:
    """For ``git format-patch`` output: the bytes up to the «---» line before the diffstat (or up to the diff)."""
    diff = re.search(rb"(?m)^diff --git ", data)
    if not diff:
        return data
    body_at = re.search(rb"\r?\n\r?\n", data)
    start = body_at.end() if body_at else 0
    sep = re.search(rb"(?m)^---[ \t]*\r?$", data[start:diff.start()])
    return data[:start + sep.start()] if sep else data[:diff.start()]


# --- finding the letter being answered in a Maildir ---------------------------------------------------------

def find_parent(maildir: Path, wanted: list[str], limit: int = 200_000) -> Path | None:
    """The file in ``maildir`` (recursively: cur/, new/, Maildir++ subfolders) whose Message-ID is the latest of
    ``wanted`` found (In-Reply-To first, then References from the newest)."""
    if not wanted:
        return None
    rank = {mid: i for i, mid in enumerate(wanted)}
    best: tuple[int, Path] | None = None
    seen = 0
    for root, dirs, files in os.walk(maildir):
        dirs.sort()
        if os.path.basename(root) not in ("cur", "new"):
            continue
        for name in files:
            seen += 1
            if seen > limit:
                return best[1] if best else None
            path = Path(root) / name
            try:
                with open(path, "rb") as fh:
                    head = fh.read(64 * 1024)
            except OSError:
                continue
            for value in header_values(head, "Message-ID"):
                for mid in message_ids(value):
                    r = rank.get(mid)
                    if r is not None and (best is None or r < best[0]):
                        best = (r, path)
                        if r == 0:
                            return path
    return best[1] if best else None


# --- the check ----------------------------------------------------------------------------------------------

@dataclass
class Verdict:
    blocked: bool
    report: str = ""
    rules: list[str] = field(default_factory=list)   # ids of the blocking findings
    settings: Any = None


def load_settings(config_path: str | None, start: Path) -> Any:
    from letterlint.engine.config import default_config, find_config, load_config

    if config_path:
        return load_config(config_path)
    found = find_config(start)
    return load_config(found) if found else default_config()


def check_bytes(data: bytes, name: str, config: Any, maildir: str | None, block_on: str | None) -> Verdict:
    """Lint the letter in ``data``; raises on any failure of letterlint itself (the caller decides open/closed)."""
    from letterlint.engine.finding import FileResult, Finding, severity_at_least
    from letterlint.engine.runner import Engine
    from letterlint.mail import ReadError, build_thread, read_bytes, read_path
    from letterlint.report import render

    threshold = block_on or config.sendmail.block_on or "error"
    letters = read_bytes(data, name)
    earlier = []
    box = Path(maildir).expanduser() if maildir else config.sendmail.maildir
    if box is not None:
        if not Path(box).is_dir():
            raise FileNotFoundError(f"папка Maildir не найдена: {box}")
        wanted = message_ids(" ".join(header_values(data, "In-Reply-To")))
        wanted += [m for m in reversed(message_ids(" ".join(header_values(data, "References")))) if m not in wanted]
        parent = find_parent(Path(box), wanted)
        if parent is not None:
            try:
                earlier = read_path(str(parent))
            except ReadError as exc:
                _say(f"письмо, на которое вы отвечаете, не прочитано ({exc.message}); переписка — из цитат")
    engine = Engine.from_config(config)
    engine.prepare()
    me = {a.lower() for a in config.me if "@" in a and not a.startswith("@")}
    findings: list[Finding] = []
    errors: list[str] = []
    for letter in letters:
        res = engine.run(letter, build_thread(letter, earlier, me))
        findings += res.findings
        errors += res.errors
    if errors:
        raise RuntimeError("; ".join(errors))
    findings.sort(key=Finding.sort_key)
    blocking = [f for f in findings if severity_at_least(f.severity, threshold)]
    report = render("text", [FileResult(name, findings)], lang=engine.lang) if findings else ""
    return Verdict(bool(blocking), report, list(dict.fromkeys(f.rule for f in blocking)), config.sendmail)


def hold(data: bytes, hold_dir: Path | None) -> Path | None:
    """Save the letter's bytes; the file name is the time and a hash of its Message-ID (or of the bytes)."""
    ids = message_ids(" ".join(header_values(data, "Message-ID")))
    key = (ids[0].encode() if ids else data)
    name = f"{datetime.now().strftime('%Y%m%d-%H%M%S')}-{hashlib.sha256(key).hexdigest()[:12]}.eml"
    for folder in ([hold_dir] if hold_dir else []) + [default_hold_dir(), Path(tempfile.gettempdir()) / "letterlint-held"]:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            target = folder / name
            n = 1
            while target.exists():
                n += 1
                target = folder / name.replace(".eml", f"-{n}.eml")
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".held-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
            return target
        except OSError as exc:
            _say(f"не удалось сохранить письмо в {folder}: {exc.strerror or exc}")
    return None


def run_program(argv: list[str], data: bytes) -> int:
    """PROGRAM with ``data`` on stdin; its exit code (128+N when killed by signal N)."""
    try:
        proc = subprocess.run(argv, input=data)
    except FileNotFoundError:
        _say(f"программа отправки не найдена: {argv[0]} — письмо не отправлено")
        return EX_UNAVAILABLE
    except PermissionError:
        _say(f"программа отправки не запускается (нет прав): {argv[0]} — письмо не отправлено")
        return EX_UNAVAILABLE
    except OSError as exc:
        _say(f"не удалось запустить {argv[0]}: {exc.strerror or exc} — письмо не отправлено")
        return EX_UNAVAILABLE
    return proc.returncode if proc.returncode >= 0 else 128 - proc.returncode


def _fail_closed_env() -> bool:
    return os.environ.get("LETTERLINT_FAIL_CLOSED", "").strip().lower() in _TRUE


@click.command("sendmail", context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.option("--config", "config_path", metavar="FILE", help="Файл настроек (иначе .letterlint.yaml от текущей папки).")
@click.option("--maildir", metavar="DIR", help="Maildir, где искать письмо, на которое вы отвечаете (по In-Reply-To).")
@click.option("--hold-dir", metavar="DIR", help="Куда сохранять задержанные письма (вместо sendmail.hold_dir).")
@click.option("--block-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="С какого уровня задерживать письмо (вместо sendmail.block_on; по умолчанию error).")
@click.option("--validate", "validate_file", metavar="FILE",
              help="Проверить файл (патч git send-email) и ничего не запускать: 0 — можно отправлять, 65 — нет.")
@click.argument("program", nargs=-1, type=click.UNPROCESSED)
def command(config_path: str | None, maildir: str | None, hold_dir: str | None, block_on: str | None,
            validate_file: str | None, program: tuple[str, ...]) -> None:
    """Проверить письмо со stdin и передать его программе отправки — или задержать.

    \b
    letterlint sendmail -- /usr/sbin/sendmail -oem -oi -t      # NeoMutt: set sendmail="letterlint sendmail -- …"
    letterlint sendmail --validate 0001-fix.patch               # git send-email: hook sendemail-validate

    Коды выхода: код PROGRAM; 65 — письмо задержано правилом; 69 — PROGRAM не запустилась; 75 — сбой
    letterlint при sendmail.fail_closed. Отправить без проверки: LETTERLINT_SKIP=1 или заголовок X-Letterlint: skip.
    """
    argv = list(program)
    if validate_file is None and not argv:
        raise click.UsageError("укажите программу отправки после «--»: letterlint sendmail -- /usr/sbin/sendmail -t")
    if validate_file is not None and argv:
        raise click.UsageError("--validate проверяет файл и ничего не запускает: уберите программу после «--»")
    if validate_file is not None:
        try:
            data = Path(validate_file).read_bytes()
        except OSError as exc:
            _say(f"{validate_file}: не удалось прочитать файл ({exc.strerror or exc})")
            sys.exit(EX_TEMPFAIL if _fail_closed_env() else 0)
        name, start = validate_file, Path(validate_file).resolve().parent
    else:
        data = sys.stdin.buffer.read()
        name, start = "<письмо>", Path.cwd()
    sys.exit(decide(data, name, start, argv, config_path, maildir, hold_dir, block_on,
                    checked=letter_part_of_patch(data) if validate_file is not None else data))


def decide(data: bytes, name: str, start: Path, argv: list[str], config_path: str | None, maildir: str | None,
           hold_dir: str | None, block_on: str | None, checked: bytes | None = None) -> int:
    """The whole policy; returns the exit code. ``argv`` empty: validate only (0 = may send)."""
    def send() -> int:
        return run_program(argv, data) if argv else 0

    why = skip_requested(data)
    if why:
        _say(f"проверка пропущена ({why})")
        return send()
    settings = None
    try:
        config = load_settings(config_path, start)
        settings = config.sendmail
        verdict = check_bytes(checked if checked is not None else data, name, config, maildir, block_on)
    except Exception as exc:  # noqa: BLE001 - letterlint's own failure: open or closed, never a traceback
        if os.environ.get("LETTERLINT_DEBUG"):
            traceback.print_exc()
        closed = _fail_closed_env() or bool(settings is not None and settings.fail_closed)
        from letterlint.engine.errors import LetterlintError
        from letterlint.mail import ReadError

        what = (f"{exc.path}: {exc.message}" if isinstance(exc, ReadError) else str(exc)
                if isinstance(exc, (LetterlintError, FileNotFoundError)) else f"внутренняя ошибка: {type(exc).__name__}: {exc}")
        if not closed:
            _say(f"письмо не проверено ({what}); отправляю без проверки")
            return send()
        saved = hold(data, Path(hold_dir).expanduser() if hold_dir else (settings.hold_dir if settings else None))
        _say(f"письмо не проверено ({what}) и НЕ отправлено (fail_closed)")
        if saved:
            _say(f"копия письма: {saved}")
        _say("отправить без проверки: LETTERLINT_SKIP=1")
        return EX_TEMPFAIL
    if not verdict.blocked:
        if verdict.report:
            click.echo(verdict.report, err=True)
        return send()
    saved = hold(data, Path(hold_dir).expanduser() if hold_dir else verdict.settings.hold_dir)
    click.echo(verdict.report, err=True)
    _say("письмо задержано и НЕ отправлено: " + ", ".join(verdict.rules))
    if saved:
        _say(f"копия письма сохранена: {saved}")
    _say(f"исправьте письмо и отправьте снова; отправить как есть: LETTERLINT_SKIP=1 или заголовок «{SKIP_HEADER}: skip»")
    return EX_DATAERR
