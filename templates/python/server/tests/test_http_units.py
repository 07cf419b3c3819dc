"""The framework-free pieces of the server: error mapping, rate limiter, client key, body limit."""

import pytest

from app.ai.errors import AI_ERROR_KINDS, AiError
from app.http.body_buffer import BodyBuffer
from app.http.client_key import client_key
from app.http.content_type import require_json_content_type
from app.http.error_response import HttpProblem, error_response, error_response_for
from app.http.json_body import parse_json
from app.http.policy import JSON_BODY_LIMIT_BYTES
from app.http.rate_limiter import RateLimiter

ID = "request-id"


def test_each_ai_error_kind_maps_to_its_status_with_a_fixed_body_shape() -> None:
    expected = {"invalid_input": 400, "auth": 502, "rate_limited": 429, "timeout": 504, "unavailable": 503}
    expected["upstream"] = 502
    assert set(expected) == set(AI_ERROR_KINDS)
    for kind, status in expected.items():
        response = error_response_for(AiError(kind), ID)
        assert response.status == status, kind
        assert response.body is not None
        assert sorted(response.body) == ["error", "requestId"]
        assert sorted(response.body["error"]) == ["code", "message"]  # type: ignore[arg-type]
        assert response.body["requestId"] == ID
        assert response.headers["Cache-Control"] == "no-store"


def test_too_long_input_is_413_and_anything_unknown_is_a_500_that_says_nothing() -> None:
    assert error_response_for(AiError("invalid_input", input_problem="too_long"), ID).status == 413
    internal = error_response_for(ValueError("secret internals"), ID)
    assert internal.status == 500
    assert b"secret internals" not in internal.content()


def test_a_429_always_carries_retry_after_from_the_provider_when_it_said() -> None:
    assert error_response_for(AiError("rate_limited", retry_after_seconds=9), ID).headers["Retry-After"] == "9"
    assert error_response("rate_limited", ID).headers["Retry-After"].isdigit()


def test_auth_failures_look_like_any_upstream_failure_to_the_client() -> None:
    auth = error_response_for(AiError("auth"), ID).content()
    assert auth == error_response_for(AiError("upstream"), ID).content()
    assert b"key" not in auth.lower()
    assert b"credential" not in auth.lower()


def test_the_rate_limiter_allows_n_per_window_per_client_then_says_how_long_to_wait() -> None:
    clock = [1_000.0]
    limiter = RateLimiter(3, 60, clock=lambda: clock[0])
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, True]
    clock[0] += 20
    refused = limiter.hit("a")
    assert not refused.allowed
    assert refused.retry_after_seconds == 40
    assert limiter.hit("b").allowed, "another client has its own window"
    clock[0] += 40
    assert limiter.hit("a").allowed, "a new window starts after the old one ends"


def test_ipv4_peers_are_keyed_by_address_ipv4_mapped_ipv6_as_the_same_ipv4() -> None:
    assert client_key("203.0.113.7") == "203.0.113.7"
    assert client_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert client_key(None) == "unknown"


def test_ipv6_peers_in_one_64_share_a_key_another_64_gets_its_own() -> None:
    key = client_key("2001:db8:aa:bb::1")
    assert client_key("2001:0db8:00aa:00bb:ffff:1:2:3") == key
    assert client_key("2001:DB8:AA:BB:0:0:0:9%eth0") == key
    assert client_key("2001:db8:aa:bc::1") != key
    assert client_key("::1") != client_key("2001:db8::1")


def test_the_body_buffer_refuses_a_declared_or_accumulated_size_over_the_limit() -> None:
    with pytest.raises(HttpProblem) as declared:
        BodyBuffer(str(JSON_BODY_LIMIT_BYTES + 1))
    assert declared.value.code == "payload_too_large"
    assert BodyBuffer(f"  {JSON_BODY_LIMIT_BYTES} ").bytes() == b""
    assert BodyBuffer("0" * 100 + "1").bytes() == b""
    with pytest.raises(HttpProblem) as huge:
        BodyBuffer("9" * 5_000)  # int() alone would refuse it with a ValueError: a 500
    assert huge.value.code == "payload_too_large"
    buffer = BodyBuffer(None)
    buffer.add(b"x" * JSON_BODY_LIMIT_BYTES)
    with pytest.raises(HttpProblem) as streamed:
        buffer.add(b"x")
    assert streamed.value.code == "payload_too_large"
    assert len(buffer.bytes()) == JSON_BODY_LIMIT_BYTES


def test_a_content_length_that_is_not_ascii_digits_is_a_400_not_a_crash() -> None:
    # str.isdigit() accepts "²" and "٣", which int() refuses or reads as a number.
    for bad in ("12abc", "²", "1²", "٣", "-1", "+1", "1_000", "1 000", "0x10"):
        with pytest.raises(HttpProblem) as caught:
            BodyBuffer(bad)
        assert caught.value.code == "bad_request", bad


def test_only_application_json_is_read_and_parse_errors_never_quote_the_body() -> None:
    require_json_content_type("application/json")
    require_json_content_type("Application/JSON; charset=utf-8")
    for bad in (None, "", "text/plain", "application/jsonp", "multipart/form-data"):
        with pytest.raises(HttpProblem):
            require_json_content_type(bad)
    with pytest.raises(HttpProblem) as caught:
        parse_json(b'{"message": "secret prompt"')
    assert "secret" not in str(caught.value)
    assert caught.value.__context__ is None
