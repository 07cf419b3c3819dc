import uuid

REQUEST_ID_HEADER = "X-Request-Id"


def new_request_id() -> str:
    """Always a fresh id: an incoming X-Request-Id is attacker-controlled and could
    forge log lines or collide with another request's id."""
    return str(uuid.uuid4())
