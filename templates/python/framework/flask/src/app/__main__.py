"""Usage: python -m app   (serves on HOST:PORT; see .env.example)

Werkzeug's threaded server, debug off, for development. In production run
gunicorn, which reads gunicorn.conf.py:  gunicorn -c gunicorn.conf.py

A configuration error exits 2 with one line naming the variables; SIGTERM or
Ctrl-C stops the server gracefully (exit 0).
"""

import os
import signal
import sys
import threading
from types import FrameType

from app.config.startup import load_settings_or_exit
from app.http.policy import SHUTDOWN_GRACE_SECONDS
from app.http.serving import announce_listening
from app.http.wsgi_server import create_server
from app.log.logger import get_logger
from app.server import create_app


def main() -> int:
    # Fail fast: a bad config exits 2 with the variable names, before any socket opens.
    settings = load_settings_or_exit()
    logger = get_logger(settings.log_level)
    server = create_server(create_app(settings, logger=logger), settings.host, settings.port, logger)

    def shut_down(signal_name: str) -> None:
        logger.info("server.stopping", extra={"signal": signal_name})
        server.shutdown()

    def stop(signum: int, _frame: FrameType | None) -> None:
        # In-flight requests get SHUTDOWN_GRACE_SECONDS, then the process exits anyway.
        watchdog = threading.Timer(SHUTDOWN_GRACE_SECONDS, os._exit, args=(1,))
        watchdog.daemon = True
        watchdog.start()
        # shutdown() waits for serve_forever() to return, so it runs on another thread.
        threading.Thread(target=shut_down, args=(signal.Signals(signum).name,), daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    announce_listening(logger, server.socket.getsockname())
    server.serve_forever(poll_interval=0.1)  # closes the server (and joins requests) on return
    return 0


if __name__ == "__main__":
    sys.exit(main())
