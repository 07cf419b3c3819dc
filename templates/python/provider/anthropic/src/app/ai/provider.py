"""Anthropic through the Messages API."""

from anthropic import Anthropic, APIConnectionError, APIError, APITimeoutError, DefaultHttpxClient

from app.ai.errors import SdkErrors
from app.ai.sdk_call import call_sdk, reply_text
from app.ai.sdk_limits import sdk_limits
from app.ai.system_prompt import SYSTEM_PROMPT
from app.ai.types import Provider, ProviderResult
from app.config.settings import Settings

_SDK_ERRORS = SdkErrors(api_error=APIError, connection_error=APIConnectionError, timeout_error=APITimeoutError)
# Passed explicitly: with base_url=None the SDK would read ANTHROPIC_BASE_URL itself, unvalidated.
_DEFAULT_BASE_URL = "https://api.anthropic.com"


def create_provider(settings: Settings) -> Provider:
    """The SDK client keeps the key as a public attribute, so it lives only in this
    closure: never returned, stored on an object or logged."""
    # An explicit api_key also stops the SDK from looking for other credentials
    # (ANTHROPIC_AUTH_TOKEN, profiles, workload identity).
    client = Anthropic(
        api_key=settings.api_key.get_secret_value(),
        base_url=settings.base_url or _DEFAULT_BASE_URL,
        **sdk_limits(settings, DefaultHttpxClient),
    )

    def complete(text: str) -> ProviderResult:
        message = call_sdk(
            lambda: client.messages.create(
                model=settings.model,
                system=SYSTEM_PROMPT,
                messages=[{"role": "user", "content": text}],
                max_tokens=settings.ai_max_output_tokens,
            ),
            _SDK_ERRORS,
        )
        reply = reply_text(lambda: "".join(block.text for block in message.content if block.type == "text"))
        return ProviderResult(text=reply, request_id=getattr(message, "_request_id", None))

    return Provider(name="anthropic", complete=complete)
