#!/usr/bin/env python3
"""Calendar changes from git history, read by real iCal parsers (issue 19).

    python Tests/Conformance/historycheck.py KREDS-BINARY

Makes a site in a new git repository whose history creates an event, moves its time twice and
then fixes a typo in its text, each commit at a fixed time. Builds it with `kreds build` and
reads the event's .ics and the network's feed with `icalendar` and `recurring-ical-events`:

  - SEQUENCE is 2 (two moves; the typo does not count);
  - LAST-MODIFIED and DTSTAMP are the last commit's time;
  - the occurrence is at the moved time;
  - a second build of the same commit gives the same bytes;
  - an uncommitted move raises SEQUENCE to 3 and the summary says so once (a `note:` line);
  - the same content without git builds with SEQUENCE 0, as before history.

Prints one line per finding and exits 1 on any.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import icalendar
import recurring_ical_events

from times import DEFAULT_NOW

# The event as it is first committed (shared with Tests/KredsBuildTests/GitHistoryTests.swift).
EVENT = (Path(__file__).resolve().parents[1] / "Fixtures/history/morgenmoede.md").read_text(encoding="utf-8")

FIRST_COMMIT = 1_790_000_000  # 2026-09-21 (UTC), an hour apart after it


def git(repo: Path, *args: str, at: int) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"@{at} +0000", GIT_COMMITTER_DATE=f"@{at} +0000",
               GIT_AUTHOR_NAME="Redaktion", GIT_COMMITTER_NAME="Redaktion",
               GIT_AUTHOR_EMAIL="redaktion@example.dk", GIT_COMMITTER_EMAIL="redaktion@example.dk",
               GIT_CONFIG_NOSYSTEM="1", HOME=str(repo))
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def build(kreds: Path, content: Path, output: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "KREDS_THEME"}
    return subprocess.run([str(kreds), "build", "--content", str(content), "--output", str(output),
                           "--now", DEFAULT_NOW], env=env, capture_output=True, text=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    kreds = Path(argv[0]).resolve()
    findings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kreds-history-") as tmp:
        repo = Path(tmp) / "site"
        content = repo / "content"
        events = content / "networks/energi/events"
        events.mkdir(parents=True)
        (content / "site.yaml").write_text(
            "title: Erhvervsnetværk\nbase_url: https://netvaerk.example.dk/\ntimezone: Europe/Copenhagen\n")
        (content / "networks/energi/index.md").write_text(
            "---\ntitle: Energinetværket\nsummary: Virksomheder om energi.\n---\n")
        event = events / "morgenmoede.md"
        git(repo, "init", "-q", at=FIRST_COMMIT)
        text = EVENT
        steps = [
            ("Nyt møde", lambda t: t),
            ("Flyttet til kl. 10", lambda t: t.replace("09:00", "10:00").replace("11:00", "12:00")),
            ("Flyttet til kl. 13", lambda t: t.replace("10:00", "13:00").replace("12:00", "15:00")),
            ("Stavefejl", lambda t: t.replace("Tilmeld dig gerne.", "Tilmeld dig gerne i dag.")),
        ]
        last = FIRST_COMMIT
        for number, (message, edit) in enumerate(steps):
            text = edit(text)
            event.write_text(text)
            last = FIRST_COMMIT + 3600 * number
            git(repo, "add", "-A", at=last)
            git(repo, "commit", "-q", "-m", message, at=last)

        out = Path(tmp) / "out"
        built = build(kreds, content, out)
        if built.returncode != 0:
            print(f"historycheck: kreds build failed: {built.stderr}")
            return 1
        if "note:" in built.stderr:
            findings.append(f"a clean repository gave a note: {built.stderr.strip()}")
        ics = out / "arrangementer/morgenmoede/morgenmoede.ics"
        raw = ics.read_bytes()
        calendar = icalendar.Calendar.from_ical(raw)
        vevent = next(iter(calendar.walk("VEVENT")))
        committed = dt.datetime.fromtimestamp(last, dt.timezone.utc)
        if int(vevent.get("SEQUENCE", 0)) != 2:
            findings.append(f"SEQUENCE is {vevent.get('SEQUENCE')}, expected 2 (two moves, one typo)")
        for name in ("LAST-MODIFIED", "DTSTAMP"):
            value = vevent.get(name)
            if value is None or value.dt != committed:
                findings.append(f"{name} is {value.dt if value else None}, expected the last commit {committed}")
        moments = recurring_ical_events.of(calendar).between(dt.date(2027, 1, 1), dt.date(2027, 2, 1))
        starts = [m["DTSTART"].dt.strftime("%Y-%m-%d %H:%M") for m in moments]
        if starts != ["2027-01-20 13:00"]:
            findings.append(f"recurring-ical-events found {starts}, expected ['2027-01-20 13:00']")
        feed = icalendar.Calendar.from_ical((out / "netvaerk/energi/kalender.ics").read_bytes())
        sequences = {int(v.get("SEQUENCE", 0)) for v in feed.walk("VEVENT")}
        if sequences != {2}:
            findings.append(f"the network's feed has SEQUENCE {sequences}, expected {{2}}")

        again = Path(tmp) / "again"
        build(kreds, content, again)
        if (again / "arrangementer/morgenmoede/morgenmoede.ics").read_bytes() != raw:
            findings.append("a second build of the same commit gave other bytes")

        event.write_text(text.replace("13:00", "13:30"))
        dirty = build(kreds, content, Path(tmp) / "dirty")
        dirty_event = next(iter(icalendar.Calendar.from_ical(
            (Path(tmp) / "dirty/arrangementer/morgenmoede/morgenmoede.ics").read_bytes()).walk("VEVENT")))
        if int(dirty_event.get("SEQUENCE", 0)) != 3:
            findings.append(f"an uncommitted move gave SEQUENCE {dirty_event.get('SEQUENCE')}, expected 3")
        if dirty.stderr.count("note:") != 1 or "uncommitted" not in dirty.stderr:
            findings.append(f"an uncommitted change was not noted once: {dirty.stderr.strip()!r}")

        plain = Path(tmp) / "plain"
        shutil.copytree(content, plain / "content")
        bare = build(kreds, plain / "content", Path(tmp) / "plain-out")
        plain_event = next(iter(icalendar.Calendar.from_ical(
            (Path(tmp) / "plain-out/arrangementer/morgenmoede/morgenmoede.ics").read_bytes()).walk("VEVENT")))
        if int(plain_event.get("SEQUENCE", 0)) != 0 or "note:" in bare.stderr:
            findings.append(f"without git: SEQUENCE {plain_event.get('SEQUENCE')}, notes {bare.stderr.strip()!r}")

    for finding in findings:
        print(f"historycheck: {finding}")
    print(f"historycheck: {'FAILED' if findings else 'ok'}: created, moved twice, typo fixed -> SEQUENCE:2, "
          f"LAST-MODIFIED = last commit (icalendar {icalendar.__version__}, recurring-ical-events); "
          f"same commit same bytes; uncommitted move noted; no git as before")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
