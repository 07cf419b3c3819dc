"""The Responses API as the fake provider speaks it."""

from tests.support.sentinel import SENTINEL

KEY_ENV = "OPENAI_API_KEY"
BASE_URL_ENV = "OPENAI_BASE_URL"
KEY_SENTINEL = SENTINEL
BASE_URL_REQUIRED = False  # unset means the official endpoint
BASE_URL_SUFFIX = "/v1"  # appended to the fake's origin to form the base URL
REQUIRED_ENV: dict[str, str] = {}  # other variables the provider requires
ENDPOINT_PATH = "/v1/responses"
REQUEST_ID_HEADER = "x-request-id"


def ok_body(text: object) -> dict[str, object]:
    """A successful reply; `text` is any JSON value, so a test can send a reply that is not text."""
    return {
        "id": "resp_fake",
        "object": "response",
        "created_at": 0,
        "status": "completed",
        "model": "fake-model",
        "output": [
            {
                "type": "message",
                "id": "msg_fake",
                "status": "completed",
                "role": "assistant",
                "content": [{"type": "output_text", "text": text, "annotations": []}],
            }
        ],
    }


def error_body(status: int, message: str) -> dict[str, object]:
    kind = "invalid_request_error" if status == 401 else "api_error"
    return {"error": {"message": message, "type": kind, "code": None, "param": None}}


def _input_items(body: object) -> list[dict[str, object]]:
    items = body.get("input") if isinstance(body, dict) else None
    if isinstance(items, list):
        return [item for item in items if isinstance(item, dict)]
    return [{"role": "user", "content": items}]


def user_texts(body: object) -> list[str]:
    """Texts sent in the user role of a recorded body."""
    return [str(item.get("content")) for item in _input_items(body) if item.get("role") == "user"]


def system_texts(body: object) -> list[str]:
    """Texts sent in the system (instructions) slot of a recorded body."""
    instructions = body.get("instructions") if isinstance(body, dict) else None
    roles = [str(item.get("content")) for item in _input_items(body) if item.get("role") in ("system", "developer")]
    return ([instructions] if isinstance(instructions, str) else []) + roles


def output_cap(body: object) -> object:
    return body.get("max_output_tokens") if isinstance(body, dict) else None


def model(body: object) -> object:
    return body.get("model") if isinstance(body, dict) else None


def received_key(headers: dict[str, str]) -> str:
    return headers.get("authorization", "").removeprefix("Bearer ")
