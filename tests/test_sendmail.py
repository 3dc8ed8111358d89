"""`letterlint sendmail -- PROGRAM ARGS…` in process (CliRunner): pass byte-identical, hold, override, fail open/closed,
the parent found in a Maildir, `--validate` for git patches, and the `sendmail:` config section."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from letterlint.cli import cli
from letterlint.engine.config import load_config
from letterlint.engine.errors import ConfigError
from letterlint.integrations.sendmail import find_parent, letter_part_of_patch, skip_requested

HEAD = ("From: =?utf-8?b?0J7Qu9GM0LPQsA==?= <olga@agency.ru>\r\nTo: ivan@client.ru\r\n"
        "Subject: =?utf-8?b?0J/QtdGA0LXQstC+0LQg0LjQvdGB0YLRgNGD0LrRhtC40Lg=?=\r\n"   # Перевод инструкции
        "Message-ID: <{mid}@agency.ru>\r\nMIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=windows-1251\r\nContent-Transfer-Encoding: 8bit\r\n")
CLEAN_BODY = ("Иван, добрый день!\r\n\r\nПеревод инструкции готов, файл пришлём сегодня до 18:00.\r\n"
              "Подтвердите, пожалуйста, адрес доставки.\r\n\r\nСпасибо!\r\nОльга\r\n")
# «как я уже писал» is rudeness (an error by default); the sick translator is a kitchen excuse (a warning)
BAD_BODY = ("Иван, как я уже писал, перевод задерживается: наш переводчик заболел.\r\n"
            "Подтвердите, пожалуйста, адрес доставки.\r\n\r\nСпасибо!\r\nОльга\r\n")


def letter(body: str, mid: str = "m1", extra: str = "") -> bytes:
    # CRLF line ends and an 8-bit windows-1251 body: any re-encoding would show
    return (HEAD.format(mid=mid) + extra + "\r\n" + body).encode("cp1251")


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    rec = tmp_path / "recorder"
    rec.write_text('#!/bin/sh\nd=$(dirname "$0")\nprintf "%s\\n" "$@" > "$d/argv.txt"\ncat > "$d/sent.bin"\n'
                   'exit "${RECORDER_EXIT:-0}"\n')
    rec.chmod(rec.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    for var in ("LETTERLINT_SKIP", "LETTERLINT_FAIL_CLOSED", "RECORDER_EXIT"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def send(env: Path, data: bytes, *opts: str, program: list[str] | None = None):
    prog = program if program is not None else [str(env / "recorder"), "-oi", "-f", "olga@agency.ru", "ivan@client.ru"]
    return CliRunner().invoke(cli, ["sendmail", *opts, "--", *prog], input=data, catch_exceptions=False)


def held(env: Path) -> list[Path]:
    d = env / "state" / "letterlint" / "held"
    return sorted(d.iterdir()) if d.exists() else []


def test_clean_letter_passes_byte_identical_with_its_argv(env: Path) -> None:
    data = letter(CLEAN_BODY)
    r = send(env, data)
    assert r.exit_code == 0, r.output
    assert (env / "sent.bin").read_bytes() == data
    assert (env / "argv.txt").read_text().split("\n")[:-1] == ["-oi", "-f", "olga@agency.ru", "ivan@client.ru"]
    assert held(env) == []


def test_programs_exit_code_is_returned(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECORDER_EXIT", "75")
    assert send(env, letter(CLEAN_BODY)).exit_code == 75


def test_bad_letter_is_held_not_sent_and_saved(env: Path) -> None:
    data = letter(BAD_BODY)
    r = send(env, data)
    assert r.exit_code == 65
    assert not (env / "sent.bin").exists()
    assert "rudeness" in r.stderr and "как я уже писал" in r.stderr
    assert "письмо задержано и НЕ отправлено" in r.stderr
    (saved,) = held(env)
    assert saved.read_bytes() == data
    assert str(saved) in r.stderr
    assert saved.name.endswith(".eml") and saved.stat().st_mode & 0o077 == 0


def test_blocking_severity_is_configurable(env: Path) -> None:
    data = letter(CLEAN_BODY.replace("сегодня до 18:00", "в ближайшее время"))   # vague-deadline: a warning
    assert send(env, data).exit_code == 0
    (env / "sent.bin").unlink()
    r = send(env, data, "--block-on", "warning")
    assert r.exit_code == 65 and "vague-deadline" in r.stderr and not (env / "sent.bin").exists()
    (env / "cfg.yaml").write_text("sendmail:\n  block_on: warning\n  hold_dir: my-held\n", encoding="utf-8")
    r = send(env, data, "--config", str(env / "cfg.yaml"))
    assert r.exit_code == 65
    assert [p.read_bytes() for p in (env / "my-held").iterdir()] == [data]


@pytest.mark.parametrize("how", ["env", "header"])
def test_override_sends_anyway_unchanged(env: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    if how == "env":
        monkeypatch.setenv("LETTERLINT_SKIP", "1")
        data = letter(BAD_BODY)
    else:
        data = letter(BAD_BODY, extra="X-Letterlint: skip\r\n")
    r = send(env, data)
    assert r.exit_code == 0
    assert (env / "sent.bin").read_bytes() == data   # the header is not stripped: nothing is altered
    assert "проверка пропущена" in r.stderr
    assert held(env) == []


def test_skip_header_is_read_from_the_headers_only() -> None:
    assert skip_requested(b"Subject: x\r\nX-LETTERLINT:  Skip\r\n\r\nbody") is not None
    assert skip_requested(b"Subject: x\r\n\r\nX-Letterlint: skip\r\n") is None


def test_internal_error_fails_open_with_a_warning(env: Path) -> None:
    (env / "broken.yaml").write_text("rules: [\n", encoding="utf-8")
    data = letter(BAD_BODY)
    r = send(env, data, "--config", str(env / "broken.yaml"))
    assert r.exit_code == 0
    assert (env / "sent.bin").read_bytes() == data
    assert "письмо не проверено" in r.stderr and "отправляю без проверки" in r.stderr


def test_unreadable_input_fails_open(env: Path) -> None:
    r = send(env, b"")
    assert r.exit_code == 0 and (env / "sent.bin").read_bytes() == b""
    assert "пустой файл" in r.stderr


def test_fail_closed_holds_on_internal_error(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (env / "cfg.yaml").write_text("sendmail:\n  fail_closed: true\nrules:\n  no-such-rule: off\n", encoding="utf-8")
    data = letter(CLEAN_BODY)
    r = send(env, data, "--config", str(env / "cfg.yaml"))
    assert r.exit_code == 75 and not (env / "sent.bin").exists()
    assert "fail_closed" in r.stderr and "no-such-rule" in r.stderr
    assert [p.read_bytes() for p in held(env)] == [data]
    # the environment variable works even when the config itself cannot be read
    (env / "broken.yaml").write_text("rules: [\n", encoding="utf-8")
    monkeypatch.setenv("LETTERLINT_FAIL_CLOSED", "1")
    assert send(env, data, "--config", str(env / "broken.yaml")).exit_code == 75


def test_missing_program_is_reported(env: Path) -> None:
    r = send(env, letter(CLEAN_BODY), program=[str(env / "nope")])
    assert r.exit_code == 69 and "не найдена" in r.stderr


def test_program_is_required() -> None:
    r = CliRunner().invoke(cli, ["sendmail"], input=b"")
    assert r.exit_code == 2 and "--" in r.output


# --- the letter being answered, found in a Maildir ----------------------------------------------------------

PARENT = ("From: ivan@client.ru\r\nTo: olga@agency.ru\r\nSubject: Перевод инструкции\r\n"
          "Message-ID: <p1@client.ru>\r\nDate: Mon, 03 Mar 2025 10:00:00 +0300\r\n"
          "Content-Type: text/plain; charset=utf-8\r\n\r\nОльга, когда будет готов перевод?\r\n").encode()


def make_maildir(root: Path) -> Path:
    box = root / "Mail"
    for sub in ("cur", "new", "tmp", ".Archive/cur", ".Archive/new", ".Archive/tmp"):
        (box / sub).mkdir(parents=True)
    (box / "cur" / "1.host:2,S").write_bytes(PARENT.replace(b"p1@", b"other@"))
    (box / ".Archive" / "cur" / "2.host:2,S").write_bytes(PARENT)
    return box


def test_find_parent_by_in_reply_to_then_references(tmp_path: Path) -> None:
    box = make_maildir(tmp_path)
    assert find_parent(box, ["<p1@client.ru>"]) == box / ".Archive" / "cur" / "2.host:2,S"
    assert find_parent(box, ["<missing@x>", "<other@client.ru>"]) == box / "cur" / "1.host:2,S"
    assert find_parent(box, ["<missing@x>"]) is None


def test_parent_from_maildir_makes_thread_rules_work(env: Path) -> None:
    # the reply quotes nothing; only the Maildir tells it changed the subject
    data = letter(CLEAN_BODY, extra="In-Reply-To: <p1@client.ru>\r\n").replace(
        b"0J/QtdGA0LXQstC+0LQg0LjQvdGB0YLRgNGD0LrRhtC40Lg=", b"0J/QtdGA0LXQstC+0LQg0LjQvdGB0YLRgNGD0LrRhtC40Lgh")
    assert send(env, data).exit_code == 0
    (env / "sent.bin").unlink()
    box = make_maildir(env)
    r = send(env, data, "--maildir", str(box))
    assert r.exit_code == 65 and "subject-changed" in r.stderr
    (env / "cfg.yaml").write_text(f"sendmail:\n  maildir: {box}\n", encoding="utf-8")
    assert send(env, data, "--config", str(env / "cfg.yaml")).exit_code == 65


# --- git patches: --validate ---------------------------------------------------------------------------------

PATCH = (b"From 729d23f7272ac10da141543e29554f85226e0276 Mon Sep 17 00:00:00 2001\n"
         b"From: olga@agency.ru\nDate: Mon, 3 Mar 2025 10:00:00 +0300\nSubject: [PATCH] fix\n\n"
         b"Body line.\n---\n a.txt | 1 +\n 1 file changed, 1 insertion(+)\n\n"
         b"diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1,2 @@\n a\n+b\n-- \n2.39.5\n")


def test_patch_is_cut_before_the_diff() -> None:
    assert letter_part_of_patch(PATCH).endswith(b"Body line.\n")
    no_stat = PATCH.replace(b"---\n a.txt | 1 +\n 1 file changed, 1 insertion(+)\n\n", b"")
    assert letter_part_of_patch(no_stat).endswith(b"Body line.\n")
    assert letter_part_of_patch(letter(CLEAN_BODY)) == letter(CLEAN_BODY)


def test_validate_mode(env: Path) -> None:
    good, bad = env / "good.patch", env / "bad.patch"
    good.write_bytes(letter(CLEAN_BODY))
    bad.write_bytes(letter(BAD_BODY))
    assert CliRunner().invoke(cli, ["sendmail", "--validate", str(good)]).exit_code == 0
    r = CliRunner().invoke(cli, ["sendmail", "--validate", str(bad)])
    assert r.exit_code == 65 and "rudeness" in r.stderr
    assert [p.read_bytes() for p in held(env)] == [bad.read_bytes()]
    assert CliRunner().invoke(cli, ["sendmail", "--validate", str(good), "--", "x"]).exit_code == 2


# --- the config section ---------------------------------------------------------------------------------------

def test_sendmail_config_section(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text("sendmail:\n  block_on: warning\n  hold_dir: held\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("extends: base.yaml\nsendmail:\n  fail_closed: true\n  maildir: ~/Mail\n",
                                     encoding="utf-8")
    s = load_config(tmp_path / "c.yaml").sendmail
    assert (s.block_on, s.fail_closed, s.hold_dir) == ("warning", True, tmp_path / "held")
    assert s.maildir == Path(os.path.expanduser("~/Mail"))
    for text, msg in [("sendmail:\n  block_on: fatal\n", "block_on: fatal"),
                      ("sendmail:\n  hold: x\n", "hold_dir"),
                      ("sendmail:\n  fail_closed: 1\n", "true или false"),
                      ("sendmail: [a]\n", "sendmail")]:
        (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
        with pytest.raises(ConfigError) as exc:
            load_config(tmp_path / "bad.yaml")
        assert msg in str(exc.value) and "bad.yaml:" in str(exc.value)
