"""What only the FastAPI variant needs; the server layer's tests cover the rest."""

from pathlib import Path

import pytest

from app.config.settings import ConfigError, load_settings
from app.http.uvicorn_server import server_config
from app.server import create_app
from tests.support.app_contract import patched_environ
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.sentinel import SENTINEL, assert_no_sentinel


def test_no_interactive_docs_or_schema_and_no_debug(fake_provider: FakeProvider) -> None:
    app = create_app(load_settings(fake_provider_env(fake_provider)))
    assert app.debug is False
    assert (app.docs_url, app.redoc_url, app.openapi_url) == (None, None, None)


def test_uvicorn_trusts_no_proxy_headers_and_names_no_server(fake_provider: FakeProvider) -> None:
    config = server_config(create_app(load_settings(fake_provider_env(fake_provider))), "127.0.0.1", 0)
    assert config.proxy_headers is False
    assert config.server_header is False
    assert config.access_log is False


def test_create_app_without_settings_reads_the_environment_and_fails_safely(
    fake_provider: FakeProvider, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    with patched_environ(fake_provider_env(fake_provider)):
        assert create_app().router is not None
    with patched_environ(fake_provider_env(fake_provider, {"PORT": SENTINEL})), pytest.raises(ConfigError) as caught:
        create_app()
    assert_no_sentinel(str(caught.value), "ConfigError")
