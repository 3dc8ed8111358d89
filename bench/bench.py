"""Speed and memory of letterlint, measured (never asserted in tests).

    python bench/bench.py [--runs 7] [--folder fixtures/cases]

Prints a Markdown table for the README:
- cold: `letterlint check examples/reply.eml --thread examples/client.eml` in a new process, median of N runs;
- warm: per-letter time of Engine.run over every draft in a folder, models already loaded (median, p95);
- the five "questions answered" rules alone, warm, on the example reply;
- peak resident memory of the cold run;
- import time per library in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def cold(runs: int) -> tuple[float, float]:
    """(median seconds, peak RSS MB) of a whole CLI run in a fresh process."""
    times, peaks = [], []
    cmd = [PY, "-c", "import resource,sys; from letterlint.cli import cli\n"
                     "try: cli(['check','examples/reply.eml','--thread','examples/client.eml','--format','json'])\n"
                     "except SystemExit: pass\n"
                     "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"]
    for _ in range(runs):
        t = time.perf_counter()
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        times.append(time.perf_counter() - t)
        peaks.append(int(p.stderr.strip().splitlines()[-1]) / 1024)
    return statistics.median(times), max(peaks)


def warm(folder: Path, select: list[str] | None = None) -> tuple[float, float, int, float, float, int]:
    """(median ms, p95 ms, letters, median words, median ms of letters of 250+ words, their count), models loaded."""
    from letterlint.engine import Engine
    from letterlint.mail import build_thread, read_path

    engine = Engine.from_config(None, select=select) if select else Engine.from_config(None)
    engine.prepare()
    drafts = sorted(folder.rglob("draft.eml"))
    letters = []
    for d in drafts:
        letter = read_path(str(d))[0]
        threads = [l for t in sorted(d.parent.glob("thread*.eml")) for l in read_path(str(t))]
        letters.append((letter, build_thread(letter, threads)))
    for letter, thread in letters[:3]:           # load models
        engine.run(letter, thread)
    times, words = [], []
    for letter, thread in letters:
        t = time.perf_counter()
        engine.run(letter, thread)
        times.append((time.perf_counter() - t) * 1000)
        words.append(len(letter.new_text.text.split()))
    long = [t for t, w in zip(times, words) if w >= 250]
    times.sort()
    return (statistics.median(times), times[int(0.95 * (len(times) - 1))], len(times), statistics.median(words),
            statistics.median(long) if long else float("nan"), len(long))


FAMILIES = {
    "question rules (5)": ["unanswered-question", "answer-order", "unreported-request", "numbered-questions",
                           "asked-again"],
    "wording rules (9)": ["kitchen", "jargon", "abbreviation", "officialese", "filler-words", "rudeness",
                          "familiarity", "helpless-phrase", "vague-deadline"],
    "structure rules (8)": ["call-to-action", "closing", "long-sentence", "letter-length", "price-breakdown",
                            "call-summary", "meeting-invite", "slow-reply"],
}


def marginal(folder: Path, rounds: int = 5) -> list[tuple[str, float, float]]:
    """(family, median ms all rules, median ms added by the family) on the drafts of 250+ words: all rules
    against all rules but the family, same letters, alternating, after a warm-up (what the issues' "adds at most
    N ms (warm)" asks)."""
    from letterlint.engine import Engine
    from letterlint.mail import build_thread, read_path

    letters = []
    for d in sorted(folder.rglob("draft.eml")):
        letter = read_path(str(d))[0]
        if len(letter.new_text.text.split()) >= 250:
            threads = [l for t in sorted(d.parent.glob("thread*.eml")) for l in read_path(str(t))]
            letters.append((letter, build_thread(letter, threads)))
    full = Engine.from_config(None)
    full.prepare()
    out = []
    for name, ids in FAMILIES.items():
        rest = Engine.from_config(None, ignore=ids)
        rest.prepare()
        t_full, t_rest = [], []
        for r in range(rounds + 1):
            for letter, thread in letters:
                for eng, acc in ((full, t_full), (rest, t_rest)):
                    t = time.perf_counter()
                    eng.run(letter, thread)
                    if r:                                # round 0 warms the models and caches
                        acc.append((time.perf_counter() - t) * 1000)
        a, b = statistics.median(t_full), statistics.median(t_rest)
        out.append((name, a, a - b))
    return out


def imports() -> list[tuple[str, float]]:
    out = []
    for mod in ("letterlint.mail", "mailparser", "inscriptis", "pymorphy3", "spacy", "natasha", "yaml", "click"):
        code = (f"import time; t=time.perf_counter(); import {mod}; print(time.perf_counter()-t)")
        if mod == "pymorphy3":
            code = "import time; t=time.perf_counter(); import pymorphy3; pymorphy3.MorphAnalyzer(); print(time.perf_counter()-t)"
        p = subprocess.run([PY, "-c", code], cwd=ROOT, capture_output=True, text=True)
        out.append((mod, float(p.stdout.strip() or "nan")))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--folder", default=str(ROOT / "fixtures" / "cases"))
    a = ap.parse_args()
    c, peak = cold(a.runs)
    m, p95, n, words, lm, ln = warm(Path(a.folder))
    qm, qp95, qn, _, qlm, _ = warm(Path(a.folder), ["unanswered-question", "answer-order", "unreported-request",
                                            "numbered-questions", "asked-again"])
    print("| measure | value |\n|---|---:|")
    print(f"| cold `letterlint check` of examples/reply.eml with its thread (median of {a.runs}) | {c:.2f} s |")
    print(f"| peak memory of that run | {peak:.0f} MB |")
    print(f"| warm, all rules, per letter over {n} labelled drafts (median / p95; median {words:.0f} words) | {m:.1f} / {p95:.1f} ms |")
    print(f"| warm, all rules, the {ln} drafts of 250+ words (median) | {lm:.1f} ms |")
    print(f"| warm, the five question rules alone (median / p95; 250+ words) | {qm:.1f} / {qp95:.1f}; {qlm:.1f} ms |")
    for name, full, added in marginal(Path(a.folder)):
        print(f"| warm, 250+ words: what the {name} add to all rules ({full:.0f} ms) | {added:.1f} ms |")
    for mod, t in imports():
        extra = " (+ analyzer)" if mod == "pymorphy3" else ""
        print(f"| import `{mod}`{extra} | {t:.2f} s |")


if __name__ == "__main__":
    main()
