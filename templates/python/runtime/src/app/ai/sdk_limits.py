"""The SDK options every provider sets the same way."""

from typing import TypedDict

import httpx2

from app.ai.http_client import guarded_http_client
from app.config.settings import Settings


class SdkLimits(TypedDict):
    timeout: float
    max_retries: int
    http_client: httpx2.Client


def sdk_limits(settings: Settings, sdk_default_client: type[httpx2.Client]) -> SdkLimits:
    """The official SDKs default to a 10-minute timeout, 2 retries and following
    redirects; ours come from the validated settings instead. `timeout` bounds
    connecting and each read or write. The HTTP client, built on the SDK's own
    `DefaultHttpxClient` (passed in), follows no redirect and cuts a response still
    arriving after AI_TIMEOUT_MS, so a trickling provider times out too (see
    app.ai.http_client)."""
    client = guarded_http_client(sdk_default_client, settings.ai_timeout_ms / 1000)
    return {"timeout": settings.ai_timeout_ms / 1000, "max_retries": settings.ai_max_retries, "http_client": client}
