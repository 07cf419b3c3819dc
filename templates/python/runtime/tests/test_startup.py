import re
import subprocess
from pathlib import Path

import pytest

from tests.support import provider_shape as shape
from tests.support.env import child_env
from tests.support.run import run_python
from tests.support.sentinel import SENTINEL, assert_no_sentinel

# The startup path both entry points (script and server) take.
SCRIPT = "from app.config.startup import load_settings_or_exit; load_settings_or_exit(); print('config ok')"

VALID = {shape.KEY_ENV: shape.KEY_SENTINEL, shape.BASE_URL_ENV: "https://api.example.com/v1", **shape.REQUIRED_ENV}


def start(variables: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_python(["-c", SCRIPT], child_env(variables), cwd)


def test_a_valid_environment_starts(tmp_path: Path) -> None:
    result = start(VALID, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "config ok" in result.stdout
    assert_no_sentinel(result.stdout + result.stderr, "output")


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({shape.KEY_ENV: None}, shape.KEY_ENV),
        ({shape.KEY_ENV: ""}, shape.KEY_ENV),
        ({"AI_TIMEOUT_MS": SENTINEL}, "AI_TIMEOUT_MS"),
        ({shape.BASE_URL_ENV: f"http://evil.example/{SENTINEL}"}, shape.BASE_URL_ENV),
    ],
    ids=["missing-key", "empty-key", "timeout-holding-the-sentinel", "http-base-url-holding-the-sentinel"],
)
def test_a_bad_environment_exits_2_naming_the_variable_never_the_value(
    tmp_path: Path, overrides: dict[str, str | None], variable: str
) -> None:
    merged = {**VALID, **overrides}
    result = start({key: value for key, value in merged.items() if value is not None}, tmp_path)
    assert result.returncode == 2
    assert re.search(rf"\b{variable}\b", result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, "more than one line: a traceback?"
    assert "config ok" not in result.stdout
    assert_no_sentinel(result.stdout + result.stderr, "output")


def test_a_dotenv_that_is_not_utf8_exits_2_naming_it_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"AI_MODEL=caf\xe9\n")
    result = start(VALID, tmp_path)
    assert result.returncode == 2
    assert ".env must be readable UTF-8 text" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, "more than one line: a traceback?"
    assert "config ok" not in result.stdout
