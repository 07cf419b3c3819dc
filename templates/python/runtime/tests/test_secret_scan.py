import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.project import PROJECT_ROOT
from tests.support.sentinel import ANTHROPIC_SENTINEL, SENTINEL, make_key

SCANNER = Path("tools") / "scan_secrets.py"
NOT_COPIED = {".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache"}


def scan(root: Path, *files: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(root / SCANNER), *files]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=60, check=False)


def copy_project(target: Path) -> Path:
    """The project's own files, without local env files, caches or the venv."""

    def ignore(_directory: str, names: list[str]) -> set[str]:
        return {n for n in names if n in NOT_COPIED or (n.startswith(".env") and n != ".env.example")}

    shutil.copytree(PROJECT_ROOT, target, ignore=ignore)
    return target


def test_the_project_is_clean() -> None:
    result = scan(PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_finds_planted_keys_and_env_files_without_printing_them(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    generic = make_key("", 40)
    (project / "src" / "app" / "leak.py").write_text(f'OPENAI = "{SENTINEL}"\nANTHROPIC = "{ANTHROPIC_SENTINEL}"\n')
    (project / "notes.txt").write_text(f"\n\nAI_API_KEY={generic}\n")
    result = scan(project)
    assert result.returncode == 1
    lines = set(result.stdout.splitlines())
    assert str(Path("src/app/leak.py")) + ":1: openai-api-key" in lines
    assert str(Path("src/app/leak.py")) + ":2: anthropic-api-key" in lines
    assert "notes.txt:3: generic-secret-assignment" in lines
    for secret in (SENTINEL, ANTHROPIC_SENTINEL, generic):
        assert secret not in result.stdout + result.stderr
        assert secret[10:30] not in result.stdout + result.stderr


def test_env_files_are_found_when_named_or_not_ignored(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / ".env").write_text("LOG_LEVEL=info\n")
    # Like git, the project scan skips what .gitignore ignores (a local .env)...
    assert scan(project).returncode == 0
    # ...but files named on the command line (the pre-commit hook's staged files) are scanned.
    result = scan(project, ".env", ".env.example")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [".env:1: env-file"]
    # And an env file that .gitignore does not cover is reported.
    gitignore = project / ".gitignore"
    kept = [line for line in gitignore.read_text().splitlines() if ".env" not in line]
    gitignore.write_text("\n".join(kept) + "\n")
    result = scan(project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [".env:1: env-file"]


def test_placeholders_and_code_are_not_secrets(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "api_key = settings.api_key.get_secret_value()\n"
        'OPENAI_API_KEY = "your-key-here"\n'
        "max_tokens = 1024\n"
        "token=${TOKEN_FROM_CI}\n"
    )
    result = scan(PROJECT_ROOT, str(sample))
    assert result.returncode == 0, result.stdout
