"""The FastAPI app: routes only. Headers, CORS, the rate limit and error answers come
from HttpGuard (app/http/guard.py), shared with every framework variant."""

import logging
from typing import NoReturn

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from app.ai.client import SecureAi, create_ai
from app.config.settings import Settings, load_settings
from app.http.asgi import GuardMiddleware, read_body, request_id_of, to_response
from app.http.chat import handle_chat
from app.http.content_type import require_json_content_type
from app.http.error_response import HttpProblem, HttpResponse, code_for_status
from app.http.guard import HttpGuard
from app.log.logger import get_logger


async def _framework_error(_request: Request, error: Exception) -> NoReturn:
    # FastAPI's own answers quote the request (422 echoes the input): only the status
    # is kept, and GuardMiddleware answers in our shape.
    status = error.status_code if isinstance(error, HTTPException) else 400
    raise HttpProblem(code_for_status(status))


def create_app(
    settings: Settings | None = None, *, ai: SecureAi | None = None, logger: logging.Logger | None = None
) -> FastAPI:
    """With no settings, they are loaded from the environment (and `.env`). Serve it
    with `python -m app`: uvicorn's own defaults (proxy headers trusted from
    127.0.0.1, a Server header, an access log with query strings, no deadline for a
    request head, a text/plain 400 for a request it cannot parse) are overridden in
    app/http/uvicorn_server.py, which a bare `uvicorn` command would skip."""
    settings = settings if settings is not None else load_settings()
    logger = logger if logger is not None else get_logger(settings.log_level)
    ai = ai if ai is not None else create_ai(settings, logger)

    app = FastAPI(
        debug=False,
        # No interactive docs: they need scripts and styles the CSP forbids, and they
        # would publish the API's shape to anyone who asks.
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        redirect_slashes=False,
        exception_handlers={HTTPException: _framework_error, RequestValidationError: _framework_error},
    )
    app.add_middleware(GuardMiddleware, guard=HttpGuard(settings, logger))

    # HEAD too, as in the Flask and Node variants (uvicorn sends no body for it).
    @app.api_route("/health", methods=["GET", "HEAD"])
    async def health() -> Response:
        return to_response(HttpResponse(200, {}, {"status": "ok"}))

    @app.post("/api/chat")
    async def chat(request: Request) -> Response:
        require_json_content_type(request.headers.get("content-type"))
        raw = await read_body(request)
        # The AI call is synchronous: it runs on a worker thread, not the event loop,
        # and a client that disconnects does not cancel it (see app/http/chat.py).
        reply = await run_in_threadpool(handle_chat, ai, raw, request_id_of(request))
        return to_response(HttpResponse(200, {"Cache-Control": "no-store"}, reply))

    return app
