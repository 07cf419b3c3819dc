"""The FastAPI adapter for the server layer's tests (see app_contract.py): the real
app and the same uvicorn setup as `python -m app`, on a thread of this process."""

import threading
import time
from collections.abc import Mapping

from app.http.uvicorn_server import Server, server_config
from tests.support.app_contract import RunningApp, build_app
from tests.support.fake_provider import FakeProvider

# Neither FastAPI nor uvicorn run from Python (not from its command line) reads a
# debug switch from os.environ: there is nothing to set while the app is created.
FRAMEWORK_DEBUG_ENV: dict[str, str] = {}


def start_app(
    fake: FakeProvider, overrides: Mapping[str, str] | None = None, process_env: Mapping[str, str] | None = None
) -> RunningApp:
    app, logger, logs = build_app(fake, overrides, process_env)
    server = Server(server_config(app, "127.0.0.1", 0), logger)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise AssertionError("the app did not start")
        time.sleep(0.01)

    def close() -> None:
        server.should_exit = True
        thread.join(timeout=15)

    return RunningApp(f"http://127.0.0.1:{server.bound_port()}", logs, close)
