"""POST /api/chat for any framework. The adapters check the content type
(content_type.py) and read the body through BodyBuffer (body_buffer.py), then hand
the bytes here. The AI module validates `message` (type, size, characters), so
there is one set of rules.

The AI call is synchronous: a client that disconnects does not cancel it. It runs
to its end, within the AI module's own time limits, and its reply is dropped."""

from app.ai.client import SecureAi
from app.http.json_body import parse_json


def handle_chat(ai: SecureAi, raw_body: bytes, request_id: str) -> dict[str, str]:
    body = parse_json(raw_body)
    message = body.get("message") if isinstance(body, dict) else None
    return {"reply": ai.complete(message), "requestId": request_id}
