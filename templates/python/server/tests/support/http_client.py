"""A tiny HTTP client on the standard library, so the tests need no extra dependency."""

import http.client
import io
import json
import re
import select
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A Python traceback or one of its frames: none may reach a client or a log.
STACK_FRAME = re.compile(r'Traceback \(most recent call last\)|File "[^"]+", line \d+|site-packages')


@dataclass(frozen=True)
class HttpResult:
    status: int
    headers: Message
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> object:
        return json.loads(self.body)

    def headers_text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.headers.items())


def _connection(base_url: str, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(base_url)
    return http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)


def request(
    base_url: str,
    path: str,
    method: str = "GET",
    body: bytes | Iterable[bytes] | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 10,
) -> HttpResult:
    """One request on a fresh connection. An iterable body is sent chunked, so no
    Content-Length tells the server its size up front."""
    connection = _connection(base_url, timeout)
    try:
        chunked = body is not None and not isinstance(body, bytes)
        connection.request(method, path, body=body, headers=dict(headers or {}), encode_chunked=chunked)
        response = connection.getresponse()
        return HttpResult(response.status, response.msg, response.read())
    finally:
        connection.close()


def post_json(base_url: str, path: str, payload: object, headers: Mapping[str, str] | None = None) -> HttpResult:
    """POSTs `payload` as JSON; a str is sent as it is (for broken JSON)."""
    raw = payload if isinstance(payload, str) else json.dumps(payload)
    return request(base_url, path, "POST", raw.encode("utf-8"), {"Content-Type": "application/json", **(headers or {})})


def chunks(data: bytes, size: int = 4 * 1024) -> list[bytes]:
    return [data[at : at + size] for at in range(0, len(data), size)]


def post_chunked(base_url: str, path: str, data: bytes) -> HttpResult:
    """POSTs `data` as a JSON body streamed in chunks, without Content-Length."""
    return request(base_url, path, "POST", chunks(data), {"Content-Type": "application/json"})


def raw_exchange(base_url: str, data: bytes, timeout: float = 5) -> bytes:
    """Sends `data` (a request head and perhaps part of a body, never all of it) on a
    raw socket, then returns what the server answers before it closes the connection
    or `timeout` passes: at most the response head."""
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as connection:
        connection.sendall(data)
        received = b""
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in received and time.monotonic() < deadline:
            try:
                chunk = connection.recv(65536)
            except (TimeoutError, ConnectionResetError):
                break
            if not chunk:
                break
            received += chunk
        return received


class _Replay:
    """What http.client.HTTPResponse needs of a socket, over bytes already received."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def makefile(self, _mode: str) -> io.BytesIO:
        return io.BytesIO(self._data)


def parse_response(raw: bytes, method: str = "GET") -> HttpResult:
    """A complete response received on a raw socket, parsed."""
    response = http.client.HTTPResponse(_Replay(raw), method=method)  # type: ignore[arg-type]
    response.begin()
    return HttpResult(response.status, response.msg, response.read())


def raw_request(base_url: str, data: bytes, timeout: float = 5) -> HttpResult:
    """Sends `data` as it is (a request the standard library would refuse to write) and
    parses the answer, read until the server closes the connection."""
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as connection:
        connection.sendall(data)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    return parse_response(received)


@dataclass(frozen=True)
class Trickled:
    received: bytes
    # Seconds from connecting until the server closed the connection (or the timeout).
    seconds: float
    closed: bool


def trickle(base_url: str, data: bytes, then: bytes, every: float = 0.1, timeout: float = 5) -> Trickled:
    """Sends `data`, then one byte of `then` every `every` seconds, until the server
    closes the connection or `timeout` passes; returns all the server sent."""
    parts = urlsplit(base_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as connection:
        started = time.monotonic()
        connection.sendall(data)
        received = b""
        next_byte = started + every
        while (now := time.monotonic()) - started < timeout:
            readable, _, _ = select.select([connection], [], [], max(0.0, next_byte - now))
            try:
                if readable:
                    chunk = connection.recv(65536)
                    if not chunk:
                        return Trickled(received, time.monotonic() - started, closed=True)
                    received += chunk
                elif then:
                    connection.sendall(then[:1])
                    then, next_byte = then[1:], next_byte + every
                else:
                    next_byte = now + every
            except (ConnectionResetError, BrokenPipeError):
                return Trickled(received, time.monotonic() - started, closed=True)
        return Trickled(received, time.monotonic() - started, closed=False)


def assert_error_body(result: HttpResult, status: int, code: str) -> dict[str, object]:
    """Our error shape: the status, JSON, exactly {error: {code, message}, requestId},
    the id the same as the X-Request-Id header."""
    assert result.status == status, f"status {result.status}, expected {status}: {result.text[:200]}"
    assert "application/json" in (result.header("content-type") or "")
    body = result.json()
    assert isinstance(body, dict)
    assert sorted(body) == ["error", "requestId"]
    error = body["error"]
    assert isinstance(error, dict)
    assert sorted(error) == ["code", "message"]
    assert error["code"] == code
    assert body["requestId"] == result.header("x-request-id")
    return body


def assert_security_headers(result: HttpResult, server: str | None = None) -> None:
    """What every response of our server carries (policy.py), and what it must not.
    `server` is the Server header expected (none, where the server lets us)."""
    csp = result.header("content-security-policy") or ""
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    hsts = re.search(r"max-age=(\d+)", result.header("strict-transport-security") or "")
    assert hsts is not None and int(hsts[1]) >= 15_552_000
    assert result.header("x-content-type-options") == "nosniff"
    assert result.header("x-frame-options") == "SAMEORIGIN"
    assert result.header("referrer-policy") == "no-referrer"
    assert result.header("x-powered-by") is None
    assert result.header("server") == server
    assert UUID.fullmatch(result.header("x-request-id") or "")
