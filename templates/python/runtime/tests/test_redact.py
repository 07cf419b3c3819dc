import json

from app.log.redact import REDACTED, redact, redact_string
from tests.support.sentinel import ANTHROPIC_SENTINEL, SENTINEL, assert_no_sentinel


def out(value: object) -> str:
    return json.dumps(redact(value))


def test_secret_named_fields_are_replaced_at_any_depth_whatever_their_case() -> None:
    value = {
        "headers": {"Authorization": "x", "X-Api-Key": "x", "api-key": "x", "Cookie": "x", "set-cookie": ["x"]},
        "nested": {
            "deeper": {"OPENAI_API_KEY": "x", "apiKey": "x", "accessToken": "x", "clientSecret": "x", "password": "x"}
        },
        "list": [{"token": "x"}],
    }
    result = json.loads(out(value))
    assert result["headers"]["Authorization"] == REDACTED
    assert result["headers"]["X-Api-Key"] == REDACTED
    assert result["headers"]["set-cookie"] == REDACTED
    assert list(result["nested"]["deeper"].values()) == [REDACTED] * 5
    assert result["list"][0]["token"] == REDACTED


def test_the_sentinels_are_removed_at_every_path() -> None:
    for sentinel in (SENTINEL, ANTHROPIC_SENTINEL):
        paths = {
            "apiKey": sentinel,
            "headers": {"authorization": f"Bearer {sentinel}"},
            "note": f"the key is {sentinel} ok",
            "bearer": f"Bearer {sentinel}",
            "list": [sentinel, (sentinel,)],
            "deep": {"a": {"b": {"c": {"d": sentinel}}}},
            "error": RuntimeError(f"401 Incorrect API key provided: {sentinel}"),
            "bytes": sentinel.encode(),
        }
        assert_no_sentinel(out(paths), "redacted output")


def test_secret_named_values_inside_text_are_replaced() -> None:
    for text in (
        "{'x-api-key': 'abc123', 'model': 'm'}",
        '{"authorization": "Bearer abc123"}',
        "AI_API_KEY=abc123",
        "password: abc123",
    ):
        assert "abc123" not in redact_string(text), text
    assert redact_string("{'max_tokens': 1024, 'model': 'm'}") == "{'max_tokens': 1024, 'model': 'm'}"
    assert redact_string("Authorization: Bearer abc") == f"Authorization: {REDACTED}"


def test_other_key_shapes_and_long_random_tokens_are_replaced_ids_and_counters_stay() -> None:
    random_token = "Zq9" * 14
    assert redact_string(f"token {random_token}") == f"token {REDACTED}"
    request_id = "0b3a1b6c-2f4e-4e8a-9a55-3f1b2c3d4e5f"
    assert redact_string(request_id) == request_id
    assert redact({"max_output_tokens": 1024, "request_id": request_id}) == {
        "max_output_tokens": 1024,
        "request_id": request_id,
    }


def test_known_key_shapes_are_replaced_even_when_short_or_single_case() -> None:
    for text in ("sk-" + "proj-" + "a1" * 12, "Bearer abc.def-123", "gh" + "p_" + "x9" * 10):
        assert redact_string(f"see {text} here") == f"see {REDACTED} here", text[:6]


def test_errors_keep_type_and_message_and_lose_upstream_bodies() -> None:
    error = RuntimeError("boom")
    error.status_code = 401  # type: ignore[attr-defined]
    error.body = {"secret": SENTINEL}  # type: ignore[attr-defined]
    assert redact(error) == {"name": "RuntimeError", "message": "boom", "status_code": 401}


def test_cycles_and_very_deep_values_are_safe() -> None:
    cyclic: dict[str, object] = {"name": "a"}
    cyclic["self"] = cyclic
    assert redact(cyclic) == {"name": "a", "self": "[Circular]"}
    deep: dict[str, object] = {}
    node = deep
    for _ in range(50):
        node["next"] = {}
        node = node["next"]  # type: ignore[assignment]
    assert "[Truncated]" in out(deep)
    shared = {"x": 1}
    assert redact({"a": shared, "b": shared}) == {"a": {"x": 1}, "b": {"x": 1}}
