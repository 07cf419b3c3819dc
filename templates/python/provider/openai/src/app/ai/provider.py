"""OpenAI through the Responses API."""

from openai import APIConnectionError, APIError, APITimeoutError, DefaultHttpxClient, OpenAI

from app.ai.errors import SdkErrors
from app.ai.sdk_call import call_sdk, reply_text
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
        **sdk_limits(settings, DefaultHttpxClient),
    )

    def complete(text: str) -> ProviderResult:
        response = call_sdk(
            lambda: client.responses.create(
                model=settings.model,
                instructions=SYSTEM_PROMPT,
                input=[{"role": "user", "content": text}],
                max_output_tokens=settings.ai_max_output_tokens,
                # Prompts are not kept on OpenAI's side for later retrieval.
                store=False,
            ),
            _SDK_ERRORS,
        )
        reply = reply_text(lambda: response.output_text)
        return ProviderResult(text=reply, request_id=getattr(response, "_request_id", None))

    return Provider(name="openai", complete=complete)
