"""POST /api/chat for any framework: the adapters read the body through BodyBuffer
and hand the bytes here. The AI module validates `message` (type, size,
characters), so there is one set of rules."""

import json
import re

from app.ai.client import SecureAi
from app.http.error_response import HttpProblem
from app.http.policy import JSON_BODY_LIMIT_BYTES

_JSON_CONTENT_TYPE = re.compile(r"application/json\s*(;|$)", re.IGNORECASE)


def require_json_content_type(content_type: str | None) -> None:
    """A text/plain POST needs no CORS preflight, so any web page could send one to a
    server on the developer's machine: only application/json is read."""
    if not content_type or not _JSON_CONTENT_TYPE.match(content_type.strip()):
        raise HttpProblem("unsupported_media_type")


class BodyBuffer:
    """Collects a request body and refuses it (413) as soon as it outgrows the limit,
    so neither a declared nor a streamed size makes us hold more than that."""

    def __init__(self, content_length: str | int | None, limit: int = JSON_BODY_LIMIT_BYTES) -> None:
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0
        declared = str(content_length).strip() if content_length is not None else ""
        if declared:
            if not declared.isdigit():
                raise HttpProblem("bad_request")
            if int(declared) > limit:
                raise HttpProblem("payload_too_large")

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._limit:
            raise HttpProblem("payload_too_large")
        self._chunks.append(chunk)

    def bytes(self) -> bytes:
        return b"".join(self._chunks)


def parse_json(raw: bytes) -> object:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        pass
    # Raised outside the except block: the parser's error quotes the body.
    raise HttpProblem("invalid_json")


def handle_chat(ai: SecureAi, raw_body: bytes, request_id: str) -> dict[str, str]:
    body = parse_json(raw_body)
    message = body.get("message") if isinstance(body, dict) else None
    return {"reply": ai.complete(message), "requestId": request_id}
