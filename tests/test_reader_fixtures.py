"""The letter reader against hand-written Russian letters of every client format (fixtures/mail/).

Each ``fixtures/mail/NAME.expect.yaml`` describes how ``NAME.eml`` (or ``.mbox``, ``.md``, ``.txt``, ``.j2``,
``.html``) must be split. Only the keys present are asserted:

    subject, from (address), to / cc (address lists), kind, body_format,
    new_text, signature               compared after normalising white space (see ``norm``)
    new_text_line / new_text_col      where ``letter.new_text.locate(0)`` must point in the source file
    quoted:    [{from, date, level, text_contains, text_not_contains}]   outermost first, exact count
    forwarded: [{subject, from, date, body_contains, body_not_contains}] exact count
    attachments: [{name}]             exact list
    messages: [ … ]                   for an .mbox: one such mapping per message, in file order
    whitespace: loose                 HTML bodies: lines compared stripped, inner runs of white space collapsed,
                                      blank lines ignored (renderers disagree on blank lines and indentation)

``from`` of a quoted or forwarded letter is an address when it contains «@», otherwise the display name
(«13.05.2020 11:43, Сергей Кузнецов пишет:» has no address). ``date`` is the wall time as written, minutes
precision, no zone. ``*_contains`` phrases are matched with white space collapsed and Unicode format characters
(U+200E, U+FEFF) removed.

``test_fixture_is_consistent`` checks the fixtures themselves with the standard library only (headers, decoded
bodies, phrases, line numbers, attachment names), so a wrong expectation is caught even before the reader exists.
``test_fixtures_match_generator`` makes sure the .eml/.mbox files are what ``fixtures/mail/make_encoded.py`` writes.
"""

from __future__ import annotations

import difflib
import email
import email.utils
import html
import mailbox
import re
import subprocess
import sys
import unicodedata
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "mail"
EXPECTS = sorted(FIXTURES.glob("*.expect.yaml"))
SOURCE_SUFFIXES = (".eml", ".mbox", ".md", ".txt", ".j2", ".html")


def _stem(expect: Path) -> str:
    return expect.name[: -len(".expect.yaml")]


def source_for(expect: Path) -> Path:
    found = [p for p in FIXTURES.glob(_stem(expect) + ".*") if p.suffix in SOURCE_SUFFIXES]
    assert len(found) == 1, f"{expect.name}: expected exactly one source file, found {found}"
    return found[0]


def load(expect: Path) -> dict:
    return yaml.safe_load(expect.read_text(encoding="utf-8"))


def specs_of(exp: dict) -> list[dict]:
    return exp["messages"] if "messages" in exp else [exp]


def is_loose(exp: dict, spec: dict) -> bool:
    return (spec.get("whitespace") or exp.get("whitespace")) == "loose"


# ------------------------------------------------------------------------------------------------ normalising


def norm(text: str | None, loose: bool = False) -> str:
    """Strip each line's trailing white space, collapse runs of blank lines, strip both ends.

    Loose (HTML): also strip leading white space, collapse inner runs, drop blank lines.
    """
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.rstrip() for ln in text.split("\n")]
    if loose:
        return "\n".join(" ".join(ln.split()) for ln in lines if ln.strip())
    out: list[str] = []
    for ln in lines:
        if ln == "" and out and out[-1] == "":
            continue
        out.append(ln)
    return "\n".join(out).strip()


def collapse(text: str | None) -> str:
    """For phrase matching: no Unicode format characters, white space collapsed."""
    text = "".join(ch for ch in (text or "") if unicodedata.category(ch) != "Cf")
    return " ".join(text.split())


def minute(dt) -> str | None:
    return dt.strftime("%Y-%m-%dT%H:%M") if dt is not None else None


# ------------------------------------------------------------------------------------------------ the reader test


def _who(addr_obj, expected: str) -> str | None:
    """The address (lower case) when the expectation is an address, else the display name."""
    if addr_obj is None:
        return None
    if "@" in expected:
        return (addr_obj.addr or "").lower()
    return addr_obj.name


def _text_diff(what: str, got: str, want: str) -> str:
    diff = "\n".join(difflib.unified_diff(want.split("\n"), got.split("\n"), "expected", "got", lineterm=""))
    return f"{what} differs:\n{diff}"


def check_letter(letter, spec: dict, loose: bool, where: str) -> list[str]:
    errors: list[str] = []

    def eq(what, got, want):
        if got != want:
            errors.append(f"{where}{what}: got {got!r}, expected {want!r}")

    if "kind" in spec:
        eq("kind", letter.kind, spec["kind"])
    if "body_format" in spec:
        eq("body_format", letter.body_format, spec["body_format"])
    if "subject" in spec:
        eq("subject", letter.subject, spec["subject"])
    if "from" in spec:
        eq("from", (letter.sender.addr or "").lower() if letter.sender else None, spec["from"])
    for key in ("to", "cc"):
        if key in spec:
            eq(key, [(a.addr or "").lower() for a in getattr(letter, key)], spec[key])

    for key in ("new_text", "signature"):
        if key in spec:
            got, want = norm(getattr(letter, key).text, loose), norm(spec[key], loose)
            if got != want:
                errors.append(where + _text_diff(key, got, want))

    if "new_text_line" in spec:
        want = (spec["new_text_line"], spec.get("new_text_col", 1))
        eq("new_text.locate(0)", tuple(letter.new_text.locate(0)), want)

    if "quoted" in spec:
        got_q, want_q = letter.quoted, spec["quoted"] or []
        eq("number of quoted letters", len(got_q), len(want_q))
        for i, (q, w) in enumerate(zip(got_q, want_q)):
            tag = f"quoted[{i}]."
            if "from" in w:
                eq(tag + "from", _who(q.sender, w["from"]), w["from"])
            if "date" in w:
                eq(tag + "date", minute(q.date), w["date"])
            if "level" in w:
                eq(tag + "level", q.level, w["level"])
            own = collapse(q.text.text)
            for phrase in w.get("text_contains", []):
                if collapse(phrase) not in own:
                    errors.append(f"{where}{tag}text lacks {phrase!r}; it is {q.text.text!r}")
            for phrase in w.get("text_not_contains", []):
                if collapse(phrase) in own:
                    errors.append(f"{where}{tag}text must not contain {phrase!r}; it is {q.text.text!r}")

    if "forwarded" in spec:
        got_f, want_f = letter.forwarded, spec["forwarded"] or []
        eq("number of forwarded letters", len(got_f), len(want_f))
        for i, (f, w) in enumerate(zip(got_f, want_f)):
            tag = f"forwarded[{i}]."
            if "subject" in w:
                eq(tag + "subject", (f.subject or "").strip(), w["subject"])
            if "from" in w:
                eq(tag + "from", _who(f.sender, w["from"]), w["from"])
            if "date" in w:
                eq(tag + "date", minute(f.date), w["date"])
            body = collapse(f.text.text)
            for phrase in w.get("body_contains", []):
                if collapse(phrase) not in body:
                    errors.append(f"{where}{tag}body lacks {phrase!r}; it is {f.text.text!r}")
            for phrase in w.get("body_not_contains", []):
                if collapse(phrase) in body:
                    errors.append(f"{where}{tag}body must not contain {phrase!r}; it is {f.text.text!r}")

    if "attachments" in spec:
        eq("attachments", [a.name for a in letter.attachments], [a["name"] for a in spec["attachments"] or []])
    return errors


@pytest.mark.parametrize("expect", EXPECTS, ids=_stem)
def test_reader_splits_fixture(expect: Path) -> None:
    from letterlint.mail import read_path

    exp = load(expect)
    src = source_for(expect)
    letters = list(read_path(str(src)))
    specs = specs_of(exp)
    assert len(letters) == len(specs), f"{src.name}: {len(letters)} letters read, expected {len(specs)}"
    errors: list[str] = []
    for i, (letter, spec) in enumerate(zip(letters, specs)):
        where = f"message {i + 1}: " if "messages" in exp else ""
        errors += check_letter(letter, spec, is_loose(exp, spec), where)
    if errors:
        pytest.fail(f"{src.name}:\n" + "\n".join(errors), pytrace=False)


# ------------------------------------------------------------------------------------------------ fixture self-checks
# Standard library only: these pass without letterlint's reader and keep the expectations honest.


def _header_text(value) -> str:
    if value is None:
        return ""
    out = []
    for chunk, charset in decode_header(value if isinstance(value, str) else value):
        if isinstance(chunk, bytes):
            if charset in (None, "unknown-8bit"):
                try:
                    chunk = chunk.decode("utf-8")
                except UnicodeDecodeError:
                    chunk = chunk.decode("cp1251")
            else:
                chunk = chunk.decode(charset)
        out.append(chunk)
    return "".join(out)


def _raw_header(msg, name: str) -> str:
    """A header as text under compat32, also when its bytes are raw 8-bit UTF-8."""
    value = msg.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):      # compat32 gives a Header for raw 8-bit bytes
        return _header_text(value)
    try:
        value.encode("ascii")
    except UnicodeEncodeError:          # surrogate-escaped raw bytes
        return value.encode("ascii", "surrogateescape").decode("utf-8")
    return str(make_header(decode_header(value)))


def _addrs(msg, name: str) -> list[str]:
    return [a.lower() for _, a in email.utils.getaddresses([_raw_header(msg, name)]) if a]


def _html_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(style|script|title)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</(p|div|li|ol|ul|blockquote|tr|h\d)>|<hr[^>]*>", "\n", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _bodies(msg) -> tuple[list[str], str]:
    """Decoded text of every text part (HTML turned into text) and the charset of the first text part."""
    texts, first_charset = [], ""
    for part in msg.walk():
        if part.is_multipart() or part.get_content_maintype() != "text" or part.get_filename():
            continue
        charset = part.get_content_charset() or "utf-8"
        first_charset = first_charset or charset
        payload = part.get_payload(decode=True)
        try:
            text = payload.decode(charset)
        except UnicodeDecodeError:
            text = payload.decode("utf-8")
        texts.append(_html_text(text) if part.get_content_subtype() == "html" else text)
    return texts, first_charset or "utf-8"


def _attachment_names(msg) -> list[str]:
    names = []
    for part in msg.walk():
        name = part.get_filename()
        if name:
            names.append(str(make_header(decode_header(name))))
    return names


def _in_any(phrase: str, texts: list[str], html_list: bool = False) -> bool:
    p = collapse(phrase)
    alts = {p, re.sub(r"^\d+\.\s+", "", p)} if html_list else {p}
    return any(a and a in collapse(t) for a in alts for t in texts)


def _check_spec_against(spec: dict, texts: list[str], raw_lines: list[str], loose: bool, where: str) -> list[str]:
    errors = []
    for key in ("new_text", "signature"):
        for line in norm(spec.get(key), loose).split("\n"):
            if line.strip() and not _in_any(line, texts, html_list=loose):
                errors.append(f"{where}{key} line not in the letter: {line!r}")
    for i, q in enumerate(spec.get("quoted") or []):
        for phrase in q.get("text_contains", []):
            if not _in_any(phrase, texts):
                errors.append(f"{where}quoted[{i}] phrase not in the letter: {phrase!r}")
        for key in ("from", "date", "level"):
            if key not in q:
                errors.append(f"{where}quoted[{i}] has no {key}")
    for i, f in enumerate(spec.get("forwarded") or []):
        for phrase in f.get("body_contains", []):
            if not _in_any(phrase, texts):
                errors.append(f"{where}forwarded[{i}] phrase not in the letter: {phrase!r}")
    if "new_text_line" in spec:
        n = spec["new_text_line"]
        first = norm(spec["new_text"]).split("\n")[0].strip()
        got = raw_lines[n - 1].strip() if 0 < n <= len(raw_lines) else None
        if got != first:
            errors.append(f"{where}line {n} of the source is {got!r}, not the first new-text line {first!r}")
    for q in spec.get("quoted") or []:
        if "date" in q and not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", q["date"]):
            errors.append(f"{where}bad date {q['date']!r}")
    return errors


def _check_headers(msg, spec: dict, where: str) -> list[str]:
    errors = []
    if "subject" in spec and _raw_header(msg, "Subject") != spec["subject"]:
        errors.append(f"{where}Subject header is {_raw_header(msg, 'Subject')!r}")
    if "from" in spec and _addrs(msg, "From") != [spec["from"]]:
        errors.append(f"{where}From header is {_addrs(msg, 'From')}")
    for key in ("to", "cc"):
        if key in spec and _addrs(msg, key) != spec[key]:
            errors.append(f"{where}{key} header is {_addrs(msg, key)}")
    if "attachments" in spec:
        want = [a["name"] for a in spec["attachments"] or []]
        if _attachment_names(msg) != want:
            errors.append(f"{where}attachments are {_attachment_names(msg)}")
    for part in msg.walk():
        if part.defects:
            errors.append(f"{where}MIME defects: {part.defects}")
    return errors


@pytest.mark.parametrize("expect", EXPECTS, ids=_stem)
def test_fixture_is_consistent(expect: Path) -> None:
    exp = load(expect)
    src = source_for(expect)
    raw = src.read_bytes()
    errors: list[str] = []
    if src.suffix == ".eml":
        msg = email.message_from_bytes(raw)
        texts, charset = _bodies(msg)
        lines = raw.decode(charset).replace("\r\n", "\n").split("\n")
        errors += _check_headers(msg, exp, "")
        errors += _check_spec_against(exp, texts, lines, is_loose(exp, exp), "")
    elif src.suffix == ".mbox":
        lines = raw.decode("utf-8").split("\n")
        box = mailbox.mbox(str(src), create=False)
        try:
            msgs = list(box)
        finally:
            box.close()
        specs = specs_of(exp)
        assert len(msgs) == len(specs), f"{src.name}: {len(msgs)} messages, {len(specs)} expected"
        for i, (msg, spec) in enumerate(zip(msgs, specs)):
            texts, _ = _bodies(msg)
            errors += _check_headers(msg, spec, f"message {i + 1}: ")
            errors += _check_spec_against(spec, texts, lines, is_loose(exp, spec), f"message {i + 1}: ")
    else:
        text = raw.decode("utf-8")
        texts = [_html_text(text) if src.suffix == ".html" else text]
        if "subject" in exp and exp["subject"] not in text:
            errors.append(f"subject {exp['subject']!r} not in the template")
        for addr in (exp.get("to") or []) + (exp.get("cc") or []):
            if addr not in text:
                errors.append(f"address {addr!r} not in the template")
        errors += _check_spec_against(exp, texts, text.split("\n"), is_loose(exp, exp), "")
    assert not errors, f"{expect.name}:\n" + "\n".join(errors)


def test_every_source_has_expectations() -> None:
    sources = {p.name for p in FIXTURES.iterdir() if p.suffix in SOURCE_SUFFIXES}
    covered = {source_for(e).name for e in EXPECTS}
    assert sources == covered, f"fixtures without an .expect.yaml: {sorted(sources - covered)}"
    assert len(EXPECTS) >= 30


def test_fixtures_match_generator() -> None:
    run = subprocess.run([sys.executable, str(FIXTURES / "make_encoded.py"), "--check"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


def test_an_encoded_display_name_with_a_comma_is_one_address(tmp_path):
    """«ХостЛайн, техподдержка» encoded in RFC 2047 decodes to a name with a comma: one sender, not two."""
    from email.header import Header

    from letterlint.mail import read_path

    name = Header("ХостЛайн, техподдержка", "utf-8").encode()
    src = tmp_path / "a.eml"
    src.write_text(f"From: {name} <support@hostline.ru>\nTo: {name} <support@hostline.ru>, a@b.ru\n"
                   "Subject: x\n\nтекст\n", encoding="utf-8")
    (letter,) = read_path(str(src))
    assert letter.sender.addr == "support@hostline.ru" and letter.sender.name == "ХостЛайн, техподдержка"
    assert [a.addr for a in letter.to] == ["support@hostline.ru", "a@b.ru"]
