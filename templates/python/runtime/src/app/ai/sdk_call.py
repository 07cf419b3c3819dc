"""What every provider does around its one SDK call, so the three stay alike."""

from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from app.ai.errors import AiError, SdkErrors, to_ai_error

T = TypeVar("T")

# Raised by the SDK for a 200 it cannot parse (invalid JSON, a body of the wrong type).
# ValidationError is a ValueError; it is named for the reader.
_PARSE_ERRORS = (ValueError, TypeError, ValidationError)
# Raised when reading a reply out of a parsed response whose fields are missing or of
# another type: the SDKs build response objects without validating them.
_SHAPE_ERRORS = (AttributeError, IndexError, KeyError, TypeError, ValueError)


def call_sdk(send: Callable[[], T], sdk: SdkErrors) -> T:
    """Returns what `send` (one SDK call, nothing else) returns.

    An SDK error becomes the matching AiError; a response the SDK could not parse
    becomes kind "upstream". Either is raised here, outside the except block and from
    None, so the original error (whose message can echo the key, the prompt or the
    body) is neither the cause nor the context of what callers see.
    """
    try:
        return send()
    except sdk.api_error as error:
        failure = to_ai_error(error, sdk)
    except _PARSE_ERRORS:
        failure = AiError("upstream")
    raise failure from None


def reply_text(read: Callable[[], object]) -> str:
    """The reply text that `read` takes out of a parsed response. A reply that cannot be
    read or is not text (an object, a number) is kind "upstream": never printed as it is."""
    try:
        value = read()
    except _SHAPE_ERRORS:
        value = None
    if not isinstance(value, str):
        raise AiError("upstream")
    return value
