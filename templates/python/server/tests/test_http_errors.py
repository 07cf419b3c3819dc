"""Provider failures become our fixed answers; the key, upstream text and tracebacks
reach neither the client nor the log, with or without the framework's debug switch
(the child-process tests, test_server_process.py, add Python's own)."""

import json
import re

import pytest

from app.ai.types import Provider, ProviderResult
from tests.support.app_contract import eventually
from tests.support.app_server import FRAMEWORK_DEBUG_ENV, start_app
from tests.support.fake_provider import FakeMode, FakeProvider
from tests.support.http_client import STACK_FRAME, assert_error_body, post_json
from tests.support.sentinel import SENTINEL, assert_no_sentinel

# In this process only what the framework reads while the app is built can switch
# debug on; a framework that reads nothing gets the plain variant only.
ENV_VARIANTS: dict[str, dict[str, str]] = {"plain": {}}
if FRAMEWORK_DEBUG_ENV:
    ENV_VARIANTS["framework_debug"] = FRAMEWORK_DEBUG_ENV


@pytest.mark.parametrize("variant", ENV_VARIANTS)
def test_a_401_echoing_the_key_is_a_502_with_the_key_in_neither_the_answer_nor_the_logs(
    fake_provider: FakeProvider, variant: str
) -> None:
    app = start_app(fake_provider, process_env=ENV_VARIANTS[variant])
    try:
        fake_provider.mode = "auth"
        result = post_json(app.url, "/api/chat", {"message": "hi"})
        body = assert_error_body(result, 502, "ai_error")
        assert "key" not in str(body).lower()
        assert "Incorrect API key" not in result.text
        assert_no_sentinel(result.text, "HTTP body")
        assert_no_sentinel(result.headers_text(), "HTTP headers")
        assert_no_sentinel(app.logs(), "logs")
        assert not STACK_FRAME.search(result.text)
        assert not STACK_FRAME.search(app.logs())
        assert re.search(r'"kind": ?"auth"', app.logs())
    finally:
        app.close()


@pytest.mark.parametrize("variant", ENV_VARIANTS)
def test_malformed_json_gets_our_400_not_a_traceback(fake_provider: FakeProvider, variant: str) -> None:
    app = start_app(fake_provider, process_env=ENV_VARIANTS[variant])
    try:
        result = post_json(app.url, "/api/chat", '{"message": ')
        assert_error_body(result, 400, "invalid_json")
        assert not STACK_FRAME.search(result.text)
        assert not re.search(r"JSONDecodeError|Expecting|line \d+ column", result.text)
    finally:
        app.close()


@pytest.mark.parametrize(
    ("mode", "status", "code"),
    [("rate_limited", 429, "rate_limited"), ("slow", 504, "ai_timeout"), ("server_error", 503, "ai_unavailable")],
)
def test_provider_failures_map_to_our_codes(
    fake_provider: FakeProvider, mode: FakeMode, status: int, code: str
) -> None:
    app = start_app(fake_provider, {"AI_TIMEOUT_MS": "300"})
    try:
        fake_provider.mode = mode
        result = post_json(app.url, "/api/chat", {"message": "hi"})
        assert_error_body(result, status, code)
        if status == 429:
            assert result.header("retry-after") == str(fake_provider.retry_after_seconds)
    finally:
        app.close()


@pytest.mark.parametrize("variant", ENV_VARIANTS)
def test_a_bug_is_a_500_that_says_nothing_logged_once_with_the_request_id(
    fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch, variant: str
) -> None:
    def broken(_text: str) -> ProviderResult:
        raise RuntimeError(f"internal detail /srv/app/secret.py {SENTINEL}")

    # A bug in the provider: every layer between it and the client runs.
    monkeypatch.setattr("app.ai.client.create_provider", lambda _settings: Provider(name="broken", complete=broken))
    app = start_app(fake_provider, process_env=ENV_VARIANTS[variant])
    try:
        result = post_json(app.url, "/api/chat", {"message": "hi"})
        body = assert_error_body(result, 500, "internal_error")
        assert "internal detail" not in result.text
        assert not STACK_FRAME.search(result.text)
        assert eventually(lambda: str(body["requestId"]) in app.logs())
        assert not STACK_FRAME.search(app.logs())
        assert_no_sentinel(app.logs(), "logs")
        errors = [entry for entry in map(json.loads, app.logs().splitlines()) if entry["level"] == "error"]
        assert [entry["msg"] for entry in errors] == ["http.error"], "a bug is logged exactly once"
        assert errors[0]["request_id"] == body["requestId"]
        assert errors[0]["error"]["name"] == "RuntimeError"
    finally:
        app.close()
