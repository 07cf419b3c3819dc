"""CORS: only the origins in CORS_ORIGINS, none by default, never `*`."""

from collections.abc import Iterator

import pytest

from tests.support.app_contract import RunningApp
from tests.support.app_server import start_app
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import HttpResult, assert_security_headers, post_json, request

ALLOWED = "https://app.example.com"
EVIL = "https://evil.example"


@pytest.fixture(scope="module")
def closed(_fake_provider_server: FakeProvider) -> Iterator[RunningApp]:
    running = start_app(_fake_provider_server)
    yield running
    running.close()


@pytest.fixture(scope="module")
def open_to_one(_fake_provider_server: FakeProvider) -> Iterator[RunningApp]:
    running = start_app(_fake_provider_server, {"CORS_ORIGINS": f"{ALLOWED}, http://localhost:5173"})
    yield running
    running.close()


def preflight(url: str, origin: str) -> HttpResult:
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
    }
    return request(url, "/api/chat", "OPTIONS", headers=headers)


def allow_origin(result: HttpResult) -> str | None:
    return result.header("access-control-allow-origin")


def test_by_default_no_origin_is_allowed_not_even_with_a_preflight(closed: RunningApp) -> None:
    for origin in (EVIL, ALLOWED, "null"):
        assert allow_origin(request(closed.url, "/health", headers={"Origin": origin})) is None
        assert allow_origin(preflight(closed.url, origin)) is None


def test_a_listed_origin_is_allowed_any_other_is_not(open_to_one: RunningApp) -> None:
    allowed = request(open_to_one.url, "/health", headers={"Origin": ALLOWED})
    assert allow_origin(allowed) == ALLOWED
    assert "X-Request-Id" in (allowed.header("access-control-expose-headers") or "")
    assert "Origin" in (allowed.header("vary") or "")
    result = preflight(open_to_one.url, ALLOWED)
    assert result.status == 204
    assert result.body == b""
    assert result.header("content-type") is None, "a 204 has no content to type"
    assert allow_origin(result) == ALLOWED
    assert "POST" in (result.header("access-control-allow-methods") or "")
    assert "content-type" in (result.header("access-control-allow-headers") or "").lower()
    assert result.header("access-control-allow-credentials") is None
    assert_security_headers(result)
    for origin in (EVIL, ALLOWED + ".evil.example", "http://app.example.com", "null"):
        assert allow_origin(request(open_to_one.url, "/health", headers={"Origin": origin})) is None
        assert allow_origin(preflight(open_to_one.url, origin)) is None


def test_a_preflight_never_reaches_the_provider_and_a_refused_origin_gets_no_cors_headers(
    open_to_one: RunningApp, fake_provider: FakeProvider
) -> None:
    assert preflight(open_to_one.url, EVIL).status == 204
    result = post_json(open_to_one.url, "/api/chat", {"message": "hi"}, {"Origin": EVIL})
    assert allow_origin(result) is None
    assert result.header("access-control-expose-headers") is None
    assert len(fake_provider.requests) == 1
