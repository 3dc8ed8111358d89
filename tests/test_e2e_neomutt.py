"""End to end with Debian's NeoMutt: `$sendmail` is `letterlint sendmail -- recorder`, the letter is composed by
`neomutt -n -F muttrc -s SUBJECT ADDR < body` (batch mode, no terminal). A tap in front of the wrapper records
the bytes NeoMutt produced, so «byte-identical» is checked against what the mail client really sent."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from _e2e import BAD_BODY, CLEAN_BODY, CONFIG, clean_env, executable, held, letterlint_launcher, recorder

pytestmark = pytest.mark.skipif(shutil.which("neomutt") is None,
                                reason="neomutt is not installed (Debian: apt-get install neomutt; .ci/run does it as root)")

SUBJECT = "Перевод инструкции"


@pytest.fixture()
def box(tmp_path: Path) -> Path:
    ll = letterlint_launcher(tmp_path)
    rec = recorder(tmp_path)
    # the tap keeps a copy of what NeoMutt handed to $sendmail, then runs the wrapper exactly as a user would
    tap = executable(tmp_path / "tap", f'#!/bin/sh\ntee "{tmp_path}/received.bin" | exec "{ll}" sendmail '
                                       f'--config "{tmp_path}/letterlint.yaml" -- "{rec}" "$@"\n')
    (tmp_path / "letterlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "muttrc").write_text(
        f'set sendmail="{tap} -oem -oi"\n'
        'set from="Ольга Смирнова <olga@agency.ru>"\nset use_from=yes\n'
        'set charset="utf-8"\nset send_charset="utf-8"\nset record=""\nset copy=no\nset sendmail_wait=0\n',
        encoding="utf-8")
    return tmp_path


def neomutt(box: Path, body: str, *to: str) -> subprocess.CompletedProcess:
    (box / "body.txt").write_text(body, encoding="utf-8")
    with open(box / "body.txt", "rb") as fh:
        return subprocess.run(["neomutt", "-n", "-F", str(box / "muttrc"), "-s", SUBJECT, *to], stdin=fh,
                              capture_output=True, cwd=box, env=clean_env(box), timeout=120)


def test_clean_letter_arrives_byte_identical_with_its_argv(box: Path) -> None:
    r = neomutt(box, CLEAN_BODY, "ivan@client.ru", "anna@client.ru")
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    received = (box / "received.bin").read_bytes()
    assert "Перевод инструкции готов".encode() in received          # NeoMutt really composed it
    assert (box / "sent.bin").read_bytes() == received               # and the wrapper passed it on unchanged
    assert (box / "argv.txt").read_text().split("\n")[:-1] == ["-oem", "-oi", "--", "ivan@client.ru",
                                                               "anna@client.ru"]
    assert held(box) == []


def test_bad_letter_is_held_nothing_sent_report_names_the_rule(box: Path) -> None:
    r = neomutt(box, BAD_BODY, "ivan@client.ru")
    err = r.stderr.decode("utf-8", errors="replace") + r.stdout.decode("utf-8", errors="replace")
    assert r.returncode != 0
    assert not (box / "sent.bin").exists()                 # the final program never ran
    assert "kitchen" in err and "наш переводчик заболел" in err   # the report reached the user through NeoMutt
    assert "письмо задержано" in err
    (saved,) = held(box)
    assert saved.read_bytes() == (box / "received.bin").read_bytes()
    assert str(saved) in err
