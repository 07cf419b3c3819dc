"""`python -m app`, the real entry point, as a child process."""

import re
import sys
from pathlib import Path

import pytest

from tests.support.app_contract import CHILD_DEBUG_ENV
from tests.support.env import child_env, fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import STACK_FRAME, post_json, request
from tests.support.run import run_python
from tests.support.sentinel import SENTINEL, assert_no_sentinel
from tests.support.server_process import server_process

ENV_VARIANTS: dict[str, dict[str, str]] = {"plain": {}, "debug": CHILD_DEBUG_ENV}


def test_a_bad_config_exits_2_naming_the_variables_never_their_values(
    fake_provider: FakeProvider, tmp_path: Path
) -> None:
    env = child_env(fake_provider_env(fake_provider, {"PORT": SENTINEL, "CORS_ORIGINS": f"*,https://{SENTINEL}/x"}))
    result = run_python(["-m", "app"], env, cwd=tmp_path)
    assert result.returncode == 2
    assert re.search(r"\bPORT\b", result.stderr)
    assert re.search(r"\bCORS_ORIGINS\b", result.stderr)
    assert_no_sentinel(result.stdout + result.stderr, "output")
    assert not STACK_FRAME.search(result.stderr)


@pytest.mark.parametrize("variant", ENV_VARIANTS)
def test_the_running_server_keeps_the_key_out_of_every_output(
    fake_provider: FakeProvider, tmp_path: Path, variant: str
) -> None:
    variables = {**fake_provider_env(fake_provider, {"LOG_LEVEL": "debug"}), **ENV_VARIANTS[variant]}
    with server_process(variables, tmp_path) as server:
        health = request(server.url, "/health")
        assert health.status == 200
        assert health.header("server") is None
        fake_provider.mode = "auth"
        result = post_json(server.url, "/api/chat", {"message": "hi"})
        assert result.status == 502
        code = server.stop()
        # Windows has no SIGTERM to catch: the child is terminated with exit code 1.
        assert code == 0 or sys.platform == "win32", "a graceful stop exits 0"
        for where, text in (
            ("body", result.text),
            ("headers", result.headers_text()),
            ("stdout", "".join(server.stdout)),
            ("stderr", "".join(server.stderr)),
        ):
            assert_no_sentinel(text, where)
            assert not STACK_FRAME.search(text), f"{where} holds a stack frame"
        assert re.search(r'"kind": ?"auth"', "".join(server.stderr))
        assert re.search(r'"msg": ?"server.listening"', "".join(server.stderr))
