"""The real SDK, pointed at a fake provider on 127.0.0.1: what is asserted here is
what actually goes over the wire."""

import io
import json
import time
import traceback
from collections.abc import Iterator

import pytest

import app.ai.provider as provider_module
from app.ai.client import SecureAi, create_ai
from app.ai.errors import AiError
from app.ai.system_prompt import SYSTEM_PROMPT
from app.ai.types import Provider, ProviderResult
from app.config.settings import load_settings
from app.log.logger import get_logger
from tests.support import provider_shape as shape
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.sentinel import assert_no_sentinel, make_key

USER_TEXT = "What is the capital of France?"
# Key-shaped, but short enough for the request id rule to see its shape rather than its length.
KEY_IN_A_REPLY = make_key("sk-" + "proj-", 40)
SDK_PACKAGES = {"openai", "anthropic", "httpx", "httpx2", "httpcore", "httpcore2"}


def make_ai(fake: FakeProvider, **overrides: str) -> tuple[SecureAi, io.StringIO]:
    log = io.StringIO()
    ai = create_ai(load_settings(fake_provider_env(fake, overrides)), get_logger("debug", stream=log))
    return ai, log


def failure(ai: SecureAi, user_input: object) -> AiError:
    with pytest.raises(AiError) as caught:
        ai.complete(user_input)
    return caught.value


def test_sends_the_key_model_and_output_cap_and_returns_the_reply(fake_provider: FakeProvider) -> None:
    fake_provider.reply = "Paris."
    ai, _ = make_ai(fake_provider, AI_MAX_OUTPUT_TOKENS="321", AI_MODEL="model-under-test")
    assert ai.complete(USER_TEXT) == "Paris."
    assert len(fake_provider.requests) == 1
    request = fake_provider.requests[0]
    assert request.path == shape.ENDPOINT_PATH
    assert shape.output_cap(request.body) == 321
    assert shape.model(request.body) == "model-under-test"
    assert shape.received_key(request.headers) == shape.KEY_SENTINEL


def test_the_sdk_reads_nothing_from_its_own_variables(
    fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Key and base URL come from the validated settings, never from the SDK's own lookup.
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"):
        monkeypatch.setenv(name, "unvalidated-key-from-the-environment")
    for name in ("OPENAI_BASE_URL", "ANTHROPIC_BASE_URL"):
        monkeypatch.setenv(name, "http://127.0.0.1:9/unvalidated")
    ai, _ = make_ai(fake_provider)
    ai.complete(USER_TEXT)
    assert shape.received_key(fake_provider.requests[0].headers) == shape.KEY_SENTINEL


def test_user_text_only_in_the_user_role_system_text_only_in_the_system_slot(fake_provider: FakeProvider) -> None:
    ai, _ = make_ai(fake_provider)
    ai.complete(f"  {USER_TEXT}\n")
    body = fake_provider.requests[0].body
    assert shape.user_texts(body) == [USER_TEXT]
    assert shape.system_texts(body) == [SYSTEM_PROMPT]
    # Nowhere else in the request either.
    assert json.dumps(body).count(USER_TEXT) == 1
    assert json.dumps(body).count(SYSTEM_PROMPT) == 1


@pytest.mark.parametrize(
    "user_input",
    ["x" * 51, "   ", "hello\x00world", {"message": "hi"}],
    ids=["oversize", "empty", "control-characters", "not-text"],
)
def test_refused_input_makes_zero_provider_calls(fake_provider: FakeProvider, user_input: object) -> None:
    ai, _ = make_ai(fake_provider, AI_MAX_INPUT_CHARS="50")
    error = failure(ai, user_input)
    assert error.kind == "invalid_input"
    assert error.input_problem is not None
    assert fake_provider.requests == []


def test_a_provider_slower_than_the_timeout_gives_kind_timeout(fake_provider: FakeProvider) -> None:
    fake_provider.mode = "slow"
    fake_provider.slow_seconds = 3
    ai, _ = make_ai(fake_provider, AI_TIMEOUT_MS="300")
    started = time.monotonic()
    error = failure(ai, USER_TEXT)
    assert error.kind == "timeout"
    assert time.monotonic() - started < 2.5, "the timeout was not applied"


def test_retries_are_bounded_max_retries_1_means_two_attempts(fake_provider: FakeProvider) -> None:
    fake_provider.mode = "server_error"
    ai, _ = make_ai(fake_provider, AI_MAX_RETRIES="1")
    error = failure(ai, USER_TEXT)
    assert error.kind == "unavailable"
    assert error.upstream_status == 500
    assert len(fake_provider.requests) == 2


def test_a_401_echoing_the_key_gives_kind_auth_and_the_key_is_nowhere(fake_provider: FakeProvider) -> None:
    fake_provider.mode = "auth"
    ai, log = make_ai(fake_provider)
    error = failure(ai, USER_TEXT)
    assert error.kind == "auth"
    assert error.upstream_status == 401
    assert error.request_id == "req_fake1"
    assert error.__cause__ is None and error.__context__ is None, "the SDK error (holding the key) is attached"
    views = [str(error), repr(error), repr(vars(error)), "".join(traceback.format_exception(error)), log.getvalue()]
    for view in views:
        assert_no_sentinel(view, "auth error")
    assert '"kind": "auth"' in log.getvalue()
    assert USER_TEXT not in log.getvalue(), "the prompt was logged"


def test_a_429_gives_kind_rate_limited_with_the_provider_retry_after(fake_provider: FakeProvider) -> None:
    fake_provider.mode = "rate_limited"
    fake_provider.retry_after_seconds = 7
    ai, _ = make_ai(fake_provider)
    error = failure(ai, USER_TEXT)
    assert error.kind == "rate_limited"
    assert error.retry_after_seconds == 7


def test_logs_say_what_happened_without_prompt_or_reply(fake_provider: FakeProvider) -> None:
    fake_provider.reply = "The reply text."
    ai, log = make_ai(fake_provider)
    ai.complete(USER_TEXT)
    entries = [json.loads(line) for line in log.getvalue().splitlines()]
    complete = [entry for entry in entries if entry["msg"] == "ai.complete"]
    assert len(complete) == 1
    assert complete[0]["request_id"] == "req_fake1"
    assert isinstance(complete[0]["duration_ms"], int)
    assert USER_TEXT not in log.getvalue() and "The reply text." not in log.getvalue()


def _reachable(root: object, depth: int = 4) -> Iterator[object]:
    """Everything reachable through data attributes (slots, __dict__, dataclass fields)."""
    yield root
    if depth == 0:
        return
    names = list(getattr(root, "__dict__", {})) + list(getattr(type(root), "__slots__", ()))
    for name in names:
        if hasattr(root, name):
            yield from _reachable(getattr(root, name), depth - 1)


def test_no_sdk_object_or_key_among_the_ai_objects_attributes_reprs_or_logs(fake_provider: FakeProvider) -> None:
    # What this proves: printing, logging or walking the attributes of the AI object
    # (as a debugger or a serializer does) shows neither an SDK object nor the key. It
    # does not follow closures: Python code that goes looking can always reach the
    # client, so this is about accidents, not a boundary against code in the process.
    ai, log = make_ai(fake_provider)
    ai.complete(USER_TEXT)
    assert not hasattr(ai, "__dict__")
    for value in _reachable(ai):
        assert type(value).__module__.split(".")[0] not in SDK_PACKAGES, f"an SDK object is reachable: {type(value)}"
        assert_no_sentinel(repr(value), "repr of the AI object graph")
    assert_no_sentinel(log.getvalue(), "logs")
    for name, value in vars(provider_module).items():
        if not isinstance(value, type) and type(value).__name__ != "module":
            assert type(value).__module__.split(".")[0] not in SDK_PACKAGES, f"app.ai.provider.{name} is an SDK object"


def test_a_redirect_is_not_followed_so_the_key_never_reaches_another_host(fake_provider: FakeProvider) -> None:
    with FakeProvider() as elsewhere:
        fake_provider.mode = "redirect"
        fake_provider.redirect_to = elsewhere.url + shape.ENDPOINT_PATH
        ai, log = make_ai(fake_provider, AI_MAX_RETRIES="2")
        error = failure(ai, USER_TEXT)
    assert elsewhere.requests == [], "the redirect was followed"
    assert error.kind == "upstream"
    assert error.upstream_status == 307
    assert len(fake_provider.requests) == 1, "a redirect was retried"
    assert '"kind": "upstream"' in log.getvalue()


def test_a_provider_trickling_its_reply_is_cut_at_the_timeout(fake_provider: FakeProvider) -> None:
    # A byte every 50 ms never lets a per-read timeout fire: the whole reply would take
    # many seconds. AI_TIMEOUT_MS bounds the whole attempt.
    fake_provider.mode = "trickle"
    fake_provider.trickle_seconds = 0.05
    ai, _ = make_ai(fake_provider, AI_TIMEOUT_MS="500")
    started = time.monotonic()
    error = failure(ai, USER_TEXT)
    assert error.kind == "timeout"
    assert time.monotonic() - started < 1.5, "the attempt outlived AI_TIMEOUT_MS"


def test_retries_of_a_trickling_provider_are_each_cut_at_the_timeout(fake_provider: FakeProvider) -> None:
    fake_provider.mode = "trickle"
    fake_provider.trickle_seconds = 0.05
    ai, _ = make_ai(fake_provider, AI_TIMEOUT_MS="300", AI_MAX_RETRIES="1")
    started = time.monotonic()
    error = failure(ai, USER_TEXT)
    assert error.kind == "timeout"
    assert len(fake_provider.requests) == 2
    # Two attempts of 0.3 s and the SDK's backoff (under a second) between them.
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    "reply", [{"api_key": KEY_IN_A_REPLY}, 42, ["a", "list"]], ids=["object-holding-a-key", "number", "list"]
)
def test_a_reply_that_is_not_text_gives_kind_upstream(fake_provider: FakeProvider, reply: object) -> None:
    fake_provider.reply = reply
    ai, log = make_ai(fake_provider)
    error = failure(ai, USER_TEXT)
    assert error.kind == "upstream"
    assert error.__cause__ is None and error.__context__ is None
    for view in (str(error), repr(error), "".join(traceback.format_exception(error)), log.getvalue()):
        assert KEY_IN_A_REPLY not in view


@pytest.mark.parametrize(
    "body",
    [b"{not json", b"", b"{}", b"[]", b'"text"', b'{"choices": "x", "content": 1, "output": 2}'],
    ids=["invalid-json", "empty", "empty-object", "array", "string", "fields-of-the-wrong-type"],
)
def test_a_malformed_200_gives_kind_upstream(fake_provider: FakeProvider, body: bytes) -> None:
    fake_provider.mode = "raw"
    fake_provider.raw_body = body
    ai, log = make_ai(fake_provider)
    error = failure(ai, USER_TEXT)
    assert error.kind == "upstream"
    assert error.__cause__ is None and error.__context__ is None, "the parser's error (quoting the body) is attached"
    assert '"kind": "upstream"' in log.getvalue()


def test_the_provider_retry_after_is_capped_at_an_hour(fake_provider: FakeProvider) -> None:
    fake_provider.mode = "rate_limited"
    fake_provider.retry_after_seconds = 999_999_999
    ai, _ = make_ai(fake_provider)
    assert failure(ai, USER_TEXT).retry_after_seconds == 3600


@pytest.mark.parametrize(
    "request_id",
    [KEY_IN_A_REPLY, "req 1", "x" * 129, "req_\u00e9"],
    ids=["key-shaped", "space", "too-long", "not-ascii"],
)
def test_a_provider_request_id_that_is_not_plainly_an_id_is_dropped(
    fake_provider: FakeProvider, request_id: str
) -> None:
    fake_provider.request_id = request_id
    ai, log = make_ai(fake_provider)
    ai.complete(USER_TEXT)
    fake_provider.mode = "server_error"
    error = failure(ai, USER_TEXT)
    assert error.request_id is None
    assert request_id not in repr(error)
    [complete] = [entry for entry in map(json.loads, log.getvalue().splitlines()) if entry["msg"] == "ai.complete"]
    assert "request_id" not in complete


def test_an_unexpected_error_is_left_to_the_caller_to_log_once() -> None:
    # The caller (the CLI, the server's error handler) logs it with its own context;
    # logging it here too would log every bug twice.
    def broken(text: str) -> ProviderResult:
        raise RuntimeError("a bug")

    log = io.StringIO()
    ai = SecureAi(Provider(name="broken", complete=broken), 100, get_logger("debug", stream=log))
    with pytest.raises(RuntimeError, match="a bug"):
        ai.complete(USER_TEXT)
    assert log.getvalue() == ""
