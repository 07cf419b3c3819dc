import re

from app.config.settings import env_names
from tests.support.project import PROJECT_ROOT

SECRET_NAME = re.compile(r"(KEY|SECRET|TOKEN|PASSWORD)$")
# A variable may be listed set (`NAME=`) or commented out (`# NAME=default`).
VARIABLE_LINE = re.compile(r"^(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)$")


def parse_env_example() -> list[tuple[str, str, bool]]:
    """(name, value, explained by a comment line right above) for every variable."""
    lines = (PROJECT_ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    found = []
    for index, line in enumerate(lines):
        match = VARIABLE_LINE.match(line)
        if match is None:
            continue
        above = lines[index - 1] if index > 0 else ""
        explained = above.startswith("#") and VARIABLE_LINE.match(above) is None
        found.append((match[1], match[2].strip(), explained))
    return found


def test_lists_exactly_the_variables_the_settings_read() -> None:
    names = [name for name, _, _ in parse_env_example()]
    assert len(set(names)) == len(names), "a variable is listed twice"
    assert sorted(names) == sorted(env_names())


def test_leaves_every_secret_empty() -> None:
    for name, value, _ in parse_env_example():
        if SECRET_NAME.search(name):
            assert value == "", f"{name} must be empty in .env.example"


def test_explains_every_variable_with_a_comment_line_above_it() -> None:
    for name, _, explained in parse_env_example():
        assert explained, f"{name} has no comment"
