"""The app's only way to call the AI."""

import logging
import time

from app.ai.errors import AiError
from app.ai.input import validate_input
from app.ai.provider import create_provider
from app.ai.types import Provider
from app.config.settings import Settings
from app.log.logger import get_logger, pin_sdk_loggers


class SecureAi:
    """Input is checked before the provider is touched; logs carry kind, status and
    request id, never the prompt or reply. Holds no SDK client as an attribute: that
    lives in the provider's closure (see Provider), out of reprs and logs."""

    __slots__ = ("_logger", "_max_input_chars", "_provider")

    def __init__(self, provider: Provider, max_input_chars: int, logger: logging.Logger) -> None:
        self._provider = provider
        self._max_input_chars = max_input_chars
        self._logger = logger

    def __repr__(self) -> str:
        return f"SecureAi(provider={self._provider.name!r})"

    def complete(self, user_input: object) -> str:
        """Returns the reply text; raises AiError (or, for a bug, anything else).

        An AiError is logged here ("ai.error"). Anything else is left to the caller, who
        logs it once with its own context (the CLI's "main.unexpected_error", the
        server's "http.error"), so a bug is not logged twice.
        """
        started = time.monotonic()
        fields: dict[str, object] = {"provider": self._provider.name}
        try:
            text = validate_input(user_input, self._max_input_chars)
            result = self._provider.complete(text)
        except AiError as error:
            fields.update(
                kind=error.kind,
                upstream_status=error.upstream_status,
                request_id=error.request_id,
                input_problem=error.input_problem,
            )
            self._logger.warning("ai.error", extra=_with_duration(fields, started))
            raise
        self._logger.info("ai.complete", extra=_with_duration({**fields, "request_id": result.request_id}, started))
        return result.text


def _with_duration(fields: dict[str, object], started: float) -> dict[str, object]:
    present = {key: value for key, value in fields.items() if value is not None}
    return {**present, "duration_ms": round((time.monotonic() - started) * 1000)}


def create_ai(settings: Settings, logger: logging.Logger | None = None) -> SecureAi:
    """Builds the provider from validated settings; logs go to `logger` (default: get_logger)."""
    provider = create_provider(settings)
    # The SDK is imported by now: undo any OPENAI_LOG / ANTHROPIC_LOG it applied.
    pin_sdk_loggers()
    return SecureAi(provider, settings.ai_max_input_chars, logger or get_logger(settings.log_level))
