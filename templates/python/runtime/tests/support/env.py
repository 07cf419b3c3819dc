import os
from collections.abc import Mapping

from tests.support import provider_shape as shape
from tests.support.fake_provider import FakeProvider


def fake_provider_env(fake: FakeProvider, overrides: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """A complete, valid environment pointing the real SDK at the fake provider, with the
    sentinel as the key. Retries are off so each test counts calls exactly. A None
    override removes the variable."""
    env: dict[str, str | None] = {
        shape.KEY_ENV: shape.KEY_SENTINEL,
        shape.BASE_URL_ENV: fake.url + shape.BASE_URL_SUFFIX,
        "AI_TIMEOUT_MS": "5000",
        "AI_MAX_RETRIES": "0",
        "LOG_LEVEL": "debug",
        **shape.REQUIRED_ENV,
        **(overrides or {}),
    }
    return {key: value for key, value in env.items() if value is not None}


def child_env(variables: Mapping[str, str]) -> dict[str, str]:
    """For child processes: only what Python needs to start, never the developer's own
    environment (which may hold a real key)."""
    base = {name: os.environ[name] for name in ("PATH", "SYSTEMROOT") if name in os.environ}
    return {**base, "PYTHONUTF8": "1", **variables}
