"""Werkzeug's threaded server as `python -m app` and the tests run it. For
production, use gunicorn (see gunicorn.conf.py): same app, a hardened server."""

import io
import logging
import math
import socket
import time

from flask import Flask
from werkzeug.serving import ThreadedWSGIServer, WSGIRequestHandler

from app.http import policy
from app.http.broken_request import broken_request_answer
from app.http.serving import route_server_logs


class DeadlineReader(io.RawIOBase):
    """The connection's input, where no read waits past `deadline` (a time.monotonic()
    value): a client that sends a byte now and then gets no more time than one that
    sends nothing. A read after the deadline raises TimeoutError."""

    def __init__(self, connection: socket.socket) -> None:
        self._connection = connection
        self.deadline = math.inf

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request did not arrive in time")
        timeout = self._connection.gettimeout()
        self._connection.settimeout(left if timeout is None else min(left, timeout))
        try:
            return self._connection.recv_into(buffer)
        finally:
            self._connection.settimeout(timeout)


class RequestHandler(WSGIRequestHandler):
    # A socket that stays silent this long, reading or writing, is dropped.
    timeout = policy.HEADERS_TIMEOUT_SECONDS

    def setup(self) -> None:
        super().setup()
        # The head must arrive within HEADERS_TIMEOUT_SECONDS of the connection, the
        # body within REQUEST_TIMEOUT_SECONDS of the head: a timeout per read alone
        # lets a client that sends a byte now and then hold a thread forever.
        self.rfile.close()
        self._input = DeadlineReader(self.connection)
        self.rfile = io.BufferedReader(self._input)

    def handle_one_request(self) -> None:
        self._input.deadline = time.monotonic() + policy.HEADERS_TIMEOUT_SECONDS
        super().handle_one_request()

    def parse_request(self) -> bool:
        parsed = super().parse_request()  # reads the headers
        self._input.deadline = time.monotonic() + policy.REQUEST_TIMEOUT_SECONDS
        return parsed

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # http.server's own refusals (a malformed request line, a head too large) get
        # our error shape and a request id; its own log line would quote the request.
        status, headers, body = broken_request_answer(logging.getLogger("werkzeug"))
        # A request line too broken to name a version leaves http.server at HTTP/0.9,
        # for which it would send the body alone.
        self.request_version = self.protocol_version
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

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
