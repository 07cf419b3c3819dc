"""An OpenAI-compatible server through Chat Completions, the API such servers implement."""

from openai import APIConnectionError, APIError, APITimeoutError, OpenAI

from app.ai.errors import SdkErrors, to_ai_error
from app.ai.sdk_limits import sdk_limits
from app.ai.system_prompt import SYSTEM_PROMPT
from app.ai.types import Provider, ProviderResult
from app.config.settings import Settings

_SDK_ERRORS = SdkErrors(api_error=APIError, connection_error=APIConnectionError, timeout_error=APITimeoutError)


def create_provider(settings: Settings) -> Provider:
    """The SDK client keeps the key as a public attribute, so it lives only in this
    closure: never returned, stored on an object or logged."""
    client = OpenAI(
        api_key=settings.api_key.get_secret_value(),
        base_url=settings.base_url,
        **sdk_limits(settings),
    )
    # The SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID when given None, and would send
    # them to a third party; None set afterwards means no such header at all.
    client.organization = None
    client.project = None

    def complete(text: str) -> ProviderResult:
        try:
            completion = client.chat.completions.create(
                model=settings.model,
                messages=[
                    {"role": "system", "content": SYSTEM_PROMPT},
                    {"role": "user", "content": text},
                ],
                # `max_tokens`, not `max_completion_tokens`: the one Ollama and vLLM read.
                max_tokens=settings.ai_max_output_tokens,
            )
        except APIError as error:
            failure = to_ai_error(error, _SDK_ERRORS)
        else:
            choice = completion.choices[0] if completion.choices else None
            text_out = choice.message.content if choice is not None else None
            return ProviderResult(text=text_out or "", request_id=completion._request_id)
        # Raised here, outside the except block, so the SDK error (whose message can
        # echo the key) is neither the cause nor the context of what callers see.
        raise failure from None

    return Provider(name="openai-compatible", complete=complete)
