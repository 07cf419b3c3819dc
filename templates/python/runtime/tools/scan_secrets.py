#!/usr/bin/env python3
"""Finds secrets before they are committed. Standard library only.

    python tools/scan_secrets.py              # the whole project
    python tools/scan_secrets.py FILE...      # just these (the pre-commit hook)

Looks for OpenAI and Anthropic key shapes (and a few other well-known ones), secret-named
assignments with a random-looking value, and env files other than .env.example. Prints
`path:line: rule` for each finding, never the secret itself; exits 1 if anything is found.
With no arguments it scans what git would consider (tracked files and untracked ones
that are not ignored), or, outside a git repository, every file not matched by
.gitignore. Named files are always scanned, ignored or not.
"""

import fnmatch
import math
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}
MAX_BYTES = 2_000_000
ALLOWED_ENV_FILES = {".env.example", ".env.sample", ".env.template"}

KEY_SHAPES = [
    ("anthropic-api-key", re.compile(r"\bsk-ant-[a-z]+\d*-[A-Za-z0-9_-]{32,}")),
    ("openai-api-key", re.compile(r"\bsk-(?!ant-)(?:[a-z]+-)?[A-Za-z0-9_-]{32,}")),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})")),
    ("aws-access-key-id", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("slack-token", re.compile(r"\bxox[abpr]-[A-Za-z0-9-]{10,}")),
    ("private-key", re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
]
# NAME=value, NAME: value, "name": "value" where the name says it holds a secret.
ASSIGNMENT = re.compile(
    r"(?i)\b[\w.-]*(?:api[_-]?key|secret|token|passw(?:or)?d|private[_-]?key)[\"']?\s*[:=]\s*[\"']?"
    r"(?P<value>[A-Za-z0-9_+/=.~-]{16,})"
)


def looks_random(value: str) -> bool:
    """A placeholder or an identifier is not a secret; a long mix of classes with high entropy is."""
    if not (any(c.isdigit() for c in value) and any(c.isalpha() for c in value)):
        return False
    counts = Counter(value)
    entropy = -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())
    return entropy >= 3.5


def is_env_file(path: Path) -> bool:
    name = path.name
    return (name == ".env" or name.startswith(".env.")) and name not in ALLOWED_ENV_FILES


def scan_text(text: str) -> list[tuple[int, str]]:
    findings = []
    for number, line in enumerate(text.splitlines(), start=1):
        rules = [rule for rule, pattern in KEY_SHAPES if pattern.search(line)]
        if not rules and any(looks_random(match["value"]) for match in ASSIGNMENT.finditer(line)):
            rules.append("generic-secret-assignment")
        findings += [(number, rule) for rule in rules]
    return findings


def scan_file(path: Path) -> list[tuple[int, str]]:
    findings = [(1, "env-file")] if is_env_file(path) else []
    try:
        if path.stat().st_size > MAX_BYTES:
            return findings
        data = path.read_bytes()
    except OSError:
        return findings
    if b"\0" in data:  # binary
        return findings
    return findings + scan_text(data.decode("utf-8", "replace"))


def _gitignore_rules(root: Path) -> list[tuple[str, bool, bool]]:
    """(pattern, negated, directory only) from .gitignore: the common subset of its syntax."""
    try:
        lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    rules = []
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        line = line.removeprefix("!")
        rules.append((line.strip("/"), negated, line.endswith("/")))
    return rules


def _ignored(relative: str, is_dir: bool, rules: list[tuple[str, bool, bool]]) -> bool:
    ignored = False
    name = relative.rsplit("/", 1)[-1]
    for pattern, negated, dir_only in rules:
        if dir_only and not is_dir:
            continue
        target = relative if "/" in pattern else name
        if fnmatch.fnmatchcase(target, pattern):
            ignored = not negated
    return ignored


def _git_files(root: Path) -> list[Path] | None:
    git = shutil.which("git")
    if git is None:
        return None
    command = [git, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
    result = subprocess.run(command, cwd=root, capture_output=True, check=False)  # noqa: S603 - fixed arguments
    if result.returncode != 0:
        return None
    return [root / name for name in result.stdout.decode("utf-8", "replace").split("\0") if name]


def project_files(root: Path) -> list[Path]:
    files = _git_files(root)
    if files is not None:
        return [path for path in files if path.is_file() and not SKIP_DIRS.intersection(path.relative_to(root).parts)]
    rules = _gitignore_rules(root)
    found = []
    for directory, dirs, names in os.walk(root):
        base = Path(directory)
        prefix = base.relative_to(root).as_posix()

        def relative(name: str, prefix: str = prefix) -> str:
            return name if prefix == "." else f"{prefix}/{name}"

        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not _ignored(relative(d), True, rules)]
        found += [base / name for name in names if not _ignored(relative(name), False, rules)]
    return found


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] if argv else project_files(ROOT)
    count = 0
    for path in sorted(paths):
        if path.is_dir():
            continue
        shown = os.path.relpath(path, ROOT) if path.is_absolute() else str(path)
        for line, rule in scan_file(path):
            print(f"{shown}:{line}: {rule}")
            count += 1
    if count:
        print(f"scan_secrets: {count} possible secret(s) found. The values are not shown.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
