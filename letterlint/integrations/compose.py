"""A check request from a mail client's compose window → a reply with the findings.

Shared by `letterlint native-host` (Thunderbird) and `letterlint serve` (``POST /api/compose``). The request is
a JSON object; every field is optional:

    {"type": "check", "id": 7,
     "details": {"subject": "…", "from": "Мария <m@firm.ru>", "to": ["Иван <i@client.ru>"], "cc": [],
                 "body": "<html>…</html>", "plainTextBody": "…", "isPlainText": false,
                 "type": "reply", "relatedMessageId": 42},
     "attachments": [{"name": "смета.pdf", "size": 123456}],
     "thread": [{"raw": "<the related message's RFC 5322 source as a binary string>"},
                {"raw_base64": "…"}, {"text": "a pasted earlier letter"}]}

The fields of ``details`` may also sit at the top level. The reply:

    {"ok": true, "id": 7, "block": true, "fail_on": "error",
     "report": {DESIGN §5 JSON: version, files[{path, error, findings}], summary},
     "truncated": false, "omitted": 0}

or ``{"ok": false, "id": 7, "error": "сообщение"}``.
"""

from __future__ import annotations

import base64
import binascii
import os
import traceback
from typing import Any

from letterlint.engine.errors import LetterlintError
from letterlint.engine.finding import FileResult
from letterlint.engine.session import Engines, blocking, lint_letters

COMPOSE_PATH = "<письмо>"


class RequestError(ValueError):
    """The request is not something we can check (the message is for the user, in Russian)."""


def _thread_letters(items: Any) -> list:
    from letterlint.mail import ReadError, read_bytes

    if items is None:
        return []
    if not isinstance(items, list):
        raise RequestError("thread должен быть списком писем")
    letters: list = []
    for n, item in enumerate(items, 1):
        name = f"<переписка {n}>"
        if isinstance(item, str):
            data, name = item.encode("utf-8"), name
        elif isinstance(item, dict):
            name = str(item.get("name") or name)
            if item.get("raw_base64"):
                try:
                    data = base64.b64decode(str(item["raw_base64"]), validate=False)
                except (binascii.Error, ValueError):
                    raise RequestError(f"thread[{n}]: raw_base64 — не base64") from None
            elif item.get("raw") is not None:
                raw = str(item["raw"])
                # Thunderbird's messages.getRaw() gives a "binary string": one character per byte
                try:
                    data = raw.encode("latin-1")
                except UnicodeEncodeError:
                    data = raw.encode("utf-8")
                if not name.lower().endswith(".eml"):
                    name += ".eml"
            elif item.get("text") is not None:
                data = str(item["text"]).encode("utf-8")
                name = name if name.lower().endswith(".txt") else name + ".txt"
            else:
                raise RequestError(f"thread[{n}]: нужен raw, raw_base64 или text")
        else:
            raise RequestError(f"thread[{n}]: письмо — строка или объект")
        try:
            letters += read_bytes(data, name)
        except ReadError as exc:
            raise RequestError(f"thread[{n}]: {exc.message}") from None
    return letters


def _recipients(value: Any) -> Any:
    # Thunderbird gives strings, or {id, type: "contact"|"mailingList"} for address-book entries it has not
    # expanded; those carry no address and are skipped.
    if isinstance(value, list):
        return [v for v in value if not (isinstance(v, dict) and "id" in v and not v.get("email"))]
    return value


def compose_letter(request: dict, earlier: list):
    from letterlint.mail.compose import letter_from_fields

    d = request.get("details") if isinstance(request.get("details"), dict) else request
    plain = bool(d.get("isPlainText"))
    body = d.get("plainTextBody") if plain else d.get("body")
    if body is None:   # only one of them sent
        body, plain = (d.get("body"), False) if d.get("body") is not None else (d.get("plainTextBody"), True)
    if body is not None and not isinstance(body, str):
        raise RequestError("body должен быть строкой")
    attachments = request.get("attachments", d.get("attachments")) or []
    if not isinstance(attachments, list):
        raise RequestError("attachments должен быть списком")
    parent = next((x for x in reversed(earlier) if x.message_id), None)
    in_reply_to = parent.message_id if parent else ("<reply@compose>" if d.get("type") == "reply" else "")
    return letter_from_fields(subject=str(d.get("subject") or ""), sender=d.get("from"),
                              to=_recipients(d.get("to")), cc=_recipients(d.get("cc")), body=body or "",
                              html=not plain, attachments=[a for a in attachments if isinstance(a, dict)],
                              path=COMPOSE_PATH, in_reply_to=in_reply_to)


def check_compose(request: Any, engines: Engines, fail_on: str | None = None) -> dict:
    """Check one compose-window request; never raises for a bad request (``ok: false`` with the reason)."""
    from letterlint.report.json_report import to_object

    rid = request.get("id") if isinstance(request, dict) else None
    try:
        if not isinstance(request, dict):
            raise RequestError("запрос должен быть JSON-объектом")
        earlier = _thread_letters(request.get("thread"))
        letter = compose_letter(request, earlier)
        engine = engines.engine_for("<stdin>")
        findings, errors = lint_letters([letter], engine, earlier)
    except (RequestError, LetterlintError) as exc:
        return {"ok": False, "id": rid, "error": str(exc)}
    except Exception as exc:  # a bug must reach the user as a message, never kill the host or the server
        if os.environ.get("LETTERLINT_DEBUG"):
            traceback.print_exc()
        return {"ok": False, "id": rid, "error": f"внутренняя ошибка: {type(exc).__name__}: {exc}"}
    threshold = fail_on or engine.config.fail_on
    result = FileResult(COMPOSE_PATH, findings, "; ".join(errors) or None)
    return {"ok": True, "id": rid, "block": blocking(findings, threshold), "fail_on": threshold,
            "report": to_object([result]), "truncated": False, "omitted": 0}


def fit_reply(reply: dict, limit: int) -> bytes:
    """``reply`` as UTF-8 JSON of at most ``limit`` bytes: when the findings do not fit, the most serious ones are
    kept (then by place), the rest dropped and counted in ``omitted`` with ``truncated: true``; the summary
    still counts them all."""
    import json

    def enc(obj: dict) -> bytes:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    data = enc(reply)
    if len(data) <= limit:
        return data
    files = (reply.get("report") or {}).get("files") or []
    if not files:
        return enc({"ok": False, "id": reply.get("id"), "error": "ответ слишком большой"})
    findings = [f for fl in files for f in fl.get("findings", [])]
    rank = {"error": 0, "warning": 1, "info": 2}
    order = sorted(findings, key=lambda f: (rank.get(f.get("severity"), 3), f.get("line", 0), f.get("column", 0)))

    def build(n: int) -> dict:
        keep = order[:n]
        kept_ids = {id(f) for f in keep}
        rep = dict(reply)
        rep["report"] = dict(reply["report"])
        rep["report"]["files"] = [{**fl, "findings": [f for f in fl.get("findings", []) if id(f) in kept_ids]}
                                  for fl in files]
        rep["truncated"] = True
        rep["omitted"] = len(findings) - n
        rep["notice"] = f"Показаны не все замечания: ещё {len(findings) - n} не поместились в ответ."
        return rep

    lo, hi = 0, len(order)
    while lo < hi:   # the largest n whose reply fits
        mid = (lo + hi + 1) // 2
        if len(enc(build(mid))) <= limit:
            lo = mid
        else:
            hi = mid - 1
    data = enc(build(lo))
    if len(data) > limit:
        return enc({"ok": False, "id": reply.get("id"), "error": "ответ слишком большой"})
    return data


__all__ = ["COMPOSE_PATH", "RequestError", "check_compose", "compose_letter", "fit_reply"]
