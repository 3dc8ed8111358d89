"""End to end with Debian's git send-email and the shipped `integrations/git/sendemail-validate` hook: a clean
patch goes out (to a recorder standing in for sendmail, and through --dry-run), a patch whose message is a bad
letter is rejected by the hook, nothing is sent, the report names the rule and the bytes are saved."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from _e2e import BAD_BODY, CLEAN_BODY, CONFIG, clean_env, held, letterlint_launcher, recorder

HOOK = Path(__file__).resolve().parent.parent / "integrations" / "git" / "sendemail-validate"


def _send_email_missing() -> str | None:
    """Why git send-email cannot run here, or None."""
    if shutil.which("git") is None:
        return "git is not installed"
    r = subprocess.run(["git", "send-email", "-h"], capture_output=True)
    if b"--dry-run" not in r.stdout + r.stderr:   # git without the git-email package says it is not a command
        return "git send-email is not installed"
    # Debian's git-email only recommends the Perl module it loads for every address (Mail::Address)
    if subprocess.run(["perl", "-MMail::Address", "-e", "1"], capture_output=True).returncode != 0:
        return "git send-email lacks the Perl module Mail::Address"
    return None


_MISSING = _send_email_missing()
pytestmark = pytest.mark.skipif(_MISSING is not None,
                                reason=f"{_MISSING} (Debian: apt-get install git git-email libmailtools-perl; "
                                       ".ci/run does it as root)")


def git(repo: Path, *args: str, env: dict, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=check, timeout=120)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    letterlint_launcher(tmp_path)   # found on PATH by the hook
    (tmp_path / ".letterlint.yaml").write_text(CONFIG, encoding="utf-8")   # found upward from the patch file
    recorder(tmp_path)
    env = clean_env(tmp_path)
    r = tmp_path / "proposal"
    r.mkdir()
    git(r, "init", "-q", env=env)
    for k, v in [("user.name", "Ольга Смирнова"), ("user.email", "olga@agency.ru"), ("sendemail.confirm", "never"),
                 ("sendemail.smtpServer", str(tmp_path / "recorder"))]:
        git(r, "config", k, v, env=env)
    (r / "offer.md").write_text("# Коммерческое предложение\n", encoding="utf-8")
    git(r, "add", "offer.md", env=env)
    git(r, "commit", "-q", "-m", "Начальная версия", env=env)
    hooks = Path(git(r, "rev-parse", "--git-path", "hooks", env=env).stdout.decode().strip())
    hooks = hooks if hooks.is_absolute() else r / hooks
    hooks.mkdir(parents=True, exist_ok=True)
    shutil.copy(HOOK, hooks / "sendemail-validate")
    return r


def patch(repo: Path, body: str) -> Path:
    env = clean_env(repo.parent)
    with open(repo / "offer.md", "a", encoding="utf-8") as fh:
        fh.write("Сроки: 5 рабочих дней.\n")
    git(repo, "commit", "-q", "-a", "-m", "Перевод инструкции\n\n" + body, env=env)
    out = git(repo, "format-patch", "-1", "-o", str(repo.parent / "patches"), env=env).stdout.decode().strip()
    return Path(out.splitlines()[-1]) if Path(out.splitlines()[-1]).is_absolute() else repo / out.splitlines()[-1]


def send_email(repo: Path, p: Path, *extra: str) -> subprocess.CompletedProcess:
    return git(repo, "send-email", "--to=ivan@client.ru", *extra, str(p), env=clean_env(repo.parent), check=False)


def test_clean_patch_is_sent(repo: Path) -> None:
    p = patch(repo, CLEAN_BODY)
    dry = send_email(repo, p, "--dry-run")
    assert dry.returncode == 0, dry.stderr.decode(errors="replace")
    assert not (repo.parent / "sent.bin").exists()
    r = send_email(repo, p)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    sent = (repo.parent / "sent.bin").read_bytes()
    assert "Перевод инструкции готов".encode() in sent and b"diff --git" in sent
    assert "ivan@client.ru" in (repo.parent / "argv.txt").read_text()
    assert held(repo.parent) == []


def test_bad_patch_is_rejected_by_the_hook(repo: Path) -> None:
    p = patch(repo, BAD_BODY)
    for extra in (("--dry-run",), ()):
        r = send_email(repo, p, *extra)
        err = r.stderr.decode("utf-8", errors="replace")
        assert r.returncode != 0
        assert "kitchen" in err and "наш переводчик заболел" in err
        assert "sendemail-validate" in err
    assert not (repo.parent / "sent.bin").exists()
    saved = held(repo.parent)
    assert saved and all(s.read_bytes() == p.read_bytes() for s in saved)


def test_skip_sends_anyway(repo: Path) -> None:
    p = patch(repo, BAD_BODY)
    env = clean_env(repo.parent) | {"LETTERLINT_SKIP": "1"}
    r = git(repo, "send-email", "--to=ivan@client.ru", str(p), env=env, check=False)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    assert "наш переводчик заболел".encode() in (repo.parent / "sent.bin").read_bytes()
