"""Warm checks through `letterlint serve`, as an editor or a mail client sees them (measured, never asserted).

    python bench/server.py [--rounds 5] [--folder fixtures/cases] [--min-words 250]

Starts `letterlint serve --port 0` in its own process (models loaded once), then over one keep-alive connection
posts every labelled draft of at least ``--min-words`` words: its body text to the LanguageTool-compatible
``/v2/check`` and its raw .eml (with its thread) to ``/api/check``. Prints the median and p95 per request in ms
and the server's start-up time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def start() -> tuple[subprocess.Popen, str, int, float]:
    t = time.perf_counter()
    p = subprocess.Popen([sys.executable, "-m", "letterlint", "serve", "--port", "0"], cwd=ROOT,
                         stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()
    m = re.search(r"http://([\d.]+):(\d+)", line)
    if not m:
        p.kill()
        raise SystemExit(f"server did not start: {line}{p.stderr.read()}")
    return p, m.group(1), int(m.group(2)), time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--folder", type=Path, default=ROOT / "fixtures" / "cases")
    ap.add_argument("--min-words", type=int, default=250)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from letterlint.mail import read_path

    cases = []
    for d in sorted(args.folder.rglob("draft.eml")):
        letter = read_path(str(d))[0]
        if len(letter.new_text.text.split()) >= args.min_words:
            threads = [t.read_text(encoding="utf-8", errors="replace") for t in sorted(d.parent.glob("thread*.eml"))]
            cases.append((letter.body.text, d.read_text(encoding="utf-8", errors="replace"), threads))
    if not cases:
        raise SystemExit(f"no draft of {args.min_words}+ words in {args.folder}")
    proc, host, port, startup = start()
    try:
        conn = http.client.HTTPConnection(host, port, timeout=60)

        def post(path: str, body: bytes, ctype: str) -> float:
            t = time.perf_counter()
            conn.request("POST", path, body, {"Content-Type": ctype})
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"{path}: HTTP {r.status}")
            return (time.perf_counter() - t) * 1000

        lt, api = [], []
        for n in range(args.rounds + 1):
            for text, raw, threads in cases:
                a = post("/v2/check", urllib.parse.urlencode({"language": "ru-RU", "text": text}).encode(),
                         "application/x-www-form-urlencoded")
                b = post("/api/check", json.dumps({"draft": raw, "name": "draft.eml", "thread": threads}).encode(),
                         "application/json")
                if n:   # the first round warms caches
                    lt.append(a)
                    api.append(b)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    def p95(xs: list[float]) -> float:
        return sorted(xs)[max(0, int(len(xs) * 0.95) - 1)]

    print(f"| server start-up, models loaded and warmed | {startup:.1f} s |")
    print(f"| warm `/v2/check`, {len(cases)} drafts of {args.min_words}+ words × {args.rounds} (median / p95) | "
          f"{statistics.median(lt):.0f} / {p95(lt):.0f} ms |")
    print(f"| warm `/api/check` (raw .eml + thread), same drafts (median / p95) | "
          f"{statistics.median(api):.0f} / {p95(api):.0f} ms |")


if __name__ == "__main__":
    main()
