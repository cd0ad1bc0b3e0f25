#!/usr/bin/env python3
"""What reading the git history costs a build (issue 19, docs/PERFORMANCE.md).

    python3 bench/history.py --kreds .build/release/kreds [--events 10000] [--commits 1000]

Generates the benchmark corpus (bench/generate.py) with about --events events, puts it in a
git repository with --commits commits after the first (each moves the time of 5 events and
edits the text of 5 others, like an editor's week), then times `kreds build` of the same
content with its history (the repository) and without (an exported copy with no .git), the
median of --runs after a warm-up. Prints both, the difference, and the history's figures.
Standard library and git only.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOW = "2026-11-23 12:00"


def run(cmd: list[str], cwd: Path | None = None, stdin: bytes | None = None) -> bytes:
    result = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {result.stderr.decode(errors='replace')[:400]}")
    return result.stdout


def make_repository(content: Path, commits: int, seed: int) -> None:
    """One fast-import stream: the corpus as the first commit, then the editors' commits."""
    files = sorted(p for p in content.rglob("*") if p.is_file())
    events = [p for p in files if "/events/" in p.as_posix() and p.suffix == ".md"]
    texts = {p: p.read_bytes() for p in files}
    rng = random.Random(seed)
    stream = bytearray()
    clock = 1_780_000_000

    def commit(message: str, changed: list[Path]) -> None:
        nonlocal clock
        clock += 3600
        stream.extend(b"commit refs/heads/main\n")
        stream.extend(f"committer Redaktion <r@example.dk> {clock} +0000\n".encode())
        msg = message.encode()
        stream.extend(b"data %d\n%s\n" % (len(msg), msg))
        for path in changed:
            data = texts[path]
            rel = path.relative_to(content.parent).as_posix().encode()
            stream.extend(b"M 100644 inline %s\ndata %d\n%s\n" % (rel, len(data), data))

    commit("Indhold", files)
    start = re.compile(rb'^start: ("?)(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})', re.M)
    for number in range(commits):
        chosen = rng.sample(events, 10)
        for moved in chosen[:5]:
            # Five minutes later, or back: the front matter stays valid (end after start).
            def later(m: re.Match) -> bytes:
                minute = int(m[4])
                minute = minute - 5 if minute % 10 == 5 else minute + 5
                return b"start: %s%s %s:%02d" % (m[1], m[2], m[3], minute)
            texts[moved] = start.sub(later, texts[moved], count=1)
        for edited in chosen[5:]:
            texts[edited] = texts[edited] + b"\nEn rettelse mere i teksten.\n"
        commit(f"Uge {number + 1}", chosen)
    repository = content.parent
    run(["git", "init", "-q", "-b", "main"], cwd=repository)
    run(["git", "fast-import", "--quiet"], cwd=repository, stdin=bytes(stream))
    run(["git", "reset", "-q", "--hard", "main"], cwd=repository)


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system, git's included) of `runs`."""
    seconds, cpu = [], []
    for _ in range(runs):
        before = os.times()
        began = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True)
        seconds.append(time.perf_counter() - began)
        after = os.times()
        cpu.append(after.children_user - before.children_user + after.children_system - before.children_system)
        if result.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed:\n{result.stderr.decode(errors='replace')[-800:]}")
    return statistics.median(seconds), statistics.median(cpu)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--kreds", default=str(HERE.parent / ".build/release/kreds"))
    p.add_argument("--events", type=int, default=10_000)
    p.add_argument("--commits", type=int, default=1_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--work", type=Path, default=Path("/tmp/kreds-bench-history"))
    p.add_argument("--keep", action="store_true", help="keep the corpus and outputs in --work")
    p.add_argument("--theme", type=Path, default=Path(os.environ.get("KREDS_THEME") or HERE.parent / "templates"))
    args = p.parse_args()

    shutil.rmtree(args.work, ignore_errors=True)
    with_history = args.work / "repository"
    content = with_history / "content"
    files = round(args.events * 13_700 / 10_000)
    run([sys.executable, str(HERE / "generate.py"), "--files", str(files), "--kreds", str(content),
         "--hugo", str(args.work / "hugo")])
    began = time.perf_counter()
    make_repository(content, args.commits, seed=1)
    made = time.perf_counter() - began
    without = args.work / "plain" / "content"
    shutil.copytree(content, without)

    env_theme = ["env", f"KREDS_THEME={args.theme}"]
    def build(folder: Path, output: Path) -> list[str]:
        return env_theme + [args.kreds, "build", "--content", str(folder), "--output", str(output),
                            "--now", NOW, "--quiet"]

    events = sum(1 for _ in content.rglob("events/*.md"))
    log = run(["git", "rev-list", "--count", "HEAD"], cwd=with_history).decode().strip()
    # Alternating, so that a busy moment of the machine falls on both sides alike.
    plain_runs, history_runs = [], []
    for warm_up in (build(without, args.work / "out-plain"), build(content, args.work / "out-history")):
        subprocess.run(warm_up, capture_output=True)
    for _ in range(args.runs):
        plain_runs.append(timed(build(without, args.work / "out-plain"), 1))
        history_runs.append(timed(build(content, args.work / "out-history"), 1))
    plain = statistics.median(r[0] for r in plain_runs), statistics.median(r[1] for r in plain_runs)
    history = statistics.median(r[0] for r in history_runs), statistics.median(r[1] for r in history_runs)
    # The history's effect on the output: SEQUENCEs that rose.
    raised = 0
    for ics in (args.work / "out-history").rglob("*.ics"):
        if "/arrangementer/" in ics.as_posix() and ics.parent.name == ics.stem:
            raised += any(line.startswith("SEQUENCE:") and line.strip() != "SEQUENCE:0"
                          for line in ics.read_text(encoding="utf-8").splitlines())
    print(f"{events} events, {log} commits (repository made in {made:.1f} s)")
    print(f"kreds build without history: {plain[0]:.2f} s, {plain[1]:.2f} CPU-s (medians of {args.runs})")
    print(f"kreds build with history:    {history[0]:.2f} s, {history[1]:.2f} CPU-s (medians of {args.runs})")
    print(f"history costs {history[0] - plain[0]:+.2f} s, {history[1] - plain[1]:+.2f} CPU-s; "
          f"{raised} events have a SEQUENCE above 0")
    if not args.keep:
        shutil.rmtree(args.work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
