"""Checks user input before any request is made, so refused input costs no provider call."""

import re

from app.ai.errors import AiError

# C0 and C1 control characters except tab, line feed and carriage return: they hide
# text from reviewers and confuse terminals and log viewers.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Lone surrogates come from undecodable bytes (argv, stdin) and are not valid text.
_SURROGATES = re.compile("[\ud800-\udfff]")


def validate_input(user_input: object, max_chars: int) -> str:
    """Returns the trimmed text, or raises AiError("invalid_input") saying why not."""
    if not isinstance(user_input, str):
        raise AiError("invalid_input", input_problem="not_text")
    # Length first: the cheapest check bounds the work done on hostile input.
    if len(user_input) > max_chars * 2:
        raise AiError("invalid_input", input_problem="too_long")
    text = user_input.strip()
    if text == "":
        raise AiError("invalid_input", input_problem="empty")
    if len(text) > max_chars:
        raise AiError("invalid_input", input_problem="too_long")
    if _SURROGATES.search(text):
        raise AiError("invalid_input", input_problem="not_text")
    if _CONTROL_CHARS.search(text):
        raise AiError("invalid_input", input_problem="control_chars")
    return text
