"""`letterlint serve`: a local HTTP server with warm models, for editors and mail clients.

Endpoints (127.0.0.1 by default; bodies over ``--max-body`` bytes get 413):

- ``POST /v2/check`` — LanguageTool-compatible: form fields ``text`` or ``data`` (LanguageTool's annotated
  text: ``{"annotation": [{"text": …}, {"markup": …, "interpretAs": …}]}``), ``language`` (``ru``, ``ru-RU``,
  ``auto``), optional ``enabledRules``/``disabledRules``/``enabledOnly``/``disabledCategories``. The text is
  read like a ``.txt`` template (leading ``Subject:``/``To:`` lines are headers; quoted history is the thread).
  ``matches[].offset``/``length`` count UTF-16 code units of the submitted text (markup included), as
  LanguageTool's Java strings do, so an emoji before a finding counts twice.
- ``GET /v2/languages`` — ``[{"name": "Russian", "code": "ru", "longCode": "ru-RU"}]``.
- ``POST /api/check`` — JSON ``{"draft": "<raw .eml or text>", "name": "draft.eml", "thread": ["<raw .eml>", …]}``
  (``draft_base64`` for 8-bit letters in other charsets) → the ``--format json`` object of DESIGN §5.
- ``POST /api/compose`` — a mail client's compose fields, as the Thunderbird native host takes them
  (:mod:`letterlint.integrations.compose`) → ``{ok, block, report, …}``.
- ``GET /api/health`` — ``{"ok": true, "version": …, "rules": [...]}``.

We use the standard library's ThreadingHTTPServer: a handful of routes, no dependency to keep up. Checks are
serialised by a lock (the NLP models are shared and the work is CPU-bound anyway).
"""

from __future__ import annotations

import json
import os
import re
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import click

DEFAULT_PORT = 8081                  # LanguageTool's own default: clients pointed at a local LT find us
DEFAULT_MAX_BODY = 16 * 1024 * 1024  # a raw letter with a few attachments; a text to check is far smaller
TEXT_PATH = "<text>"
LANGUAGES = [{"name": "Russian", "code": "ru", "longCode": "ru-RU"}]
_ACCEPTED_LANGUAGES = {"ru", "ru-ru", "auto"}
CONTEXT_CHARS = 40
_DRAIN_MAX = 64 * 1024 * 1024        # an oversized body up to this is read and dropped before the 413


class BadRequest(Exception):
    def __init__(self, message: str, status: int = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.status = status


# --- positions ----------------------------------------------------------------------------------------------

def utf16_len(s: str) -> int:
    """Length of ``s`` in UTF-16 code units: characters beyond U+FFFF (most emoji) take two."""
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Code-point offsets where each line of ``text`` starts (CRLF, CR and LF all end a line)."""
    return [0] + [m.end() for m in _BREAK.finditer(text)]


@dataclass
class _Segment:
    plain_start: int
    plain_end: int
    orig_start: int
    orig_end: int
    text: bool


class Annotated:
    """Text to check (``plain``) and the text the client sent (``original``), with a map between them.

    For ``text`` both are the same. For LanguageTool's ``data`` the original is every item's text and markup
    in order, the plain text is the items' text plus each markup's ``interpretAs``; a finding inside
    interpreted markup covers the whole markup in the original.
    """

    def __init__(self, segments: list[tuple[str, str, bool]]) -> None:
        self.segments: list[_Segment] = []
        plain, orig = [], []
        p = o = 0
        for plain_part, orig_part, is_text in segments:
            self.segments.append(_Segment(p, p + len(plain_part), o, o + len(orig_part), is_text))
            plain.append(plain_part)
            orig.append(orig_part)
            p += len(plain_part)
            o += len(orig_part)
        self.plain = "".join(plain)
        self.original = "".join(orig)

    @classmethod
    def from_text(cls, text: str) -> "Annotated":
        return cls([(text, text, True)])

    @classmethod
    def from_data(cls, data: str) -> "Annotated":
        try:
            obj = json.loads(data)
        except ValueError as exc:
            raise BadRequest(f"data: не JSON ({exc})") from None
        items = obj.get("annotation") if isinstance(obj, dict) else None
        if not isinstance(items, list):
            raise BadRequest("data: нужен объект {\"annotation\": [...]}")
        segments = []
        for n, item in enumerate(items):
            if not isinstance(item, dict):
                raise BadRequest(f"data: annotation[{n}] — не объект")
            if "text" in item:
                t = str(item["text"])
                segments.append((t, t, True))
            elif "markup" in item:
                segments.append((str(item.get("interpretAs") or ""), str(item["markup"]), False))
            else:
                raise BadRequest(f"data: annotation[{n}]: нужен text или markup")
        return cls(segments)

    def to_original(self, p: int, end: bool) -> int:
        """Original code-point offset of plain offset ``p`` (``end``: an exclusive end)."""
        for s in self.segments:
            if s.plain_end == s.plain_start:
                continue
            inside = s.plain_start < p <= s.plain_end if end else s.plain_start <= p < s.plain_end
            if inside:
                if s.text:
                    return s.orig_start + (p - s.plain_start)
                return s.orig_end if end else s.orig_start
        return len(self.original)


class Positions:
    """(line, column) of a finding in the checked text → offsets in the submitted text."""

    def __init__(self, ann: Annotated) -> None:
        self.ann = ann
        self.starts = line_starts(ann.plain)
        self.ends = [m.start() for m in _BREAK.finditer(ann.plain)] + [len(ann.plain)]

    def plain_offset(self, line: int, column: int) -> int:
        if line < 1:
            return 0
        if line > len(self.starts):
            return len(self.ann.plain)
        start, end = self.starts[line - 1], self.ends[line - 1]
        return min(start + max(column, 1) - 1, end)

    def span(self, f: Any) -> tuple[int, int]:
        """(start, end) plain code-point offsets of a finding; end ≥ start."""
        s = self.plain_offset(f.line, f.column)
        e = self.plain_offset(f.end_line, f.end_column)
        return s, max(s, e)

    def utf16(self, original_offset: int) -> int:
        return utf16_len(self.ann.original[:original_offset])


# --- LanguageTool shape -------------------------------------------------------------------------------------

_CATEGORIES = {
    "THREAD": ("Ответ на письмо клиента", {"unanswered-question", "answer-order", "unreported-request",
                                           "asked-again", "slow-reply"}),
    "HEADERS": ("Тема, получатели, вложения", {"subject-changed", "reply-all", "subject-informative",
                                              "missing-attachment", "large-attachment"}),
    "STRUCTURE": ("Строение письма", {"numbered-questions", "call-to-action", "closing", "long-sentence",
                                      "letter-length", "price-breakdown", "call-summary", "meeting-invite"}),
}
_ISSUE_TYPES = {"unanswered-question": "omission", "unreported-request": "omission", "call-to-action": "omission",
                "closing": "omission", "missing-attachment": "omission", "price-breakdown": "omission",
                "familiarity": "register", "rudeness": "register", "officialese": "register",
                "long-sentence": "length", "letter-length": "length"}


def category_of(rule_id: str, needs: frozenset[str] = frozenset()) -> tuple[str, str]:
    for cid, (name, ids) in _CATEGORIES.items():
        if rule_id in ids:
            return f"LETTERLINT_{cid}", name
    if "thread" in needs:
        return "LETTERLINT_THREAD", _CATEGORIES["THREAD"][0]
    return "LETTERLINT_WORDING", "Слова и тон"


_SENTENCE_END = re.compile(r"([.!?…]+[\"»)]*)\s+|\n\s*\n|\n(?=\s*(?:[-•*]|\d+[.)])\s)")


def _sentence(text: str, s: int, e: int) -> str:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, s):
        start = m.end()
    m = _SENTENCE_END.search(text, max(e, start))
    end = m.start() + len(m.group(1) or "") if m else len(text)
    if end < e:
        end = e
    return " ".join(text[start:end].split())


def _context(text: str, s: int, e: int) -> dict:
    left, right = max(0, s - CONTEXT_CHARS), min(len(text), e + CONTEXT_CHARS)
    pre = ("..." if left > 0 else "") + text[left:s]
    body = text[s:e]
    post = text[e:right] + ("..." if right < len(text) else "")
    flat = lambda t: _BREAK.sub(" ", t)  # noqa: E731 - one line of the context, as LanguageTool shows it
    pre, body, post = flat(pre), flat(body), flat(post)
    return {"text": pre + body + post, "offset": utf16_len(pre), "length": utf16_len(body)}


def lt_match(f: Any, pos: Positions, rule: Any | None) -> dict:
    ps, pe = pos.span(f)
    os_ = pos.ann.to_original(ps, end=False)
    oe = max(os_, pos.ann.to_original(pe, end=True)) if pe > ps else os_
    offset = pos.utf16(os_)
    length = pos.utf16(oe) - offset
    title = getattr(rule, "title", "") or f.rule
    cat_id, cat_name = category_of(f.rule, getattr(rule, "needs", frozenset()))
    message = f.message + (f" {f.suggestion}" if f.suggestion and not f.replacements else "")
    return {
        "message": message,
        "shortMessage": title,
        "replacements": [{"value": r} for r in f.replacements],
        "offset": offset,
        "length": length,
        "context": _context(pos.ann.plain, ps, pe),
        "sentence": _sentence(pos.ann.plain, ps, pe),
        "type": {"typeName": "Hint" if f.severity == "info" else "Other"},
        "rule": {"id": f.rule, "description": title, "issueType": _ISSUE_TYPES.get(f.rule, "style"),
                 "category": {"id": cat_id, "name": cat_name}},
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def _ids(params: dict, name: str) -> set[str]:
    return {x.strip() for x in (params.get(name) or "").split(",") if x.strip()}


# --- the service --------------------------------------------------------------------------------------------

class Service:
    """Engines warmed once; every check goes through here (one at a time)."""

    def __init__(self, config_path: str | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, lang: str | None = None, base: str | None = None) -> None:
        from letterlint.engine.session import Engines

        self.engines = Engines(config_path, select or [], ignore or [], lang, base=base or os.getcwd())
        self.lock = threading.Lock()

    def engine(self) -> Any:
        return self.engines.engine_for("<stdin>")

    def warm(self) -> float:
        """Build the engine and run it once on a small letter so every model is loaded; seconds spent."""
        t = time.perf_counter()
        self.lt_check({"text": "Добрый день! Макет пришлём в среду до 18:00. Удобно ли вам?\n\nСпасибо!",
                       "language": "ru"})
        return time.perf_counter() - t

    def lt_check(self, params: dict) -> dict:
        from letterlint import __version__
        from letterlint.engine.session import lint_letters
        from letterlint.mail import ReadError
        from letterlint.mail.template import parse_template

        language = (params.get("language") or "").strip()
        if not language:
            raise BadRequest("Missing 'language' parameter, e.g. 'language=ru-RU' or 'language=auto'")
        if language.lower() not in _ACCEPTED_LANGUAGES:
            raise BadRequest(f"Error: '{language}' is not a language code known to letterlint: use ru, ru-RU or auto")
        if params.get("data") is not None:
            ann = Annotated.from_data(params["data"])
        elif params.get("text") is not None:
            ann = Annotated.from_text(params["text"])
        else:
            raise BadRequest("Missing 'text' or 'data' parameter")
        text = ann.plain.replace("\r\n", "\n").replace("\r", "\n")
        with self.lock:
            engine = self.engine()
            findings: list = []
            if text.strip():
                try:
                    letter = parse_template(text, TEXT_PATH)
                except ReadError as exc:
                    raise BadRequest(exc.message) from None
                findings, _errors = lint_letters([letter], engine, [])
            rules = engine.all_rules
        enabled, disabled = _ids(params, "enabledRules"), _ids(params, "disabledRules")
        disabled_cats = _ids(params, "disabledCategories")
        only = str(params.get("enabledOnly", "")).lower() == "true"
        pos = Positions(ann)
        matches = []
        for f in findings:
            if f.path != TEXT_PATH or f.rule in disabled or (only and f.rule not in enabled):
                continue
            m = lt_match(f, pos, rules.get(f.rule))
            if m["rule"]["category"]["id"] in disabled_cats:
                continue
            matches.append(m)
        matches.sort(key=lambda m: (m["offset"], m["length"]))
        lang = {"name": "Russian", "code": "ru-RU"}
        return {"software": {"name": "letterlint", "version": __version__, "buildDate": None, "apiVersion": 1,
                             "premium": False, "status": ""},
                "warnings": {"incompleteResults": False},
                "language": {**lang, "detectedLanguage": {**lang, "confidence": 1.0}},
                "matches": matches}

    def api_check(self, req: Any) -> dict:
        import base64
        import binascii

        from letterlint.engine.finding import FileResult
        from letterlint.engine.session import lint_letters
        from letterlint.integrations.compose import RequestError, _thread_letters
        from letterlint.mail import ReadError, read_bytes
        from letterlint.report.json_report import to_object

        if not isinstance(req, dict):
            raise BadRequest("нужен JSON-объект {\"draft\": …}")
        name = str(req.get("name") or "draft")
        if req.get("draft_base64") is not None:
            try:
                data = base64.b64decode(str(req["draft_base64"]))
            except (binascii.Error, ValueError):
                raise BadRequest("draft_base64: не base64") from None
        elif isinstance(req.get("draft"), str):
            data = req["draft"].encode("utf-8")
        else:
            raise BadRequest("нужно поле draft (текст письма или .eml) или draft_base64")
        try:
            earlier = _thread_letters(req.get("thread"))
        except RequestError as exc:
            raise BadRequest(str(exc)) from None
        try:
            letters = read_bytes(data, name)
        except ReadError as exc:
            return to_object([FileResult(name, [], exc.message)])
        with self.lock:
            findings, errors = lint_letters(letters, self.engine(), earlier)
        return to_object([FileResult(letters[0].path if letters else name, findings, "; ".join(errors) or None)])

    def api_compose(self, req: Any) -> dict:
        from letterlint.integrations.compose import check_compose

        with self.lock:
            return check_compose(req, self.engines)

    def health(self) -> dict:
        from letterlint import __version__

        return {"ok": True, "version": __version__, "rules": [r.id for r in self.engine().rules]}


class Handler(BaseHTTPRequestHandler):
    server_version = "letterlint"
    protocol_version = "HTTP/1.1"
    timeout = 60   # a client that stops sending mid-body does not hold a thread for ever
    # headers and body go out in two writes; with Nagle's algorithm on, a keep-alive client's delayed ACK holds
    # the body back ~40 ms per request
    disable_nagle_algorithm = True

    @property
    def service(self) -> Service:
        return self.server.service  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        if getattr(self.server, "verbose", False):
            sys.stderr.write(f"letterlint serve: {self.address_string()} {format % args}\n")

    # --- plumbing ---
    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        origin = getattr(self.server, "allow_origin", None)
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, obj: Any, status: int = HTTPStatus.OK) -> None:
        self._send(status, json.dumps(obj, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        if self.path.startswith("/v2/"):   # LanguageTool answers errors in plain text
            self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")
        else:
            self._json({"error": message}, status)

    def _body(self) -> bytes:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            raise BadRequest("нужен заголовок Content-Length (chunked не поддерживается)", HTTPStatus.LENGTH_REQUIRED)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.close_connection = True
            raise BadRequest("неверный Content-Length") from None
        limit = self.server.max_body  # type: ignore[attr-defined]
        if length > limit:
            self.close_connection = True
            if length <= _DRAIN_MAX:   # read it away (in small pieces) so the client sees the 413, not a reset
                left = length
                while left > 0:
                    chunk = self.rfile.read(min(left, 65536))
                    if not chunk:
                        break
                    left -= len(chunk)
            raise BadRequest(f"тело запроса больше {limit} байт", HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        return self.rfile.read(length) if length > 0 else b""

    def _form(self, body: bytes) -> dict:
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query, keep_blank_values=True).items()}
        if body:
            if ctype not in ("", "application/x-www-form-urlencoded"):
                raise BadRequest(f"нужен application/x-www-form-urlencoded, а не {ctype}",
                                 HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest("тело запроса не в UTF-8") from None
            params.update({k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()})
        return params

    def _json_body(self, body: bytes) -> Any:
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise BadRequest(f"тело запроса — не JSON в UTF-8 ({type(exc).__name__})") from None

    def _dispatch(self, method: str) -> None:
        route = urlsplit(self.path).path.rstrip("/") or "/"
        try:
            if method == "POST":
                body = self._body()
            if route == "/v2/languages" and method == "GET":
                return self._json(LANGUAGES)
            if route == "/v2/check" and method in ("GET", "POST"):
                params = self._form(body if method == "POST" else b"")
                return self._json(self.service.lt_check(params))
            if route == "/api/check" and method == "POST":
                return self._json(self.service.api_check(self._json_body(body)))
            if route == "/api/compose" and method == "POST":
                return self._json(self.service.api_compose(self._json_body(body)))
            if route in ("/api/health", "/") and method == "GET":
                return self._json(self.service.health())
            known = {"/v2/languages", "/v2/check", "/api/check", "/api/compose", "/api/health", "/"}
            if route in known:
                return self._error(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} не поддерживается для {route}")
            return self._error(HTTPStatus.NOT_FOUND, f"нет такого адреса: {route}")
        except BadRequest as exc:
            return self._error(exc.status, str(exc))
        except Exception as exc:  # a bug answers 500 with a message; the server goes on
            if os.environ.get("LETTERLINT_DEBUG"):
                traceback.print_exc()
            return self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"внутренняя ошибка: {type(exc).__name__}: {exc}")

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_OPTIONS(self) -> None:  # noqa: N802 - a CORS preflight, answered only when --allow-origin is set
        origin = getattr(self.server, "allow_origin", None)
        self.send_response(HTTPStatus.NO_CONTENT if origin else HTTPStatus.METHOD_NOT_ALLOWED)
        if origin:
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], service: Service, max_body: int = DEFAULT_MAX_BODY,
                 allow_origin: str | None = None, verbose: bool = False) -> None:
        self.service, self.max_body, self.allow_origin, self.verbose = service, max_body, allow_origin, verbose
        super().__init__(address, Handler)


def make_server(service: Service, host: str = "127.0.0.1", port: int = 0, **kw: Any) -> Server:
    """A server bound to ``host:port`` (0: any free port, see ``server.server_address``); call serve_forever()."""
    return Server((host, port), service, **kw)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Адрес; другой, чем 127.0.0.1, откроет сервер всей сети — только если вы этого хотите.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Порт (8081 — как у LanguageTool; 0 — любой свободный).")
@click.option("--config", "config_path", metavar="FILE", help="Файл настроек вместо найденного .letterlint.yaml.")
@click.option("--select", multiple=True, metavar="IDS", help="Только эти правила (через запятую).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Пропустить эти правила (через запятую).")
@click.option("--max-body", default=DEFAULT_MAX_BODY, show_default=True, type=click.IntRange(1),
              help="Наибольший размер тела запроса в байтах (больше — ответ 413).")
@click.option("--allow-origin", metavar="ORIGIN", default=None,
              help="Заголовок Access-Control-Allow-Origin для веб-клиентов (по умолчанию не отдаётся).")
@click.option("-v", "--verbose", is_flag=True, help="Писать каждый запрос в stderr.")
def command(host: str, port: int, config_path: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
            max_body: int, allow_origin: str | None, verbose: bool) -> None:
    """Локальный сервер: JSON API и LanguageTool-совместимый /v2/check с прогретыми моделями.

    \b
    letterlint serve                       # http://127.0.0.1:8081
    curl -d language=ru-RU --data-urlencode text@draft.txt http://127.0.0.1:8081/v2/check
    """
    from letterlint.engine.errors import LetterlintError

    split = lambda vs: [x.strip() for v in vs for x in v.replace(";", ",").split(",") if x.strip()]  # noqa: E731
    try:
        service = Service(config_path, split(select), split(ignore))
        took = service.warm()
    except LetterlintError as exc:
        click.echo(f"letterlint: {exc}", err=True)
        sys.exit(2)
    try:
        server = make_server(service, host, port, max_body=max_body, allow_origin=allow_origin, verbose=verbose)
    except OSError as exc:
        click.echo(f"letterlint: не удалось открыть {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    h, p = server.server_address[:2]
    click.echo(f"letterlint serve: http://{h}:{p} (модели загружены за {took:.1f} с; Ctrl+C — остановить)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
