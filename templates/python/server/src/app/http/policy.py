"""Limits and headers shared by every HTTP framework variant, kept in one place so
they cannot drift between FastAPI and Flask."""

# JSON bodies above this are refused with 413 before they are parsed.
JSON_BODY_LIMIT_BYTES = 32 * 1024

RATE_LIMIT_WINDOW_SECONDS = 60

# Used when the provider rate-limits us without saying for how long.
DEFAULT_RETRY_AFTER_SECONDS = 60

# Paths under this prefix are rate limited; /health is not.
API_PREFIX = "/api"

# A JSON API serves no documents, scripts or frames: forbid them all.
CSP_DIRECTIVES = {
    "default-src": ("'none'",),
    "frame-ancestors": ("'none'",),
}

HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60

# The headers helmet sends in the Node variants, with the CSP and HSTS above.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", ";".join(f"{name} {' '.join(values)}" for name, values in CSP_DIRECTIVES.items())),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("Origin-Agent-Cluster", "?1"),
    ("Referrer-Policy", "no-referrer"),
    ("Strict-Transport-Security", f"max-age={HSTS_MAX_AGE_SECONDS}; includeSubDomains"),
    ("X-Content-Type-Options", "nosniff"),
    ("X-DNS-Prefetch-Control", "off"),
    ("X-Download-Options", "noopen"),
    ("X-Frame-Options", "SAMEORIGIN"),
    ("X-Permitted-Cross-Domain-Policies", "none"),
    ("X-XSS-Protection", "0"),
)

# What a listed origin may do cross-origin, and which response headers it may read.
CORS_ALLOWED_METHODS = ("GET", "POST")
CORS_ALLOWED_HEADERS = ("Content-Type",)
CORS_EXPOSED_HEADERS = ("X-Request-Id", "Retry-After")

# Slow clients. The request head (request line and headers) must be complete within
# HEADERS_TIMEOUT_SECONDS of the connection opening or of the previous response on
# it, or the connection is closed. A body that is read (POST /api/chat) must be
# complete within REQUEST_TIMEOUT_SECONDS of the head, or the request is refused
# with a 400. uvicorn (FastAPI) and Werkzeug's development server (Flask's
# `python -m app`) enforce both: app/http/uvicorn_server.py with app/http/asgi.py,
# and app/http/wsgi_server.py. gunicorn enforces neither (see gunicorn.conf.py).
HEADERS_TIMEOUT_SECONDS = 10
REQUEST_TIMEOUT_SECONDS = 30

# An idle keep-alive connection is closed after this (uvicorn, gunicorn; Werkzeug's
# development server closes every connection after its response).
KEEP_ALIVE_TIMEOUT_SECONDS = 5

# After SIGTERM, in-flight requests get this long before the process exits anyway.
SHUTDOWN_GRACE_SECONDS = 10
