"""Building blocks for settings. Every rule text here is fixed: an error names the
variable and the rule, never the value (which may be a secret)."""

import ipaddress
import re
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field

_DIGITS = re.compile(r"[0-9]{1,9}")


def _digits_only(value: object) -> object:
    # Plain digits only: "1.5", "1e3", "0x10", "1_000" or "-1" in a limit is more
    # likely a typo than a wish, so it is refused rather than guessed at.
    if isinstance(value, str) and not _DIGITS.fullmatch(value):
        raise ValueError("not a whole number")
    return value


WholeNumber = Annotated[int, BeforeValidator(_digits_only)]


def whole_number(env: str, default: int, minimum: int, maximum: int) -> Any:
    """A bounded limit; the bounds keep a typo from turning it off."""
    return Field(
        default,
        validation_alias=env,
        ge=minimum,
        le=maximum,
        description=f"must be a whole number from {minimum} to {maximum}",
    )


MODEL_NAME_MAX_CHARS = 200
MODEL_NAME_RULE = f"must be 1 to {MODEL_NAME_MAX_CHARS} printable characters"


def _check_model_name(value: str) -> str:
    # Sent in every request body and written in logs: no control or invisible characters.
    if not 0 < len(value) <= MODEL_NAME_MAX_CHARS or not value.isprintable():
        raise ValueError("model name refused")
    return value


ModelName = Annotated[str, AfterValidator(_check_model_name)]


def model_name(env: str, default: str | None = None) -> Any:
    """A model name; without a default it is required."""
    if default is None:
        return Field(validation_alias=env, description=MODEL_NAME_RULE)
    return Field(default, validation_alias=env, description=MODEL_NAME_RULE)


def is_loopback_host(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def is_allowed_base_url(raw: str) -> bool:
    """Plain http would send the API key in clear text, so it is allowed only on this machine."""
    if any(char.isspace() or not char.isprintable() for char in raw):
        return False
    try:
        parts = urlsplit(raw)
        _ = parts.port  # raises ValueError on a malformed port
    except ValueError:
        return False
    # Credentials inside a URL end up in logs and error messages.
    if parts.username is not None or parts.password is not None:
        return False
    if not parts.hostname:
        return False
    if parts.scheme == "https":
        return True
    return parts.scheme == "http" and is_loopback_host(parts.hostname)


BASE_URL_RULE = "must be an https: URL (http: only for localhost, 127.0.0.0/8 or [::1]) without credentials"


def _check_base_url(value: str | None) -> str | None:
    if value is not None and not is_allowed_base_url(value):
        raise ValueError("base URL refused")
    return value


BaseUrl = Annotated[str, AfterValidator(_check_base_url)]
OptionalBaseUrl = Annotated[str | None, AfterValidator(_check_base_url)]


def base_url(env: str, *, required: bool = False) -> Any:
    if required:
        return Field(validation_alias=env, description=BASE_URL_RULE)
    return Field(None, validation_alias=env, description=BASE_URL_RULE)
