import type { Layer } from '../layers/define-layer.ts';
import { PYTHON_MARKERS, PYTHON_VERSIONS } from '../layers/versions.ts';

/** A TOML basic string; JSON's escapes are valid TOML escapes for every character JSON escapes. */
const tomlString = (value: string): string => JSON.stringify(value);

const tomlArray = (values: readonly string[]): string =>
  values.length === 0 ? '[]' : `[\n${values.map((value) => `    ${tomlString(value)},\n`).join('')}]`;

/** `pydantic==2.13.5`, with an environment marker where the package needs one. */
function requirement(name: string, version: string): string {
  const marker = PYTHON_MARKERS[name as keyof typeof PYTHON_MARKERS];
  return `${name}==${version}${marker ? `; ${marker}` : ''}`;
}

function requirementsOf(layers: readonly Layer[], field: 'dependencies' | 'devDependencies'): string[] {
  const merged: Record<string, string> = Object.assign({}, ...layers.map((layer) => layer[field] ?? {}));
  return Object.entries(merged)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => requirement(name, version));
}

/**
 * The generated pyproject.toml (PEP 621), built from the layers' exact pins. The only
 * value from the user is the name, which lands in a TOML string through tomlString.
 * Tool settings live here too, so `ruff` and `pytest` need no other config file.
 */
export function pyprojectFor(name: string, layers: readonly Layer[]): string {
  return `[build-system]
requires = [${tomlString(`hatchling==${PYTHON_VERSIONS.hatchling}`)}]
build-backend = "hatchling.build"

[project]
name = ${tomlString(name)}
version = "0.1.0"
requires-python = ${tomlString(PYTHON_VERSIONS.python)}
dependencies = ${tomlArray(requirementsOf(layers, 'dependencies'))}

[project.optional-dependencies]
dev = ${tomlArray(requirementsOf(layers, 'devDependencies'))}

[tool.hatch.build.targets.wheel]
packages = ["src/app"]

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-ra --strict-markers"

[tool.ruff]
target-version = "py310"
line-length = 120

[tool.ruff.lint]
select = ["E", "F", "W", "I", "B", "UP", "S", "BLE"]

[tool.ruff.lint.per-file-ignores]
"tests/**" = ["S101", "S105", "S106", "S603", "S607"]
`;
}
