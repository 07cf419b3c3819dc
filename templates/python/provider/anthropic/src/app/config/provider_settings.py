from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings

from app.config.fields import ModelName, OptionalBaseUrl, base_url, model_name


class ProviderSettings(BaseSettings):
    api_key: SecretStr = Field(validation_alias="ANTHROPIC_API_KEY", description="is required")
    # Unset means the SDK's default endpoint; set it for a proxy or a local fake.
    base_url: OptionalBaseUrl = base_url("ANTHROPIC_BASE_URL")
    model: ModelName = model_name("AI_MODEL", "claude-haiku-4-5")
