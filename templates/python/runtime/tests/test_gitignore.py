import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.project import PROJECT_ROOT

GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_gitignore_keeps_env_files_out_of_git_but_not_env_example(tmp_path: Path) -> None:
    # A throwaway repository holding only our .gitignore, so the result depends on
    # neither the developer's global excludes nor this project's git state.
    def git(*args: str) -> int:
        command = [str(GIT), "-c", "core.excludesFile=", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, check=False).returncode

    assert git("init", "--quiet") == 0
    shutil.copyfile(PROJECT_ROOT / ".gitignore", tmp_path / ".gitignore")
    for path in (".env", ".env.local", ".env.production", ".env.development.local", ".env.keys"):
        assert git("check-ignore", "--quiet", "--no-index", path) == 0, f"{path} must be ignored"
    assert git("check-ignore", "--quiet", "--no-index", ".env.example") == 1, ".env.example must not be ignored"
