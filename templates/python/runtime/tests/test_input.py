import pytest

from app.ai.errors import AiError
from app.ai.input import validate_input


def problem(user_input: object, max_chars: int = 10) -> str | None:
    try:
        validate_input(user_input, max_chars)
    except AiError as error:
        assert error.kind == "invalid_input"
        return error.input_problem
    return "accepted"


def test_accepts_text_within_the_limit_trimmed_with_tabs_and_newlines() -> None:
    assert validate_input("  hi\tthere\r\nyou  ", 20) == "hi\tthere\r\nyou"
    assert validate_input("x" * 10, 10) == "x" * 10
    assert validate_input("héllo wörld ✓", 20) == "héllo wörld ✓"


@pytest.mark.parametrize(
    ("user_input", "expected"),
    [
        (None, "not_text"),
        (42, "not_text"),
        (["hi"], "not_text"),
        (b"hi", "not_text"),
        ("bad \udcff byte", "not_text"),
        ("", "empty"),
        (" \n\t ", "empty"),
        ("x" * 11, "too_long"),
        ("x" * 1_000_000, "too_long"),
        ("a\x00b", "control_chars"),
        ("a\x07b", "control_chars"),
        ("a\x1bb", "control_chars"),
        ("a\x7fb", "control_chars"),
        ("a\x85b", "control_chars"),
    ],
)
def test_refuses_what_is_not_text_empty_too_long_or_has_control_characters(user_input: object, expected: str) -> None:
    assert problem(user_input) == expected
