from collections.abc import Iterator

import pytest

from tests.support.fake_provider import FakeProvider


@pytest.fixture(scope="session")
def _fake_provider_server() -> Iterator[FakeProvider]:
    fake = FakeProvider()
    fake.start()
    yield fake
    fake.close()


@pytest.fixture
def fake_provider(_fake_provider_server: FakeProvider) -> FakeProvider:
    """The session's fake provider on 127.0.0.1, reset: no requests, answering ok."""
    _fake_provider_server.reset()
    return _fake_provider_server
