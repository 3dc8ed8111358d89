"""The Thunderbird extension: build.py makes an .xpi whose manifest asks for what the background script uses,
every string it shows exists in both locales, and the scripts parse (node --check, when node is installed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from letterlint import __version__
from letterlint.integrations.native_host import HOST_NAME
from letterlint.integrations.thunderbird import EXTENSION_ID

EXT = Path(__file__).resolve().parent.parent / "integrations" / "thunderbird"


@pytest.fixture(scope="module")
def xpi(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("xpi") / "letterlint.xpi"
    p = subprocess.run([sys.executable, str(EXT / "build.py"), "-o", str(out)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == str(out)
    return zipfile.ZipFile(out)


def test_xpi_holds_the_extension_and_nothing_else(xpi: zipfile.ZipFile) -> None:
    names = xpi.namelist()
    assert names[0] == "manifest.json"
    assert {"background.js", "findings/findings.html", "findings/findings.js", "_locales/ru/messages.json",
            "_locales/en/messages.json"} <= set(names)
    assert not [n for n in names if n.endswith(".py") or n.startswith("dist/")]


def test_build_is_reproducible(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("tb_build", EXT / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    a, b = mod.build(tmp_path / "a.xpi"), mod.build(tmp_path / "b.xpi")
    assert a.read_bytes() == b.read_bytes()


def test_manifest_permissions_and_id(xpi: zipfile.ZipFile) -> None:
    m = json.loads(xpi.read("manifest.json").decode("utf-8"))
    assert m["manifest_version"] in (2, 3)
    assert m["browser_specific_settings"]["gecko"]["id"] == EXTENSION_ID
    assert {"compose", "nativeMessaging"} <= set(m["permissions"])
    assert m["version"] == __version__
    assert m["background"]["scripts"] == ["background.js"]
    assert m["default_locale"] == "ru"


def test_background_uses_the_apis_it_has_permission_for(xpi: zipfile.ZipFile) -> None:
    js = xpi.read("background.js").decode("utf-8")
    perms = set(json.loads(xpi.read("manifest.json"))["permissions"])
    for call in ("compose.onBeforeSend.addListener", "compose.getComposeDetails", "compose.listAttachments",
                 "runtime.sendNativeMessage"):
        assert call in js
    assert re.search(r"return\s*\{\s*cancel:\s*true\s*\}", js)
    assert f'const HOST = "{HOST_NAME}"' in js
    assert ("compose.sendMessage" in js) <= ("compose.send" in perms)
    assert ("messages.getRaw" in js) <= ("messagesRead" in perms)
    assert ("notifications.create" in js) <= ("notifications" in perms)


def test_every_string_is_in_both_locales(xpi: zipfile.ZipFile) -> None:
    ru = json.loads(xpi.read("_locales/ru/messages.json"))
    en = json.loads(xpi.read("_locales/en/messages.json"))
    assert set(ru) == set(en)
    used = set(re.findall(r"__MSG_(\w+)__", xpi.read("manifest.json").decode()))
    used |= set(re.findall(r'data-i18n="(\w+)"', xpi.read("findings/findings.html").decode()))
    for name in ("background.js", "findings/findings.js"):
        used |= set(re.findall(r'\bt\("(\w+)"[,)]', xpi.read(name).decode()))
    used |= {f"severity_{s}" for s in ("error", "warning", "info")}   # built as "severity_" + f.severity
    assert used and used <= set(ru), used - set(ru)
    assert re.search("[а-я]", ru["back"]["message"])


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed: JavaScript syntax not checked")
def test_scripts_parse_with_node(tmp_path: Path, xpi: zipfile.ZipFile) -> None:
    for name in ("background.js", "findings/findings.js"):
        path = tmp_path / name.replace("/", "_")
        path.write_bytes(xpi.read(name))
        p = subprocess.run(["node", "--check", str(path)], capture_output=True, text=True, timeout=60)
        assert p.returncode == 0, f"{name}: {p.stderr}"
