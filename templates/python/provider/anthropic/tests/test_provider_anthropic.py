import io

import pytest

from app.ai.client import create_ai
from app.config.settings import load_settings
from app.log.logger import get_logger
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider


def test_only_the_configured_key_is_sent(fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch) -> None:
    # The SDK would otherwise also send ANTHROPIC_AUTH_TOKEN as a bearer token.
    monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "token-from-the-environment")
    settings = load_settings(fake_provider_env(fake_provider))
    create_ai(settings, get_logger("silent", stream=io.StringIO())).complete("hello")
    headers = fake_provider.requests[0].headers
    assert headers["x-api-key"] == settings.api_key.get_secret_value()
    assert "authorization" not in headers
