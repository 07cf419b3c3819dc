"""Werkzeug's threaded server as `python -m app` and the tests run it. For
production, use gunicorn (see gunicorn.conf.py): same app, a hardened server."""

import json
import logging

from flask import Flask
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from app.http.error_response import PUBLIC_ERRORS
from app.http.policy import HEADERS_TIMEOUT_SECONDS
from app.http.serving import route_server_logs

_status, _message = PUBLIC_ERRORS["bad_request"]


class RequestHandler(WSGIRequestHandler):
    # A socket silent for this long is dropped (slow-loris guard).
    timeout = HEADERS_TIMEOUT_SECONDS
    # Requests too broken to reach the app get JSON, not an HTML page quoting them.
    error_message_format = json.dumps({"error": {"code": "bad_request", "message": _message}, "requestId": None})
    error_content_type = "application/json"

    def send_header(self, keyword: str, value: str) -> None:
        # No Server header: it names the server and the Python version.
        if keyword.lower() != "server":
            super().send_header(keyword, value)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass  # the app logs one redacted line per request, without the query string


class Server(ThreadedWSGIServer):
    # Join request threads on close, so a graceful stop lets in-flight requests
    # finish (Werkzeug closes every connection after its response: none sit idle).
    daemon_threads = False
    block_on_close = True


def create_server(app: Flask, host: str, port: int, logger: logging.Logger) -> Server:
    route_server_logs(logger, "werkzeug")
    return Server(host, port, app, RequestHandler)
