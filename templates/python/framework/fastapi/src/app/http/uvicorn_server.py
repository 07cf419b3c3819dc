"""Uvicorn as every FastAPI entry point runs it (python -m app and the tests)."""

import logging
import socket

import uvicorn
from starlette.types import ASGIApp

from app.http.policy import KEEP_ALIVE_TIMEOUT_SECONDS, SHUTDOWN_GRACE_SECONDS
from app.http.serving import announce_listening, route_server_logs


def server_config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        # X-Forwarded-For would choose the client address, and with it the rate-limit
        # key. Behind a reverse proxy, set forwarded_allow_ips to that proxy only.
        proxy_headers=False,
        server_header=False,
        # Our log has one redacted line per request; uvicorn's would add query strings.
        access_log=False,
        log_config=None,
        ws="none",
        lifespan="off",
        timeout_keep_alive=KEEP_ALIVE_TIMEOUT_SECONDS,
        timeout_graceful_shutdown=SHUTDOWN_GRACE_SECONDS,
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
