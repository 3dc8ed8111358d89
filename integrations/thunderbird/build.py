#!/usr/bin/env python3
"""Build the Thunderbird extension: integrations/thunderbird → letterlint-thunderbird-<version>.xpi.

    python integrations/thunderbird/build.py                 # → integrations/thunderbird/dist/
    python integrations/thunderbird/build.py -o /tmp/x.xpi

Standard library only. The archive is reproducible: files in sorted order, fixed timestamps, manifest.json
first. Only the extension's own files go in (manifest, scripts, pages, _locales), not this script or dist/.
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
INCLUDE_SUFFIXES = (".json", ".js", ".html", ".css", ".png", ".svg")
EXCLUDE_DIRS = {"dist", "__pycache__", "node_modules"}
EPOCH = (2024, 1, 1, 0, 0, 0)


def extension_files(root: Path = HERE) -> list[Path]:
    files = []
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if p.is_file() and not set(rel.parts) & EXCLUDE_DIRS and p.suffix in INCLUDE_SUFFIXES:
            files.append(rel)
    files.sort(key=lambda r: (r.as_posix() != "manifest.json", r.as_posix()))
    return files


def build(output: Path | None = None, root: Path = HERE) -> Path:
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    version = manifest["version"]
    out = output or root / "dist" / f"letterlint-thunderbird-{version}.xpi"
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for rel in extension_files(root):
            info = zipfile.ZipInfo(rel.as_posix(), date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, (root / rel).read_bytes())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the letterlint Thunderbird extension (.xpi).")
    ap.add_argument("-o", "--output", type=Path, help="where to write the .xpi")
    args = ap.parse_args(argv)
    try:
        out = build(args.output)
    except (OSError, ValueError, KeyError) as exc:
        print(f"build.py: {exc}", file=sys.stderr)
        return 1
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
