import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def run_python(
    args: Sequence[str], env: dict[str, str], cwd: Path, stdin: str = "", timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    """Runs this venv's Python to completion with exactly `env`; killed if it outlives
    `timeout`. Run it in a temporary `cwd`, so a developer's `.env` is not read."""
    return subprocess.run(
        [sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=timeout,
        check=False,
    )
