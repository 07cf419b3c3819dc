"""Slow clients: the deadlines of app/http/policy.py, shortened here, hold whether a
client sends nothing, stops, or sends a byte now and then to keep a socket alive."""

from collections.abc import Iterator

import pytest

from app.http import policy
from tests.support.app_contract import RunningApp
from tests.support.app_server import start_app
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import assert_error_body, parse_response, trickle

HEADERS_TIMEOUT = 0.3
REQUEST_TIMEOUT = 0.6
# Well within either deadline, so only a deadline on the total can stop the client.
EVERY = 0.1
# Time for the server to notice, well under what an unbounded server would allow.
MARGIN = 1.5

HEAD = b"POST /api/chat HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
ENDLESS_HEADER = b"X-Slow: " + b"a" * 1000


@pytest.fixture
def app(fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningApp]:
    monkeypatch.setattr(policy, "HEADERS_TIMEOUT_SECONDS", HEADERS_TIMEOUT)
    monkeypatch.setattr(policy, "REQUEST_TIMEOUT_SECONDS", REQUEST_TIMEOUT)
    running = start_app(fake_provider)
    yield running
    running.close()


def test_a_connection_that_sends_nothing_is_closed_after_the_headers_timeout(app: RunningApp) -> None:
    result = trickle(app.url, b"", b"")
    assert result.closed
    assert HEADERS_TIMEOUT - 0.1 <= result.seconds < HEADERS_TIMEOUT + MARGIN
    assert result.received == b""


def test_a_head_sent_a_byte_at_a_time_is_dropped_after_the_headers_timeout(app: RunningApp) -> None:
    result = trickle(app.url, b"GET /health HTTP/1.1\r\nHost: test\r\n", ENDLESS_HEADER)
    assert result.closed, "a client trickling its head kept the connection"
    assert HEADERS_TIMEOUT - 0.1 <= result.seconds < HEADERS_TIMEOUT + MARGIN
    assert result.received == b""


def test_a_body_sent_a_byte_at_a_time_is_refused_after_the_request_timeout(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    result = trickle(app.url, HEAD + b'{"message": "', b"x" * 1000)
    assert result.received.startswith(b"HTTP/1.1 400 "), "a client trickling its body was not refused in time"
    assert_error_body(parse_response(result.received), 400, "bad_request")
    assert result.closed
    assert REQUEST_TIMEOUT - 0.1 <= result.seconds < REQUEST_TIMEOUT + HEADERS_TIMEOUT + MARGIN
    assert fake_provider.requests == []


def test_a_client_that_stops_sending_its_body_is_refused_after_the_request_timeout(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    result = trickle(app.url, HEAD + b'{"message": "', b"")
    assert_error_body(parse_response(result.received), 400, "bad_request")
    assert result.closed
    assert REQUEST_TIMEOUT - 0.1 <= result.seconds < REQUEST_TIMEOUT + HEADERS_TIMEOUT + MARGIN
    assert fake_provider.requests == []


def test_after_a_response_the_next_head_has_the_same_deadline(app: RunningApp) -> None:
    # A kept-alive connection (where the server keeps one) gets no more time for its
    # next request than a new one.
    result = trickle(app.url, b"GET /health HTTP/1.1\r\nHost: test\r\n\r\nGET /health HTTP/1.1\r\n", ENDLESS_HEADER)
    assert result.received.startswith(b"HTTP/1.1 200 ")
    assert result.closed
    assert result.seconds < HEADERS_TIMEOUT + MARGIN
