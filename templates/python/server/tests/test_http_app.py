"""The HTTP promises of every server variant, against the real server on 127.0.0.1."""

import json
from collections.abc import Iterator

import pytest

from tests.support import provider_shape as shape
from tests.support.app_contract import RunningApp, eventually
from tests.support.app_server import start_app
from tests.support.fake_provider import FakeProvider
from tests.support.http_client import (
    UUID,
    assert_error_body,
    assert_security_headers,
    post_chunked,
    post_json,
    raw_exchange,
    raw_request,
    request,
)
from tests.support.sentinel import SENTINEL, assert_no_sentinel

OVERSIZED = json.dumps({"message": "x" * 40 * 1024}).encode()


@pytest.fixture(scope="module")
def app(_fake_provider_server: FakeProvider) -> Iterator[RunningApp]:
    running = start_app(_fake_provider_server, {"AI_MAX_INPUT_CHARS": "100", "RATE_LIMIT_PER_MINUTE": "10000"})
    yield running
    running.close()


def test_health_answers_with_the_security_headers(app: RunningApp) -> None:
    result = request(app.url, "/health")
    assert result.status == 200
    assert result.json() == {"status": "ok"}
    assert_security_headers(result)


def test_head_on_the_health_check_answers_like_get_without_a_body(app: RunningApp) -> None:
    result = request(app.url, "/health", "HEAD")
    assert result.status == 200
    assert result.body == b""
    assert_security_headers(result)


def test_error_responses_carry_the_security_headers_too(app: RunningApp, fake_provider: FakeProvider) -> None:
    assert_security_headers(request(app.url, "/nope"))
    assert_security_headers(request(app.url, "/api/chat", "POST", OVERSIZED, {"Content-Type": "application/json"}))
    fake_provider.mode = "server_error"
    assert_security_headers(post_json(app.url, "/api/chat", {"message": "hi"}))


def test_an_incoming_request_id_is_ignored(app: RunningApp) -> None:
    forged = "00000000-0000-4000-8000-000000000000"
    result = request(app.url, "/health", headers={"X-Request-Id": forged})
    assert UUID.fullmatch(result.header("x-request-id") or "")
    assert result.header("x-request-id") != forged


def test_chat_returns_the_reply_and_the_request_id_uncached(app: RunningApp, fake_provider: FakeProvider) -> None:
    fake_provider.reply = "Paris."
    result = post_json(app.url, "/api/chat", {"message": "Capital of France?"})
    assert result.status == 200
    assert result.header("cache-control") == "no-store"
    assert result.json() == {"reply": "Paris.", "requestId": result.header("x-request-id")}
    assert shape.user_texts(fake_provider.requests[0].body) == ["Capital of France?"]


def test_a_missing_or_non_text_message_or_broken_json_is_a_400_without_a_provider_call(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    assert_error_body(post_json(app.url, "/api/chat", {}), 400, "invalid_input")
    assert_error_body(post_json(app.url, "/api/chat", {"message": ["x"]}), 400, "invalid_input")
    assert_error_body(post_json(app.url, "/api/chat", ["message"]), 400, "invalid_input")
    assert_error_body(post_json(app.url, "/api/chat", "not json"), 400, "invalid_json")
    assert_error_body(post_json(app.url, "/api/chat", '{"message": '), 400, "invalid_json")
    assert fake_provider.requests == []


# A text/plain POST needs no CORS preflight, so any web page could send one to a
# server on the developer's machine: it must not reach the provider.
@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded", "application/jsonx"])
def test_a_body_not_sent_as_json_is_a_415_without_a_provider_call(
    app: RunningApp, fake_provider: FakeProvider, content_type: str | None
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    result = request(app.url, "/api/chat", "POST", json.dumps({"message": "hi"}).encode(), headers)
    assert_error_body(result, 415, "unsupported_media_type")
    assert fake_provider.requests == []


def test_a_body_over_32_kb_is_a_413_without_a_provider_call_with_or_without_content_length(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    sized = request(app.url, "/api/chat", "POST", OVERSIZED, {"Content-Type": "application/json"})
    assert_error_body(sized, 413, "payload_too_large")
    assert_error_body(post_chunked(app.url, "/api/chat", OVERSIZED), 413, "payload_too_large")
    assert fake_provider.requests == []


def test_an_oversized_body_is_refused_without_waiting_for_the_rest_of_it(app: RunningApp) -> None:
    # The server must decide from what it has read (the declared size, or the bytes
    # past the limit) rather than read on: these bodies never end.
    head = b"POST /api/chat HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
    declared = raw_exchange(app.url, head + b"Content-Length: 100000000\r\n\r\n" + b'{"message": "')
    assert declared.startswith(b"HTTP/1.1 413 ")
    chunk = b"x" * 40 * 1024
    streamed = raw_exchange(
        app.url, head + b"Transfer-Encoding: chunked\r\n\r\n" + b"%x\r\n%s\r\n" % (len(chunk), chunk)
    )
    assert streamed.startswith(b"HTTP/1.1 413 ")


def test_a_content_length_that_is_not_ascii_digits_is_our_400(app: RunningApp, fake_provider: FakeProvider) -> None:
    # "²" (byte B2 read as Latin-1, as header bytes are) passes str.isdigit() but not
    # int(): it once made a 500.
    head = b"POST /api/chat HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
    result = raw_request(app.url, head + b"Content-Length: \xb2\r\n\r\n{}")
    assert_error_body(result, 400, "bad_request")
    assert fake_provider.requests == []


def test_a_request_too_broken_to_reach_the_app_gets_our_400_quoting_nothing(app: RunningApp) -> None:
    # The server answers this itself, before any framework code runs.
    result = raw_request(app.url, b"GET /health?" + SENTINEL.encode() + b" HTTP/1.1 junk\r\nHost: test\r\n\r\n")
    body = assert_error_body(result, 400, "bad_request")
    assert_security_headers(result)
    assert_no_sentinel(result.text + result.headers_text(), "answer")
    assert eventually(lambda: str(body["requestId"]) in app.logs())
    assert_no_sentinel(app.logs(), "logs")


def test_a_streamed_body_within_the_limit_is_read_like_any_other(app: RunningApp, fake_provider: FakeProvider) -> None:
    result = post_chunked(app.url, "/api/chat", json.dumps({"message": "hi"}).encode())
    assert result.status == 200
    assert len(fake_provider.requests) == 1


def test_a_message_over_ai_max_input_chars_is_a_413_without_a_provider_call(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    assert_error_body(post_json(app.url, "/api/chat", {"message": "x" * 101}), 413, "input_too_long")
    assert fake_provider.requests == []


def test_unknown_routes_and_wrong_methods_get_a_json_404(app: RunningApp) -> None:
    assert_error_body(request(app.url, "/nope"), 404, "not_found")
    assert_error_body(request(app.url, "/api/chat"), 404, "not_found")
    assert_error_body(
        request(app.url, "/health", "POST", b"{}", {"Content-Type": "application/json"}), 404, "not_found"
    )
    assert_error_body(
        request(app.url, "/api/chat", "PUT", b"{}", {"Content-Type": "application/json"}), 404, "not_found"
    )
    # Framework extras (interactive docs, schemas, static files) are not served.
    for path in ("/docs", "/redoc", "/openapi.json", "/static/x.js"):
        assert_error_body(request(app.url, path), 404, "not_found")


def test_the_log_has_one_line_per_request_without_the_message_or_the_reply(
    app: RunningApp, fake_provider: FakeProvider
) -> None:
    fake_provider.reply = "a reply only the client may see"
    result = post_json(app.url, "/api/chat?token=query-secret", {"message": "a prompt only the provider may see"})
    assert result.status == 200
    request_id = result.header("x-request-id") or ""

    def request_lines() -> list[dict[str, object]]:
        return [json.loads(line) for line in app.logs().splitlines() if request_id in line]

    assert eventually(lambda: any(line["msg"] == "http.request" for line in request_lines()))
    lines = request_lines()
    assert [line["msg"] for line in lines] == ["http.request"]
    assert lines[0]["path"] == "/api/chat"
    assert lines[0]["status"] == 200
    logs = app.logs()
    for private in ("a reply only the client may see", "a prompt only the provider may see", "query-secret"):
        assert private not in logs
