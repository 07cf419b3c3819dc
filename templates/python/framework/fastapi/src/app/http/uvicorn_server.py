"""Uvicorn as every FastAPI entry point runs it (python -m app and the tests)."""

import asyncio
import logging
import socket

import h11
import uvicorn
from starlette.types import ASGIApp
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol

from app.http import policy
from app.http.broken_request import broken_request_answer
from app.http.serving import announce_listening, route_server_logs


class HttpProtocol(H11Protocol):
    """uvicorn's HTTP/1.1 protocol with what it lacks: a deadline for each request
    head, and our 400 for a request too broken to parse.

    uvicorn drops a kept-alive connection that stays silent, but a client that
    sends its head a byte at a time, or a new connection that sends nothing, is
    never dropped. Here the head must be complete within HEADERS_TIMEOUT_SECONDS of
    the connection opening or of the previous response; the connection is closed
    otherwise. (The body's deadline is read_body's, in app/http/asgi.py.)
    """

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._head_arrived()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a new request head was parsed and handed to the app
            self._head_arrived()

    def on_response_complete(self) -> None:
        self._await_head()  # the next request on this connection gets the same deadline
        super().on_response_complete()

    def send_400_response(self, msg: str) -> None:
        # uvicorn's own answer is a text/plain page without our headers.
        status, headers, body = broken_request_answer(self.logger)
        response = h11.Response(status_code=status, headers=headers, reason=STATUS_PHRASES[status])
        for event in (response, h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()

    def _await_head(self) -> None:
        self._head_arrived()
        self._head_timer = self.loop.call_later(policy.HEADERS_TIMEOUT_SECONDS, self._head_too_late)

    def _head_arrived(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_late(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.close()


def server_config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=HttpProtocol,
        # X-Forwarded-For would choose the client address, and with it the rate-limit
        # key. Behind a reverse proxy, set forwarded_allow_ips to that proxy only.
        proxy_headers=False,
        server_header=False,
        # Our log has one redacted line per request; uvicorn's would add query strings.
        access_log=False,
        log_config=None,
        ws="none",
        lifespan="off",
        timeout_keep_alive=policy.KEEP_ALIVE_TIMEOUT_SECONDS,
        timeout_graceful_shutdown=policy.SHUTDOWN_GRACE_SECONDS,
    )


class Server(uvicorn.Server):
    """Announces the bound address as a log line once listening (a test that asked
    for port 0 reads the real one there), and sends uvicorn's own warnings and errors
    through the app's redacting logger."""

    def __init__(self, config: uvicorn.Config, logger: logging.Logger) -> None:
        super().__init__(config)
        self._logger = logger
        route_server_logs(logger, "uvicorn")

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            announce_listening(self._logger, self.servers[0].sockets[0].getsockname())

    def bound_port(self) -> int:
        return int(self.servers[0].sockets[0].getsockname()[1])
