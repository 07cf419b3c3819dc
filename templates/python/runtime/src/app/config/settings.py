"""Every variable the app reads, validated once at startup. `.env.example` lists exactly these."""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError, model_validator
from pydantic.fields import FieldInfo
from pydantic_settings import EnvSettingsSource, SettingsConfigDict, SettingsError

from app.config.ai_settings import AiSettings
from app.config.app_settings import AppSettings
from app.config.provider_settings import ProviderSettings


class ConfigError(Exception):
    """Names the bad variables only: values may be secrets and are never echoed."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        unique = list(dict.fromkeys(problems))
        self.variables: tuple[str, ...] = tuple(dict.fromkeys(variable for variable, _ in unique))
        listing = "; ".join(f"{variable} {problem}" for variable, problem in unique)
        super().__init__(f"Invalid environment: {listing}. See .env.example.")


class Settings(AppSettings, ProviderSettings, AiSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        # Exact names, as the Node templates read them: `openai_api_key` is not OPENAI_API_KEY.
        case_sensitive=True,
        extra="ignore",
        frozen=True,
        # pydantic prints the rejected value in errors by default; it may be the key.
        hide_input_in_errors=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _blank_is_missing(cls, data: Any) -> Any:
        # An empty or blank variable is a mistake as often as an absent one: treat both
        # alike (required -> "is required", optional -> its default). Values are trimmed.
        if not isinstance(data, dict):
            return data
        return {
            key: value.strip() if isinstance(value, str) else value
            for key, value in data.items()
            if not (isinstance(value, str) and value.strip() == "")
        }


def _env_name(name: str, field: FieldInfo) -> str:
    alias = field.validation_alias
    return alias if isinstance(alias, str) else name.upper()


def env_names() -> tuple[str, ...]:
    """The variables Settings reads, by their environment names."""
    return tuple(_env_name(name, field) for name, field in Settings.model_fields.items())


def _field_named(loc_name: str) -> tuple[str, FieldInfo | None]:
    for name, field in Settings.model_fields.items():
        env = _env_name(name, field)
        if loc_name.lower() in (name.lower(), env.lower()):
            return env, field
    return loc_name.upper() or "environment", None


def _problems(error: ValidationError) -> list[tuple[str, str]]:
    problems = []
    for item in error.errors(include_url=False, include_context=False, include_input=False):
        variable, field = _field_named(str(item["loc"][0]) if item["loc"] else "")
        if item["type"] == "missing":
            problem = "is required"
        else:
            # The field's fixed rule text; pydantic's own message is never used.
            problem = field.description if field is not None and field.description else "is invalid"
        problems.append((variable, problem))
    return problems


class _MappingSource(EnvSettingsSource):
    """The environment source reading a given mapping instead of os.environ."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = dict(environ)
        super().__init__(Settings)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return {
            (key if self.case_sensitive else key.lower()): value
            for key, value in self._environ.items()
            if not (self.env_ignore_empty and value == "")
        }


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Validates the settings once, at startup.

    With no argument: the process environment, then a `.env` file in the current
    directory (the environment wins). With a mapping: exactly that mapping, no `.env`.
    Raises ConfigError, never pydantic's error (its details hold the values).
    """
    try:
        if environ is None:
            return Settings()
        return Settings(_build_sources=((_MappingSource(environ),), {}))
    except ValidationError as error:
        problems = _problems(error)
    except SettingsError as error:
        # Raised for a value that cannot be parsed at all (such as bad JSON for a list).
        match = re.search(r'field "([^"]+)"', str(error))
        problems = [(_field_named(match.group(1) if match else "")[0], "is invalid")]
    except (UnicodeDecodeError, OSError):
        # The only file read is .env (and only without a mapping). Raised outside the
        # except block: the decoder's error holds the file's bytes, keys included.
        problems = [(".env", "must be readable UTF-8 text")]
    # Raised outside the except blocks, so no __context__ carries the original error.
    raise ConfigError(problems) from None
