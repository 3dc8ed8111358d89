"""Measure the letter reader against mail nobody on this project wrote (../shared/external).

    python bench/conformance.py [--external PATH] [--verbose]

Prints one line per suite; tests/test_external_conformance.py asserts the same figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_EXTERNAL = HERE.parent.parent / "shared" / "external"


def norm(text: str) -> str:
    """White space normalised: line endings, trailing spaces, runs of blank lines, both ends."""
    lines = [l.rstrip() for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


def flat(text: str) -> str:
    return " ".join(text.split())


def _wrap(body: bytes, subject: str | None = "Re: test", html: bool = False) -> bytes:
    """The fixture body as an e-mail; ``subject=None`` writes no Subject line at all."""
    ctype = "text/html" if html else "text/plain"
    subj = f"Subject: {subject}\n" if subject is not None else ""
    head = (f"From: sender@example.com\nTo: rcpt@example.com\n{subj}"
            f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n").encode()
    return head + body


def own_text(letter) -> str:
    """The body from the first line of the new text to the last line of the signature (the «-- » line included)."""
    nt, sig = letter.new_text, letter.signature
    if not sig:
        return nt.text
    first = (nt or sig).locate(0)[0]
    last = sig.locate(len(sig.text))[0]
    return "\n".join(t for t, ln, _ in letter.body.line_lines() if first <= ln <= last)


def reply_trimmer(ext: Path, verbose: bool = False) -> tuple[int, int, list[str]]:
    """new_text == trimmed/, or new_text + signature == trimmed/.

    The trimmer removes quotes, quote headers, «-- » blocks and "Sent from my phone" lines, but keeps sign-offs
    («Best regards,\n\n//Jef»): it has no notion of a signature apart from those. letterlint files a sign-off
    under ``signature``; both are the author's own words, so a case passes when the author's text — with or
    without the part letterlint calls the signature — is what the trimmer kept.
    """
    from letterlint.mail import read_bytes

    root = ext / "email_reply_trimmer"
    cases = [(name, norm((root / "trimmed" / name).read_text(encoding="utf-8")),
              lambda name=name: read_bytes(_wrap((root / "emails" / name).read_bytes()), name + ".eml")[0])
             for name in sorted(os.listdir(root / "emails"))]
    return _compare(cases, norm, accept=("new", "own"), verbose=verbose)


def _compare(cases, normalise, accept: tuple[str, ...], verbose: bool) -> tuple[int, int, list[str]]:
    """(passed, total, failed names) for (name, wanted text, read the letter) cases.

    A case passes when one of the accepted texts — "new" (new_text) or "own" (new text through the signature) —
    equals the wanted text after ``normalise``; a reader exception fails the case, shown with ``verbose``.
    """
    ok, failed = 0, []
    for name, want, read in cases:
        try:
            letter = read()
            texts = {"new": lambda: letter.new_text.text, "own": lambda: own_text(letter)}
            got = [normalise(texts[a]()) for a in accept]
        except Exception:
            got = ["<error>\n" + traceback.format_exc()]
        if want in got:
            ok += 1
        else:
            failed.append(name)
            if verbose:
                print(f"--- {name}\nWANT:\n{want}\nGOT:\n{got[0]}\n")
    return ok, len(cases), failed


def talon(ext: Path, verbose: bool = False) -> dict[str, tuple[int, int, list[str]]]:
    from letterlint.mail import read_bytes, read_path

    root = ext / "talon"
    want = flat("Hi. I am fine.\n\nThanks,\nAlex")
    html_cases = [(name, want, lambda name=name: read_bytes(
                      _wrap((root / "html_replies" / name).read_bytes(), html=True), name + ".eml")[0])
                  for name in sorted(os.listdir(root / "html_replies"))]
    sroot = root / "standard_replies"
    std_cases = []
    for name in sorted(f for f in os.listdir(sroot) if f.endswith(".eml")):
        reply_file = sroot / f"{name[:-4]}_reply_text"
        std_want = flat(reply_file.read_text(encoding="utf-8")) if reply_file.exists() else "Hello"
        std_cases.append((name, std_want, lambda name=name: read_path(str(sroot / name))[0]))
    return {"html_replies": _compare(html_cases, flat, accept=("own",), verbose=verbose),
            "standard_replies": _compare(std_cases, flat, accept=("new", "own"), verbose=verbose)}


def forward_parser(ext: Path, verbose: bool = False) -> tuple[int, int, list[str], int, int]:
    """The upstream testCommon checks: forwarded, original Subject, From address and name, a date, the body.

    As upstream, the forwarding message's own Subject is given only where ``subject`` names a fixture (clients that
    put the original subject only there); otherwise the letter has no Subject line, so a forward must be found
    from the body alone. Upstream also requires no message of the forwarder's own: ``new_text`` must be empty.
    Bodies are compared with white space normalised per line (CRLF, trailing spaces, runs of blank lines).
    """
    from letterlint.mail import read_bytes

    root = ext / "email_forward_parser"
    spec = json.loads((root / "expectations.json").read_text(encoding="utf-8"))
    exp = spec["expected_for_every_case"]
    ok, failed = 0, []
    ru_ok = ru_total = 0
    for case in spec["cases"]:
        body = (root / "fixtures" / f"{case['body']}.txt").read_bytes()
        subject = None
        if case.get("subject"):
            subject = (root / "fixtures" / f"{case['subject']}.txt").read_text(encoding="utf-8").strip()
        is_html = body.lstrip().startswith(b"<")
        problems = []
        try:
            letter = read_bytes(_wrap(body, subject, html=is_html), case["body"] + ".eml")[0]
            fwd = letter.forwarded[0] if letter.forwarded else None
            if fwd is None:
                problems.append("no forward found")
            else:
                if flat(fwd.subject) != flat(exp["original_subject"]):
                    problems.append(f"subject {fwd.subject!r}")
                if not fwd.sender or fwd.sender.addr != exp["original_from_address"]:
                    problems.append(f"from {fwd.sender}")
                elif exp.get("original_from_name") and fwd.sender.name != exp["original_from_name"]:
                    problems.append(f"from name {fwd.sender.name!r}")
                if not fwd.date_text.strip():
                    problems.append("no date")
                if norm(fwd.text.text) != norm(exp["original_body"]):
                    problems.append(f"body {fwd.text.text[:300]!r}")
            if letter.new_text:
                problems.append(f"new_text {letter.new_text.text[:100]!r}")
        except Exception:
            problems.append("error " + traceback.format_exc())
        is_ru = "_ru_" in case["body"]
        ru_total += is_ru
        if problems:
            failed.append(case["body"])
            if verbose:
                print(f"--- {case['body']}: {'; '.join(problems)}")
        else:
            ok += 1
            ru_ok += is_ru
    return ok, len(spec["cases"]), failed, ru_ok, ru_total


def mime_corpus(ext: Path, verbose: bool = False) -> tuple[int, int, int, list[str]]:
    """(read, clean errors, tracebacks, files with tracebacks)."""
    from letterlint.mail import ReadError, read_path

    root = ext / "mime_corpus"
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name not in ("LICENSE", "NOTICE", "README.md"))
    read = errors = crashes = 0
    crashed = []
    for p in files:
        try:
            read_path(str(p))
            read += 1
        except ReadError as exc:
            if getattr(exc, "internal", False):     # the reader's own failure turned into a message: a crash
                crashes += 1
                crashed.append(str(p.relative_to(root)))
                if verbose:
                    print(f"--- {p}\n{exc}\n{traceback.format_exc()}")
            else:
                errors += 1
        except Exception:
            crashes += 1
            crashed.append(str(p.relative_to(root)))
            if verbose:
                print(f"--- {p}\n{traceback.format_exc()}")
    return read, errors, crashes, crashed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--external", default=str(DEFAULT_EXTERNAL))
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--only")
    args = ap.parse_args()
    ext = Path(args.external)
    if not ext.is_dir():
        print(f"no external data at {ext}", file=sys.stderr)
        return 2
    if args.only in (None, "trimmer"):
        ok, total, failed = reply_trimmer(ext, args.verbose)
        print(f"email_reply_trimmer: new_text (or with the signature) == trimmed for {ok}/{total}; failed: {', '.join(failed)}")
    if args.only in (None, "talon"):
        for k, (ok, total, failed) in talon(ext, args.verbose).items():
            print(f"talon {k}: {ok}/{total}; failed: {', '.join(failed)}")
    if args.only in (None, "forward"):
        ok, total, failed, ru_ok, ru_total = forward_parser(ext, args.verbose)
        print(f"email_forward_parser: {ok}/{total} (Russian {ru_ok}/{ru_total}); failed: {', '.join(failed)}")
    if args.only in (None, "mime"):
        read, errors, crashes, crashed = mime_corpus(ext, args.verbose)
        print(f"mime_corpus: {read + errors + crashes} files: {read} read, {errors} clear errors, "
              f"{crashes} tracebacks {crashed[:10]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
