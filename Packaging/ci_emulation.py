"""The CI runners of the publishing recipes, emulated in a Debian root (docs/RELEASING.md).

A recipe is run as its CI would run it: GitHub Actions' job and step model (step `if:`s and
outputs, `GITHUB_OUTPUT`, `GITHUB_PATH`, `GITHUB_ENV`, `RUNNER_TEMP`, `bash -e` for `run:`,
the actions the workflow names) and GitLab CI's (rules, variables, `GIT_DEPTH`, cache,
`before_script` and `script` in one shell, `allow_failure: exit_codes`, artifacts). Every
command of the recipe runs inside the root with `chroot`, with nothing from this machine in its
environment. Anything a recipe uses that is not emulated here is an error, never skipped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import tarfile
from pathlib import Path


class NotEmulated(Exception):
    """The recipe uses something this emulation does not know: the test must fail."""


@dataclasses.dataclass
class Root:
    """A Debian root that stands for a CI image."""

    path: Path

    def run(self, script: str, *, user: str, cwd: str, env: dict[str, str], shell: list[str],
            log: list[str]) -> int:
        """Runs `script` with `shell` in the root as `user` in `cwd`; appends its output to `log`."""
        name = f"/tmp/ci-step-{os.getpid()}-{len(log)}.sh"
        (self.path / name.lstrip("/")).write_text(script)
        os.chmod(self.path / name.lstrip("/"), 0o755)
        command = " ".join(shlex.quote(part) for part in shell + [name])
        environment = [f"{key}={value}" for key, value in sorted(env.items())]
        inner = f"cd {shlex.quote(cwd)} && exec {command}"
        done = subprocess.run(
            ["chroot", f"--userspec={user}:{user}", str(self.path), "/usr/bin/env", "-i", *environment,
             "/bin/bash", "-c", inner],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace", timeout=1800)
        log.append(done.stdout)
        (self.path / name.lstrip("/")).unlink(missing_ok=True)
        return done.returncode

    def host_path(self, inside: str) -> Path:
        return self.path / inside.lstrip("/")


def clone(root: Root, repository: str, target: str, depth: int, user: str, log: list[str], *,
          inside: bool = True) -> None:
    """The checkout, at the given depth (0: the whole history). actions/checkout runs the
    runner's own git, inside the image (`inside`); GitLab's runner clones with git in its
    helper container, so the job's image needs no git for it: that clone is made from here."""
    host = root.host_path(target)
    if host.exists():
        shutil.rmtree(host)
    depth_flag = f"--depth {depth} " if depth > 0 else ""
    if not inside:
        host.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(f"git clone -q {depth_flag}--branch main file://{root.host_path(repository)} {shlex.quote(str(host))}",
                              shell=True, capture_output=True, text=True)
        log.append(done.stdout + done.stderr)
        if done.returncode != 0:
            raise RuntimeError(f"clone failed: {log[-1]}")
        return
    script = f"git clone -q {depth_flag}--branch main file://{repository} {shlex.quote(target)}\n"
    status = root.run(script, user=user, cwd="/", env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"},
                      shell=["/bin/bash", "-e"], log=log)
    if status != 0:
        raise RuntimeError(f"clone failed: {log[-1]}")


# GitHub Actions ---------------------------------------------------------------------------


class Expression:
    """GitHub's `${{ }}` expressions: the subset recipes use (contexts, ==, !=, &&, ||, !,
    literals, hashFiles, success/always/failure). Anything else raises NotEmulated."""

    TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||!|\(|\)|,)"
                       r"|(?P<name>[A-Za-z_][A-Za-z0-9_.\-]*))")

    def __init__(self, text: str, context: dict, functions: dict):
        self.tokens = []
        position = 0
        text = text.strip()
        while position < len(text):
            match = self.TOKEN.match(text, position)
            if not match or match.end() == position:
                raise NotEmulated(f"expression {text!r}: cannot read at {text[position:]!r}")
            self.tokens.append((match.lastgroup, match.group(match.lastgroup)))
            position = match.end()
        self.position = 0
        self.context = context
        self.functions = functions
        self.text = text

    def value(self):
        result = self.or_()
        if self.position != len(self.tokens):
            raise NotEmulated(f"expression {self.text!r}: unexpected {self.tokens[self.position]}")
        return result

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def or_(self):
        left = self.and_()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.and_()
            left = left or right
        return left

    def and_(self):
        left = self.compare()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.compare()
            left = left and right
        return left

    def compare(self):
        left = self.unary()
        while self.peek() in (("op", "=="), ("op", "!=")):
            _, op = self.take()
            right = self.unary()
            same = str(left).lower() == str(right).lower() if isinstance(left, str) or isinstance(right, str) \
                else left == right
            left = same if op == "==" else not same
        return left

    def unary(self):
        if self.peek() == ("op", "!"):
            self.take()
            return not self.unary()
        return self.primary()

    def primary(self):
        kind, text = self.take()
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text)
        if kind == "op" and text == "(":
            inner = self.or_()
            if self.take() != ("op", ")"):
                raise NotEmulated(f"expression {self.text!r}: missing )")
            return inner
        if kind == "name":
            if self.peek() == ("op", "("):
                self.take()
                arguments = []
                while self.peek() != ("op", ")"):
                    arguments.append(self.or_())
                    if self.peek() == ("op", ","):
                        self.take()
                self.take()
                if text not in self.functions:
                    raise NotEmulated(f"function {text}() is not emulated")
                return self.functions[text](*arguments)
            if text in ("true", "false"):
                return text == "true"
            parts = text.split(".")
            if parts[0] not in self.context:
                raise NotEmulated(f"context {parts[0]!r} is not emulated ({self.text!r})")
            value = self.context[parts[0]]
            for part in parts[1:]:
                value = value.get(part, "") if isinstance(value, dict) else ""
            return value
        raise NotEmulated(f"expression {self.text!r}: unexpected {text!r}")


def substitute(text: str, context: dict, functions: dict) -> str:
    """`${{ expr }}` in a string, replaced as GitHub does before a step runs."""
    def replace(match: re.Match) -> str:
        value = Expression(match.group(1), context, functions).value()
        if isinstance(value, bool):
            return "true" if value else "false"
        return "" if value is None else str(value)
    return re.sub(r"\$\{\{(.*?)\}\}", replace, str(text))


@dataclasses.dataclass
class GitHubRun:
    """What one run of the workflow did."""

    jobs: dict  # job id → {"result": "success"|"failure"|"skipped", "outputs": {...}}
    steps: dict  # step id → {"outcome": ..., "outputs": {...}}
    artifact: Path | None
    deployed: bool
    log: str
    cache_hit: bool | None


class GitHubRunner:
    """Runs `.github/workflows/*.yml` in a root that stands for `ubuntu-latest`."""

    def __init__(self, root: Root, workflow: dict, repository: str, variables: dict[str, str],
                 store: Path, user: str = "runner"):
        self.root = root
        self.workflow = workflow
        self.repository = repository
        self.variables = variables
        self.store = store
        self.user = user
        self.home = f"/home/{user}"
        self.workspace = f"{self.home}/work/site/site"
        self.temp = f"{self.home}/work/_temp"

    def run(self, event: str, artifact_to: Path) -> GitHubRun:
        if event not in self.workflow.get(True, self.workflow.get("on", {})):
            raise NotEmulated(f"the workflow does not run on {event}")
        jobs: dict = {}
        log: list[str] = []
        artifact = None
        deployed = False
        steps_seen: dict = {}
        cache_hit = None
        for job_id, job in self.workflow["jobs"].items():
            needs = job.get("needs", [])
            needs = [needs] if isinstance(needs, str) else needs
            needs_context = {name: jobs[name] for name in needs}
            context = {"vars": self.variables, "github": {"event_name": event, "workspace": self.workspace},
                       "runner": {"os": "Linux", "temp": self.temp}, "needs": needs_context, "env": {}}
            if job.get("runs-on") != "ubuntu-latest":
                raise NotEmulated(f"job {job_id} runs on {job.get('runs-on')!r}; only ubuntu-latest is emulated")
            all_needed = all(jobs[name]["result"] == "success" for name in needs)
            condition = job.get("if", "success()")
            functions = self.functions(lambda: all_needed)
            if not all_needed or not self.truth(condition, context, functions):
                jobs[job_id] = {"result": "skipped", "outputs": {}}
                log.append(f"== job {job_id}: skipped\n")
                continue
            log.append(f"== job {job_id}\n")
            result, steps, outputs, made, hit, did_deploy = self.run_job(job, context, event, log, artifact_to)
            steps_seen.update(steps)
            artifact = artifact or made
            deployed = deployed or did_deploy
            cache_hit = hit if hit is not None else cache_hit
            jobs[job_id] = {"result": result, "outputs": outputs}
        return GitHubRun(jobs, steps_seen, artifact, deployed, "".join(log), cache_hit)

    def functions(self, succeeded):
        return {"success": lambda: succeeded(), "always": lambda: True, "failure": lambda: not succeeded(),
                "cancelled": lambda: False, "hashFiles": self.hash_files}

    def truth(self, condition, context, functions) -> bool:
        text = str(condition).strip()
        if text.startswith("${{") and text.endswith("}}"):
            text = text[3:-2]
        if not re.search(r"\b(success|always|failure|cancelled)\(\)", text):
            text = f"success() && ({text})"  # GitHub adds success() to a condition without a status check
        return bool(Expression(text, context, functions).value())

    def hash_files(self, *patterns: str) -> str:
        base = self.root.host_path(self.workspace)
        # GitHub's `dir/**` is every file below dir; Python's glob reads it as folders only.
        patterns = [p + "/*" if p.endswith("**") else p for p in patterns]
        files = sorted({p for pattern in patterns for p in base.glob(pattern) if p.is_file()})
        if not files:
            return ""
        digest = hashlib.sha256()
        for path in files:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        return digest.hexdigest()

    def run_job(self, job, context, event, log, artifact_to):
        temp = self.root.host_path(self.temp)
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir(parents=True)
        shutil.rmtree(self.root.host_path(self.workspace), ignore_errors=True)
        self.root.host_path(self.workspace).mkdir(parents=True)
        subprocess.run(["chroot", str(self.root.path), "chown", "-R", f"{self.user}:{self.user}",
                        f"{self.home}/work"], check=True)
        path_additions: list[str] = []
        job_env: dict[str, str] = {}  # what steps added to GITHUB_ENV
        steps: dict = {}
        context = dict(context, steps=steps)
        succeeded = True
        post: list = []
        artifact = None
        deployed = False
        cache_hit = None
        for index, step in enumerate(job.get("steps", [])):
            step_id = step.get("id", f"__{index}")
            functions = self.functions(lambda: succeeded)
            if not self.truth(step.get("if", "success()"), context, functions):
                steps[step_id] = {"outcome": "skipped", "conclusion": "skipped", "outputs": {}}
                log.append(f"-- {step.get('name', step.get('uses', step_id))}: skipped\n")
                continue
            log.append(f"-- {step.get('name', step.get('uses', step_id))}\n")
            outputs: dict = {}
            inputs = {k: substitute(v, context, functions) for k, v in (step.get("with") or {}).items()}
            if "uses" in step:
                action = step["uses"].split("@")[0]
                ok = True
                if action == "actions/checkout":
                    clone(self.root, self.repository, self.workspace, int(inputs.get("fetch-depth", 1)),
                          self.user, log)
                elif action == "actions/cache":
                    hit, restored = self.restore_cache(inputs)
                    outputs["cache-hit"] = "true" if hit else "false"
                    log.append(f"cache: {'hit on ' + restored if restored else 'miss'} for key {inputs['key']}\n")
                    cache_hit = hit
                    if not hit:
                        post.append(("cache-save", inputs))
                elif action == "actions/upload-pages-artifact":
                    source = self.root.host_path(self.workspace) / inputs.get("path", "_site")
                    ok = source.is_dir()
                    if ok:
                        shutil.rmtree(artifact_to, ignore_errors=True)
                        shutil.copytree(source, artifact_to, symlinks=True)
                        artifact = artifact_to
                elif action == "actions/deploy-pages":
                    deployed = True
                    outputs["page_url"] = "https://example.github.io/site/"
                else:
                    raise NotEmulated(f"action {step['uses']} is not emulated")
                status = 0 if ok else 1
            else:
                env = self.step_env(event, step, context, functions, path_additions, job_env)
                output_file = f"{self.temp}/output-{index}"
                path_file = f"{self.temp}/path-{index}"
                env_file = f"{self.temp}/env-{index}"
                for name in (output_file, path_file, env_file):
                    self.root.host_path(name).write_text("")
                    subprocess.run(["chroot", str(self.root.path), "chown", f"{self.user}:{self.user}", name],
                                   check=True)
                env.update(GITHUB_OUTPUT=output_file, GITHUB_PATH=path_file, GITHUB_ENV=env_file)
                script = substitute(step["run"], context, functions)
                shell = step.get("shell")
                if shell not in (None, "bash"):
                    raise NotEmulated(f"shell {shell!r} is not emulated")
                # GitHub's default shell on Linux is `bash -e {0}`; `shell: bash` adds pipefail.
                command = ["/bin/bash", "--noprofile", "--norc", "-e"] + (["-o", "pipefail"] if shell else [])
                status = self.root.run(script, user=self.user, cwd=self.workspace, env=env, shell=command,
                                       log=log)
                outputs.update(parse_key_values(self.root.host_path(output_file).read_text()))
                path_additions = [line for line in self.root.host_path(path_file).read_text().splitlines()
                                  if line] + path_additions
                job_env.update(parse_key_values(self.root.host_path(env_file).read_text()))
            outcome = "success" if status == 0 else "failure"
            steps[step_id] = {"outcome": outcome, "conclusion": outcome, "outputs": outputs}
            if status != 0:
                log.append(f"-- step failed with exit code {status}\n")
                succeeded = False
        if succeeded:
            for kind, inputs in post:
                if kind == "cache-save":
                    self.save_cache(inputs, log)
        functions = self.functions(lambda: succeeded)
        outputs = {name: substitute(value, context, functions) for name, value in (job.get("outputs") or {}).items()}
        return ("success" if succeeded else "failure"), steps, outputs, artifact, cache_hit, deployed

    def step_env(self, event, step, context, functions, path_additions, job_env) -> dict[str, str]:
        base_path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        env = {"HOME": self.home, "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_EVENT_NAME": event,
               "GITHUB_WORKSPACE": self.workspace, "GITHUB_REF": "refs/heads/main", "GITHUB_REF_NAME": "main",
               "RUNNER_TEMP": self.temp, "RUNNER_OS": "Linux", "LANG": "C.UTF-8",
               "PATH": ":".join(path_additions + [base_path])}
        env.update(job_env)
        for name, value in (step.get("env") or {}).items():
            env[name] = substitute(value, context, functions)
        return env

    def cache_entries(self) -> list[Path]:
        folder = self.store / "github-cache"
        folder.mkdir(parents=True, exist_ok=True)
        return sorted(folder.glob("*.tar"), key=lambda p: p.stat().st_mtime_ns, reverse=True)

    def restore_cache(self, inputs) -> tuple[bool, str | None]:
        key = inputs["key"]
        prefixes = [line.strip() for line in inputs.get("restore-keys", "").splitlines() if line.strip()]
        entries = {p.stem: p for p in self.cache_entries()}
        chosen = entries.get(key)
        hit = chosen is not None
        if not chosen:
            for prefix in prefixes:
                matches = [p for p in self.cache_entries() if p.stem.startswith(prefix)]
                if matches:
                    chosen = matches[0]
                    break
        if chosen:
            with tarfile.open(chosen) as archive:
                archive.extractall(self.root.host_path(self.workspace), filter="tar")
            subprocess.run(["chroot", str(self.root.path), "chown", "-R", f"{self.user}:{self.user}",
                            self.workspace], check=True)
        return hit, chosen.stem if chosen else None

    def save_cache(self, inputs, log) -> None:
        source = self.root.host_path(self.workspace)
        paths = [line.strip() for line in inputs["path"].splitlines() if line.strip()]
        if not any((source / p).exists() for p in paths):
            log.append("cache: nothing to save\n")
            return
        target = self.store / "github-cache" / f"{inputs['key']}.tar"
        with tarfile.open(target, "w") as archive:
            for p in paths:
                if (source / p).exists():
                    archive.add(source / p, arcname=p)
        log.append(f"cache: saved {inputs['key']}\n")


def parse_key_values(text: str) -> dict[str, str]:
    """GITHUB_OUTPUT and GITHUB_ENV: `name=value` lines and `name<<EOF` blocks."""
    values: dict[str, str] = {}
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, marker = line.split("<<", 1)
            block = []
            index += 1
            while index < len(lines) and lines[index] != marker:
                block.append(lines[index])
                index += 1
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
        index += 1
    return values


# GitLab CI --------------------------------------------------------------------------------


@dataclasses.dataclass
class GitLabRun:
    created: bool
    status: str  # "success", "allowed-failure", "failed"
    exit_code: int
    artifact: Path | None
    log: str


class GitLabRunner:
    """Runs a job of `.gitlab-ci.yml` in a root that stands for the image the job names."""

    def __init__(self, root: Root, pipeline: dict, job: str, image: str, repository: str,
                 variables: dict[str, str], store: Path):
        self.root = root
        self.pipeline = pipeline
        self.job = job
        self.image = image
        self.repository = repository
        self.variables = variables
        self.store = store
        self.project = "/builds/network/site"

    def run(self, source: str, artifact_to: Path) -> GitLabRun:
        job = self.pipeline[self.job]
        known = {"image", "variables", "rules", "cache", "before_script", "script", "allow_failure",
                 "artifacts"}
        unknown = set(job) - known
        if unknown:
            raise NotEmulated(f"job keys {sorted(unknown)} are not emulated")
        if job.get("image") != self.image:
            raise NotEmulated(f"the job names image {job.get('image')!r}; this root stands for {self.image!r}")
        env = {"CI": "true", "GITLAB_CI": "true", "CI_PIPELINE_SOURCE": source, "CI_COMMIT_BRANCH": "main",
               "CI_DEFAULT_BRANCH": "main", "CI_COMMIT_REF_NAME": "main", "CI_PROJECT_DIR": self.project,
               "CI_JOB_NAME": self.job, "HOME": "/root", "LANG": "C.UTF-8",
               "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}
        env.update(self.variables)
        for name, value in (job.get("variables") or {}).items():
            env[name] = expand(str(value), env)
        if not self.rules_match(job.get("rules"), env):
            return GitLabRun(False, "not created", 0, None, "job not created by its rules\n")
        log: list[str] = []
        depth = int(env.get("GIT_DEPTH", "20"))  # GitLab's default depth for new projects
        clone(self.root, self.repository, self.project, depth, "root", log, inside=False)
        cache = job.get("cache")
        if cache:
            self.restore_cache(cache, env, log)
        lines = list(job.get("before_script") or []) + list(job["script"])
        script = "set -eo pipefail\n" + "\n".join(lines) + "\n"
        code = self.root.run(script, user="root", cwd=self.project, env=env, shell=["/bin/bash"], log=log)
        allowed = (job.get("allow_failure") or {}).get("exit_codes", []) if isinstance(
            job.get("allow_failure"), dict) else []
        status = "success" if code == 0 else ("allowed-failure" if code in allowed else "failed")
        artifact = None
        if status == "success":
            if cache:
                self.save_cache(cache, env, log)
            paths = (job.get("artifacts") or {}).get("paths", [])
            if len(paths) != 1:
                raise NotEmulated("only one artifact path is emulated")
            source_dir = self.root.host_path(self.project) / paths[0]
            if source_dir.is_dir():
                shutil.rmtree(artifact_to, ignore_errors=True)
                shutil.copytree(source_dir, artifact_to, symlinks=True)
                artifact = artifact_to
        log.append(f"job {self.job}: exit code {code}, {status}\n")
        return GitLabRun(True, status, code, artifact, "".join(log))

    def rules_match(self, rules, env) -> bool:
        if not rules:
            return True
        for rule in rules:
            if set(rule) - {"if"}:
                raise NotEmulated(f"rule keys {sorted(set(rule) - {'if'})} are not emulated")
            match = re.fullmatch(r'\s*(\$\w+)\s*(==|!=)\s*("[^"]*"|\$\w+)\s*', rule["if"])
            if not match:
                raise NotEmulated(f"rule {rule['if']!r} is not emulated")
            left = env.get(match.group(1)[1:], "")
            right = match.group(3)
            right = right[1:-1] if right.startswith('"') else env.get(right[1:], "")
            if (left == right) == (match.group(2) == "=="):
                return True
        return False

    def cache_file(self, cache, env) -> Path:
        key = expand(str(cache.get("key", "default")), env)
        if "/" in key:
            raise NotEmulated(f"cache key {key!r} has a / (GitLab refuses it)")
        folder = self.store / "gitlab-cache"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{key}.tar"

    def restore_cache(self, cache, env, log) -> None:
        file = self.cache_file(cache, env)
        if file.exists():
            with tarfile.open(file) as archive:
                archive.extractall(self.root.host_path(self.project), filter="tar")
            log.append(f"cache: restored {file.stem}\n")
        else:
            log.append(f"cache: none for {file.stem}\n")

    def save_cache(self, cache, env, log) -> None:
        file = self.cache_file(cache, env)
        base = self.root.host_path(self.project)
        with tarfile.open(file, "w") as archive:
            for path in cache.get("paths", []):
                if (base / path).exists():
                    archive.add(base / path, arcname=path.rstrip("/"))
        log.append(f"cache: saved {file.stem}\n")


def expand(text: str, env: dict[str, str]) -> str:
    """GitLab's variable expansion in keys and values: $NAME and ${NAME}."""
    return re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), text)
