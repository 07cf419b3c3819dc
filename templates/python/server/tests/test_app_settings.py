"""HOST, PORT, CORS_ORIGINS and RATE_LIMIT_PER_MINUTE: defaults, bounds, and errors
that name the variable, never its value."""

import pytest

from app.config.settings import ConfigError, Settings, load_settings
from tests.support import provider_shape as shape
from tests.support.sentinel import SENTINEL, assert_no_sentinel


def env(**overrides: str) -> dict[str, str]:
    return {
        shape.KEY_ENV: SENTINEL,
        shape.BASE_URL_ENV: "https://api.example.com/v1",
        **shape.REQUIRED_ENV,
        **overrides,
    }


def rejects(variable: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env(**{variable: value}))
    assert caught.value.variables == (variable,)
    assert_no_sentinel(str(caught.value), f"error for {variable}")


def test_server_defaults_are_loopback_port_3000_no_cors_origins_20_requests_a_minute() -> None:
    settings: Settings = load_settings(env())
    assert settings.host == "127.0.0.1"
    assert settings.port == 3000
    assert settings.cors_origins == ()
    assert settings.rate_limit_per_minute == 20


def test_port_and_rate_limit_are_bounded() -> None:
    assert load_settings(env(PORT="0")).port == 0
    assert load_settings(env(PORT="65535")).port == 65_535
    for bad in ("65536", "-1", "http", "3000.5", SENTINEL):
        rejects("PORT", bad)
    assert load_settings(env(RATE_LIMIT_PER_MINUTE="10000")).rate_limit_per_minute == 10_000
    for bad in ("0", "10001", SENTINEL):
        rejects("RATE_LIMIT_PER_MINUTE", bad)


def test_host_takes_an_address_or_a_host_name() -> None:
    for good in ("::", "10.0.0.5", "::1", "localhost", "api.internal"):
        assert load_settings(env(HOST=good)).host == good
    for bad in ("http://localhost", "local host", "-x", SENTINEL + "/"):
        rejects("HOST", bad)


def test_cors_origins_takes_exact_origins_only_never_a_wildcard() -> None:
    settings = load_settings(env(CORS_ORIGINS="https://app.example.com, http://localhost:5173,"))
    assert settings.cors_origins == ("https://app.example.com", "http://localhost:5173")
    assert load_settings(env(CORS_ORIGINS="http://[::1]:8080")).cors_origins == ("http://[::1]:8080",)
    assert load_settings(env(CORS_ORIGINS="  ")).cors_origins == ()
    for bad in (
        "*",
        "https://app.example.com/",
        "https://app.example.com/path",
        "app.example.com",
        "ftp://app.example.com",
        "https://APP.example.com",
        "https://app.example.com:443",
        "https://user@app.example.com",
        "null",
        f"https://{SENTINEL}.example.com/x",
    ):
        rejects("CORS_ORIGINS", bad)
