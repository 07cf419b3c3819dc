"""HttpGuard as ASGI middleware, plus what FastAPI needs to speak its responses."""

import asyncio
import time

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http import policy
from app.http.body_buffer import BodyBuffer
from app.http.error_response import HttpProblem, HttpResponse
from app.http.guard import HttpGuard
from app.http.request_id import new_request_id


def to_response(answer: HttpResponse) -> Response:
    media_type = "application/json" if answer.body is not None else None
    return Response(answer.content(), answer.status, answer.headers, media_type)


def request_id_of(request: Request) -> str:
    return str(request.state.request_id)


async def read_body(request: Request) -> bytes:
    """The body, refused (413) once it outgrows the limit, whether Content-Length said
    so up front or the chunks add up to it, and (400) unless all of it arrives within
    REQUEST_TIMEOUT_SECONDS (uvicorn has no deadline for a body)."""
    buffer = BodyBuffer(request.headers.get("content-length"))

    async def collect() -> None:
        async for chunk in request.stream():
            buffer.add(chunk)

    try:
        await asyncio.wait_for(collect(), policy.REQUEST_TIMEOUT_SECONDS)
    except (asyncio.TimeoutError, ClientDisconnect):
        pass
    else:
        return buffer.bytes()
    raise HttpProblem("bad_request")


class GuardMiddleware:
    """Outermost of our layers: every response, errors included, leaves through here
    with the guard's headers, and every exception becomes our JSON error (FastAPI's
    own 500 path would hand the traceback to the server's logger)."""

    def __init__(self, app: ASGIApp, guard: HttpGuard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        request_id = new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        method, path = scope["method"], scope["path"]
        client = scope.get("client")
        extra = self.guard.response_headers(method, Headers(scope=scope).get("origin"), request_id)
        status: int | None = None

        async def send_guarded(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = MutableHeaders(scope=message)
                for name, value in extra:
                    headers[name] = value
            await send(message)

        try:
            early = self.guard.admit(method, path, client[0] if client else None, request_id)
            if early is not None:
                await to_response(early)(scope, receive, send_guarded)
            else:
                await self.app(scope, receive, send_guarded)
        except Exception as error:  # noqa: BLE001 - every failure gets the same safe answer
            answer = self.guard.error_response(error, request_id=request_id, method=method, path=path)
            # Once the response has started, the server closes the connection instead.
            if status is None:
                await to_response(answer)(scope, receive, send_guarded)
        finally:
            self.guard.log_request(
                request_id=request_id, method=method, path=path, status=status or 500, started=started
            )
