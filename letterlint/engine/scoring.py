"""Score the rules on labelled letters (DESIGN §8): precision and recall per rule.

A case is a folder with ``draft.eml`` (or a template ``draft.*``), optionally ``thread.eml`` (or ``thread*.eml``,
``thread.mbox``), optionally a ``.letterlint.yaml`` (found upward from the draft, as in a real run), and
``expect.yaml``:

    must: {rule-id: exact number of findings}
    must_not: [rule-id, …]        # or the single word «all»: every rule not in must
    why: "…"

For a rule in ``must`` with n expected and k found: TP += min(n, k), FP += max(0, k − n), FN += max(0, n − k).
For a rule in ``must_not``: FP += k. A rule a case does not mention is not scored on it.

    python -m letterlint.engine.scoring fixtures/cases            # Markdown table for the README
    python -m letterlint.engine.scoring fixtures/cases --details   # also every miss and false alarm
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from letterlint.engine.yamlio import load_yaml_file

DRAFT_NAMES = ("draft.eml",)
TEMPLATE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".j2", ".jinja", ".jinja2", ".tmpl", ".tpl", ".mbox")


@dataclass
class RuleScore:
    rule: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    cases: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class CaseResult:
    name: str
    expected: dict[str, int]
    must_not: list[str] | str
    got: dict[str, int]
    error: str | None = None
    messages: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Scores:
    rules: dict[str, RuleScore]
    cases: list[CaseResult]

    def problems(self, rules: Iterable[str] | None = None) -> list[str]:
        """Every miss and false alarm, one line each (only for ``rules`` when given)."""
        out = []
        only = set(rules) if rules else None
        for c in self.cases:
            if c.error:
                out.append(f"{c.name}: ошибка: {c.error}")
                continue
            for rid, n in c.expected.items():
                if only is not None and rid not in only:
                    continue
                k = c.got.get(rid, 0)
                if k != n:
                    out.append(f"{c.name}: {rid}: ожидалось {n}, найдено {k} {c.messages.get(rid, [])}")
            banned = [r for r in c.got if r not in c.expected] if c.must_not == "all" else c.must_not
            for rid in banned:
                if only is not None and rid not in only:
                    continue
                if c.got.get(rid, 0) and rid not in c.expected:
                    out.append(f"{c.name}: {rid}: лишнее срабатывание ×{c.got[rid]} {c.messages.get(rid, [])}")
        return out


def find_cases(root: str | Path) -> list[Path]:
    return sorted(p.parent for p in Path(root).glob("*/expect.yaml"))


def _draft(case: Path) -> Path | None:
    for name in DRAFT_NAMES:
        if (case / name).is_file():
            return case / name
    for p in sorted(case.glob("draft.*")):
        if p.suffix in TEMPLATE_SUFFIXES:
            return p
    return None


def _threads(case: Path) -> list[Path]:
    return sorted(p for p in case.glob("thread*") if p.suffix in (".eml", ".mbox"))


def _expect(case: Path) -> tuple[dict[str, int], list[str] | str]:
    data = load_yaml_file(case / "expect.yaml") or {}
    must = {str(k): int(v) for k, v in (data.get("must") or {}).items()}
    mn = data.get("must_not") or []
    must_not: list[str] | str = "all" if mn == "all" else [str(x) for x in mn]
    return must, must_not


def run_cases(root: str | Path, rules: Iterable[str] | None = None) -> Scores:
    """Check every case with the bundled rules (and each case's own config) and score the rules.

    With ``rules``, only those rules run and are scored (unknown ids are ignored).
    """
    from letterlint.engine.config import default_config, find_config, load_config
    from letterlint.engine.runner import Engine
    from letterlint.mail import ReadError, build_thread, read_path

    only = set(rules) if rules else None
    engines: dict[str, Engine] = {}
    scores: dict[str, RuleScore] = {}
    results: list[CaseResult] = []
    for case in find_cases(root):
        must, must_not = _expect(case)
        cr = CaseResult(case.name, must, must_not, {})
        results.append(cr)
        draft = _draft(case)
        if draft is None:
            cr.error = "нет draft.eml"
            continue
        cfg_path = find_config(draft)
        key = str(cfg_path) if cfg_path else ""
        if key not in engines:
            cfg = load_config(cfg_path) if cfg_path else default_config()
            engine = Engine.from_config(cfg)
            if only is not None:
                engine = Engine.from_config(cfg, select=[r for r in only if r in engine.all_rules])
            engines[key] = engine
        engine = engines[key]
        try:
            letters = read_path(str(draft))
            earlier = [x for t in _threads(case) for x in read_path(str(t))]
        except ReadError as exc:
            cr.error = exc.message
            continue
        me = {a.lower() for a in engine.config.me if "@" in a and not a.startswith("@")}
        for letter in letters:
            res = engine.run(letter, build_thread(letter, earlier, me))
            if res.errors:
                cr.error = "; ".join(res.errors)
            for f in res.findings:
                cr.got[f.rule] = cr.got.get(f.rule, 0) + 1
                cr.messages.setdefault(f.rule, []).append(f.excerpt)
        scored = set(must) | (set(engine.all_rules) if must_not == "all" else set(must_not))
        for rid in scored:
            if only is not None and rid not in only:
                continue
            s = scores.setdefault(rid, RuleScore(rid))
            s.cases += 1
            k = cr.got.get(rid, 0)
            if rid in must:
                n = must[rid]
                s.tp += min(n, k)
                s.fp += max(0, k - n)
                s.fn += max(0, n - k)
            else:
                s.fp += k
    return Scores(dict(sorted(scores.items())), results)


def markdown_table(scores: Scores) -> str:
    lines = ["| rule | cases | TP | FP | FN | precision | recall |", "|---|---:|---:|---:|---:|---:|---:|"]
    for s in scores.rules.values():
        lines.append(f"| `{s.rule}` | {s.cases} | {s.tp} | {s.fp} | {s.fn} | {s.precision:.2f} | {s.recall:.2f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m letterlint.engine.scoring",
                                 description="Precision and recall of each rule on labelled letters.")
    ap.add_argument("folder", nargs="?", default="fixtures/cases")
    ap.add_argument("--rules", help="only these rules (comma-separated)")
    ap.add_argument("--details", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args(argv)
    try:
        scores = run_cases(args.folder, args.rules.split(",") if args.rules else None)
    except Exception as exc:  # a broken case or rule file: one line, no traceback
        print(f"scoring: {exc}", file=sys.stderr)
        return 2
    print(markdown_table(scores))
    if args.details:
        probs = scores.problems(args.rules.split(",") if args.rules else None)
        print("\n" + ("\n".join(probs) if probs else "Все кейсы размечены верно."))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
