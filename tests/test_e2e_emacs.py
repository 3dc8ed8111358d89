"""The README's Emacs snippet (message-send-hook) run in `emacs --batch` on message-mode buffers: a clean letter is
sent without a question; a bad one asks, and answering «no» cancels the send with the report in *letterlint*."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from _e2e import CLEAN_BODY, RUDE_BODY, clean_env, letterlint_launcher


ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("emacs") is None,
                                reason="emacs is not installed (Debian: apt-get install emacs-nox); not installed by .ci/run")

DRIVER = r'''
(require 'message)
(require 'cl-lib)
(load-file "SNIPPET")
(defun ll-try (body)
  (with-temp-buffer
    (message-mode)
    (insert "From: Ольга <olga@agency.ru>\nTo: ivan@client.ru\nSubject: Перевод инструкции\n"
            mail-header-separator "\n" body)
    (let ((asked nil) (result nil))
      (cl-letf (((symbol-function 'yes-or-no-p) (lambda (&rest _) (setq asked t) nil)))
        (setq result (condition-case err (progn (run-hooks 'message-send-hook) "sent")
                       (user-error "cancelled"))))
      (princ (format "RESULT asked=%s %s\n" asked result))
      (princ (with-current-buffer "*letterlint*" (buffer-string))))))
'''


def run_emacs(tmp: Path, body: str) -> str:
    snippet = re.search(r"```elisp\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S).group(1)
    (tmp / "snippet.el").write_text(snippet, encoding="utf-8")
    (tmp / "body.txt").write_text(body, encoding="utf-8")
    driver = DRIVER.replace("SNIPPET", str(tmp / "snippet.el")) + (
        f'(ll-try (with-temp-buffer (insert-file-contents "{tmp / "body.txt"}") (buffer-string)))\n')
    (tmp / "driver.el").write_text(driver, encoding="utf-8")
    letterlint_launcher(tmp)
    r = subprocess.run(["emacs", "--batch", "-Q", "-l", str(tmp / "driver.el")], cwd=tmp, env=clean_env(tmp),
                       capture_output=True, timeout=300)
    return r.stdout.decode("utf-8", errors="replace") + r.stderr.decode("utf-8", errors="replace")


def test_clean_letter_is_sent_without_asking(tmp_path: Path) -> None:
    out = run_emacs(tmp_path, CLEAN_BODY)
    assert "RESULT asked=nil sent" in out, out


def test_bad_letter_asks_and_no_cancels(tmp_path: Path) -> None:
    out = run_emacs(tmp_path, RUDE_BODY)
    assert "RESULT asked=t cancelled" in out, out
    assert "rudeness" in out and "как я уже писал" in out
