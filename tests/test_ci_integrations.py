"""CI integrations: the example template repository, .pre-commit-hooks.yaml (with Debian's pre-commit, offline),
the composite GitHub Action's check step, and placeholders standing for the signature in templates."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from _e2e import RUDE_BODY, letterlint_launcher

from letterlint.cli import cli
from letterlint.mail import read_bytes

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "fixtures" / "templates"

def test_template_repository_is_clean() -> None:
    r = CliRunner().invoke(cli, ["check", str(TEMPLATES)], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    obj = json.loads(CliRunner().invoke(cli, ["check", str(TEMPLATES), "--format", "json"]).stdout)
    assert obj["summary"]["files"] >= 6 and not any(f["error"] for f in obj["files"])
    found = {(Path(f["path"]).relative_to(TEMPLATES).as_posix(), f["rule"]) for x in obj["files"] for f in x["findings"]}
    # legitimate templates: a follow-up question, a conditional next step, times and owners as placeholders
    assert not found, sorted(found)


def test_templates_use_placeholders_and_conditions() -> None:
    texts = [p.read_text(encoding="utf-8") for p in TEMPLATES.rglob("*") if p.is_file() and p.name != "README.md"
             and p.suffix in (".md", ".j2", ".txt")]
    assert len(texts) >= 6
    assert all("{{ client_name }}" in t for t in texts)
    assert sum("{% if" in t for t in texts) >= 3
    assert (TEMPLATES / ".letterlint.yaml").is_file()


def test_placeholder_lines_at_the_end_are_the_signature() -> None:
    (letter,) = read_bytes("Subject: Счёт\n\nИван, добрый день!\n\nОплатите, пожалуйста, счёт до {{ pay_by }}.\n\n"
                           "Спасибо!\n{{ manager_name }}\n{{ manager_phone }}\n".encode(), "t.j2")
    assert letter.new_text.text.rstrip().endswith("Спасибо!")
    assert letter.signature.text == "{{ manager_name }}\n{{ manager_phone }}"
    assert letter.signature.origins[0] == (8, 1)
    # a placeholder inside a sentence, or a block tag alone at the end, stays in the text
    (other,) = read_bytes("Subject: Счёт\n\nОплатите счёт до {{ pay_by }}.\n{% endif %}\n".encode(), "t.j2")
    assert "{% endif %}" in other.new_text.text and not other.signature


# --- .pre-commit-hooks.yaml ----------------------------------------------------------------------------------

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def test_hook_manifest() -> None:
    by_id = {h["id"]: h for h in HOOKS}
    assert by_id["letterlint"]["language"] == "python" and by_id["letterlint"]["entry"] == "letterlint check"
    assert by_id["letterlint-system"]["language"] == "system"
    files = re.compile(by_id["letterlint"]["files"])
    for name in ("a.eml", "t/offer.md", "t/quote.md.j2", "x.txt", "y.html", "z.jinja2", "box.mbox"):
        assert files.search(name), name
    for name in ("setup.py", "a.yaml", "img.png"):
        assert not files.search(name), name


def _same_python() -> bool:
    py = shutil.which("python3")
    if py is None:
        return False
    r = subprocess.run([py, "-c", "import sys; print(*sys.version_info[:2])"], capture_output=True, text=True)
    return r.stdout.split() == [str(x) for x in sys.version_info[:2]]


def _site_without_letterlint(d: Path) -> Path:
    """This interpreter's site-packages minus letterlint itself: the hook environment must use its own copy."""
    out = d / "deps"
    out.mkdir()
    for p in Path(sysconfig.get_paths()["purelib"]).iterdir():
        if p.name.startswith(("letterlint", "__editable__", "_letterlint")) or p.suffix == ".pth":
            continue
        (out / p.name).symlink_to(p)
    return out


@pytest.mark.skipif(shutil.which("pre-commit") is None,
                    reason="pre-commit is not installed (Debian: apt-get install pre-commit; .ci/run does it as root)")
@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="pre-commit try-repo needs letterlint as a git checkout")
@pytest.mark.skipif(not _same_python(), reason="the hook env's python3 is another minor version: deps cannot be shared")
def test_pre_commit_try_repo_offline(tmp_path: Path) -> None:
    """`pre-commit try-repo <letterlint> letterlint` in a git repo of templates. pre-commit builds the hook's
    virtualenv and pip-installs letterlint from this checkout; to work without the network, pip is told to use no
    index, no dependencies and no build isolation, and the dependencies come from this test's own environment via
    PYTHONPATH (letterlint itself excluded, so the hook runs the copy pre-commit installed)."""
    work = tmp_path / "templates-repo"
    work.mkdir()
    shutil.copytree(TEMPLATES / "sales", work / "sales")
    (work / "sales" / "reminder.md").write_text("Subject: Перевод инструкции\n\n" + RUDE_BODY, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PRE_COMMIT", "GIT_", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path), PRE_COMMIT_HOME=str(tmp_path / "pc-home"), PIP_NO_INDEX="1", PIP_NO_DEPS="1",
               PIP_NO_BUILD_ISOLATION="0", PIP_DISABLE_PIP_VERSION_CHECK="1",
               PYTHONPATH=str(_site_without_letterlint(tmp_path)), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t", LC_ALL="C.UTF-8")
    subprocess.run(["git", "init", "-q"], cwd=work, env=env, check=True)
    subprocess.run(["git", "add", "-A"], cwd=work, env=env, check=True)

    def try_repo(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pre-commit", "try-repo", str(ROOT), "letterlint", "--files", *files], cwd=work,
                              env=env, capture_output=True, text=True, timeout=600)

    ok = try_repo("sales/quote.md.j2", "sales/welcome.md")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert re.search(r"letterlint \(client letters and templates\)\.+Passed", ok.stdout)
    bad = try_repo("sales/reminder.md", "sales/welcome.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout and "rudeness" in bad.stdout and "sales/reminder.md" in bad.stdout


# --- action.yml ----------------------------------------------------------------------------------------------

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def test_action_inputs_and_steps() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on", "config"} <= set(ACTION["inputs"])
    uses = [s.get("uses", "") for s in ACTION["runs"]["steps"]]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


def _check_step(tmp_path: Path, fmt: str, paths: str, fail_on: str = "error") -> tuple[int, dict, str]:
    step = next(s for s in ACTION["runs"]["steps"] if s.get("id") == "check")
    letterlint_launcher(tmp_path)
    out = tmp_path / "github_output"
    out.write_text("")
    env = dict(os.environ, PATH=f"{tmp_path}{os.pathsep}{os.environ['PATH']}", RUNNER_TEMP=str(tmp_path),
               GITHUB_OUTPUT=str(out), LL_PATHS=paths, LL_FORMAT=fmt, LL_FAIL_ON=fail_on, LL_CONFIG="")
    r = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, capture_output=True, text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in out.read_text().splitlines())
    return r.returncode, outputs, r.stdout


def test_action_check_step_annotations_and_sarif(tmp_path: Path) -> None:
    bad = tmp_path / "письмо.md"
    bad.write_text("Subject: Перевод инструкции\n\n" + RUDE_BODY, encoding="utf-8")
    code, outputs, stdout = _check_step(tmp_path, "annotations", f"{TEMPLATES / 'sales'}\n{bad}")
    assert code == 0 and outputs["exit-code"] == "1"       # the step itself passes; «Result» fails the job
    assert "::error file=" in stdout and "title=letterlint rudeness" in stdout
    code, outputs, _ = _check_step(tmp_path, "sarif", str(TEMPLATES / "billing"))
    assert outputs["exit-code"] == "0"
    sarif = json.loads(Path(outputs["sarif-file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
