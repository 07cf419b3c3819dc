"""OpenAI through the Responses API."""

from openai import APIConnectionError, APIError, APITimeoutError, OpenAI

from app.ai.errors import SdkErrors, to_ai_error
from app.ai.sdk_limits import sdk_limits
from app.ai.system_prompt import SYSTEM_PROMPT
from app.ai.types import Provider, ProviderResult
from app.config.settings import Settings

_SDK_ERRORS = SdkErrors(api_error=APIError, connection_error=APIConnectionError, timeout_error=APITimeoutError)
# Passed explicitly: with base_url=None the SDK would read OPENAI_BASE_URL itself, unvalidated.
_DEFAULT_BASE_URL = "https://api.openai.com/v1"


def create_provider(settings: Settings) -> Provider:
    """The SDK client keeps the key as a public attribute, so it lives only in this
    closure: never returned, stored on an object or logged."""
    client = OpenAI(
        api_key=settings.api_key.get_secret_value(),
        base_url=settings.base_url or _DEFAULT_BASE_URL,
        **sdk_limits(settings),
    )

    def complete(text: str) -> ProviderResult:
        try:
            response = client.responses.create(
                model=settings.model,
                instructions=SYSTEM_PROMPT,
                input=[{"role": "user", "content": text}],
                max_output_tokens=settings.ai_max_output_tokens,
                # Prompts are not kept on OpenAI's side for later retrieval.
                store=False,
            )
        except APIError as error:
            failure = to_ai_error(error, _SDK_ERRORS)
        else:
            return ProviderResult(text=response.output_text, request_id=response._request_id)
        # Raised here, outside the except block, so the SDK error (whose message can
        # echo the key) is neither the cause nor the context of what callers see.
        raise failure from None

    return Provider(name="openai", complete=complete)
