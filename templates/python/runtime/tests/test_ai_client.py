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
from app.config.settings import load_settings
from app.log.logger import get_logger
from tests.support import provider_shape as shape
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.sentinel import assert_no_sentinel

USER_TEXT = "What is the capital of France?"
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
    """Everything reachable through attributes (slots, __dict__, dataclass fields)."""
    yield root
    if depth == 0:
        return
    names = list(getattr(root, "__dict__", {})) + list(getattr(type(root), "__slots__", ()))
    for name in names:
        if hasattr(root, name):
            yield from _reachable(getattr(root, name), depth - 1)


def test_the_sdk_client_is_never_reachable_from_the_ai_object_or_the_logs(fake_provider: FakeProvider) -> None:
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
