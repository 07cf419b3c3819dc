"""Variables every HTTP server variant reads, whatever its framework."""

import ipaddress
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field
from pydantic_settings import BaseSettings, NoDecode

from app.config.fields import WholeNumber, whole_number

_LABEL = r"[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST_NAME = re.compile(r"(?=.{1,253}$)" + _LABEL + r"(\." + _LABEL + r")*")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _check_host(value: object) -> object:
    if not isinstance(value, str):
        raise ValueError("host refused")
    try:
        ipaddress.ip_address(value)
    except ValueError:
        if not _HOST_NAME.fullmatch(value):
            raise ValueError("host refused") from None
    return value


def is_origin(raw: str) -> bool:
    """True for an exact origin in canonical form, like `https://app.example.com` or
    `http://localhost:5173`: no path, query, credentials or default port, lower case."""
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname or parts.username is not None:
        return False
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    suffix = "" if port is None or port == _DEFAULT_PORTS[parts.scheme] else f":{port}"
    return raw == f"{parts.scheme}://{host}{suffix}"


def _origin_list(value: object) -> object:
    if not isinstance(value, str):
        return value
    origins = tuple(item.strip() for item in value.split(",") if item.strip())
    if not all(is_origin(origin) for origin in origins):
        raise ValueError("origin refused")
    return origins


Host = Annotated[str, BeforeValidator(_check_host)]
# NoDecode: pydantic-settings would otherwise parse a list variable as JSON.
OriginList = Annotated[tuple[str, ...], NoDecode, BeforeValidator(_origin_list)]


class AppSettings(BaseSettings):
    # Loopback by default: exposing the server is a decision, not an accident.
    host: Host = Field(
        "127.0.0.1",
        validation_alias="HOST",
        description="must be an IP address or a host name",
    )
    port: WholeNumber = whole_number("PORT", 3_000, 0, 65_535)
    # Empty means no cross-origin access at all; `*` is not accepted.
    cors_origins: OriginList = Field(
        (),
        validation_alias="CORS_ORIGINS",
        description="must be comma-separated origins like https://app.example.com (no paths, no *)",
    )
    rate_limit_per_minute: WholeNumber = whole_number("RATE_LIMIT_PER_MINUTE", 20, 1, 10_000)
