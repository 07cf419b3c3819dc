"""What only the Flask variant needs; the server layer's tests cover the rest."""

import json
import re
import sys
import time
from pathlib import Path

import pytest

from app.config.settings import ConfigError, load_settings
from app.http.policy import HEADERS_TIMEOUT_SECONDS
from app.http.wsgi_server import RequestHandler
from app.server import create_app
from tests.support.app_contract import DEBUG_ENV, patched_environ
from tests.support.app_server import start_app
from tests.support.env import child_env, fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import (
    STACK_FRAME,
    assert_error_body,
    assert_security_headers,
    post_chunked,
    post_json,
    raw_exchange,
    request,
)
from tests.support.project import PROJECT_ROOT
from tests.support.run import run_python
from tests.support.sentinel import SENTINEL, assert_no_sentinel
from tests.support.server_process import server_process

GUNICORN = ("-m", "gunicorn", "--config", str(PROJECT_ROOT / "gunicorn.conf.py"))
needs_gunicorn = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn does not run on Windows")


def test_flask_debug_in_the_environment_does_not_turn_debug_on(fake_provider: FakeProvider) -> None:
    with patched_environ(DEBUG_ENV):
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
    variables = {**fake_provider_env(fake_provider), **DEBUG_ENV}
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
def test_gunicorn_with_a_bad_config_exits_2_naming_the_variable(fake_provider: FakeProvider, tmp_path: Path) -> None:
    env = child_env(fake_provider_env(fake_provider, {"PORT": SENTINEL}))
    result = run_python(GUNICORN, env, cwd=tmp_path)
    assert result.returncode == 2
    assert re.search(r"\bPORT\b", result.stderr)
    assert_no_sentinel(result.stdout + result.stderr, "output")


def test_a_client_that_stops_sending_is_dropped(fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every socket read has a deadline (RequestHandler.timeout): a slow client cannot
    # hold a thread forever, whether it stalls in the headers or in the body.
    assert RequestHandler.timeout == HEADERS_TIMEOUT_SECONDS
    monkeypatch.setattr(RequestHandler, "timeout", 0.3)
    app = start_app(fake_provider)
    try:
        for stalled in (
            b"POST /api/chat HTTP/1.1\r\nHost: test\r\n",
            b"POST /api/chat HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
        ):
            started = time.monotonic()
            answer = raw_exchange(app.url, stalled)
            assert time.monotonic() - started < 3
            assert answer == b"" or answer.startswith(b"HTTP/1.1 400 ")
        assert fake_provider.requests == []
    finally:
        app.close()
