"""What each provider layer implements in `app/ai/provider.py`."""

from collections.abc import Callable
from dataclasses import dataclass

from app.ai.errors import plain_request_id


@dataclass(frozen=True)
class ProviderResult:
    text: str
    # The provider's request id, for logs; anything but a plain id is dropped.
    request_id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "request_id", plain_request_id(self.request_id))


@dataclass(frozen=True)
class Provider:
    """A provider's name and its one call. `complete` gets input that is already
    validated. The SDK client (which holds the key) lives in its closure, out of every
    attribute, repr and log line, so printing, logging or serializing the AI object
    cannot show it. Python code that goes looking (`__closure__`) can still reach it:
    this keeps the key from leaking by accident, it is no wall against code in the
    same process."""

    name: str
    complete: Callable[[str], ProviderResult]
