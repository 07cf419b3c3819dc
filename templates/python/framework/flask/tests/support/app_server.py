"""The Flask adapter for the server layer's tests (see app_contract.py): the real app
and the same Werkzeug server as `python -m app`, on a thread of this process."""

import threading
from collections.abc import Mapping

from app.http.wsgi_server import create_server
from tests.support.app_contract import RunningApp, build_app
from tests.support.fake_provider import FakeProvider

# What Flask reads from os.environ while the app is created: FLASK_DEBUG would turn
# debug on (and with it tracebacks) if create_app did not pin it off.
FRAMEWORK_DEBUG_ENV: dict[str, str] = {"FLASK_DEBUG": "1"}


def start_app(
    fake: FakeProvider, overrides: Mapping[str, str] | None = None, process_env: Mapping[str, str] | None = None
) -> RunningApp:
    app, logger, logs = build_app(fake, overrides, process_env)
    server = create_server(app, "127.0.0.1", 0, logger)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()

    def close() -> None:
        server.shutdown()
        thread.join(timeout=15)

    return RunningApp(f"http://127.0.0.1:{server.port}", logs, close)
