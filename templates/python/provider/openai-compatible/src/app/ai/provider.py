"""An OpenAI-compatible server through Chat Completions, the API such servers implement."""

from openai import APIConnectionError, APIError, APITimeoutError, DefaultHttpxClient, OpenAI
from openai.types.chat import ChatCompletion

from app.ai.errors import SdkErrors
from app.ai.sdk_call import call_sdk, reply_text
from app.ai.sdk_limits import sdk_limits
from app.ai.system_prompt import SYSTEM_PROMPT
from app.ai.types import Provider, ProviderResult
from app.config.settings import Settings

_SDK_ERRORS = SdkErrors(api_error=APIError, connection_error=APIConnectionError, timeout_error=APITimeoutError)


def _content(completion: ChatCompletion) -> object:
    content = completion.choices[0].message.content
    # null: the model wrote no text (a refusal, or every token spent on reasoning).
    return "" if content is None else content


def create_provider(settings: Settings) -> Provider:
    """The SDK client keeps the key as a public attribute, so it lives only in this
    closure: never returned, stored on an object or logged."""
    client = OpenAI(
        api_key=settings.api_key.get_secret_value(),
        base_url=settings.base_url,
        **sdk_limits(settings, DefaultHttpxClient),
    )
    # The SDK reads OPENAI_ORG_ID / OPENAI_PROJECT_ID when given None, and would send
    # them to a third party; None set afterwards means no such header at all.
    client.organization = None
    client.project = None

    def complete(text: str) -> ProviderResult:
        completion = call_sdk(
            lambda: client.chat.completions.create(
                model=settings.model,
                messages=[
                    {"role": "system", "content": SYSTEM_PROMPT},
                    {"role": "user", "content": text},
                ],
                # `max_tokens`, not `max_completion_tokens`: the one Ollama and vLLM read.
                max_tokens=settings.ai_max_output_tokens,
            ),
            _SDK_ERRORS,
        )
        reply = reply_text(lambda: _content(completion))
        return ProviderResult(text=reply, request_id=getattr(completion, "_request_id", None))

    return Provider(name="openai-compatible", complete=complete)
