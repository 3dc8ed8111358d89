"""`letterlint serve` on 127.0.0.1 (an ephemeral port, a thread): LanguageTool's /v2/check and /v2/languages
in LanguageTool's shape with UTF-16 offsets, the JSON API, the body-size limit."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from letterlint.integrations.server import Annotated, Positions, Service, make_server, utf16_len

# «апрув» (jargon) after Cyrillic and two astral emoji on the same line; a CRLF line break before it
TEXT = "Дмитрий, добрый день!\r\nГотово 👍🏻 — начнём, как только получим апрув, 😀 ок?\n\nСпасибо!"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("srv")   # no .letterlint.yaml above: the recommended rules
    service = Service(base=str(base))
    service.warm()
    srv = make_server(service, "127.0.0.1", 0, max_body=64 * 1024)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def post(url: str, data: bytes, ctype: str = "application/x-www-form-urlencoded"):
    req = urllib.request.Request(url, data=data, headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers.get("Content-Type"), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type"), e.read()


def lt(server: str, **params: str) -> tuple[int, dict | str]:
    status, ctype, body = post(server + "/v2/check", urllib.parse.urlencode(params).encode())
    return status, json.loads(body) if "json" in (ctype or "") else body.decode()


def utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[offset * 2:(offset + length) * 2].decode("utf-16-le")


def test_languages(server: str) -> None:
    with urllib.request.urlopen(server + "/v2/languages", timeout=10) as r:
        assert json.load(r) == [{"name": "Russian", "code": "ru", "longCode": "ru-RU"}]


def test_check_in_languagetool_shape_with_utf16_offsets(server: str) -> None:
    status, r = lt(server, text=TEXT, language="ru-RU")
    assert status == 200
    assert r["software"]["name"] == "letterlint" and r["language"]["code"] == "ru-RU"
    jargon = next(m for m in r["matches"] if m["rule"]["id"] == "jargon")
    # the emoji 👍🏻 (two astral code points) and the CRLF count as Java/JavaScript strings count them
    assert utf16_slice(TEXT, jargon["offset"], jargon["length"]) == "апрув"
    assert jargon["offset"] == utf16_len(TEXT[:TEXT.index("апрув")]) == TEXT.index("апрув") + 2
    assert jargon["length"] == 5
    assert {"value": "согласование"} in jargon["replacements"]
    assert jargon["message"].startswith("Жаргон «апрув»")
    assert jargon["shortMessage"] and jargon["rule"]["description"] == jargon["shortMessage"]
    assert jargon["rule"]["issueType"] == "style"
    assert set(jargon["rule"]["category"]) == {"id", "name"}
    assert jargon["type"] == {"typeName": "Other"}
    ctx = jargon["context"]
    assert utf16_slice(ctx["text"], ctx["offset"], ctx["length"]) == "апрув"
    assert "\n" not in ctx["text"] and "\r" not in ctx["text"]
    assert "апрув" in jargon["sentence"] and "Дмитрий" not in jargon["sentence"]
    for m in r["matches"]:
        assert set(m) >= {"message", "shortMessage", "offset", "length", "replacements", "context", "sentence",
                          "rule", "type"}
        assert 0 <= m["offset"] and m["offset"] + m["length"] <= utf16_len(TEXT)


def test_check_accepts_ru_and_auto_and_rejects_other_languages(server: str) -> None:
    for lang in ("ru", "auto", "RU-ru"):
        status, r = lt(server, text="Короче, апрув получили.", language=lang)
        assert status == 200 and {m["rule"]["id"] for m in r["matches"]} >= {"jargon", "filler-words"}
    status, body = lt(server, text="Hello", language="en-US")
    assert status == 400 and "en-US" in body
    status, body = lt(server, language="ru")
    assert status == 400 and "text" in body


def test_rule_filters(server: str) -> None:
    _, r = lt(server, text="Короче, апрув получили.", language="ru", disabledRules="jargon")
    assert "jargon" not in {m["rule"]["id"] for m in r["matches"]}
    _, r = lt(server, text="Короче, апрув получили.", language="ru", enabledRules="jargon", enabledOnly="true")
    assert {m["rule"]["id"] for m in r["matches"]} == {"jargon"}


def test_data_annotation_offsets_point_into_the_markup_text(server: str) -> None:
    data = {"annotation": [{"markup": "<p>"}, {"text": "Короче, "}, {"markup": "<b>"}, {"text": "апрув"},
                           {"markup": "</b>"}, {"text": " получили 😀."}, {"markup": "</p>\n<p>", "interpretAs": "\n\n"},
                           {"text": "Спасибо!"}, {"markup": "</p>"}]}
    original = "".join(i.get("text", i.get("markup", "")) for i in data["annotation"])
    status, r = lt(server, data=json.dumps(data, ensure_ascii=False), language="ru-RU")
    assert status == 200
    got = {m["rule"]["id"]: utf16_slice(original, m["offset"], m["length"]) for m in r["matches"]}
    assert got["jargon"] == "апрув" and got["filler-words"] == "Короче"
    status, body = lt(server, data="{not json", language="ru")
    assert status == 400 and "data" in body


def test_positions_unit() -> None:
    ann = Annotated([("Привет, ", "Привет, ", True), ("\n", "<br>", False), ("😀 апрув", "😀 апрув", True)])
    pos = Positions(ann)
    assert ann.plain == "Привет, \n😀 апрув" and ann.original == "Привет, <br>😀 апрув"
    s = pos.plain_offset(2, 3)        # line 2, column 3: «апрув»
    assert ann.plain[s:s + 5] == "апрув"
    o = ann.to_original(s, end=False)
    assert ann.original[o:o + 5] == "апрув" and pos.utf16(o) == len("Привет, <br>") + 2 + 1
    assert ann.to_original(8, end=False) == 8 and ann.to_original(9, end=True) == 12   # inside <br>: all of it
    assert utf16_len("😀👍🏻ж") == 2 + 2 + 2 + 1


def test_json_api_check_returns_the_design_json(server: str) -> None:
    draft = ("From: Мария <maria@pixel-co.ru>\nTo: client@firm.ru\nSubject: Макет\n"
             "Content-Type: text/plain; charset=utf-8\n\nДмитрий, добрый день!\n\nКороче, макет во вложении.\n\nМария\n")
    status, _, body = post(server + "/api/check", json.dumps({"draft": draft, "name": "draft.eml"}).encode(),
                           "application/json")
    assert status == 200
    r = json.loads(body)
    assert r["version"] == 1 and set(r["summary"]) == {"files", "errors", "warnings", "infos"}
    (f,) = r["files"]
    assert f["path"] == "draft.eml" and f["error"] is None
    rules = {x["rule"]: x for x in f["findings"]}
    assert rules["missing-attachment"]["line"] == 8 and rules["missing-attachment"]["column"] == 15
    assert list(rules["filler-words"]) == ["rule", "severity", "message", "path", "line", "column", "end_line",
                                           "end_column", "excerpt", "suggestion"]
    status, _, body = post(server + "/api/check", b'{"thread": []}', "application/json")
    assert status == 400 and "draft" in json.loads(body)["error"]
    status, _, body = post(server + "/api/check", b"{", "application/json")
    assert status == 400


def test_json_api_compose_is_the_native_host_request(server: str) -> None:
    req = {"id": 4, "details": {"subject": "Макет", "to": ["client@firm.ru"], "isPlainText": True,
                                "plainTextBody": "Дмитрий, добрый день!\n\nМакет во вложении.\n\nСпасибо!"},
           "attachments": [{"name": "макет.pdf", "size": 30 * 1024 * 1024}]}
    status, _, body = post(server + "/api/compose", json.dumps(req, ensure_ascii=False).encode(), "application/json")
    r = json.loads(body)
    assert status == 200 and r["ok"] and r["id"] == 4
    rules = {x["rule"] for x in r["report"]["files"][0]["findings"]}
    assert "large-attachment" in rules and "missing-attachment" not in rules


def test_body_over_the_limit_is_413(server: str) -> None:
    big = urllib.parse.urlencode({"language": "ru", "text": "а" * 70_000}).encode()
    status, _, body = post(server + "/v2/check", big)
    assert status == 413
    # the server is still there
    status, r = lt(server, text="Спасибо!", language="ru")
    assert status == 200


def test_unknown_route_and_method(server: str) -> None:
    status, _, _ = post(server + "/v2/nothing", b"")
    assert status == 404
    req = urllib.request.Request(server + "/v2/languages", data=b"", method="POST")
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=10)
    assert e.value.code == 405
    with urllib.request.urlopen(server + "/api/health", timeout=10) as r:
        h = json.load(r)
    assert h["ok"] and "jargon" in h["rules"]


def test_serve_command_help_and_bad_port() -> None:
    from click.testing import CliRunner

    from letterlint.cli import cli

    r = CliRunner().invoke(cli, ["serve", "--help"])
    assert r.exit_code == 0 and "/v2/check" in r.output
    r = CliRunner().invoke(cli, ["serve", "--port", "70000"])
    assert r.exit_code == 2


def test_compose_letter_reads_thunderbird_html() -> None:
    from letterlint.integrations.compose import compose_letter

    html = ('<html><body><p>Добрый день!</p><p>Смета готова.</p><div class="moz-signature">-- <br>Мария</div>'
            '<div class="moz-cite-prefix">03.03.2025 10:00, Дмитрий пишет:</div>'
            '<blockquote type="cite"><p>Сколько будет стоить?</p></blockquote></body></html>')
    letter = compose_letter({"subject": "Re: Смета", "from": "Мария <m@firm.ru>",
                             "to": ["Дмитрий <d@client.ru>", {"id": "contact-1", "type": "contact"}],
                             "body": html, "isPlainText": False, "type": "reply"}, [])
    assert "Смета готова." in letter.new_text.text and "Сколько" not in letter.new_text.text
    assert letter.quoted and "Сколько будет стоить?" in letter.quoted[0].text.text
    assert [a.addr for a in letter.to] == ["d@client.ru"] and letter.sender.addr == "m@firm.ru"
    assert letter.is_reply and letter.date is not None
