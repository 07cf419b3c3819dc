"""The SDK options every provider sets the same way."""

from typing import TypedDict

from app.config.settings import Settings


class SdkLimits(TypedDict):
    timeout: float
    max_retries: int


def sdk_limits(settings: Settings) -> SdkLimits:
    """The official SDKs default to a 10-minute timeout and 2 retries; ours come from
    the validated settings instead. httpx applies the timeout to connecting and to each
    read, so a provider that sends nothing for that long fails with kind "timeout"."""
    return {"timeout": settings.ai_timeout_ms / 1000, "max_retries": settings.ai_max_retries}
