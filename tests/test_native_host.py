"""`letterlint native-host` speaks WebExtensions native messaging: framed Russian JSON through a real subprocess,
nothing but frames on stdout, replies under 1 MB; `install-thunderbird` writes a host Thunderbird can start."""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from letterlint.cli import cli
from letterlint.integrations import native_host
from letterlint.integrations.compose import fit_reply
from letterlint.integrations.thunderbird import EXTENSION_ID

ROOT = Path(__file__).resolve().parent.parent

HTML_REPLY = """<html><head><meta charset="utf-8"></head><body>
<p>Дмитрий, добрый день! 👍</p>
<p>Макет во вложении, посмотрите, пожалуйста.</p>
<p>Спасибо!</p>
<div class="moz-cite-prefix">03.03.2025 10:00, Дмитрий пишет:</div>
<blockquote type="cite">Пришлите, пожалуйста, макет буклета.</blockquote>
</body></html>"""

CHECK = {"type": "check", "id": 7,
         "details": {"subject": "Re: Макет буклета", "from": "Мария <maria@pixel-co.ru>",
                     "to": ["Дмитрий <client@firm.ru>"], "cc": [], "isPlainText": False, "body": HTML_REPLY,
                     "plainTextBody": "", "type": "reply"},
         "attachments": []}


def frame(obj: object) -> bytes:
    data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    return struct.pack("=I", len(data)) + data


def unframe(out: bytes) -> list[dict]:
    replies, i = [], 0
    while i < len(out):
        assert len(out) - i >= 4, f"a cut header at byte {i}: {out[i:]!r}"
        n = int.from_bytes(out[i:i + 4], sys.byteorder)   # native byte order
        body = out[i + 4:i + 4 + n]
        assert len(body) == n, "a cut frame"
        replies.append(json.loads(body.decode("utf-8")))
        i += 4 + n
    return replies


def run_host(stdin: bytes, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    # Thunderbird passes the manifest path and the extension id
    return subprocess.run([sys.executable, "-m", "letterlint", "native-host", "/x/letterlint.json", EXTENSION_ID, *args],
                          input=stdin, capture_output=True, timeout=120, cwd=ROOT, env=env)


@pytest.fixture(scope="module")
def session() -> tuple[subprocess.CompletedProcess, list[dict]]:
    """One host process, several requests (as with connectNative): ping, a check, broken JSON, a check again."""
    stdin = frame({"type": "ping", "id": 1}) + frame(CHECK) + struct.pack("=I", 5) + b"{oops" \
        + frame({**CHECK, "id": 8, "attachments": [{"name": "макет.pdf", "size": 120000}]}) \
        + frame({"type": "dance", "id": 9})
    p = run_host(stdin)
    return p, unframe(p.stdout)


def test_host_answers_each_frame_in_turn(session) -> None:
    p, replies = session
    assert p.returncode == 0, p.stderr.decode()
    assert [r.get("id") for r in replies] == [1, 7, None, 8, 9]
    assert replies[0]["type"] == "pong" and replies[0]["ok"]
    assert not replies[2]["ok"] and "JSON" in replies[2]["error"]
    assert not replies[4]["ok"] and "dance" in replies[4]["error"]


def test_check_reply_is_the_json_report_in_russian(session) -> None:
    _, replies = session
    r = replies[1]
    assert r["ok"] and r["block"] is True and r["fail_on"] == "error" and r["truncated"] is False
    report = r["report"]
    assert report["version"] == 1 and report["summary"]["errors"] >= 1
    f = {x["rule"]: x for x in report["files"][0]["findings"]}
    assert "missing-attachment" in f
    assert f["missing-attachment"]["excerpt"] == "во вложении"
    assert "вложени" in f["missing-attachment"]["message"]
    # the quoted client letter was read from Thunderbird's blockquote, not as the author's words
    assert all("буклета" not in x["excerpt"] for x in report["files"][0]["findings"])
    # with the attachment listed, the same letter is not held for it
    assert "missing-attachment" not in {x["rule"] for x in replies[3]["report"]["files"][0]["findings"]}


def test_nothing_but_frames_on_stdout(session) -> None:
    p, replies = session
    assert p.stdout == b"".join(_reframe(r) for r in replies)


def _reframe(reply: dict) -> bytes:
    data = json.dumps(reply, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return struct.pack("=I", len(data)) + data


def test_stray_prints_go_to_stderr() -> None:
    """A library printing to stdout (Python or C level) must not corrupt the stream."""
    code = ("import os, sys\n"
            "from letterlint.integrations import native_host as nh\n"
            "class Loud(nh.Handler):\n"
            "    def __call__(self, request):\n"
            "        print('шум из библиотеки'); os.write(1, b'C-level noise\\n')\n"
            "        return {'ok': True, 'id': request.get('id'), 'text': 'привет'}\n"
            "nh.Handler = Loud\n"
            "nh.command(['/x.json', 'id@x'])\n")
    p = subprocess.run([sys.executable, "-c", code], input=frame({"id": 3}), capture_output=True, timeout=60)
    assert unframe(p.stdout) == [{"ok": True, "id": 3, "text": "привет"}]
    assert "шум из библиотеки" in p.stderr.decode() and b"C-level noise" in p.stderr


def test_cut_frame_is_an_error_not_a_hang() -> None:
    p = run_host(struct.pack("=I", 100) + b'{"type": "ping"')
    assert p.returncode == 1 and p.stdout == b""
    assert "оборвался" in p.stderr.decode()


def test_serve_in_process_with_oversize_and_empty_input(monkeypatch) -> None:
    monkeypatch.setattr(native_host, "MAX_REQUEST", 40)
    inp = io.BytesIO(struct.pack("=I", 50) + b"x" * 50 + frame({"type": "ping", "id": 2}))
    out = io.BytesIO()
    assert native_host.serve(inp, out, native_host.Handler(None, None)) == 0
    replies = unframe(out.getvalue())
    assert not replies[0]["ok"] and "слишком большое" in replies[0]["error"]
    assert replies[1]["type"] == "pong"
    assert native_host.serve(io.BytesIO(b""), io.BytesIO(), lambda r: {}) == 0


def _many_findings(n: int) -> dict:
    findings = [{"rule": "jargon" if i % 3 else "unanswered-question", "severity": "warning" if i % 3 else "error",
                 "message": "Жаргон «апрув»: клиент может не знать этого слова. " * 20, "path": "<письмо>",
                 "line": i + 1, "column": 1, "end_line": i + 1, "end_column": 6, "excerpt": "апрув",
                 "suggestion": None} for i in range(n)]
    return {"ok": True, "id": 1, "block": True, "fail_on": "error", "truncated": False, "omitted": 0,
            "report": {"version": 1, "files": [{"path": "<письмо>", "error": None, "findings": findings}],
                       "summary": {"files": 1, "errors": n // 3, "warnings": n - n // 3, "infos": 0}}}


def test_reply_over_one_megabyte_is_truncated_keeping_errors_first() -> None:
    reply = _many_findings(2000)   # ≈ 4 MB of JSON
    data = native_host.encode_reply(reply)
    assert len(data) <= native_host.MAX_REPLY < 1024 * 1024
    got = json.loads(data)
    kept = got["report"]["files"][0]["findings"]
    assert got["truncated"] is True and got["omitted"] == 2000 - len(kept) > 0
    assert "не поместились" in got["notice"]
    assert got["report"]["summary"]["errors"] == 2000 // 3   # the summary still counts everything
    errors = [f for f in kept if f["severity"] == "error"]
    assert len(errors) == min(len(kept), 2000 // 3 + (1 if 2000 % 3 else 0))
    # a reply that fits is untouched
    small = _many_findings(3)
    assert json.loads(fit_reply(small, native_host.MAX_REPLY)) == small


def test_broken_config_is_a_reply_not_a_crash(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("rules: [oops\n", encoding="utf-8")
    p = run_host(frame(CHECK), "--config", str(cfg))
    (reply,) = unframe(p.stdout)
    assert p.returncode == 0 and reply["ok"] is False and "bad.yaml" in reply["error"]


# --- install-thunderbird ------------------------------------------------------------------------------------

def test_install_on_linux_writes_a_host_thunderbird_can_start(tmp_path: Path, monkeypatch) -> None:
    if sys.platform != "linux":
        pytest.skip("the installed launcher is a sh script; this test runs it")
    monkeypatch.setenv("HOME", str(tmp_path))
    r = CliRunner().invoke(cli, ["install-thunderbird"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    manifest_path = tmp_path / ".mozilla" / "native-messaging-hosts" / "letterlint.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["name"] == "letterlint" and manifest["type"] == "stdio"
    assert manifest["allowed_extensions"] == [EXTENSION_ID]
    launcher = Path(manifest["path"])
    assert launcher.is_absolute() and os.access(launcher, os.X_OK)
    # start it as Thunderbird would: the launcher with the manifest path and the extension id
    p = subprocess.run([str(launcher), str(manifest_path), EXTENSION_ID], input=frame({"type": "ping", "id": 5}),
                       capture_output=True, timeout=60, cwd=tmp_path)
    assert unframe(p.stdout) == [{"ok": True, "id": 5, "type": "pong", "version": unframe(p.stdout)[0]["version"]}]
    r = CliRunner().invoke(cli, ["install-thunderbird", "--uninstall"], catch_exceptions=False)
    assert r.exit_code == 0 and not manifest_path.exists() and not launcher.exists()


def test_install_places_for_macos_and_windows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    cfg = tmp_path / "team.yaml"
    cfg.write_text("extends: recommended\n", encoding="utf-8")
    r = CliRunner().invoke(cli, ["install-thunderbird", "--platform", "darwin", "--dry-run"], catch_exceptions=False)
    assert r.exit_code == 0
    assert str(tmp_path / "Library/Application Support/Mozilla/NativeMessagingHosts/letterlint.json") in r.output
    r = CliRunner().invoke(cli, ["install-thunderbird", "--platform", "win32", "--dry-run", "--config", str(cfg)],
                           catch_exceptions=False)
    assert r.exit_code == 0
    assert r"HKEY_CURRENT_USER\Software\Mozilla\NativeMessagingHosts\letterlint" in r.output
    assert "letterlint-native-host.bat" in r.output and f'--config "{cfg}"' in r.output
    assert not (tmp_path / "AppData").exists() and not (tmp_path / "Library").exists()   # dry run wrote nothing
    r = CliRunner().invoke(cli, ["install-thunderbird", "--print", "--extension-id", "a@b", "--extension-id", "c@d"],
                           catch_exceptions=False)
    assert json.loads(r.output)["allowed_extensions"] == ["a@b", "c@d"]
    other = "win32" if sys.platform != "win32" else "linux"
    r = CliRunner().invoke(cli, ["install-thunderbird", "--platform", other])
    assert r.exit_code == 2 and "--dry-run" in r.output


def test_thread_from_the_related_message_raw_source() -> None:
    """Thunderbird's messages.getRaw() gives a binary string (one char per byte): a windows-1251 letter survives."""
    body = "Мария, добрый день!\r\n\r\nСколько будет стоить перевод инструкции?\r\n\r\nДмитрий\r\n"
    raw = (b"From: client@firm.ru\r\nTo: maria@pixel-co.ru\r\nSubject: =?utf-8?b?0J/QtdGA0LXQstC+0LQ=?=\r\n"
           b"Message-ID: <c1@firm.ru>\r\nDate: Mon, 03 Mar 2025 10:00:00 +0300\r\n"
           b"Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           + body.encode("cp1251"))
    req = {"id": 11, "details": {"subject": "Re: Перевод", "from": "Мария <maria@pixel-co.ru>",
                                 "to": ["client@firm.ru"], "isPlainText": True, "type": "reply",
                                 "plainTextBody": "Дмитрий, добрый день!\n\nНачнём в среду.\n\nСпасибо!"},
           "thread": [{"raw": raw.decode("latin-1"), "name": "related.eml"}]}
    p = run_host(frame(req))
    (reply,) = unframe(p.stdout)
    assert reply["ok"], reply
    findings = reply["report"]["files"][0]["findings"]
    q = [f for f in findings if f["rule"] == "unanswered-question"]
    assert q and q[0]["path"] == "related.eml" and "Сколько будет стоить" in q[0]["excerpt"]
