"""Anthropic through the Messages API."""

from anthropic import Anthropic, APIConnectionError, APIError, APITimeoutError

from app.ai.errors import SdkErrors, to_ai_error
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
        **sdk_limits(settings),
    )

    def complete(text: str) -> ProviderResult:
        try:
            message = client.messages.create(
                model=settings.model,
                system=SYSTEM_PROMPT,
                messages=[{"role": "user", "content": text}],
                max_tokens=settings.ai_max_output_tokens,
            )
        except APIError as error:
            failure = to_ai_error(error, _SDK_ERRORS)
        else:
            reply = "".join(block.text for block in message.content if block.type == "text")
            return ProviderResult(text=reply, request_id=message._request_id)
        # Raised here, outside the except block, so the SDK error (whose message can
        # echo the key) is neither the cause nor the context of what callers see.
        raise failure from None

    return Provider(name="anthropic", complete=complete)
