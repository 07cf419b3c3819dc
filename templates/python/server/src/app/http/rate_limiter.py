"""A fixed-window, in-memory rate limiter. Per process: behind several workers or
instances, use a shared store (e.g. Redis) or the platform's limiter instead."""

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

# Bounds memory under a flood of distinct client keys (spoofed or many real ones).
MAX_TRACKED_CLIENTS = 10_000


@dataclass(frozen=True)
class RateLimitDecision:
    allowed: bool
    # Requests left in the current window.
    remaining: int
    # Seconds until the window resets; what Retry-After says when refused.
    retry_after_seconds: int


@dataclass
class _Window:
    started_at: float
    count: int


class RateLimiter:
    """`limit` requests per `window_seconds` per client key. Thread-safe: the servers
    handle requests on several threads."""

    def __init__(self, limit: int, window_seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._limit = limit
        self._window_seconds = window_seconds
        self._clock = clock
        self._windows: dict[str, _Window] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> RateLimitDecision:
        with self._lock:
            now = self._clock()
            window = self._windows.get(key)
            if window is None or now - window.started_at >= self._window_seconds:
                if len(self._windows) >= MAX_TRACKED_CLIENTS:
                    self._evict_expired(now)
                # Still full of live windows: refuse new clients rather than grow without bound.
                if len(self._windows) >= MAX_TRACKED_CLIENTS:
                    return RateLimitDecision(False, 0, math.ceil(self._window_seconds))
                window = _Window(started_at=now, count=0)
                self._windows[key] = window
            window.count += 1
            retry_after = max(1, math.ceil(window.started_at + self._window_seconds - now))
            return RateLimitDecision(window.count <= self._limit, max(0, self._limit - window.count), retry_after)

    def _evict_expired(self, now: float) -> None:
        expired = [key for key, window in self._windows.items() if now - window.started_at >= self._window_seconds]
        for key in expired:
            del self._windows[key]
