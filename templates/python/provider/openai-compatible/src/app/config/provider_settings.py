from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings

from app.config.fields import BaseUrl, ModelName, base_url, model_name


# Any server that speaks the OpenAI Chat Completions API (Ollama, vLLM, LM Studio,
# gateways). There is no sensible default endpoint or model, so both are required.
class ProviderSettings(BaseSettings):
    # Servers that ignore keys (such as Ollama) accept any non-empty value.
    api_key: SecretStr = Field(validation_alias="AI_API_KEY", description="is required")
    base_url: BaseUrl = base_url("AI_BASE_URL", required=True)
    model: ModelName = model_name("AI_MODEL")
