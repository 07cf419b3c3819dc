"""A provider on 127.0.0.1 that records every request and answers as told."""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Literal

from tests.support import provider_shape as shape

# "redirect": 307 to `redirect_to`. "trickle": a 200 whose body comes one byte every
# `trickle_seconds`. "raw": a 200 whose body is `raw_body`, as it is (not JSON-encoded).
FakeMode = Literal["ok", "slow", "auth", "rate_limited", "server_error", "redirect", "trickle", "raw"]


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-cased names
    body: object  # parsed JSON, or the raw text


class FakeProvider:
    """Usable as a context manager (`with FakeProvider() as fake:`) for a second server."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.reset()

    def reset(self) -> None:
        """Forgets recorded requests and goes back to answering ok."""
        with self._lock:
            self.requests.clear()
        self.mode: FakeMode = "ok"
        # Any JSON value: the provider shape puts it where the reply text belongs.
        self.reply: object = "Hello from the fake provider."
        self.slow_seconds = 5.0
        self.retry_after_seconds = 7
        self.redirect_to = ""
        self.trickle_seconds = 0.1
        self.raw_body = b""
        # None: a fresh `req_fakeN` per request.
        self.request_id: str | None = None

    @property
    def url(self) -> str:
        """Origin such as http://127.0.0.1:12345 (append provider_shape.BASE_URL_SUFFIX)."""
        assert self._server is not None, "the fake provider is not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._closing.set()  # wakes handlers still being slow
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FakeProvider":
        self.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("content-length") or 0)
        raw = request.rfile.read(length).decode("utf-8", "replace") if length else ""
        try:
            body: object = json.loads(raw)
        except ValueError:
            body = raw
        headers = {name.lower(): value for name, value in request.headers.items()}
        with self._lock:
            self.requests.append(RecordedRequest(request.command, request.path, headers, body))
            count = len(self.requests)

        def send(status: int, payload: object, extra: dict[str, str] | None = None, trickle: bool = False) -> None:
            data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
            try:
                request.send_response(status)
                for name, value in {
                    "content-type": "application/json",
                    "content-length": str(len(data)),
                    shape.REQUEST_ID_HEADER: self.request_id or f"req_fake{count}",
                    **(extra or {}),
                }.items():
                    request.send_header(name, value)
                request.end_headers()
                if not trickle:
                    request.wfile.write(data)
                    return
                request.wfile.flush()
                for index in range(len(data)):
                    if self._closing.wait(self.trickle_seconds):
                        return
                    request.wfile.write(data[index : index + 1])
                    request.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to answer

        if request.command != "POST" or request.path != shape.ENDPOINT_PATH:
            send(404, shape.error_body(404, f"No route for {request.path}"))
        elif self.mode == "ok":
            send(200, shape.ok_body(self.reply))
        elif self.mode == "slow":
            if not self._closing.wait(self.slow_seconds):
                send(200, shape.ok_body(self.reply))
        elif self.mode == "auth":
            # Real providers echo the key they received in some errors (OpenAI's 401
            # does); the fake echoes all of it, the worst case.
            message = f"Incorrect API key provided: {shape.received_key(headers)}. Check your key."
            send(401, shape.error_body(401, message))
        elif self.mode == "rate_limited":
            send(429, shape.error_body(429, "Rate limit reached."), {"retry-after": str(self.retry_after_seconds)})
        elif self.mode == "redirect":
            send(307, shape.error_body(307, "Moved."), {"location": self.redirect_to})
        elif self.mode == "trickle":
            send(200, shape.ok_body(self.reply), trickle=True)
        elif self.mode == "raw":
            send(200, self.raw_body)
        else:
            send(500, shape.error_body(500, "The server had an error."))


def _handler_for(fake: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            fake.handle(self)

        do_GET = do_POST

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass  # keep test output clean

    return Handler
