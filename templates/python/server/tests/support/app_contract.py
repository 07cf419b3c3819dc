"""What each framework layer's `tests/support/app_server.py` provides (`start_app`,
a StartApp, and FRAMEWORK_DEBUG_ENV), so the tests of the server layer run
unchanged against FastAPI and Flask."""

import io
import itertools
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

from app.ai.client import create_ai
from app.config.settings import load_settings
from app.log.logger import JsonFormatter, RedactingFilter
from app.server import create_app
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider

# Variables that switch a framework or Python into a debug mode (Python's answer to
# NODE_ENV), for the tests that start the server as a child process: only a new
# process reads PYTHONDEVMODE. FLASK_DEBUG is Flask's; PYTHONDEVMODE turns on
# Python's development mode (more warnings, asyncio debug mode). Nothing in this
# stack reads DEBUG or ENV: they are set so that a dependency that starts to is
# caught. An app built in the test process sees only what its framework reads
# while the app is created: FRAMEWORK_DEBUG_ENV in tests/support/app_server.py.
CHILD_DEBUG_ENV: dict[str, str] = {"FLASK_DEBUG": "1", "PYTHONDEVMODE": "1", "DEBUG": "1", "ENV": "development"}


@dataclass(frozen=True)
class RunningApp:
    """The app under test, listening on 127.0.0.1 with a random port."""

    url: str
    # Everything the app's logger wrote (it logs at debug).
    logs: Callable[[], str]
    close: Callable[[], None]


class StartApp(Protocol):
    """The real app, wired to the fake provider through the real SDK, with `overrides`
    on top of the test environment and `process_env` set in os.environ while the app
    is built (for what a framework reads there at that moment, like FLASK_DEBUG)."""

    def __call__(
        self,
        fake: FakeProvider,
        overrides: Mapping[str, str] | None = None,
        process_env: Mapping[str, str] | None = None,
    ) -> RunningApp: ...


@contextmanager
def patched_environ(variables: Mapping[str, str]) -> Iterator[None]:
    """Sets `variables` in os.environ, then restores what was there."""
    saved = {name: os.environ.get(name) for name in variables}
    os.environ.update(variables)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def eventually(condition: Callable[[], bool], timeout: float = 2) -> bool:
    """Polls `condition` until it holds (True) or `timeout` seconds have passed (False):
    a server may write its log line just after the response has gone out."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


_counter = itertools.count()


def private_app_logger() -> tuple[logging.Logger, Callable[[], str]]:
    """A logger for one app under test, with the app's redaction and JSON format, and
    a function returning what it wrote. Not the shared "app" logger (the runtime
    tests' memory_logger): each app under test gets a log of its own."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger(f"app.test{next(_counter)}")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger, stream.getvalue


def build_app(
    fake: FakeProvider, overrides: Mapping[str, str] | None, process_env: Mapping[str, str] | None
) -> tuple[object, logging.Logger, Callable[[], str]]:
    """The framework's real app, wired as `python -m app` wires it, against the fake
    provider, with a log of its own; `process_env` is set while the app is created
    (what a framework reads then). Each app_server.py serves it its own way."""
    with patched_environ(process_env or {}):
        settings = load_settings(fake_provider_env(fake, overrides))
        logger, logs = private_app_logger()
        app = create_app(settings, ai=create_ai(settings, logger), logger=logger)
    return app, logger, logs
