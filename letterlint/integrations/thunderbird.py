"""`letterlint install-thunderbird`: register `letterlint native-host` with Thunderbird.

Thunderbird finds a native-messaging host by a manifest named after the host («letterlint.json»):
- Linux: ``~/.mozilla/native-messaging-hosts/letterlint.json``
- macOS: ``~/Library/Application Support/Mozilla/NativeMessagingHosts/letterlint.json``
- Windows: any file, named by the default value of the registry key
  ``HKEY_CURRENT_USER\\Software\\Mozilla\\NativeMessagingHosts\\letterlint``; we keep it in
  ``%LOCALAPPDATA%\\letterlint\\``.
The manifest's ``path`` must be an absolute path to an executable and cannot carry arguments, so a tiny launcher
script is written next to our data (``letterlint-native-host`` for sh, ``letterlint-native-host.bat`` on
Windows) that runs this Python with ``-m letterlint native-host`` and the chosen ``--config``.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from letterlint.integrations.native_host import HOST_NAME

EXTENSION_ID = "letterlint@letterlint"     # browser_specific_settings.gecko.id in integrations/thunderbird
REGISTRY_KEY = rf"Software\Mozilla\NativeMessagingHosts\{HOST_NAME}"


@dataclass
class Plan:
    platform: str                   # linux | darwin | win32
    manifest_path: Path
    launcher_path: Path
    manifest: dict
    launcher: str
    registry_key: str | None = None  # Windows only: HKCU\<key>, default value = manifest_path


def _platform(name: str | None) -> str:
    p = name or sys.platform
    if p.startswith("linux") or p.startswith("freebsd") or p.startswith("openbsd"):
        return "linux"
    if p in ("darwin", "macos", "mac"):
        return "darwin"
    if p in ("win32", "windows", "cygwin"):
        return "win32"
    raise click.UsageError(f"неизвестная платформа «{p}»: linux, darwin или win32")


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def plan(platform: str | None = None, extension_ids: list[str] | None = None, config: str | None = None,
         python: str | None = None, system: bool = False) -> Plan:
    """What to write where, without writing anything."""
    plat = _platform(platform)
    home = _home()
    python = python or sys.executable
    if plat == "linux":
        mdir = Path("/usr/lib/mozilla/native-messaging-hosts") if system else home / ".mozilla" / "native-messaging-hosts"
        ldir = Path("/usr/local/lib/letterlint") if system else home / ".local" / "share" / "letterlint"
    elif plat == "darwin":
        root = Path("/Library") if system else home / "Library"
        mdir = root / "Application Support" / "Mozilla" / "NativeMessagingHosts"
        ldir = root / "Application Support" / "letterlint"
    else:
        local = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        mdir = ldir = Path(local) / "letterlint"
    if plat == "win32":
        launcher_path = ldir / "letterlint-native-host.bat"
        args = f' --config "{config}"' if config else ""
        launcher = ("@echo off\r\n"
                    "rem letterlint native-messaging host for Thunderbird (written by letterlint install-thunderbird)\r\n"
                    f'"{python}" -m letterlint native-host{args} %*\r\n')
    else:
        launcher_path = ldir / "letterlint-native-host"
        cmd = [python, "-m", "letterlint", "native-host"] + (["--config", config] if config else [])
        launcher = ("#!/bin/sh\n"
                    "# letterlint native-messaging host for Thunderbird (written by letterlint install-thunderbird)\n"
                    f"exec {' '.join(shlex.quote(c) for c in cmd)} \"$@\"\n")
    manifest = {
        "name": HOST_NAME,
        "description": "letterlint: проверка письма клиенту перед отправкой",
        "path": str(launcher_path),
        "type": "stdio",
        "allowed_extensions": list(extension_ids or [EXTENSION_ID]),
    }
    return Plan(plat, mdir / f"{HOST_NAME}.json", launcher_path, manifest, launcher,
                ("HKEY_LOCAL_MACHINE" if system else "HKEY_CURRENT_USER") + "\\" + REGISTRY_KEY if plat == "win32" else None)


def _write_registry(manifest_path: Path, system: bool) -> None:  # pragma: no cover - Windows only
    import winreg

    root = winreg.HKEY_LOCAL_MACHINE if system else winreg.HKEY_CURRENT_USER
    with winreg.CreateKey(root, REGISTRY_KEY) as key:
        winreg.SetValueEx(key, "", 0, winreg.REG_SZ, str(manifest_path))


def _delete_registry(system: bool) -> None:  # pragma: no cover - Windows only
    import winreg

    root = winreg.HKEY_LOCAL_MACHINE if system else winreg.HKEY_CURRENT_USER
    try:
        winreg.DeleteKey(root, REGISTRY_KEY)
    except FileNotFoundError:
        pass


def install(p: Plan, system: bool = False) -> list[str]:
    """Write the launcher and the manifest (and the registry key on Windows); lines saying what was done."""
    done = []
    p.launcher_path.parent.mkdir(parents=True, exist_ok=True)
    p.launcher_path.write_text(p.launcher, encoding="utf-8", newline="")
    if p.platform != "win32":
        p.launcher_path.chmod(0o755)
    done.append(f"запускающий скрипт: {p.launcher_path}")
    p.manifest_path.parent.mkdir(parents=True, exist_ok=True)
    p.manifest_path.write_text(json.dumps(p.manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    done.append(f"манифест хоста: {p.manifest_path}")
    if p.platform == "win32":
        if sys.platform != "win32":
            raise click.ClickException("ключ реестра можно записать только в Windows (для проверки: --dry-run)")
        _write_registry(p.manifest_path, system)
        done.append(f"ключ реестра: {p.registry_key} = {p.manifest_path}")
    return done


def uninstall(p: Plan, system: bool = False) -> list[str]:
    done = []
    for path in (p.manifest_path, p.launcher_path):
        if path.exists():
            path.unlink()
            done.append(f"удалён {path}")
    if p.platform == "win32" and sys.platform == "win32":  # pragma: no cover
        _delete_registry(system)
        done.append(f"удалён ключ реестра {p.registry_key}")
    return done


@click.command("install-thunderbird")
@click.option("--extension-id", "extension_ids", multiple=True, metavar="ID",
              help=f"Id расширения, которому разрешён хост (по умолчанию {EXTENSION_ID}); можно несколько раз.")
@click.option("--config", "config_path", metavar="FILE", type=click.Path(dir_okay=False),
              help="Файл настроек, с которым будет работать хост (по умолчанию ~/.letterlint.yaml или рекомендованные).")
@click.option("--print", "print_only", is_flag=True, help="Только напечатать манифест хоста (JSON), ничего не записывая.")
@click.option("--dry-run", is_flag=True, help="Показать, какие файлы (и ключ реестра) будут записаны, ничего не записывая.")
@click.option("--uninstall", "remove", is_flag=True, help="Удалить манифест и запускающий скрипт.")
@click.option("--system", is_flag=True,
              help="Для всех пользователей (/usr/lib/mozilla…, /Library/Application Support/Mozilla…, HKLM); нужны права администратора.")
@click.option("--platform", "platform_name", type=click.Choice(["linux", "darwin", "win32"]), default=None,
              help="Для какой системы (по умолчанию — для этой); с другой — только --print/--dry-run.")
def install_command(extension_ids: tuple[str, ...], config_path: str | None, print_only: bool, dry_run: bool,
                    remove: bool, system: bool, platform_name: str | None) -> None:
    """Зарегистрировать letterlint native-host для расширения Thunderbird (Linux, macOS, Windows)."""
    config = str(Path(config_path).resolve()) if config_path else None
    if config and not Path(config).is_file():
        raise click.BadParameter(f"файл не найден: {config_path}", param_hint="--config")
    p = plan(platform_name, list(extension_ids) or None, config, system=system)
    if print_only:
        click.echo(json.dumps(p.manifest, ensure_ascii=False, indent=2))
        return
    if dry_run:
        click.echo("Будут удалены:" if remove else "Будут записаны:")
        click.echo(f"  {p.manifest_path}")
        click.echo(f"  {p.launcher_path}")
        if p.registry_key:
            click.echo(f"  ключ реестра {p.registry_key} (значение по умолчанию: {p.manifest_path})")
        if not remove:
            click.echo(f"\n--- {p.manifest_path}\n{json.dumps(p.manifest, ensure_ascii=False, indent=2)}")
            click.echo(f"\n--- {p.launcher_path}\n{p.launcher.rstrip()}")
        return
    if p.platform != _platform(None):
        raise click.UsageError(f"установить для {p.platform} можно только на {p.platform}; здесь — --print или --dry-run")
    try:
        lines = uninstall(p, system) if remove else install(p, system)
    except OSError as exc:
        raise click.ClickException(f"не удалось записать {exc.filename or ''}: {exc.strerror or exc}") from None
    for line in lines or ["нечего удалять"]:
        click.echo(line)
    if not remove:
        click.echo("Теперь установите расширение (integrations/thunderbird, python integrations/thunderbird/build.py) "
                   "и перезапустите Thunderbird.")
