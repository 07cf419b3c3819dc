"""gunicorn settings, read by `gunicorn -c gunicorn.conf.py` (and by a bare
`gunicorn` started in this folder). The app's own variables choose the address."""

from gunicorn.arbiter import Arbiter

from app.config.startup import load_settings_or_exit
from app.http.gunicorn_server import GunicornLogger, Worker
from app.http.policy import KEEP_ALIVE_TIMEOUT_SECONDS, SHUTDOWN_GRACE_SECONDS
from app.http.serving import announce_listening
from app.log.logger import get_logger

# Fail fast, before any worker starts: a bad config exits 2 naming the variables.
_settings = load_settings_or_exit()
_host = f"[{_settings.host}]" if ":" in _settings.host else _settings.host
# gunicorn's own lines go through this logger's handler (GunicornLogger): JSON, redacted.
_logger = get_logger(_settings.log_level)

wsgi_app = "app.server:create_app()"
bind = [f"{_host}:{_settings.port}"]
# One process, several threads: the rate limiter lives in memory, so each extra
# worker process would multiply RATE_LIMIT_PER_MINUTE (use a shared store first).
# Worker is gunicorn's gthread worker, answering unparseable requests with our 400.
workers = 1
worker_class = Worker
threads = 8
# Slow clients: gthread has no deadline for a request head or body
# (HEADERS_TIMEOUT_SECONDS and REQUEST_TIMEOUT_SECONDS are not enforced here), so
# 8 clients sending a byte now and then hold all 8 threads and the server stops
# answering. In production, run gunicorn behind a reverse proxy that buffers whole
# requests and times out slow clients (nginx does both by default).
# Only the heartbeat of a busy worker: an AI call may take AI_TIMEOUT_MS per attempt.
timeout = 300
graceful_timeout = SHUTDOWN_GRACE_SECONDS
keepalive = KEEP_ALIVE_TIMEOUT_SECONDS
# X-Forwarded-* from any peer is ignored; behind a reverse proxy, list its address here.
forwarded_allow_ips = ""
# gunicorn 25+ opens a management socket by default; nothing here needs it.
control_socket_disable = True
logger_class = GunicornLogger
# The app logs one redacted line per request; gunicorn's access log would add query strings.
accesslog = None


def when_ready(server: Arbiter) -> None:
    # The same JSON line as `python -m app`, naming the bound address.
    announce_listening(_logger, server.LISTENERS[0].getsockname())
