"""The per-client rate limit, keyed by the socket's address. Each test starts its own
app, so each holds alone and in any order."""

from collections.abc import Iterator

import pytest

from tests.support.app_contract import RunningApp
from tests.support.app_server import start_app
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import assert_error_body, assert_security_headers, post_json, request

LIMIT = 3


@pytest.fixture
def app(fake_provider: FakeProvider) -> Iterator[RunningApp]:
    running = start_app(fake_provider, {"RATE_LIMIT_PER_MINUTE": str(LIMIT)})
    yield running
    running.close()


def use_up_the_limit(app: RunningApp, fake_provider: FakeProvider) -> None:
    for _ in range(LIMIT):
        assert post_json(app.url, "/api/chat", {"message": "hi"}).status == 200
    fake_provider.reset()


def test_request_n_plus_1_in_a_minute_is_a_429_and_never_reaches_the_provider(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    for _ in range(LIMIT):
        assert post_json(app.url, "/api/chat", {"message": "hi"}).status == 200
    limited = post_json(app.url, "/api/chat", {"message": "hi"})
    assert_error_body(limited, 429, "rate_limited")
    assert_security_headers(limited)
    retry_after = limited.header("retry-after") or ""
    assert retry_after.isdigit() and 1 <= int(retry_after) <= 60
    assert len(fake_provider.requests) <= LIMIT


# The key is the socket's address: a header any client can set must not buy a new window.
def test_a_forged_x_forwarded_for_does_not_reset_the_limit(app: RunningApp, fake_provider: FakeProvider) -> None:
    use_up_the_limit(app, fake_provider)
    for forged in ("198.51.100.7", "2001:db8::7"):
        headers = {"X-Forwarded-For": forged, "X-Real-IP": forged, "Forwarded": f"for={forged}"}
        assert_error_body(post_json(app.url, "/api/chat", {"message": "hi"}, headers), 429, "rate_limited")
    assert fake_provider.requests == []


def test_the_health_check_and_preflights_are_not_rate_limited(app: RunningApp, fake_provider: FakeProvider) -> None:
    use_up_the_limit(app, fake_provider)
    assert_error_body(post_json(app.url, "/api/chat", {"message": "hi"}), 429, "rate_limited")
    assert request(app.url, "/health").status == 200
    assert request(app.url, "/api/chat", "OPTIONS", headers={"Origin": "https://app.example.com"}).status == 204
