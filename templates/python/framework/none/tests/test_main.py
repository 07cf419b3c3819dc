"""`python -m app`, run as a user runs it: a child process with only the given variables."""

import json
import re
import subprocess
from pathlib import Path

import pytest

import app.ai.client as client_module
from app.__main__ import main
from app.ai.types import Provider, ProviderResult
from app.config.settings import env_names
from tests.support import provider_shape as shape
from tests.support.env import child_env, fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.run import run_python
from tests.support.sentinel import SENTINEL, assert_no_sentinel

TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \".+\", line \d+", re.MULTILINE)


def run_app(args: list[str], variables: dict[str, str], cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return run_python(["-m", "app", *args], child_env(variables), cwd, stdin=stdin)


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert_no_sentinel(result.stdout, "stdout")
    assert_no_sentinel(result.stderr, "stderr")
    assert not TRACEBACK.search(result.stdout + result.stderr), "a traceback was printed"


def test_prints_the_reply_for_a_prompt_given_as_arguments(fake_provider: FakeProvider, tmp_path: Path) -> None:
    fake_provider.reply = "Paris."
    result = run_app(["What is the capital", "of France?"], fake_provider_env(fake_provider), tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Paris.\n"
    assert shape.user_texts(fake_provider.requests[0].body) == ["What is the capital of France?"]
    assert_clean(result)


def test_reads_the_prompt_from_stdin_when_there_is_no_argument(fake_provider: FakeProvider, tmp_path: Path) -> None:
    result = run_app([], fake_provider_env(fake_provider), tmp_path, stdin="Hello from stdin\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{fake_provider.reply}\n"
    assert shape.user_texts(fake_provider.requests[0].body) == ["Hello from stdin"]


def test_a_config_error_exits_2_naming_the_variable_never_its_value(
    fake_provider: FakeProvider, tmp_path: Path
) -> None:
    missing = run_app(["hi"], fake_provider_env(fake_provider, {shape.KEY_ENV: None}), tmp_path)
    assert missing.returncode == 2
    assert re.search(rf"\b{shape.KEY_ENV}\b", missing.stderr)
    invalid = run_app(["hi"], fake_provider_env(fake_provider, {"AI_MAX_RETRIES": SENTINEL}), tmp_path)
    assert invalid.returncode == 2
    assert "AI_MAX_RETRIES" in invalid.stderr
    for result in (missing, invalid):
        assert len(result.stderr.splitlines()) == 1
        assert_clean(result)
    assert fake_provider.requests == []


def test_a_401_echoing_the_key_exits_1_with_one_safe_line(fake_provider: FakeProvider, tmp_path: Path) -> None:
    fake_provider.mode = "auth"
    result = run_app(["hi"], fake_provider_env(fake_provider), tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert re.search(r"^Error: The AI provider rejected the credentials", result.stderr, re.MULTILINE)
    assert_clean(result)


def test_oversize_input_exits_1_without_calling_the_provider(fake_provider: FakeProvider, tmp_path: Path) -> None:
    result = run_app(["x" * 20], fake_provider_env(fake_provider, {"AI_MAX_INPUT_CHARS": "10"}), tmp_path)
    assert result.returncode == 1
    assert re.search(r"^Error: The input was rejected", result.stderr, re.MULTILINE)
    assert fake_provider.requests == []


def test_a_slow_provider_exits_1_after_the_timeout(fake_provider: FakeProvider, tmp_path: Path) -> None:
    fake_provider.mode = "slow"
    fake_provider.slow_seconds = 5
    result = run_app(["hi"], fake_provider_env(fake_provider, {"AI_TIMEOUT_MS": "300"}), tmp_path)
    assert result.returncode == 1
    assert "did not answer in time" in result.stderr


def test_the_sdks_own_debug_switches_print_neither_key_nor_prompt(fake_provider: FakeProvider, tmp_path: Path) -> None:
    prompt = "a prompt that must stay out of logs"
    variables = {"OPENAI_LOG": "debug", "ANTHROPIC_LOG": "debug", "PYDANTIC_SETTINGS_DEBUG": "1"}
    for mode in ("ok", "auth"):
        fake_provider.mode = mode  # type: ignore[assignment]
        result = run_app([prompt], {**fake_provider_env(fake_provider, {"LOG_LEVEL": "debug"}), **variables}, tmp_path)
        assert_clean(result)
        assert prompt not in result.stderr, "the prompt was logged"
        # The SDKs stay at warn: their debug output holds request options (prompts).
        sdk_debug = [line for line in result.stderr.splitlines() if '"level": "debug"' in line]
        assert sdk_debug == []


def test_a_dotenv_that_is_not_utf8_exits_2_naming_it(fake_provider: FakeProvider, tmp_path: Path) -> None:
    (tmp_path / ".env").write_bytes(b"AI_MODEL=caf\xe9\n")
    result = run_app(["hi"], fake_provider_env(fake_provider), tmp_path)
    assert result.returncode == 2
    assert result.stderr == "Invalid environment: .env must be readable UTF-8 text. See .env.example.\n"
    assert_clean(result)
    assert fake_provider.requests == []


def test_an_unexpected_failure_exits_1_and_is_logged_exactly_once(
    fake_provider: FakeProvider, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(text: str) -> ProviderResult:
        raise RuntimeError(f"a bug holding {SENTINEL}")

    monkeypatch.chdir(tmp_path)
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    for name, value in fake_provider_env(fake_provider).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(client_module, "create_provider", lambda settings: Provider(name="broken", complete=broken))
    assert main(["hi"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    errors = [json.loads(line) for line in captured.err.splitlines() if line.startswith("{")]
    errors = [entry for entry in errors if entry["level"] == "error"]
    assert len(errors) == 1, f"logged {len(errors)} times"
    assert errors[0]["error"]["name"] == "RuntimeError"
    assert "Error: unexpected failure (see log)." in captured.err
    assert_no_sentinel(captured.err, "stderr")
