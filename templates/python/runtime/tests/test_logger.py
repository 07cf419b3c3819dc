import io
import json
import logging

import pytest

from app.ai.client import create_ai
from app.ai.errors import AiError
from app.config.settings import load_settings
from app.log.logger import SDK_LOGGERS, get_logger
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider
from tests.support.sentinel import SENTINEL, assert_no_sentinel


def memory_logger(level: str = "debug") -> tuple[logging.Logger, io.StringIO]:
    stream = io.StringIO()
    return get_logger(level, stream=stream), stream


def entries(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_writes_one_json_object_per_line_with_level_time_and_message() -> None:
    logger, stream = memory_logger("info")
    logger.info("hello", extra={"request_id": "abc", "count": 2})
    assert stream.getvalue().endswith("\n")
    [entry] = entries(stream)
    assert entry["level"] == "info"
    assert entry["msg"] == "hello"
    assert entry["logger"] == "app"
    assert entry["request_id"] == "abc" and entry["count"] == 2
    assert isinstance(entry["time"], str)


def test_respects_the_level_and_silent_writes_nothing() -> None:
    logger, stream = memory_logger("warn")
    logger.debug("d")
    logger.info("i")
    logger.warning("w")
    logger.error("e")
    assert [entry["msg"] for entry in entries(stream)] == ["w", "e"]
    assert [entry["level"] for entry in entries(stream)] == ["warn", "error"]
    silent, silent_stream = memory_logger("silent")
    silent.error("e")
    silent.critical("c")
    assert silent_stream.getvalue() == ""


def test_writes_to_stderr_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    get_logger("info").info("to stderr")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert json.loads(captured.err)["msg"] == "to stderr"


def test_redacts_the_sentinel_in_message_args_fields_and_errors() -> None:
    logger, stream = memory_logger("debug")
    logger.info(f"message with {SENTINEL}")
    logger.info("args %s and %r", SENTINEL, {"api_key": "plain-looking-value"})
    logger.warning(
        "fields", extra={"headers": {"Authorization": f"Bearer {SENTINEL}"}, "config": {"OPENAI_API_KEY": SENTINEL}}
    )
    logger.warning("api key field", extra={"api_key": SENTINEL})
    logger.debug("nested", extra={"a": [{"b": f"x {SENTINEL} y"}]})
    try:
        raise RuntimeError(f"Incorrect API key provided: {SENTINEL}")
    except RuntimeError as error:
        logger.exception("caught")
        logger.error("as a field", extra={"error": error})
    text = stream.getvalue()
    assert_no_sentinel(text, "log output")
    assert "plain-looking-value" not in text, "a secret-named field in args was printed"
    assert "Traceback" not in text and "line " not in text, "a traceback was logged"
    caught = [entry for entry in entries(stream) if entry["msg"] == "caught"]
    assert caught[0]["error"] == {"name": "RuntimeError", "message": "Incorrect API key provided: [REDACTED]"}


def test_sdk_loggers_share_the_redaction_and_stay_at_warn() -> None:
    _, stream = memory_logger("debug")
    for name in SDK_LOGGERS:
        logging.getLogger(f"{name}._base_client").warning("headers %s", {"x-api-key": "not-key-shaped"})
        logging.getLogger(name).debug("request options with the prompt")
    lines = entries(stream)
    assert {entry["logger"] for entry in lines} == {f"{name}._base_client" for name in SDK_LOGGERS}
    assert "not-key-shaped" not in stream.getvalue()


def test_sdk_debug_logging_during_a_real_call_does_not_leak_the_key(
    fake_provider: FakeProvider, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = load_settings(fake_provider_env(fake_provider, {"LOG_LEVEL": "debug"}))
    ai = create_ai(settings, get_logger(settings.log_level))
    # What a developer does to debug the SDK (OPENAI_LOG / ANTHROPIC_LOG does it too).
    for name in SDK_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG)
    try:
        ai.complete("hello")
        fake_provider.mode = "auth"
        with pytest.raises(AiError):
            ai.complete("hello")
        # The worst case an SDK could do: headers in its debug output.
        logging.getLogger("anthropic._base_client").debug("Request headers: %s", {"x-api-key": SENTINEL})
        logging.getLogger("openai._base_client").debug("Headers: {'Authorization': 'Bearer %s'}", SENTINEL)
    finally:
        get_logger("info")
    captured = capsys.readouterr()
    sdk_lines = [line for line in captured.err.splitlines() if '"logger": "app"' not in line]
    assert len(sdk_lines) > 2, "the SDK debug output did not reach the log"
    assert_no_sentinel(captured.out + captured.err, "stderr with SDK debug logging")
