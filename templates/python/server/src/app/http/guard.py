"""The server's promises that do not depend on the framework: request ids, security
headers, CORS, the rate limit, safe error responses and one log line per request.
Each framework adapter calls these hooks and only translates to and from its own
request and response types."""

import logging
import time

from app.config.settings import Settings
from app.http.client_key import client_key
from app.http.error_response import HttpResponse, error_code_for, error_response, error_response_for
from app.http.policy import (
    API_PREFIX,
    CORS_ALLOWED_HEADERS,
    CORS_ALLOWED_METHODS,
    CORS_EXPOSED_HEADERS,
    RATE_LIMIT_WINDOW_SECONDS,
    SECURITY_HEADERS,
)
from app.http.rate_limiter import RateLimiter
from app.http.request_id import REQUEST_ID_HEADER


class HttpGuard:
    def __init__(self, settings: Settings, logger: logging.Logger) -> None:
        self._allowed_origins = frozenset(settings.cors_origins)
        self._limiter = RateLimiter(settings.rate_limit_per_minute, RATE_LIMIT_WINDOW_SECONDS)
        self._logger = logger

    def admit(self, method: str, path: str, peer: str | None, request_id: str) -> HttpResponse | None:
        """Called first for every request: an answer that ends it here, or None to go on.

        Every OPTIONS request is a CORS preflight, answered 204; the headers tell a
        browser whether its origin may go on. Under /api, the rate limit is applied
        before the body is read, so refused requests cost neither parsing nor AI
        calls. It is keyed by the socket's address: X-Forwarded-For is the client's
        to forge.
        """
        if method == "OPTIONS":
            return HttpResponse(204)
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            decision = self._limiter.hit(client_key(peer))
            if not decision.allowed:
                return error_response("rate_limited", request_id, decision.retry_after_seconds)
        return None

    def response_headers(self, method: str, origin: str | None, request_id: str) -> list[tuple[str, str]]:
        """Headers every response carries, errors included. Only listed origins get
        Access-Control-Allow-Origin; with an empty list none do."""
        headers = [(REQUEST_ID_HEADER, request_id), *SECURITY_HEADERS, ("Vary", "Origin")]
        if origin is None or origin not in self._allowed_origins:
            return headers
        headers.append(("Access-Control-Allow-Origin", origin))
        if method == "OPTIONS":
            headers.append(("Access-Control-Allow-Methods", ",".join(CORS_ALLOWED_METHODS)))
            headers.append(("Access-Control-Allow-Headers", ",".join(CORS_ALLOWED_HEADERS)))
        else:
            headers.append(("Access-Control-Expose-Headers", ",".join(CORS_EXPOSED_HEADERS)))
        return headers

    def error_response(self, error: BaseException, *, request_id: str, method: str, path: str) -> HttpResponse:
        """Replaces the framework's error handling: the client gets a fixed message, the
        log gets the details, redacted by the logger (no traceback, no upstream text)."""
        code = error_code_for(error)
        response = error_response_for(error, request_id)
        fields = {"request_id": request_id, "method": method, "path": path, "status": response.status, "code": code}
        if code == "internal_error":
            self._logger.error("http.error", extra={**fields, "error": error})
        else:
            self._logger.warning("http.error", extra=fields)
        return response

    def log_request(self, *, request_id: str, method: str, path: str, status: int, started: float) -> None:
        """One line per request: no query string, headers, body or reply."""
        duration_ms = round((time.monotonic() - started) * 1000)
        self._logger.info(
            "http.request",
            extra={
                "request_id": request_id,
                "method": method,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
            },
        )
