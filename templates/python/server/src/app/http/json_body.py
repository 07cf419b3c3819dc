import json

from app.http.error_response import HttpProblem


def parse_json(raw: bytes) -> object:
    """The body as JSON, or a 400 that quotes none of it."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        pass
    # Raised outside the except block: the parser's error quotes the body.
    raise HttpProblem("invalid_json")
