"""What only the Flask variant needs; the server layer's tests cover the rest."""

import json
import re
import sys
from pathlib import Path

import pytest

from app.config.settings import ConfigError, load_settings
from app.server import create_app
from tests.support.app_contract import CHILD_DEBUG_ENV, patched_environ
from tests.support.app_server import FRAMEWORK_DEBUG_ENV
from tests.support.env import child_env, fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import (
    STACK_FRAME,
    assert_error_body,
    assert_security_headers,
    post_chunked,
    post_json,
    raw_request,
    request,
)
from tests.support.project import PROJECT_ROOT
from tests.support.run import run_python
from tests.support.sentinel import SENTINEL, assert_no_sentinel
from tests.support.server_process import server_process

GUNICORN = ("-m", "gunicorn", "--config", str(PROJECT_ROOT / "gunicorn.conf.py"))
needs_gunicorn = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn does not run on Windows")


def test_flask_debug_in_the_environment_does_not_turn_debug_on(fake_provider: FakeProvider) -> None:
    with patched_environ(FRAMEWORK_DEBUG_ENV):
        app = create_app(load_settings(fake_provider_env(fake_provider)))
    assert app.debug is False
    assert app.config["PROPAGATE_EXCEPTIONS"] is False
    assert app.static_folder is None


def test_create_app_without_settings_reads_the_environment_and_fails_safely(
    fake_provider: FakeProvider, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    with patched_environ(fake_provider_env(fake_provider, {"RATE_LIMIT_PER_MINUTE": "7"})):
        assert create_app().url_map is not None
    with patched_environ(fake_provider_env(fake_provider, {"PORT": SENTINEL})), pytest.raises(ConfigError) as caught:
        create_app()
    assert_no_sentinel(str(caught.value), "ConfigError")


@needs_gunicorn
def test_gunicorn_serves_the_app_with_the_same_promises(fake_provider: FakeProvider, tmp_path: Path) -> None:
    variables = {**fake_provider_env(fake_provider), **CHILD_DEBUG_ENV}
    with server_process(variables, tmp_path, GUNICORN) as server:
        health = request(server.url, "/health")
        assert health.status == 200
        # gunicorn always names itself (without a version); the rest is ours.
        assert_security_headers(health, server="gunicorn")
        oversized = json.dumps({"message": "x" * 40 * 1024}).encode()
        assert_error_body(post_chunked(server.url, "/api/chat", oversized), 413, "payload_too_large")
        sized = request(server.url, "/api/chat", "POST", oversized, {"Content-Type": "application/json"})
        assert_error_body(sized, 413, "payload_too_large")
        assert fake_provider.requests == []
        fake_provider.mode = "auth"
        result = post_json(server.url, "/api/chat", {"message": "hi"})
        assert result.status == 502
        assert server.stop() == 0
        for where, text in (("body", result.text), ("headers", result.headers_text()), ("output", server.output())):
            assert_no_sentinel(text, where)
            assert not STACK_FRAME.search(text), f"{where} holds a stack frame"
        assert re.search(r'"kind": ?"auth"', server.output())


@needs_gunicorn
def test_gunicorn_answers_what_it_cannot_parse_in_our_shape_and_logs_only_our_redacted_lines(
    fake_provider: FakeProvider, tmp_path: Path
) -> None:
    # gunicorn's own answer was an HTML page quoting the request, and its log line
    # ("Invalid request ... 'Bad Header sk-...'") skipped the app's redaction.
    broken = b"GET /health HTTP/1.1\r\nHost: test\r\nBad Header " + SENTINEL.encode() + b": 1\r\n\r\n"
    with server_process(fake_provider_env(fake_provider, {"LOG_LEVEL": "debug"}), tmp_path, GUNICORN) as server:
        result = raw_request(server.url, broken)
        body = assert_error_body(result, 400, "bad_request")
        assert_security_headers(result)
        assert_no_sentinel(result.text + result.headers_text(), "answer")
        assert server.stop() == 0
    output = server.output()
    assert_no_sentinel(output, "gunicorn's output")
    assert str(body["requestId"]) in output
    # gunicorn's own lines too are the app's JSON lines.
    for line in output.splitlines():
        assert isinstance(json.loads(line), dict), "a line that is not the app's JSON"


@needs_gunicorn
def test_gunicorn_with_a_bad_config_exits_2_naming_the_variable(fake_provider: FakeProvider, tmp_path: Path) -> None:
    env = child_env(fake_provider_env(fake_provider, {"PORT": SENTINEL}))
    result = run_python(GUNICORN, env, cwd=tmp_path)
    assert result.returncode == 2
    assert re.search(r"\bPORT\b", result.stderr)
    assert_no_sentinel(result.stdout + result.stderr, "output")
