"""What a client may learn when something goes wrong: a code, a fixed message and
the request id. Auth problems are ours to fix, not the caller's, so they look like
any other upstream failure; no upstream text is ever copied."""

import json
from dataclasses import dataclass, field
from typing import Literal

from app.ai.errors import AiError, AiErrorKind
from app.http.policy import DEFAULT_RETRY_AFTER_SECONDS

ErrorCode = Literal[
    "invalid_input",
    "input_too_long",
    "invalid_json",
    "payload_too_large",
    "unsupported_media_type",
    "bad_request",
    "not_found",
    "rate_limited",
    "ai_timeout",
    "ai_unavailable",
    "ai_error",
    "internal_error",
]

PUBLIC_ERRORS: dict[ErrorCode, tuple[int, str]] = {
    "invalid_input": (400, "The message must be non-empty text without control characters."),
    "input_too_long": (413, "The message is too long."),
    "invalid_json": (400, "The request body must be valid JSON."),
    "payload_too_large": (413, "The request body is too large."),
    "unsupported_media_type": (415, "The request body must be JSON (Content-Type: application/json)."),
    "bad_request": (400, "The request could not be read."),
    "not_found": (404, "Not found."),
    "rate_limited": (429, "Too many requests. Try again later."),
    "ai_timeout": (504, "The AI service did not answer in time."),
    "ai_unavailable": (503, "The AI service is unavailable right now."),
    "ai_error": (502, "The AI service could not complete the request."),
    "internal_error": (500, "Something went wrong."),
}

_CODE_FOR_KIND: dict[AiErrorKind, ErrorCode] = {
    "invalid_input": "invalid_input",
    "auth": "ai_error",
    "rate_limited": "rate_limited",
    "timeout": "ai_timeout",
    "unavailable": "ai_unavailable",
    "upstream": "ai_error",
}


@dataclass(frozen=True)
class HttpResponse:
    """A complete answer any framework adapter can send: `body` None means no body."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: dict[str, object] | None = None

    def content(self) -> bytes:
        return b"" if self.body is None else encode_json(self.body)


def encode_json(body: object) -> bytes:
    """The one JSON encoding every response uses, whatever the framework."""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class HttpProblem(Exception):
    """A request we refuse with one of our codes (a body too large, not JSON, ...)."""

    def __init__(self, code: ErrorCode) -> None:
        self.code: ErrorCode = code
        super().__init__(code)


def error_response(code: ErrorCode, request_id: str, retry_after_seconds: int | None = None) -> HttpResponse:
    status, message = PUBLIC_ERRORS[code]
    headers = {"Cache-Control": "no-store"}
    if code == "rate_limited":
        headers["Retry-After"] = str(retry_after_seconds or DEFAULT_RETRY_AFTER_SECONDS)
    return HttpResponse(status, headers, {"error": {"code": code, "message": message}, "requestId": request_id})


def code_for_status(status: int) -> ErrorCode:
    """For a framework's own HTTP errors, whose messages may quote the request: only
    the status is used. A wrong method is a 404, as in the Node variants."""
    known: dict[int, ErrorCode] = {
        404: "not_found",
        405: "not_found",
        413: "payload_too_large",
        415: "unsupported_media_type",
        429: "rate_limited",
    }
    if status in known:
        return known[status]
    return "bad_request" if 400 <= status < 500 else "internal_error"


def error_code_for(error: BaseException) -> ErrorCode:
    """What is not ours or an AiError is an internal error."""
    if isinstance(error, HttpProblem):
        return error.code
    if not isinstance(error, AiError):
        return "internal_error"
    if error.input_problem == "too_long":
        return "input_too_long"
    return _CODE_FOR_KIND[error.kind]


def error_response_for(error: BaseException, request_id: str) -> HttpResponse:
    """Any raised exception to a safe response: only our code, never its message."""
    retry_after = error.retry_after_seconds if isinstance(error, AiError) else None
    return error_response(error_code_for(error), request_id, retry_after)
