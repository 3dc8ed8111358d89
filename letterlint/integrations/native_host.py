"""`letterlint native-host`: the native-messaging host the Thunderbird extension talks to.

The protocol (WebExtensions native messaging): each message is a 4-byte length — in bytes, native byte order —
followed by that many bytes of UTF-8 JSON, in both directions. The mail client starts the host with two extra
arguments (the host manifest's path and the extension id), writes requests to its stdin and reads replies from
its stdout; anything else on stdout would corrupt the stream, so at start the real stdout is kept for the
replies only and file descriptor 1 and ``sys.stdout`` are pointed at stderr (a stray print, a library's warning,
click's echo all land there). Replies are kept under 1 MB, the limit Thunderbird and Firefox accept from a
host: the most serious findings are kept and ``truncated``/``omitted`` say how many were dropped.

Requests are those of :mod:`letterlint.integrations.compose` (``type: "check"``, the default) and
``{"type": "ping"}`` → ``{"ok": true, "type": "pong", "version": …}``. The host answers every request in turn
until stdin closes, so both ``runtime.sendNativeMessage`` (one request per process) and ``connectNative``
(one long-lived process, models warm after the first letter) work.
"""

from __future__ import annotations

import json
import os
import struct
import sys
from typing import Any, BinaryIO, Callable

import click

HOST_NAME = "letterlint"
MAX_REPLY = 1024 * 1024 - 1          # bytes of JSON in one reply: «under 1 MB»
MAX_REQUEST = 64 * 1024 * 1024       # a letter with its attachments listed, its thread raw: never this big
_HEADER = struct.Struct("=I")        # native byte order, standard 4-byte size


class ProtocolError(Exception):
    """The stream is broken (a frame cut short): the host cannot go on."""


def read_frame(stream: BinaryIO) -> bytes | None:
    """One message's bytes, or None at a clean end of input (no bytes before the header)."""
    head = _read_exactly(stream, _HEADER.size, allow_eof=True)
    if head is None:
        return None
    (length,) = _HEADER.unpack(head)
    if length > MAX_REQUEST:
        _skip(stream, length)
        raise _Oversize(length)
    data = _read_exactly(stream, length, allow_eof=False)
    assert data is not None
    return data


class _Oversize(Exception):
    def __init__(self, length: int) -> None:
        super().__init__(length)
        self.length = length


def _read_exactly(stream: BinaryIO, n: int, allow_eof: bool) -> bytes | None:
    buf = bytearray()
    while len(buf) < n:
        chunk = stream.read(n - len(buf))
        if not chunk:
            if allow_eof and not buf:
                return None
            raise ProtocolError(f"входной поток оборвался: получено {len(buf)} байт из {n}")
        buf += chunk
    return bytes(buf)


def _skip(stream: BinaryIO, n: int) -> None:
    while n > 0:
        chunk = stream.read(min(n, 1 << 20))
        if not chunk:
            raise ProtocolError("входной поток оборвался посреди слишком большого сообщения")
        n -= len(chunk)


def write_frame(stream: BinaryIO, data: bytes) -> None:
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def encode_reply(reply: dict, limit: int = MAX_REPLY) -> bytes:
    from letterlint.integrations.compose import fit_reply

    return fit_reply(reply, limit)


def serve(inp: BinaryIO, out: BinaryIO, handle: Callable[[Any], dict], limit: int = MAX_REPLY) -> int:
    """Answer framed requests from ``inp`` on ``out`` until ``inp`` ends. Returns the exit code."""
    while True:
        try:
            data = read_frame(inp)
        except _Oversize as exc:
            write_frame(out, encode_reply({"ok": False, "id": None,
                                           "error": f"сообщение слишком большое: {exc.length} байт"}, limit))
            continue
        except ProtocolError as exc:
            click.echo(f"letterlint native-host: {exc}", err=True)
            return 1
        if data is None:
            return 0
        try:
            request = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            reply: dict = {"ok": False, "id": None, "error": f"сообщение — не JSON в UTF-8 ({type(exc).__name__})"}
        else:
            reply = handle(request)
        write_frame(out, encode_reply(reply, limit))


class Handler:
    """Requests → replies; the engines are built on the first check and kept for the next ones."""

    def __init__(self, config_path: str | None, fail_on: str | None) -> None:
        self.config_path, self.fail_on = config_path, fail_on
        self._engines: Any = None

    def engines(self) -> Any:
        if self._engines is None:
            from pathlib import Path

            from letterlint.engine.session import Engines

            # Thunderbird starts the host in its own directory: look for ~/.letterlint.yaml, not there
            self._engines = Engines(self.config_path, [], [], None, base=Path.home())
        return self._engines

    def __call__(self, request: Any) -> dict:
        from letterlint import __version__
        from letterlint.integrations.compose import check_compose

        kind = request.get("type", "check") if isinstance(request, dict) else "check"
        rid = request.get("id") if isinstance(request, dict) else None
        if kind == "ping":
            return {"ok": True, "id": rid, "type": "pong", "version": __version__}
        if kind != "check":
            return {"ok": False, "id": rid, "error": f"неизвестный тип запроса «{kind}»"}
        try:
            engines = self.engines()
        except Exception as exc:  # a broken config: say so in the reply, the mail client shows it
            return {"ok": False, "id": rid, "error": str(exc)}
        reply = check_compose(request, engines, self.fail_on)
        reply["version"] = __version__
        return reply


def _claim_stdout() -> BinaryIO:
    """The real stdout, for replies only; fd 1 and sys.stdout now go to stderr."""
    sys.stdout.flush()
    fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    if sys.platform == "win32":  # pragma: no cover - no text-mode newline translation of frames
        import msvcrt

        msvcrt.setmode(fd, os.O_BINARY)
        msvcrt.setmode(sys.stdin.fileno(), os.O_BINARY)
    return os.fdopen(fd, "wb", buffering=0)


@click.command("native-host", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--config", "config_path", metavar="FILE",
              help="Файл настроек (по умолчанию ~/.letterlint.yaml или встроенные рекомендованные).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="С какого уровня задерживать отправку (по умолчанию fail_on из настроек, обычно error).")
@click.argument("browser_args", nargs=-1, type=click.UNPROCESSED)
def command(config_path: str | None, fail_on: str | None, browser_args: tuple[str, ...]) -> None:
    """Хост native messaging для расширения Thunderbird (запускает сам Thunderbird).

    Читает запросы в формате native messaging (4 байта длины + JSON) со стандартного ввода и отвечает
    замечаниями; в стандартный вывод не пишет ничего, кроме ответов. Установка: letterlint install-thunderbird.
    """
    import logging

    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    out = _claim_stdout()
    if sys.stdin is None:  # pragma: no cover
        sys.exit(1)
    code = serve(sys.stdin.buffer, out, Handler(config_path, fail_on))
    sys.exit(code)
