"""What each provider layer implements in `app/ai/provider.py`."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ProviderResult:
    text: str
    request_id: str | None = None


@dataclass(frozen=True)
class Provider:
    """A provider's name and its one call. `complete` gets input that is already
    validated; the SDK client lives only in its closure, never in an attribute."""

    name: str
    complete: Callable[[str], ProviderResult]
