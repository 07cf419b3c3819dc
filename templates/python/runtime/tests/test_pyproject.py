import re

import pytest

from tests.support.project import PROJECT_ROOT

tomllib = pytest.importorskip("tomllib", reason="tomllib is in the standard library from Python 3.11")

# name, optional extras, `==` exact version, optional environment marker.
PINNED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[A-Za-z0-9.+!-]+(\s*;.+)?$")


def load() -> dict[str, object]:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_dependency_is_pinned_exactly() -> None:
    pyproject = load()
    project = pyproject["project"]
    requirements = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        requirements += extra
    requirements += pyproject["build-system"]["requires"]
    assert requirements
    for requirement in requirements:
        assert PINNED.match(requirement), f"{requirement} is not pinned with =="


def test_the_python_version_is_enforced() -> None:
    assert re.match(r">=\s*3\.\d+", load()["project"]["requires-python"])
