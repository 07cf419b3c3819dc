"""The Flask adapter for the server layer's tests (see app_contract.py): the real app
and the same Werkzeug server as `python -m app`, on a thread of this process."""

import threading
from collections.abc import Mapping

from app.ai.client import create_ai
from app.config.settings import load_settings
from app.http.wsgi_server import create_server
from app.server import create_app
from tests.support.app_contract import RunningApp, memory_logger, patched_environ
from tests.support.env import fake_provider_env
from tests.support.fake_provider import FakeProvider


def start_app(
    fake: FakeProvider, overrides: Mapping[str, str] | None = None, process_env: Mapping[str, str] | None = None
) -> RunningApp:
    # Flask reads FLASK_DEBUG when the app is created, which happens in process_env.
    with patched_environ(process_env or {}):
        settings = load_settings(fake_provider_env(fake, overrides))
        logger, logs = memory_logger()
        app = create_app(settings, ai=create_ai(settings, logger), logger=logger)
    server = create_server(app, "127.0.0.1", 0, logger)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    def close() -> None:
        server.shutdown()
        thread.join(timeout=15)

    return RunningApp(f"http://127.0.0.1:{server.port}", logs, close)
