"""Replaces secrets in anything about to be logged: by field name and by value shape."""

import dataclasses
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

REDACTED = "[REDACTED]"

# Field names whose values are secrets, compared after lower-casing and removing `-`
# and `_` (so `x-api-key`, `OPENAI_API_KEY` and `apiKey` all match). `token(?!s)`
# keeps counters such as `max_output_tokens` readable.
_SECRET_FIELD = re.compile(r"authorization|apikey|privatekey|token(?!s)|secret|passw(or)?d|cookie|credential|session")

# Values that look like keys wherever they appear, even inside an error message.
_SECRET_VALUES = (
    re.compile(r"\bsk-[A-Za-z0-9_-]{16,}"),  # OpenAI (sk-, sk-proj-) and Anthropic (sk-ant-) keys
    re.compile(r"\bBearer\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE),
    re.compile(r"\b(?:gh[pousr]_|github_pat_|xox[abpr]-|AIza|AKIA)[A-Za-z0-9_-]{12,}"),
)
# `name: value` / `name=value` inside text (dict reprs, headers, env lines): the value
# of a secret-named field is replaced even when it has no known shape.
_NAMED_VALUE = re.compile(
    r"(?P<name>[A-Za-z][\w.-]*)(?P<quote>[\"']?)(?P<sep>\s*[:=]\s*)(?P<open>[\"']?)"
    r"(?P<value>(?!\[)(?:Bearer\s+)?[^\s\"',;})\]]+)"
)
# A long run of mixed-case letters and digits is a token, not a word. Lower-case hex
# is left alone so UUIDs and request ids stay readable.
_LONG_TOKEN = re.compile(r"[A-Za-z0-9_+=-]{32,}")

_MAX_DEPTH = 8
# Error attributes worth keeping; SDK errors also carry the response body and
# headers as attributes, which are dropped.
_ERROR_FIELDS = ("kind", "code", "status_code", "upstream_status", "request_id", "input_problem")


def _looks_random(run: str) -> bool:
    return any(c.islower() for c in run) and any(c.isupper() for c in run) and any(c.isdigit() for c in run)


def is_secret_field(name: str) -> bool:
    return bool(_SECRET_FIELD.search(name.lower().replace("-", "").replace("_", "")))


def _named_value(match: re.Match[str]) -> str:
    if not is_secret_field(match["name"]):
        return match[0]
    return f"{match['name']}{match['quote']}{match['sep']}{match['open']}{REDACTED}"


def redact_string(text: str) -> str:
    out = text
    for pattern in _SECRET_VALUES:
        out = pattern.sub(REDACTED, out)
    out = _NAMED_VALUE.sub(_named_value, out)
    return _LONG_TOKEN.sub(lambda match: REDACTED if _looks_random(match[0]) else match[0], out)


def _redact_error(error: BaseException) -> dict[str, Any]:
    # Only type and message: tracebacks are noise in logs.
    out: dict[str, Any] = {"name": type(error).__name__, "message": redact_string(str(error))}
    for field in _ERROR_FIELDS:
        value = getattr(error, field, None)
        if isinstance(value, str):
            out[field] = redact_string(value)
        elif isinstance(value, int) and not isinstance(value, bool):
            out[field] = value
    return out


def redact(value: object, _ancestors: frozenset[int] = frozenset(), _depth: int = 0) -> Any:
    """Returns a JSON-safe copy with secret fields and key-shaped strings replaced; cycle-safe."""
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return redact_string(value)
    if isinstance(value, (bytes, bytearray)):
        return redact_string(bytes(value).decode("utf-8", "replace"))
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if id(value) in _ancestors:
        return "[Circular]"
    if _depth >= _MAX_DEPTH:
        return "[Truncated]"
    ancestors = _ancestors | {id(value)}
    if isinstance(value, BaseException):
        return _redact_error(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {
            str(key): REDACTED if is_secret_field(str(key)) else redact(item, ancestors, _depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, (list, tuple, set, frozenset)):
        return [redact(item, ancestors, _depth + 1) for item in value]
    # Anything else as text (pydantic's SecretStr prints as asterisks).
    return redact_string(str(value))
