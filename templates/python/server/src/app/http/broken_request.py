"""The answer to a request too broken to reach the app (a malformed request line or
header, a head too large). The server sends it on its own, before any framework
code runs, so it is built here: our error shape, a fresh request id and the
security headers, never a page quoting the request."""

import logging

from app.http.error_response import error_response
from app.http.policy import SECURITY_HEADERS
from app.http.request_id import REQUEST_ID_HEADER, new_request_id


def broken_request_answer(
    logger: logging.Logger, error: BaseException | None = None
) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body of a 400, or of a 500 when `error` (a failure of the
    server itself, not of the request) is given. Logs one line with the request id:
    the error redacted, nothing of the request."""
    request_id = new_request_id()
    code = "internal_error" if error is not None else "bad_request"
    answer = error_response(code, request_id)
    body = answer.content()
    headers = [
        ("Content-Type", "application/json"),
        ("Content-Length", str(len(body))),
        ("Connection", "close"),
        *answer.headers.items(),
        (REQUEST_ID_HEADER, request_id),
        *SECURITY_HEADERS,
    ]
    fields = {"request_id": request_id, "status": answer.status, "code": code}
    if error is not None:
        logger.error("http.error", extra={**fields, "error": error})
    else:
        logger.warning("http.error", extra=fields)
    return answer.status, headers, body
