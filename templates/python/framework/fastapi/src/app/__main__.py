"""Usage: python -m app   (serves on HOST:PORT; see .env.example)

A configuration error exits 2 with one line naming the variables; SIGTERM or
Ctrl-C stops the server gracefully (exit 0).
"""

import signal
import sys
from types import FrameType

from app.config.startup import load_settings_or_exit
from app.http.uvicorn_server import Server, server_config
from app.log.logger import get_logger
from app.server import create_app


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    pass


def main() -> int:
    # Fail fast: a bad config exits 2 with the variable names, before any socket opens.
    settings = load_settings_or_exit()
    logger = get_logger(settings.log_level)
    app = create_app(settings, logger=logger)
    server = Server(server_config(app, settings.host, settings.port), logger)
    # uvicorn stops gracefully on SIGTERM/SIGINT, then raises the signal again for the
    # handler it found; this one lets that end in exit 0, not death by signal.
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        signal.signal(stop_signal, _ignore)
    server.run()
    return 0 if server.started else 1


if __name__ == "__main__":
    sys.exit(main())
