"""The Messages API as the fake provider speaks it."""

import json

from tests.support.sentinel import ANTHROPIC_SENTINEL

KEY_ENV = "ANTHROPIC_API_KEY"
BASE_URL_ENV = "ANTHROPIC_BASE_URL"
KEY_SENTINEL = ANTHROPIC_SENTINEL
BASE_URL_REQUIRED = False  # unset means the official endpoint
BASE_URL_SUFFIX = ""  # appended to the fake's origin to form the base URL
REQUIRED_ENV: dict[str, str] = {}  # other variables the provider requires
ENDPOINT_PATH = "/v1/messages"
REQUEST_ID_HEADER = "request-id"


def ok_body(text: object) -> dict[str, object]:
    """A successful reply; `text` is any JSON value, so a test can send a reply that is not text."""
    return {
        "id": "msg_fake",
        "type": "message",
        "role": "assistant",
        "model": "fake-model",
        "content": [{"type": "text", "text": text}],
        "stop_reason": "end_turn",
        "stop_sequence": None,
        "usage": {"input_tokens": 1, "output_tokens": 1},
    }


def error_body(status: int, message: str) -> dict[str, object]:
    kind = "authentication_error" if status == 401 else "api_error"
    return {"type": "error", "error": {"type": kind, "message": message}}


def user_texts(body: object) -> list[str]:
    """Texts sent in the user role of a recorded body."""
    messages = body.get("messages") if isinstance(body, dict) else None
    items = [item for item in messages if isinstance(item, dict)] if isinstance(messages, list) else []
    return [str(item.get("content")) for item in items if item.get("role") == "user"]


def system_texts(body: object) -> list[str]:
    """Texts sent in the system slot of a recorded body."""
    system = body.get("system") if isinstance(body, dict) else None
    if system is None:
        return []
    return [system if isinstance(system, str) else json.dumps(system)]


def output_cap(body: object) -> object:
    return body.get("max_tokens") if isinstance(body, dict) else None


def model(body: object) -> object:
    return body.get("model") if isinstance(body, dict) else None


def received_key(headers: dict[str, str]) -> str:
    return headers.get("x-api-key", "")
