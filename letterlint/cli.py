"""The command line (DESIGN §5). It only wires mail → engine → report together; nothing imports it.

Exit codes: 0 — nothing at or above --fail-on; 1 — findings; 2 — usage, config or input error (one line per
problem on stderr, never a traceback; other files are still checked).
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from pathlib import Path
from typing import Any, Callable, Iterable

import click

from letterlint import __version__
from letterlint.engine.config import default_config, find_config, load_config
from letterlint.engine.errors import LetterlintError, UsageError
from letterlint.engine.finding import SEVERITIES, FileResult, severity_at_least
from letterlint.mail.errors import ReadError
from letterlint.report import FORMATS, RuleInfo

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _err(message: str) -> None:
    click.echo(f"letterlint: {message}", err=True)


def _debug() -> None:
    if os.environ.get("LETTERLINT_DEBUG"):
        traceback.print_exc()


def _guard(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every error into one line on stderr and exit code 2 (a traceback only with LETTERLINT_DEBUG=1)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except (LetterlintError, ReadError) as exc:   # bad input: one line naming the file
            _err(str(exc))
            sys.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            _err("прервано")
            sys.exit(130)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(141)   # as a shell tool killed by SIGPIPE: the reader (head, less) stopped reading
        except Exception as exc:  # the promise: no traceback reaches the user
            if os.environ.get("LETTERLINT_DEBUG"):
                traceback.print_exc()
            _err(f"внутренняя ошибка: {type(exc).__name__}: {exc} (подробности: LETTERLINT_DEBUG=1)")
            sys.exit(EXIT_ERROR)

    return wrapper


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit after a closed pipe does not print an error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # pragma: no cover - stdout without a file descriptor
        pass


def _split_ids(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values or ():
        out += [x.strip() for x in v.replace(";", ",").split(",") if x.strip()]
    return out


def _use_color(mode: str) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # pragma: no cover
        return False


def _rule_infos(rules: Iterable[Any]) -> list[RuleInfo]:
    return [RuleInfo(r.id, r.title, r.severity, r.title_en, r.source, r.explain, r.url, tuple(r.tags)) for r in rules]


# Integration commands live in their own modules and are imported only when called, so `letterlint check`
# never pays for a web server or the native-messaging host. Each entry: command name → "module:attribute".
_LAZY_COMMANDS = {
    "sendmail": "letterlint.integrations.sendmail:command",
    "native-host": "letterlint.integrations.native_host:command",
    "install-thunderbird": "letterlint.integrations.thunderbird:install_command",
    "serve": "letterlint.integrations.server:command",
}


class _LazyGroup(click.Group):
    """A click group whose integration commands are imported on first use (see _LAZY_COMMANDS)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | {n for n in _LAZY_COMMANDS if self._load(n)})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return super().get_command(ctx, name) or self._load(name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = _LAZY_COMMANDS.get(name)
        if not target:
            return None
        import importlib

        module, _, attr = target.partition(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None  # not built in this checkout
            raise


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="letterlint")
def cli() -> None:
    """letterlint — проверка исходящего письма клиенту перед отправкой.

    \b
    letterlint check draft.eml --thread client.eml
    letterlint check templates/ --format github
    letterlint explain reply-all
    """


# --- check --------------------------------------------------------------------------------------------------

@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--thread", "threads", multiple=True, metavar="FILE",
              help="Письмо переписки, на которое отвечает черновик (.eml/.mbox); можно несколько раз.")
@click.option("--config", "config_path", metavar="FILE", help="Файл настроек вместо найденного .letterlint.yaml.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Формат отчёта.")
@click.option("--select", multiple=True, metavar="IDS", help="Только эти правила (через запятую).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Пропустить эти правила (через запятую).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Самый мягкий уровень, при котором код выхода 1 (по умолчанию error или fail_on из настроек).")
@click.option("--lang", type=click.Choice(["ru", "en"]), default=None, help="Язык сообщений.")
@click.option("--color", "color_mode", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Цвет в текстовом отчёте.")
@_guard
def check(paths: tuple[str, ...], threads: tuple[str, ...], config_path: str | None, fmt: str,
          select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None, lang: str | None,
          color_mode: str) -> None:
    """Проверить письма: файлы .eml/.mbox, шаблоны, папки (рекурсивно) или «-» (stdin)."""
    from letterlint.engine.session import Engines, check_file
    from letterlint.mail import ReadError, iter_paths, read_path
    from letterlint.report import render

    engines = Engines(config_path, _split_ids(select), _split_ids(ignore), lang)
    earlier = []
    for t in threads:
        try:
            earlier += read_path(t)
        except ReadError as exc:
            raise UsageError(f"--thread {exc.path}: {exc.message}") from None
    results: list[FileResult] = []
    thresholds: list[str] = []
    any_file = False
    for arg in paths:
        if arg != "-" and not os.path.exists(arg):
            results.append(FileResult(arg, [], "файл не найден"))
            _err(f"{arg}: файл не найден")
            continue
        is_dir = arg != "-" and os.path.isdir(arg)
        for path in iter_paths([arg]):
            engine = engines.engine_for(path)
            if is_dir and not engine.config.wants(path):
                continue
            any_file = True
            thresholds.append(fail_on or engine.config.fail_on)
            results.append(check_file(path, engine, earlier, report=_err))
    if not any_file and not results:
        raise UsageError("нет файлов для проверки: " + ", ".join(paths))
    eng = engines.any_engine()
    out_lang = lang or (eng.lang if eng else "ru")
    text = render(fmt, results, rules=_rule_infos(eng.rules) if eng else [], lang=out_lang,
                  color=_use_color(color_mode) and fmt == "text", version=__version__)
    if text:
        click.echo(text, color=_use_color(color_mode) if fmt == "text" else False)
    threshold = fail_on or (min(thresholds, key=lambda s: ["info", "warning", "error"].index(s)) if thresholds else "error")
    if any(r.error for r in results):
        sys.exit(EXIT_ERROR)
    if any(severity_at_least(f.severity, threshold) for r in results for f in r.findings):
        sys.exit(EXIT_FINDINGS)
    sys.exit(EXIT_OK)


# --- parse --------------------------------------------------------------------------------------------------

@cli.command()
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_guard
def parse(file: str, fmt: str) -> None:
    """Показать, что letterlint видит в письме: заголовки, новый текст, цитаты, подпись, пересланное."""
    from letterlint.mail import ReadError, read_path
    from letterlint.mail.render import parse_report

    try:
        letters = read_path(file)
    except ReadError as exc:
        _err(f"{exc.path}: {exc.message}")
        sys.exit(EXIT_ERROR)
    from letterlint.text.readability import readability

    extra = {}
    for letter in letters:  # Flesch–Oborneva reading ease of the new text (higher = easier)
        r = readability(letter.new_text)
        if r is not None:
            extra[letter.path] = {"readability": r.score if fmt == "text" else r.as_dict()}
    click.echo(parse_report(letters, fmt, extra))


# --- rules / explain ----------------------------------------------------------------------------------------

def _engine_here(config_path: str | None) -> Any:
    from letterlint.engine.runner import Engine

    cfg = load_config(config_path) if config_path else None
    if cfg is None:
        found = find_config(Path.cwd())
        cfg = load_config(found) if found else default_config()
    return Engine.from_config(cfg)


@cli.command("rules")
@click.option("--config", "config_path", metavar="FILE", help="Файл настроек (по умолчанию ищется .letterlint.yaml).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_guard
def rules_cmd(config_path: str | None, fmt: str) -> None:
    """Список правил: уровень, тип, заповедь-источник."""
    import json

    engine = _engine_here(config_path)
    enabled = {r.id for r in engine.rules}
    rules = sorted(engine.all_rules.values(), key=lambda r: r.id)
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "title": r.title, "severity": r.severity, "enabled": r.id in enabled,
                                "type": r.type, "scope": r.scope, "needs": sorted(r.needs), "source": r.source,
                                "path": r.path} for r in rules], ensure_ascii=False, indent=2))
        return
    width = max((len(r.id) for r in rules), default=10)
    sev = {"error": "ошибка", "warning": "предупр.", "info": "подсказка"}
    for r in rules:
        state = sev.get(r.severity, r.severity) if r.id in enabled else "выкл."
        click.echo(f"{r.id:<{width}}  {state:<9}  {r.type:<7}  {r.title}" + (f" — {r.source}" if r.source else ""))
    click.echo(f"\nВсего правил: {len(rules)}, включено: {len(enabled)}. Подробнее: letterlint explain ID")
    click.echo("Не проверяются в одном письме (почему — letterlint explain ID): "
               + ", ".join(f"{k} («{v[0]}»)" for k, v in UNCHECKABLE.items()))


#: Commandments no rule can check in one letter — `letterlint explain ID` says why (DESIGN §2).
UNCHECKABLE: dict[str, tuple[str, str]] = {
    "do-more": ("Делай больше, чем требуется: зарабатывай WOW",
                "Что сделать сверх просьбы, решает менеджер: по письму не видно, что было возможно «легко сделать "
                "больше» (вёрстка перевода, короткая версия ролика). Линтер не знает ни бюджета, ни клиента."),
    "think-for-client": ("Думай за клиента",
                         "Совет «вам ещё может потребоваться…» требует знать продукт и рынок клиента. В письме нельзя "
                         "проверить, что такой совет был уместен или что его не хватает."),
    "step-ahead": ("На шаг впереди",
                   "Предугадать следующий вопрос в общем случае нельзя, но команда может описать свои пары «спросил "
                   "о цене → ответь и об оплате» как правила: тип pattern или lexicon со scope и своим сообщением "
                   "(см. docs/rules.md). Встроенного правила нет: пары у каждой команды свои."),
    "golden-rule": ("Поступай с клиентом так, как хочешь, чтобы другие сервисы поступали с тобой",
                    "Это принцип, а не признак текста: его частные случаи и проверяют остальные правила — быстрый "
                    "ответ, ответы на все вопросы, вежливость, понятный язык."),
    "constant-contact": ("Постоянный контакт",
                         "«Напоминать о себе каждые 3 дня» — свойство переписки во времени, а не одного письма: "
                         "линтер проверяет черновик перед отправкой и не знает, сколько мы молчали до него."),
}


def _example_text(ex: Any) -> str:
    if isinstance(ex, str):
        return ex
    parts = []
    if ex.get("subject") is not None:
        parts.append(f"Тема: {ex.get('subject')!s}")
    if ex.get("attachments"):
        parts.append("Вложения: " + ", ".join(f"{a.get('name')} ({a.get('size', '?')})" for a in ex["attachments"]))
    if ex.get("thread"):
        parts.append(f"(в переписке {len(ex['thread'])} письм.)")
    if ex.get("text"):
        parts.append(str(ex["text"]))
    return " | ".join(parts)


@cli.command()
@click.argument("rule_id", metavar="RULE")
@click.argument("letter", metavar="[ПИСЬМО]", required=False)
@click.option("--thread", "threads", multiple=True, metavar="FILE", help="Письмо клиента (для разбора ПИСЬМА).")
@click.option("--config", "config_path", metavar="FILE")
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru")
@_guard
def explain(rule_id: str, letter: str | None, threads: tuple[str, ...], config_path: str | None, lang: str) -> None:
    """Почему правило существует, что оно ловит, примеры и как его настроить.

    С ПИСЬМОМ — как правило рассуждает о нём: для вопросов клиента — где черновик отвечает на каждый,
    с какой оценкой и почему.
    """
    import difflib

    import yaml

    engine = _engine_here(config_path)
    if letter is not None:
        _explain_letter(engine, rule_id, letter, threads)
        return
    rule = engine.all_rules.get(rule_id)
    if rule is None and rule_id in UNCHECKABLE:
        title, why = UNCHECKABLE[rule_id]
        import textwrap

        click.echo(f"{rule_id} — «{title}» (20 заповедей)\n\n" + textwrap.fill(f"Не проверяется: {why}", 100))
        return
    if rule is None:
        hint = difflib.get_close_matches(rule_id, list(engine.all_rules) + list(UNCHECKABLE), n=1)
        raise UsageError(f"неизвестное правило «{rule_id}»" + (f". Может быть, «{hint[0]}»?" if hint else ". Список: letterlint rules"))
    title = rule.title_en if lang == "en" and rule.title_en else rule.title
    enabled = any(r.id == rule.id for r in engine.rules)
    lines = [f"{rule.id} — {title}", ""]
    lines.append(f"Уровень: {rule.severity}" + ("" if enabled else " (выключено в настройках)"))
    if rule.source:
        lines.append(f"Источник: {rule.source}")
    lines.append(f"Тип: {rule.type}; что проверяет: {rule.scope}; анализ: {', '.join(sorted(rule.needs)) or 'только заголовки'}")
    lines.append(f"Файл: {rule.path}")
    text = rule.explain_en if lang == "en" and rule.explain_en else rule.explain
    if text:
        lines += ["", text.rstrip()]
    if rule.examples.bad:
        lines += ["", "Сработает:"] + [f"  ✗ {_example_text(e)}" for e in rule.examples.bad[:5]]
    if rule.examples.good:
        lines += ["", "Промолчит:"] + [f"  ✓ {_example_text(e)}" for e in rule.examples.good[:5]]
    lines += ["", "Настройка в .letterlint.yaml:", "  rules:", f"    {rule.id}:",
              f"      severity: {rule.severity}     # error | warning | info | off"]
    if rule.params:
        dumped = yaml.safe_dump({"params": _plain(rule.params)}, allow_unicode=True, sort_keys=False, width=100,
                                default_flow_style=None)
        short = [ln for ln in dumped.splitlines()]
        if len(short) > 25:
            short = short[:25] + ["        # … (полный список — в файле правила)"]
        lines += ["      " + ln for ln in short]
    lines += ["      # список можно дополнить, не заменяя: params: {имя+: [ещё, слова]}"] if any(
        isinstance(v, list) for v in rule.params.values()) else []
    if rule.type == "lexicon":
        lines += ["      words: [{match: \"слово\", suggest: [замена]}]   # свои слова",
                  "      allow: [\"фраза\"]                                # исключения"]
    click.echo("\n".join(lines))


def _explain_letter(engine: Any, rule_id: str, path: str, threads: tuple[str, ...]) -> None:
    """`explain RULE FILE`: the rule's reasoning on one letter and its findings."""
    from letterlint.engine.session import my_addresses
    from letterlint.mail import build_thread, read_path

    if rule_id not in engine.all_rules:
        raise UsageError(f"неизвестное правило «{rule_id}». Список: letterlint rules")
    draft = read_path(path)[0]
    earlier = [m for t in threads for m in read_path(t)]
    lines, findings = engine.trace(rule_id, draft, build_thread(draft, earlier, my_addresses(engine.config)))
    out = [f"{rule_id} — разбор {path}", ""] + (lines or ["(правило не объясняет ход рассуждения, только находки)"])
    out += ["", f"Находок: {len(findings)}"] + [f"  {f.line}:{f.column}  {f.message}" for f in findings]
    click.echo("\n".join(out))


def _plain(v: Any) -> Any:
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    return v


# --- test-rules ---------------------------------------------------------------------------------------------

@cli.command("test-rules")
@click.argument("paths", nargs=-1)
@click.option("-q", "--quiet", is_flag=True, help="Печатать только провалы.")
@_guard
def test_rules(paths: tuple[str, ...], quiet: bool) -> None:
    """Прогнать примеры (examples) правил: bad должны срабатывать, good — молчать.

    Без PATH проверяются встроенные правила; PATH — файл правила или папка с ними.
    """
    from letterlint.engine.examples import run_examples
    from letterlint.engine.rule import bundled_rules, load_rule_file, load_rules_dir

    rules = []
    if paths:
        for p in paths:
            if not os.path.exists(p):
                raise UsageError(f"{p}: файл или папка не найдены")
            rules += load_rules_dir(p) if os.path.isdir(p) else [load_rule_file(p)]
    else:
        rules = bundled_rules()
    failed = 0
    total = 0
    for r in rules:
        r.impl.prepare(r)
        res = run_examples(r)
        total += len(res)
        bad = [x for x in res if not x.ok]
        failed += len(bad)
        if bad:
            click.echo(f"✗ {r.id}: {len(bad)} из {len(res)} примеров не прошли")
            for x in bad:
                click.echo(f"    {x.describe()}")
        elif not quiet:
            click.echo(f"✓ {r.id}: {len(res)} примеров")
    click.echo(f"\nПравил: {len(rules)}, примеров: {total}, не прошло: {failed}.")
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


def main() -> None:
    """Console entry point."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):  # pragma: no cover
            pass
    try:
        cli(prog_name="letterlint")
    finally:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_stdout()


if __name__ == "__main__":  # pragma: no cover
    main()
