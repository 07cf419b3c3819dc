"""Chat Completions as Ollama, vLLM and other compatible servers speak it."""

from tests.support.sentinel import SENTINEL

KEY_ENV = "AI_API_KEY"
BASE_URL_ENV = "AI_BASE_URL"
KEY_SENTINEL = SENTINEL
BASE_URL_REQUIRED = True
BASE_URL_SUFFIX = "/v1"  # appended to the fake's origin to form the base URL
# No default model for a server we know nothing about.
REQUIRED_ENV: dict[str, str] = {"AI_MODEL": "fake-model"}
ENDPOINT_PATH = "/v1/chat/completions"
REQUEST_ID_HEADER = "x-request-id"


def ok_body(text: object) -> dict[str, object]:
    """A successful reply; `text` is any JSON value, so a test can send a reply that is not text."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": text}}],
    }


def error_body(status: int, message: str) -> dict[str, object]:
    kind = "invalid_request_error" if status == 401 else "api_error"
    return {"error": {"message": message, "type": kind, "code": None, "param": None}}


def _texts_for(body: object, roles: tuple[str, ...]) -> list[str]:
    messages = body.get("messages") if isinstance(body, dict) else None
    items = [item for item in messages if isinstance(item, dict)] if isinstance(messages, list) else []
    return [str(item.get("content")) for item in items if item.get("role") in roles]


def user_texts(body: object) -> list[str]:
    """Texts sent in the user role of a recorded body."""
    return _texts_for(body, ("user",))


def system_texts(body: object) -> list[str]:
    """Texts sent in the system slot of a recorded body."""
    return _texts_for(body, ("system", "developer"))


def output_cap(body: object) -> object:
    return body.get("max_tokens") if isinstance(body, dict) else None


def model(body: object) -> object:
    return body.get("model") if isinstance(body, dict) else None


def received_key(headers: dict[str, str]) -> str:
    return headers.get("authorization", "").removeprefix("Bearer ")
