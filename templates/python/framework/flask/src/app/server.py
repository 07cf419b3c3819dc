"""The Flask app: routes only. Headers, CORS, the rate limit and error answers come
from HttpGuard (app/http/guard.py), shared with every framework variant."""

import logging
import time

from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from app.ai.client import SecureAi, create_ai
from app.config.settings import Settings, load_settings
from app.http.body_buffer import BodyBuffer
from app.http.chat import handle_chat
from app.http.content_type import require_json_content_type
from app.http.error_response import HttpProblem, HttpResponse, code_for_status
from app.http.guard import HttpGuard
from app.http.policy import JSON_BODY_LIMIT_BYTES
from app.http.request_id import new_request_id
from app.log.logger import get_logger

_READ_SIZE = 8 * 1024


def to_response(answer: HttpResponse) -> Response:
    response = Response(answer.content(), answer.status, answer.headers, mimetype="application/json")
    if answer.body is None:
        del response.headers["Content-Type"]  # nothing to type (Flask would say text/html)
    return response


def _request_id() -> str:
    if "request_id" not in g:
        g.request_id = new_request_id()
    return str(g.request_id)


def _read_body() -> bytes:
    """The body, refused (413) once it outgrows the limit, whether Content-Length said
    so up front or the chunks add up to it. A body that stops arriving is the
    server's to cut off: Werkzeug's reads fail after REQUEST_TIMEOUT_SECONDS
    (app/http/wsgi_server.py), which Werkzeug turns into a 400."""
    buffer = BodyBuffer(request.headers.get("Content-Length"))
    while chunk := request.stream.read(_READ_SIZE):
        buffer.add(chunk)
    return buffer.bytes()


def create_app(
    settings: Settings | None = None, *, ai: SecureAi | None = None, logger: logging.Logger | None = None
) -> Flask:
    """With no settings, they are loaded from the environment (and `.env`), which is
    how `gunicorn 'app.server:create_app()'` builds it; `python -m app` is the
    development entry point."""
    settings = settings if settings is not None else load_settings()
    logger = logger if logger is not None else get_logger(settings.log_level)
    ai = ai if ai is not None else create_ai(settings, logger)
    guard = HttpGuard(settings, logger)

    app = Flask(__name__, static_folder=None)
    app.config.update(
        # FLASK_DEBUG in the environment would turn debug on, and with it tracebacks.
        DEBUG=False,
        PROPAGATE_EXCEPTIONS=False,
        # Werkzeug's own cap, under ours in _read_body, for anything else that reads a body.
        MAX_CONTENT_LENGTH=JSON_BODY_LIMIT_BYTES,
    )

    @app.before_request
    def admit() -> Response | None:
        g.started = time.monotonic()
        early = guard.admit(request.method, request.path, request.remote_addr, _request_id())
        return to_response(early) if early is not None else None

    @app.after_request
    def finish(response: Response) -> Response:
        for name, value in guard.response_headers(request.method, request.headers.get("Origin"), _request_id()):
            response.headers[name] = value
        started = g.get("started", time.monotonic())
        guard.log_request(
            request_id=_request_id(),
            method=request.method,
            path=request.path,
            status=response.status_code,
            started=started,
        )
        return response

    @app.errorhandler(Exception)
    def error(error: Exception) -> Response:
        # Werkzeug's own errors are HTML pages that can quote the request: only the
        # status is kept. Anything else is mapped by the guard, never echoed.
        if isinstance(error, HTTPException):
            error = HttpProblem(code_for_status(error.code or 500))
        answer = guard.error_response(error, request_id=_request_id(), method=request.method, path=request.path)
        return to_response(answer)

    @app.get("/health")
    def health() -> Response:
        return to_response(HttpResponse(200, {}, {"status": "ok"}))

    @app.post("/api/chat")
    def chat() -> Response:
        require_json_content_type(request.headers.get("Content-Type"))
        reply = handle_chat(ai, _read_body(), _request_id())
        return to_response(HttpResponse(200, {"Cache-Control": "no-store"}, reply))

    return app
