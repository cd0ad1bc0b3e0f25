#!/usr/bin/env python3
"""The publishing recipes of `kreds init`, run in place (make test-dist; docs/RELEASING.md).

    recipes_in_place.py --platform github|gitlab --root ROOT --kreds HOST-KREDS --site SITE-REPO
                        --release-url URL --tarball-url URL --broken-url URL --work DIR

ROOT is a prepared Debian root that stands for the recipe's image (Packaging/test-dist.sh makes
it), with the site's repository at /srv/site.git. The recipe is the YAML that `kreds init`
wrote into the site, parsed here; its steps run in the root as the CI would run them
(Packaging/ci_emulation.py). Exits 1 when an expectation fails, printing the run's log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import io
import subprocess
import sys
import tarfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from ci_emulation import GitHubRunner, GitLabRunner, Root  # noqa: E402

EVENT_TITLE = "First network meeting"
FAKETIME_LIBRARY = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1"


class Failed(Exception):
    pass


def expect(condition: bool, what: str, log: str) -> None:
    if not condition:
        print(log)
        raise Failed(what)
    print(f"   ok: {what}")


def sequences(artifact: Path, title: str) -> set[str]:
    """The SEQUENCE of every VEVENT named `title` in the published calendars."""
    found = set()
    for path in artifact.rglob("*.ics"):
        text = path.read_bytes().decode().replace("\r\n ", "").replace("\r\n\t", "")
        for block in text.split("BEGIN:VEVENT")[1:]:
            block = block.split("END:VEVENT")[0]
            lines = block.split("\r\n")
            if any(line.startswith("SUMMARY") and title in line for line in lines):
                found |= {line.split(":", 1)[1] for line in lines if line.startswith("SEQUENCE")} or {"none"}
    return found


def media_same(first: Path, second: Path) -> bool:
    """The published pictures are the same bytes."""
    left = sorted(p.name for p in (first / "media").iterdir())
    right = sorted(p.name for p in (second / "media").iterdir())
    if left != right:
        return False
    _, mismatch, errors = filecmp.cmpfiles(first / "media", second / "media", left, shallow=False)
    return not mismatch and not errors


def pictures_made(log: str) -> int:
    """Pictures made in a run: `kreds check` makes each one's smallest variant, `kreds build`
    the rest; each prints a `pictures:` line."""
    lines = [line for line in log.splitlines() if line.startswith("pictures: ")]
    if not lines:
        raise Failed(f"no 'pictures:' line in the log:\n{log}")
    return sum(int(line.split()[1]) for line in lines)


def damage(store: Path) -> int:
    """Flips a byte in the payload of every picture in the saved caches, as a broken cache
    download or a full disk would; returns how many entries were damaged."""
    damaged = 0
    for archive_path in list(store.rglob("*.tar")):
        rebuilt = archive_path.with_suffix(".new")
        with tarfile.open(archive_path) as source, tarfile.open(rebuilt, "w") as target:
            for member in source.getmembers():
                data = source.extractfile(member).read() if member.isfile() else None
                if data and "/images/" in f"/{member.name}":
                    data = bytearray(data)
                    data[-10] ^= 0xFF
                    data = bytes(data)
                    damaged += 1
                if data is not None:
                    member.size = len(data)
                    target.addfile(member, io.BytesIO(data))
                else:
                    target.addfile(member)
        rebuilt.replace(archive_path)
    return damaged


def quiet_hour(kreds: str, site: Path) -> dt.datetime:
    """An hour at which a scheduled run has nothing to publish: the first change after three
    hours before it comes after it (asked of the host's kreds on the same content)."""
    start = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).replace(minute=17, second=0, microsecond=0)
    for hours in range(0, 24 * 30):
        at = start + dt.timedelta(hours=hours)
        since = (at - dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
        asked = subprocess.run([kreds, "next-change", "--now", since], cwd=site, capture_output=True, text=True,
                               check=True)
        text = asked.stdout.strip()
        if not text or dt.datetime.fromisoformat(text) > at:
            return at
    raise Failed("no quiet hour in the next 30 days")


def set_clock(root: Root, at: dt.datetime | None) -> None:
    """The clock of the hourly run at `at`, for `date`, which the recipes' decision reads
    (`kreds next-change` is given the time with --now): a `date` in /usr/local/bin, first on
    both runners' PATH, runs the real one under libfaketime. Only `date`: libfaketime
    preloaded into kreds leaves Swift without its command-line arguments. None removes it."""
    wrapper = root.host_path("/usr/local/bin/date")
    if at is None:
        wrapper.unlink(missing_ok=True)
        return
    wrapper.write_text(f"""#!/bin/sh
LD_PRELOAD={FAKETIME_LIBRARY} FAKETIME='{at:@%Y-%m-%d %H:%M:%S}' TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 \\
  exec /usr/bin/date "$@"
""")
    wrapper.chmod(0o755)


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("platform", "root", "kreds", "site", "release-url", "tarball-url", "broken-url", "work"):
        parser.add_argument(f"--{name}", required=True)
    args = parser.parse_args()
    root = Root(Path(args.root))
    site = Path(args.site)
    work = Path(args.work)
    store = work / "store"
    work.mkdir(parents=True, exist_ok=True)
    repository = "/srv/site.git"
    logs = work / "logs"
    logs.mkdir(exist_ok=True)

    def keep(log: str) -> None:
        """Every run's log, for a reader of build/test-dist-recipes/."""
        (logs / f"run-{len(list(logs.iterdir())) + 1:02d}.log").write_text(log)

    if args.platform == "github":
        workflow = yaml.safe_load((site / ".github/workflows/kreds.yml").read_text())

        def run(event, variables):
            runner = GitHubRunner(root, workflow, repository, variables, store)
            done = runner.run(event, work / "artifact")
            keep(done.log)
            built = done.jobs["build"]["result"] == "success"
            published = done.artifact is not None and done.deployed
            return built, published, done.log, done
    else:
        pipeline = yaml.safe_load((site / ".gitlab-ci.yml").read_text())

        def run(event, variables):
            source = {"push": "push", "schedule": "schedule"}[event]
            runner = GitLabRunner(root, pipeline, "pages", "debian:13-slim", repository, variables, store)
            done = runner.run(source, work / "artifact")
            keep(done.log)
            return done.status == "success", done.artifact is not None, done.log, done

    def published_nothing(built, published, log, what):
        expect(not published, f"{what}: nothing published", log)
        expect("Checked:" not in log, f"{what}: kreds check never ran", log)

    print(f"== {args.platform}: KREDS_DOWNLOAD_URL unset, unreachable, not a release, or missing libraries")
    for variables, needle in (({}, "KREDS_DOWNLOAD_URL is not set"),
                              ({"KREDS_DOWNLOAD_URL": "http://127.0.0.1:9/kreds_1.0.0_amd64.deb"},
                               "KREDS_DOWNLOAD_URL could not be downloaded"),
                              ({"KREDS_DOWNLOAD_URL": args.tarball_url}, "KREDS_DOWNLOAD_URL is not a Kreds release"),
                              ({"KREDS_DOWNLOAD_URL": args.broken_url}, "libvips-missing-in-this-test")):
        built, published, log, _ = run("push", variables)
        expect(not built, f"{needle}: the job fails", log)
        expect(needle in log, f"{needle}: said in the log", log)
        published_nothing(built, published, log, needle)

    good = {"KREDS_DOWNLOAD_URL": args.release_url}
    print(f"== {args.platform}: a push (first run, empty cache)")
    built, published, log, _ = run("push", good)
    expect(built and published, "exit 0, the site published", log)
    expect("Setting up kreds" in log and "kreds 1.0.0" in log, "Kreds installed with apt; kreds --version ran", log)
    media = sorted(p.name for p in (work / "artifact/media").iterdir())
    expect(any(n.startswith("iphone.") and n.endswith(".webp") for n in media)
           and any(n.startswith("iphone.") and n.endswith(".jpg") for n in media),
           f"the HEIC photo's variants: {', '.join(n for n in media if n.startswith('iphone.'))}", log)
    expect(sequences(work / "artifact", EVENT_TITLE) == {"1"},
           f"the moved meeting's SEQUENCE from the history: {sequences(work / 'artifact', EVENT_TITLE)}", log)
    expect("the content's git" not in log and "git is not installed" not in log,
           "the history was read: no warning or note about it", log)
    made = pictures_made(log)
    expect(made > 0, f"pictures made: {made}", log)
    first = work / "first-artifact"
    subprocess.run(["rm", "-rf", str(first)], check=True)
    (work / "artifact").rename(first)

    print(f"== {args.platform}: a second push (the cache restored)")
    built, published, log, done = run("push", good)
    expect(built and published, "exit 0, the site published", log)
    if args.platform == "github":
        expect(done.cache_hit is True, "actions/cache: cache-hit on the same key", log)
    expect(pictures_made(log) == 0, "no picture made: every one came from the cache", log)
    expect(media_same(first, work / "artifact"), "the same picture bytes as the first run", log)

    print(f"== {args.platform}: a push with a damaged cache")
    damaged = damage(store)
    built, published, log, _ = run("push", good)
    expect(built and published, f"exit 0 with {damaged} damaged cache entries", log)
    # At least: two pages asking for one variant at once may both make it.
    expect(pictures_made(log) >= damaged, f"the {damaged} damaged entries made again", log)
    expect(media_same(first, work / "artifact"), "the same picture bytes as the first run", log)

    print(f"== {args.platform}: the hourly schedule at an hour with nothing to publish")
    at = quiet_hour(args.kreds, site)
    installed = subprocess.run(["chroot", str(root.path), "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
                                "apt-get", "install", "-y", "-qq", "--no-install-recommends", "libfaketime"],
                               capture_output=True, text=True)
    if installed.returncode != 0:
        print(installed.stdout + installed.stderr)
        raise Failed("libfaketime could not be installed in the root")
    subprocess.run(["rm", "-rf", str(work / "artifact")], check=True)
    set_clock(root, at)
    try:
        built, published, log, done = run("schedule", good)
    finally:
        set_clock(root, None)
    print(f"   (at {at:%Y-%m-%d %H:%M} UTC, by libfaketime)")
    if args.platform == "github":
        expect(built and done.steps["due"]["outputs"].get("publish") == "false", "the run decides not to publish", log)
        expect(done.jobs["deploy"]["result"] == "skipped", "the deploy job is skipped", log)
    else:
        expect(done.status == "allowed-failure" and done.exit_code == 3, "exit 3, an allowed failure", log)
    published_nothing(built, published, log, "the scheduled run")
    print(f"== {args.platform}: passed")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failed as failure:
        print(f"recipes_in_place: FAILED: {failure}")
        sys.exit(1)
