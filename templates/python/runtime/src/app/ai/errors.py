"""The one error the AI module raises, and the mapping from SDK errors to it."""

import math
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Literal, get_args

from app.log.redact import redact_string

AiErrorKind = Literal["invalid_input", "auth", "rate_limited", "timeout", "unavailable", "upstream"]
AI_ERROR_KINDS: tuple[AiErrorKind, ...] = get_args(AiErrorKind)

# Why input was refused; lets an HTTP layer answer 413 for "too_long".
InputProblem = Literal["not_text", "empty", "too_long", "control_chars"]

# Fixed texts: upstream messages can echo the API key (OpenAI's 401 does) or the
# prompt, so none of them is ever copied into an AiError.
MESSAGES: dict[AiErrorKind, str] = {
    "invalid_input": (
        "The input was rejected: it must be non-empty text within the size limit, without control characters."
    ),
    "auth": "The AI provider rejected the credentials. Check the API key variable.",
    "rate_limited": "The AI provider is rate limiting requests. Try again later.",
    "timeout": "The AI provider did not answer in time.",
    "unavailable": "The AI provider is unavailable right now.",
    "upstream": "The AI provider returned an unexpected error.",
}


# A provider's request id is echoed in logs and reprs: only a plain id is kept.
_REQUEST_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")
# The provider decides Retry-After; a client is told to wait at least a second and
# at most an hour, whatever it said.
RETRY_AFTER_MIN_SECONDS = 1
RETRY_AFTER_MAX_SECONDS = 3600


def plain_request_id(value: object) -> str | None:
    """`value` if it is a plain request id (letters, digits, `_.:-`, at most 128, not
    shaped like a key); otherwise None, so it is neither logged nor shown."""
    if not isinstance(value, str) or not _REQUEST_ID.fullmatch(value):
        return None
    return value if redact_string(value) == value else None


class AiError(Exception):
    """Holds a kind and a fixed message, never upstream text.

    `upstream_status` is the provider's HTTP status, for logs. It is not named
    `status`: a web framework could answer the client with it (a 401 meant for us).
    """

    def __init__(
        self,
        kind: AiErrorKind,
        *,
        upstream_status: int | None = None,
        request_id: str | None = None,
        retry_after_seconds: int | None = None,
        input_problem: InputProblem | None = None,
    ) -> None:
        self.kind: AiErrorKind = kind
        self.message = MESSAGES[kind]
        self.upstream_status = upstream_status
        self.request_id = plain_request_id(request_id)
        self.retry_after_seconds = retry_after_seconds
        self.input_problem = input_problem
        super().__init__(self.message)

    def __repr__(self) -> str:
        details = ", ".join(
            f"{name}={value!r}"
            for name, value in (
                ("upstream_status", self.upstream_status),
                ("request_id", self.request_id),
                ("retry_after_seconds", self.retry_after_seconds),
                ("input_problem", self.input_problem),
            )
            if value is not None
        )
        return f"AiError({self.kind!r}{', ' + details if details else ''})"

    def __reduce__(self) -> tuple[object, ...]:
        # Keyword-only details: pickling and copy need to be told how to rebuild.
        return (
            _rebuild,
            (self.kind, self.upstream_status, self.request_id, self.retry_after_seconds, self.input_problem),
        )


def _rebuild(
    kind: AiErrorKind,
    upstream_status: int | None,
    request_id: str | None,
    retry_after_seconds: int | None,
    input_problem: InputProblem | None,
) -> AiError:
    return AiError(
        kind,
        upstream_status=upstream_status,
        request_id=request_id,
        retry_after_seconds=retry_after_seconds,
        input_problem=input_problem,
    )


@dataclass(frozen=True)
class SdkErrors:
    """The error classes every Stainless-generated SDK (openai, anthropic) exports."""

    api_error: type[Exception]
    connection_error: type[Exception]
    timeout_error: type[Exception]


def _retry_after_seconds(headers: object) -> int | None:
    seconds = _provider_retry_after(headers)
    if seconds is None:
        return None
    return min(max(seconds, RETRY_AFTER_MIN_SECONDS), RETRY_AFTER_MAX_SECONDS)


def _provider_retry_after(headers: object) -> int | None:
    get = getattr(headers, "get", None)
    if get is None:
        return None
    try:
        ms = float(get("retry-after-ms") or "nan")
    except ValueError:
        ms = math.nan
    if math.isfinite(ms) and ms > 0:
        return math.ceil(ms / 1000)
    raw = get("retry-after")
    if not isinstance(raw, str):
        return None
    if re.fullmatch(r"[0-9]{1,18}", raw.strip()):
        return int(raw)
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    seconds = (when - datetime.now(timezone.utc)).total_seconds()
    return math.ceil(seconds) if seconds >= 0 else None


def _kind_for_status(status: int | None) -> AiErrorKind:
    if status in (401, 403):
        return "auth"
    if status == 429:
        return "rate_limited"
    if status in (408, 504):
        return "timeout"
    if status is not None and status >= 500:
        return "unavailable"
    return "upstream"


def to_ai_error(error: BaseException, sdk: SdkErrors) -> AiError:
    """Maps an SDK error (an instance of `sdk.api_error`) to an AiError.

    Providers catch only `sdk.api_error`: anything else (a bug in our code) propagates
    unchanged. Keeps the status and request id, drops the message, body and headers.
    Raise the result outside the `except` block (and `from None`), so the SDK error is
    neither its __cause__ nor its __context__.
    """
    if isinstance(error, AiError):
        return error
    if isinstance(error, sdk.timeout_error):
        return AiError("timeout")
    if isinstance(error, sdk.connection_error):
        return AiError("unavailable")
    raw_status = getattr(error, "status_code", None)
    status = raw_status if isinstance(raw_status, int) else None
    raw_request_id = getattr(error, "request_id", None)
    kind = _kind_for_status(status)
    headers = getattr(getattr(error, "response", None), "headers", None)
    return AiError(
        kind,
        upstream_status=status,
        request_id=plain_request_id(raw_request_id),
        retry_after_seconds=_retry_after_seconds(headers) if kind == "rate_limited" else None,
    )
