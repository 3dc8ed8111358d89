"""Files and paths → letters: .eml, .mbox, templates, directories and stdin («-»)."""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterator

from letterlint.mail.charsets import decode_bytes
from letterlint.mail.errors import ReadError
from letterlint.mail.mime import looks_like_message, parse_message
from letterlint.mail.model import Letter
from letterlint.mail.template import TEMPLATE_SUFFIXES, parse_template

MAIL_SUFFIXES = (".eml", ".msg.txt", ".mbox", ".mbx", ".mail")
MAX_BYTES = 64 * 1024 * 1024   # a letter with a 30 MB attachment is fine; a 2 GB log file is not a letter


def iter_paths(paths: list[str]) -> Iterator[str]:
    """The files to read: directories recursed (hidden entries skipped, sorted), «-» passed through."""
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for f in sorted(files):
                if not f.startswith(".") and f.lower().endswith(MAIL_SUFFIXES + TEMPLATE_SUFFIXES):
                    yield os.path.join(root, f)


def read_path(path: str) -> list[Letter]:
    """Every letter in ``path`` (an mbox holds several). Raises ReadError with a user-facing message."""
    if path == "-":
        try:
            data = sys.stdin.buffer.read()
        except (OSError, ValueError, AttributeError) as exc:
            raise ReadError("<stdin>", f"не удалось прочитать стандартный ввод ({type(exc).__name__})") from None
        return read_bytes(data, "<stdin>")
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(st.st_mode):
            # a FIFO or a device would block or never end; a letter is a regular file
            raise ReadError(path, "это не обычный файл (канал, устройство или сокет), а не письмо")
        size = st.st_size
        if size > MAX_BYTES:
            raise ReadError(path, f"файл слишком большой для письма ({size // (1024 * 1024)} МБ)")
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise ReadError(path, "это папка, а не файл письма") from None
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(path, "символическая ссылка ведёт на несуществующий файл") from None
        raise ReadError(path, "файл не найден") from None
    except PermissionError:
        raise ReadError(path, "нет прав на чтение файла") from None
    except OSError as exc:
        raise ReadError(path, f"не удалось прочитать файл: {exc.strerror or exc}") from None
    return read_bytes(data, path)


def read_bytes(data: bytes, path: str) -> list[Letter]:
    """Letters from raw bytes; the kind is chosen by the file name, then by the content.

    Raises only ReadError. A failure inside the reader itself (a bug, not the letter's fault) also becomes a
    ReadError for that one file — marked ``internal`` so tests and bench/conformance.py still count it — because
    a pre-send hook must never die with a traceback on a letter.
    """
    try:
        return _read_bytes(data, path)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(path, "письмо слишком глубоко вложено, его не удалось разобрать", internal=True) from None
    except Exception as exc:  # noqa: BLE001 - the last line of defence, see above
        raise ReadError(path, f"внутренняя ошибка letterlint при чтении письма ({type(exc).__name__}: {exc})",
                        internal=True) from exc


def _read_bytes(data: bytes, path: str) -> list[Letter]:
    if not data.strip():
        raise ReadError(path, "пустой файл — в нём нет письма")
    if b"\x00" in data[:8192] and not looks_like_message(data):
        raise ReadError(path, "это двоичный файл, а не письмо или шаблон")
    low = path.lower()
    if low.endswith((".mbox", ".mbx")) or data.startswith(b"From ") and _mbox_members(data):
        return _read_mbox(data, path)
    if low.endswith(".eml") or low.endswith(".mail") or (not low.endswith(TEMPLATE_SUFFIXES) and looks_like_message(data)):
        lead = re.match(rb"(?:[ \t]*\r?\n)*", data).end()   # blank lines some tools write before the headers
        if not looks_like_message(data[lead:], lenient=True):
            raise ReadError(path, "не похоже на письмо: в начале нет заголовков From/To/Subject")
        return [parse_message(data[lead:], path, line_offset=data.count(b"\n", 0, lead))]
    text = decode_bytes(data)
    if _binaryish(text):
        raise ReadError(path, "это двоичный файл, а не письмо или шаблон")
    return [parse_template(text.lstrip("\ufeff"), path)]


def _binaryish(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for ch in sample if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f"))
    return bool(sample) and bad / len(sample) > 0.1


_FROM_LINE = re.compile(rb"^From \S+.*$", re.M)


def _mbox_members(data: bytes) -> list[tuple[int, int]]:
    """(start, end) byte ranges of mbox messages, split at «From » lines that follow a blank line."""
    data_n = data
    starts = [m.start() for m in _FROM_LINE.finditer(data_n)
              if m.start() == 0 or data_n[max(0, m.start() - 2):m.start()] in (b"\n\n", b"\r\n") or
              data_n[max(0, m.start() - 4):m.start()] == b"\r\n\r\n"]
    return [(s, starts[i + 1] if i + 1 < len(starts) else len(data)) for i, s in enumerate(starts)]


def _read_mbox(data: bytes, path: str) -> list[Letter]:
    members = _mbox_members(data)
    if not members:
        raise ReadError(path, "в файле mbox не найдено ни одного письма (нет строк «From »)")
    letters = []
    for n, (start, end) in enumerate(members, 1):
        chunk = data[start:end]
        first_nl = chunk.find(b"\n")
        body = chunk[first_nl + 1:] if first_nl >= 0 else b""
        body = re.sub(rb"(?m)^>(>*From )", rb"\1", body)  # mboxrd unescaping
        offset = data.count(b"\n", 0, start) + 1
        try:
            letter = parse_message(body, path, kind="mbox", line_offset=offset)
        except ReadError as exc:
            raise ReadError(path, f"письмо №{n}: {exc.message}") from None
        letters.append(letter)
    return letters
