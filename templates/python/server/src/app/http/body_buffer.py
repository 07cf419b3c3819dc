import re

from app.http.error_response import HttpProblem
from app.http.policy import JSON_BODY_LIMIT_BYTES

# ASCII digits only: str.isdigit() also accepts "²" and other digits int() refuses.
_DECIMAL = re.compile(r"[0-9]+")


class BodyBuffer:
    """Collects a request body and refuses it (413) as soon as it outgrows the limit,
    so neither a declared nor a streamed size makes us hold more than that. A
    Content-Length that is not a plain number is a 400."""

    def __init__(self, content_length: str | int | None, limit: int = JSON_BODY_LIMIT_BYTES) -> None:
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0
        declared = str(content_length).strip() if content_length is not None else ""
        if declared:
            if not _DECIMAL.fullmatch(declared):
                raise HttpProblem("bad_request")
            # Compared by length first: int() refuses strings of thousands of digits.
            significant = declared.lstrip("0")
            if len(significant) > len(str(limit)) or int(significant or "0") > limit:
                raise HttpProblem("payload_too_large")

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._size > self._limit:
            raise HttpProblem("payload_too_large")
        self._chunks.append(chunk)

    def bytes(self) -> bytes:
        return b"".join(self._chunks)
