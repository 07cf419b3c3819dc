import re

from app.http.error_response import HttpProblem

_JSON_CONTENT_TYPE = re.compile(r"application/json\s*(;|$)", re.IGNORECASE)


def require_json_content_type(content_type: str | None) -> None:
    """A text/plain POST needs no CORS preflight, so any web page could send one to a
    server on the developer's machine: only application/json is read (else 415)."""
    if not content_type or not _JSON_CONTENT_TYPE.match(content_type.strip()):
        raise HttpProblem("unsupported_media_type")
