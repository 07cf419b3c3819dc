import io

from app.ai.client import create_ai
from app.config.settings import load_settings
from app.log.logger import get_logger
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider


def test_prompts_are_not_stored_on_the_provider_side(fake_provider: FakeProvider) -> None:
    settings = load_settings(fake_provider_env(fake_provider))
    create_ai(settings, get_logger("silent", stream=io.StringIO())).complete("hello")
    body = fake_provider.requests[0].body
    assert isinstance(body, dict)
    assert body["store"] is False
