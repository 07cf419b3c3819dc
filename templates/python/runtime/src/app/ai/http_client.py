"""The HTTP client every provider's SDK is given: the SDK's own default client (its
connection limits, keep-alive and proxy handling) with two rules added.

- Redirects are never followed. Following one would send the key to whatever host the
  3xx names: httpx drops `Authorization` on a cross-origin redirect, but not Anthropic's
  `x-api-key`. A 3xx reaches the SDK as an error status, so callers see kind "upstream".
- AI_TIMEOUT_MS bounds one whole attempt. httpx applies its timeout to connecting, to
  each write and to each read, so a provider sending a byte now and then would never
  time out. Here the response body is also cut at the first chunk that arrives after
  the attempt's deadline (started before connecting), with the ReadTimeout the SDK
  already reports as kind "timeout"; a provider that goes silent instead is cut by the
  per-read timeout. (The status line and headers are bounded by the per-read timeout
  and by httpx's size limit on them, not by the deadline.)
"""

import datetime
import time
from collections.abc import Iterator
from typing import Any

import httpx2


class _DeadlineStream(httpx2.SyncByteStream):
    """A response body that raises ReadTimeout for a chunk arriving after `deadline`."""

    def __init__(self, stream: httpx2.SyncByteStream, deadline: float, request: httpx2.Request) -> None:
        self._stream = stream
        self._deadline = deadline
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if time.monotonic() > self._deadline:
                raise httpx2.ReadTimeout("The response outlived AI_TIMEOUT_MS.", request=self._request)
            yield chunk

    def close(self) -> None:
        self._stream.close()

    @property
    def elapsed(self) -> datetime.timedelta | None:
        # httpx reads Response.elapsed from the stream it wrapped.
        return getattr(self._stream, "elapsed", None)


def guarded_http_client(sdk_default_client: type[httpx2.Client], attempt_seconds: float) -> httpx2.Client:
    """An instance of the SDK's `DefaultHttpxClient` class that never follows a redirect
    and cuts a response body still arriving `attempt_seconds` after its attempt began.
    Each retry is a new attempt with its own deadline."""

    class GuardedHttpClient(sdk_default_client):  # type: ignore[misc, valid-type]
        def send(self, request: httpx2.Request, *, stream: bool = False, **kwargs: Any) -> httpx2.Response:
            deadline = time.monotonic() + attempt_seconds
            # Whatever a caller asks for: no request option can turn redirects back on.
            kwargs["follow_redirects"] = False
            response = super().send(request, stream=True, **kwargs)
            response.stream = _DeadlineStream(response.stream, deadline, request)
            if not stream:
                try:
                    response.read()
                except BaseException:
                    response.close()
                    raise
            return response

        def __del__(self) -> None:
            # As the SDK's own client does: connections are closed with the client.
            try:
                if not self.is_closed:
                    self.close()
            except Exception:  # noqa: BLE001, S110 - nothing to report to during garbage collection
                pass

    # No timeout of its own: the SDK passes AI_TIMEOUT_MS (sdk_limits) with every request.
    return GuardedHttpClient(follow_redirects=False)
