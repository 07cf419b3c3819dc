"""Limits every AI call shares, whatever the provider. SDK defaults are a 10-minute
timeout and (on OpenAI) no output cap; the bounds stop a typo from turning a limit off."""

from pydantic import Field
from pydantic_settings import BaseSettings

from app.config.fields import WholeNumber, whole_number
from app.log.logger import LOG_LEVELS, LogLevel


class AiSettings(BaseSettings):
    ai_timeout_ms: WholeNumber = whole_number("AI_TIMEOUT_MS", 30_000, 100, 120_000)
    ai_max_retries: WholeNumber = whole_number("AI_MAX_RETRIES", 2, 0, 5)
    ai_max_input_chars: WholeNumber = whole_number("AI_MAX_INPUT_CHARS", 4_000, 1, 100_000)
    ai_max_output_tokens: WholeNumber = whole_number("AI_MAX_OUTPUT_TOKENS", 1_024, 1, 32_768)
    log_level: LogLevel = Field(
        "info",
        validation_alias="LOG_LEVEL",
        description=f"must be one of {', '.join(LOG_LEVELS)}",
    )
