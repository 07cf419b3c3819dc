import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.config.settings import ConfigError, Settings, env_names, load_settings
from tests.support import provider_shape as shape
from tests.support.sentinel import SENTINEL, assert_no_sentinel

KEY = shape.KEY_ENV
BASE_URL = shape.BASE_URL_ENV


def valid_env(**overrides: str | None) -> dict[str, str]:
    env: dict[str, str | None] = {
        KEY: shape.KEY_SENTINEL,
        BASE_URL: "https://api.example.com/v1",
        **shape.REQUIRED_ENV,
        **overrides,
    }
    return {key: value for key, value in env.items() if value is not None}


def expect_rejected(env: dict[str, str], variable: str) -> ConfigError:
    """Loading fails, names `variable`, and shows no value anywhere."""
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    error = caught.value
    assert variable in error.variables, f"{variable} not named in: {error}"
    assert re.search(rf"\b{variable}\b", str(error))
    assert error.__cause__ is None and error.__context__ is None, "the pydantic error (holding values) is attached"
    for view in (str(error), repr(error), repr(error.args)):
        assert_no_sentinel(view, f"ConfigError for {variable}")
    return error


def test_applies_the_documented_defaults_and_is_frozen() -> None:
    settings = load_settings(valid_env())
    assert settings.ai_timeout_ms == 30_000
    assert settings.ai_max_retries == 2
    assert settings.ai_max_input_chars == 4_000
    assert settings.ai_max_output_tokens == 1_024
    assert settings.log_level == "info"
    with pytest.raises(ValidationError):
        settings.ai_max_retries = 5  # type: ignore[misc]


def test_the_key_is_a_secret_everywhere_it_could_be_printed() -> None:
    settings = load_settings(valid_env())
    assert settings.api_key.get_secret_value() == shape.KEY_SENTINEL
    for view in (str(settings), repr(settings), settings.model_dump_json(), str(settings.model_dump())):
        assert_no_sentinel(view, "settings")


def test_lists_the_provider_and_common_variables() -> None:
    names = env_names()
    for name in (KEY, BASE_URL, "AI_MODEL", "AI_TIMEOUT_MS", "AI_MAX_RETRIES", "AI_MAX_INPUT_CHARS"):
        assert name in names
    assert "AI_MAX_OUTPUT_TOKENS" in names and "LOG_LEVEL" in names


@pytest.mark.parametrize("value", [None, "", "   "], ids=["missing", "empty", "blank"])
def test_a_missing_empty_or_blank_key_is_refused_by_name(value: str | None) -> None:
    error = expect_rejected(valid_env(**{KEY: value}), KEY)
    assert f"{KEY} is required" in str(error)


@pytest.mark.parametrize(
    "name", ["AI_TIMEOUT_MS", "AI_MAX_RETRIES", "AI_MAX_INPUT_CHARS", "AI_MAX_OUTPUT_TOKENS", "LOG_LEVEL"]
)
def test_invalid_values_holding_the_sentinel_are_named_never_echoed(name: str) -> None:
    expect_rejected(valid_env(**{name: SENTINEL}), name)


@pytest.mark.parametrize(
    "url",
    [f"http://evil.example/{SENTINEL}", SENTINEL, f"https://user:{SENTINEL}@api.example.com/v1"],
    ids=["http", "not-a-url", "credentials"],
)
def test_bad_base_urls_holding_the_sentinel_are_named_never_echoed(url: str) -> None:
    expect_rejected(valid_env(**{BASE_URL: url}), BASE_URL)


def test_every_bad_variable_is_named_at_once() -> None:
    error = expect_rejected(valid_env(**{KEY: "", "AI_TIMEOUT_MS": "0", "LOG_LEVEL": "loud"}), KEY)
    assert sorted(error.variables) == sorted([KEY, "AI_TIMEOUT_MS", "LOG_LEVEL"])


@pytest.mark.parametrize(
    "url",
    [
        "https://api.example.com/v1",
        "http://localhost:11434/v1",
        "http://127.0.0.1:8080",
        "http://127.9.8.7",
        "http://[::1]:8000/v1",
    ],
)
def test_https_or_loopback_http_base_urls_are_accepted(url: str) -> None:
    assert load_settings(valid_env(**{BASE_URL: url})).base_url == url


@pytest.mark.parametrize(
    "url",
    [
        "http://api.example.com/v1",
        "http://10.0.0.5/v1",
        "http://localhost.evil.example",
        "http://127.0.0.1.evil.example",
        "http://127.999.0.1",
        "ftp://127.0.0.1",
        "file:///etc/passwd",
        "https://",
        "https://api.example.com:99999",
        "https://api.example .com",
        "not a url",
    ],
)
def test_other_base_urls_are_refused(url: str) -> None:
    expect_rejected(valid_env(**{BASE_URL: url}), BASE_URL)


@pytest.mark.parametrize(
    ("name", "minimum", "maximum"),
    [
        ("AI_TIMEOUT_MS", 100, 120_000),
        ("AI_MAX_RETRIES", 0, 5),
        ("AI_MAX_INPUT_CHARS", 1, 100_000),
        ("AI_MAX_OUTPUT_TOKENS", 1, 32_768),
    ],
)
def test_numeric_limits_are_bounded(name: str, minimum: int, maximum: int) -> None:
    field = name.lower()
    assert getattr(load_settings(valid_env(**{name: str(minimum)})), field) == minimum
    assert getattr(load_settings(valid_env(**{name: f" {maximum} "})), field) == maximum
    for bad in (str(minimum - 1), str(maximum + 1), "1.5", "1e3", "-1", "0x10", "1_000", "ten"):
        expect_rejected(valid_env(**{name: bad}), name)


def test_log_level_accepts_only_the_known_levels() -> None:
    for level in ("debug", "info", "warn", "error", "silent"):
        assert load_settings(valid_env(LOG_LEVEL=level)).log_level == level
    expect_rejected(valid_env(LOG_LEVEL="verbose"), "LOG_LEVEL")


def test_a_mapping_is_read_alone(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Neither the process environment nor a .env file leaks into a given mapping.
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"{KEY}=from-dotenv\n")
    monkeypatch.setenv(KEY, "from-environment")
    expect_rejected({}, KEY)


def test_without_a_mapping_the_environment_wins_over_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    lines = [f"{KEY}={shape.KEY_SENTINEL}", "AI_MODEL=model-from-dotenv", "AI_MAX_RETRIES=4", "AI_MAX_INPUT_CHARS=77"]
    lines += [f"{name}={value}" for name, value in shape.REQUIRED_ENV.items() if name != "AI_MODEL"]
    if BASE_URL not in shape.REQUIRED_ENV:
        lines.append(f"{BASE_URL}=https://api.example.com/v1")
    (tmp_path / ".env").write_text("\n".join(lines) + "\n")
    monkeypatch.setenv("AI_MAX_RETRIES", "1")
    settings = load_settings()
    assert isinstance(settings, Settings)
    assert settings.api_key.get_secret_value() == shape.KEY_SENTINEL
    assert settings.model == "model-from-dotenv"
    assert settings.ai_max_retries == 1
    assert settings.ai_max_input_chars == 77


def test_without_a_mapping_errors_are_config_errors_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AI_TIMEOUT_MS", SENTINEL)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert {KEY, "AI_TIMEOUT_MS"} <= set(caught.value.variables)
    assert_no_sentinel(str(caught.value), "ConfigError")


def test_the_base_url_is_optional_only_where_there_is_an_official_endpoint() -> None:
    if shape.BASE_URL_REQUIRED:
        expect_rejected(valid_env(**{BASE_URL: None}), BASE_URL)
    else:
        assert load_settings(valid_env(**{BASE_URL: None})).base_url is None


def test_variable_names_are_exact_lower_case_ones_do_not_count(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    env = valid_env(**{KEY: None})
    expect_rejected({**env, KEY.lower(): shape.KEY_SENTINEL}, KEY)
    expect_rejected({**env, KEY.title(): shape.KEY_SENTINEL}, KEY)
    assert load_settings({**valid_env(), "ai_max_retries": "4"}).ai_max_retries == 2
    # The same in a .env file.
    monkeypatch.chdir(tmp_path)
    for name in env_names():
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text("".join(f"{name.lower()}={value}\n" for name, value in valid_env().items()))
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert KEY in caught.value.variables


def test_every_variable_has_an_exact_upper_case_name() -> None:
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        assert isinstance(alias, str) and alias == alias.upper(), f"{name} has no exact variable name"


@pytest.mark.parametrize(
    "value",
    [SENTINEL + SENTINEL, "x" * 201, f"model\x00{SENTINEL}", f"mo\ndel{SENTINEL}", f"mo\tdel{SENTINEL}", "a\u200bb"],
    ids=["sentinel-too-long", "201-chars", "nul", "newline", "tab", "zero-width-space"],
)
def test_a_bad_model_name_is_named_never_echoed(value: str) -> None:
    error = expect_rejected(valid_env(AI_MODEL=value), "AI_MODEL")
    assert value not in str(error)


@pytest.mark.parametrize("value", ["gpt-5-mini", "llama3.2:8b-instruct-q4_K_M", "org/Model Name v2", "m" * 200])
def test_model_names_of_up_to_200_printable_characters_are_accepted(value: str) -> None:
    assert load_settings(valid_env(AI_MODEL=value)).model == value
