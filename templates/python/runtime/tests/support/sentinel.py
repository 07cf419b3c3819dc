"""Fake keys shaped like real ones, made at run time: a literal in the source would
trip the project's own secret scan."""

import secrets
import string

_ALPHABET = string.ascii_letters + string.digits


def make_key(prefix: str, length: int = 150) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))


# One of each per test session, so every test hunts for the same strings.
SENTINEL = make_key("sk-" + "proj-")
ANTHROPIC_SENTINEL = make_key("sk-" + "ant-api03-")
SENTINELS = (SENTINEL, ANTHROPIC_SENTINEL)


def assert_no_sentinel(text: str, where: str) -> None:
    """Fails if `text` holds a sentinel or a long piece of one; the message never prints it."""
    for sentinel in SENTINELS:
        assert sentinel not in text, f"{where} contains a sentinel key"
        assert sentinel[20:52] not in text, f"{where} contains part of a sentinel key"
