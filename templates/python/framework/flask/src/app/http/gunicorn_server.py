"""gunicorn as gunicorn.conf.py runs it: its log lines are the app's, and its own
answers to requests it cannot parse are in our error shape. (gunicorn has no
Windows build: only gunicorn.conf.py imports this module.)"""

import logging
import ssl
from http import HTTPStatus
from typing import Any

from gunicorn import util
from gunicorn.config import Config
from gunicorn.glogging import Logger
from gunicorn.http.errors import ParseException
from gunicorn.workers.gthread import ThreadWorker

from app.http.broken_request import broken_request_answer
from app.http.serving import route_server_logs


class GunicornLogger(Logger):
    """gunicorn's own log lines ("Invalid request ..." quotes the request) go through
    the handler of the app's logger, set up by gunicorn.conf.py: JSON lines,
    redacted, warnings and errors only. The access log stays off (gunicorn.conf.py);
    if turned on, its lines are redacted the same way."""

    def setup(self, cfg: Config) -> None:
        super().setup(cfg)
        app_logger = logging.getLogger("app")
        route_server_logs(app_logger, "gunicorn.error")
        route_server_logs(app_logger, "gunicorn.access", lowest=logging.INFO)


class Worker(ThreadWorker):
    """gunicorn's gthread worker, except that a request it cannot parse (a malformed
    request line or header, a head too large) gets our 400 with a request id, not
    an HTML page quoting the request, and is logged without quoting it."""

    def handle_error(self, req: Any, client: Any, addr: Any, exc: Exception) -> None:
        failure = None if isinstance(exc, (ParseException, ssl.SSLError)) else exc
        status, headers, body = broken_request_answer(self.log.error_log, failure)
        head = "".join(f"{name}: {value}\r\n" for name, value in headers)
        response = f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n{head}\r\n".encode("latin-1") + body
        try:
            util.write_nonblock(client, response)
        except OSError:
            self.log.debug("Failed to send error message.")
