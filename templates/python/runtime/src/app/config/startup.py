"""The startup path both entry points (script and server) take."""

import sys
from collections.abc import Mapping

from app.config.settings import ConfigError, Settings, load_settings

# A configuration error exits 2, so scripts can tell it from a runtime failure (1).
CONFIG_ERROR_EXIT_CODE = 2


def load_settings_or_exit(environ: Mapping[str, str] | None = None) -> Settings:
    """Loads the settings or stops with one line on stderr naming the bad variables only."""
    try:
        return load_settings(environ)
    except ConfigError as error:
        message = str(error)
    print(message, file=sys.stderr)
    raise SystemExit(CONFIG_ERROR_EXIT_CODE)
