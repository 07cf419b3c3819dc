import io

import pytest

from app.ai.client import create_ai
from app.config.settings import load_settings
from app.log.logger import get_logger
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider


def test_openai_account_variables_are_not_sent_to_a_third_party(
    fake_provider: FakeProvider, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The SDK reads these from the environment on its own; this server is not OpenAI.
    monkeypatch.setenv("OPENAI_ORG_ID", "org-should-stay-private")
    monkeypatch.setenv("OPENAI_PROJECT_ID", "proj-should-stay-private")
    settings = load_settings(fake_provider_env(fake_provider))
    create_ai(settings, get_logger("silent", stream=io.StringIO())).complete("hello")
    headers = fake_provider.requests[0].headers
    assert "openai-organization" not in headers
    assert "openai-project" not in headers
