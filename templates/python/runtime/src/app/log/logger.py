"""JSON lines on stderr, every field passed through `redact` first."""

import json
import logging
import sys
import time
from typing import Any, Literal, TextIO, get_args

from app.log.redact import redact, redact_string

LogLevel = Literal["debug", "info", "warn", "error", "silent"]
LOG_LEVELS: tuple[LogLevel, ...] = get_args(LogLevel)
_LEVELS: dict[str, int] = {
    "debug": logging.DEBUG,
    "info": logging.INFO,
    "warn": logging.WARNING,
    "error": logging.ERROR,
    "silent": logging.CRITICAL + 10,
}
_NAMES = {logging.DEBUG: "debug", logging.INFO: "info", logging.WARNING: "warn"}

# Loggers of the libraries under the AI module. Their debug output can hold request
# options (Anthropic's holds the prompt) and headers, and OPENAI_LOG / ANTHROPIC_LOG
# turn it on: they are pinned at warn or above and go through the same redaction.
SDK_LOGGERS = ("openai", "anthropic", "httpx", "httpx2", "httpcore", "httpcore2", "pydantic_settings")

# LogRecord's own attributes; everything else on a record came from `extra=`.
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}

_sdk_level = logging.WARNING


class RedactingFilter(logging.Filter):
    """Redacts a record in place: message and args (formatted together), extra fields
    and the exception (kept as type and message, no traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            args = record.args
            record.args = redact(args) if isinstance(args, dict) else tuple(redact(list(args)))
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = f"{record.msg} {record.args!r}"
        record.msg, record.args = redact_string(message), ()
        for key, value in list(vars(record).items()):
            if key not in _RECORD_FIELDS:
                setattr(record, key, redact({key: value})[key])
        if record.exc_info and record.exc_info[1] is not None:
            record.error = redact(record.exc_info[1])
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        head = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": _NAMES.get(record.levelno, "error"),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        fields = {key: value for key, value in vars(record).items() if key not in _RECORD_FIELDS}
        # Head keys first for readability, and applied last so fields cannot overwrite them.
        entry: dict[str, Any] = {**head, **fields, **head}
        return json.dumps(entry, default=str, ensure_ascii=False)


def _handler(stream: TextIO | None) -> logging.Handler:
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.set_name("app.json")
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter())
    return handler


def _install(logger: logging.Logger, handler: logging.Handler, level: int) -> None:
    for old in [h for h in logger.handlers if h.get_name() == "app.json"]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    logger.setLevel(level)
    # Records of this logger are redacted in place, before any handler sees them;
    # not propagating keeps them away from root handlers (such as the one the SDKs'
    # own logging switch installs).
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())
    logger.propagate = False


def pin_sdk_loggers() -> None:
    """Sets the SDK loggers back to the level get_logger chose (warn at the lowest)."""
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(_sdk_level)


def get_logger(level: str, stream: TextIO | None = None) -> logging.Logger:
    """The app's logger ("app"): one JSON object per line on stderr (or `stream`).

    `level` is a LOG_LEVEL value; "silent" writes nothing. The SDK loggers get the
    same handler and redaction, at warn or above.
    """
    global _sdk_level
    numeric = _LEVELS[level]
    _sdk_level = max(numeric, logging.WARNING)
    handler = _handler(stream)
    logger = logging.getLogger("app")
    _install(logger, handler, numeric)
    for name in SDK_LOGGERS:
        _install(logging.getLogger(name), handler, _sdk_level)
    return logger
