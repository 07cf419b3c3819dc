import copy
import pickle
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from app.ai.errors import AI_ERROR_KINDS, MESSAGES, AiError, SdkErrors, to_ai_error
from tests.support.sentinel import SENTINEL, assert_no_sentinel, make_key


# Stand-ins with the class layout both Stainless SDKs share; the AI client tests run
# the same mapping with the real SDK classes.
class FakeResponse:
    def __init__(self, headers: dict[str, str]) -> None:
        self.headers = headers


class APIError(Exception):
    pass


class APIStatusError(APIError):
    def __init__(
        self, message: str, status_code: int, headers: dict[str, str] | None = None, request_id: str = ""
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.response = FakeResponse(headers or {})
        self.request_id = request_id or None
        self.body = {"error": {"message": message}}


class APIConnectionError(APIError):
    pass


class APITimeoutError(APIConnectionError):
    pass


SDK = SdkErrors(api_error=APIError, connection_error=APIConnectionError, timeout_error=APITimeoutError)


def test_there_are_six_kinds_each_with_a_fixed_message() -> None:
    assert AI_ERROR_KINDS == ("invalid_input", "auth", "rate_limited", "timeout", "unavailable", "upstream")
    for kind in AI_ERROR_KINDS:
        error = AiError(kind)
        assert error.kind == kind
        assert str(error) == error.message == MESSAGES[kind]


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, "upstream"),
        (401, "auth"),
        (403, "auth"),
        (404, "upstream"),
        (408, "timeout"),
        (429, "rate_limited"),
        (500, "unavailable"),
        (503, "unavailable"),
        (504, "timeout"),
        (529, "unavailable"),
    ],
)
def test_http_statuses_map_to_the_few_kinds(status: int, kind: str) -> None:
    assert to_ai_error(APIStatusError("x", status), SDK).kind == kind


def test_connection_failures_and_timeouts() -> None:
    assert to_ai_error(APITimeoutError("t"), SDK).kind == "timeout"
    assert to_ai_error(APIConnectionError("c"), SDK).kind == "unavailable"
    assert to_ai_error(APIError("no status"), SDK).kind == "upstream"


def test_retry_after_in_seconds_as_a_date_and_in_milliseconds() -> None:
    def retry(headers: dict[str, str]) -> int | None:
        return to_ai_error(APIStatusError("x", 429, headers), SDK).retry_after_seconds

    assert retry({"retry-after": "12"}) == 12
    assert retry({"retry-after-ms": "1500"}) == 2
    in_one_minute = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=60), usegmt=True)
    assert abs((retry({"retry-after": in_one_minute}) or 0) - 60) <= 2
    assert retry({}) is None
    assert retry({"retry-after": "soon", "retry-after-ms": "inf"}) is None
    assert to_ai_error(APIStatusError("x", 500, {"retry-after": "3"}), SDK).retry_after_seconds is None


def test_keeps_status_and_request_id_drops_the_upstream_message() -> None:
    mapped = to_ai_error(APIStatusError(f"401 Incorrect API key provided: {SENTINEL}", 401, request_id="req_123"), SDK)
    assert mapped.upstream_status == 401
    assert mapped.request_id == "req_123"
    assert mapped.__cause__ is None and mapped.__context__ is None
    assert_no_sentinel(f"{mapped} {mapped!r} {mapped.args!r} {vars(mapped)!r}", "mapped error")


def test_an_ai_error_survives_copy_and_pickle() -> None:
    error = AiError("rate_limited", upstream_status=429, retry_after_seconds=7)
    for clone in (copy.copy(error), pickle.loads(pickle.dumps(error))):  # noqa: S301 - our own bytes
        assert (clone.kind, clone.upstream_status, clone.retry_after_seconds) == ("rate_limited", 429, 7)
    assert repr(error) == "AiError('rate_limited', upstream_status=429, retry_after_seconds=7)"


def test_retry_after_is_at_least_a_second_and_at_most_an_hour() -> None:
    def retry(headers: dict[str, str]) -> int | None:
        return to_ai_error(APIStatusError("x", 429, headers), SDK).retry_after_seconds

    assert retry({"retry-after": "999999999"}) == 3600
    assert retry({"retry-after": "99999999999999"}) == 3600
    assert retry({"retry-after-ms": "99999999999"}) == 3600
    assert retry({"retry-after": format_datetime(datetime.now(timezone.utc) + timedelta(days=30), usegmt=True)}) == 3600
    assert retry({"retry-after": "0"}) == 1
    assert retry({"retry-after-ms": "1"}) == 1
    assert retry({"retry-after": "3600"}) == 3600


@pytest.mark.parametrize(
    "request_id",
    ["req_011CUYz8d4XbCgK2fYT3sKzP", "req_0123456789abcdef0123456789abcdef", "a.b:c-d_e", "x" * 128],
)
def test_a_plain_request_id_is_kept(request_id: str) -> None:
    assert AiError("upstream", request_id=request_id).request_id == request_id
    assert to_ai_error(APIStatusError("x", 500, request_id=request_id), SDK).request_id == request_id


@pytest.mark.parametrize(
    "request_id",
    [
        make_key("sk-" + "proj-", 40),
        make_key("ghp_", 30),
        "aB3" * 12,
        "x" * 129,
        "req 1",
        "req_1\n",
        "req/1",
        "",
        42,
    ],
    ids=["openai-key", "github-token", "random-token", "too-long", "space", "newline", "slash", "empty", "not-text"],
)
def test_a_request_id_that_is_not_plainly_an_id_is_dropped(request_id: object) -> None:
    error = AiError("upstream", request_id=request_id)  # type: ignore[arg-type]
    assert error.request_id is None
    assert repr(error) == "AiError('upstream')"
    assert to_ai_error(APIStatusError("x", 500, request_id=request_id), SDK).request_id is None  # type: ignore[arg-type]
