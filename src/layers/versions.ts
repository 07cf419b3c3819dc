/** `>=1.3.3` -> `>= 1.3.3`, as the README and the prompts say it. */
export const atLeast = (range: string): string => range.replace(/^>=/, '>= ');

/**
 * Exact versions every generated project pins (no ^ or ~): one place to bump them,
 * and the matrix tests install every combination with exactly these.
 */
export const VERSIONS = {
  node: '>=22.18',
  // Bun and Deno are not npm dependencies: these are the runtimes' own minimums.
  // 1.3.3: the first Bun whose bunfig `env = false` and --no-env-file keep .env files out.
  bun: '>=1.3.3',
  // 2.9: the first Deno whose node:test runs the suites (on 2.8, 9 of the Hono project's tests fail).
  deno: '>=2.9',
  zod: '4.6.7',
  openai: '7.59.0',
  '@anthropic-ai/sdk': '1.14.0',
  express: '5.3.0',
  helmet: '8.3.0',
  'express-rate-limit': '8.7.5',
  cors: '2.8.6',
  fastify: '5.12.8',
  '@fastify/helmet': '13.2.0',
  '@fastify/rate-limit': '11.2.0',
  '@fastify/cors': '11.4.3',
  hono: '4.13.19',
  '@hono/node-server': '2.1.9',
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  'server-only': '0.0.1',
  '@types/react': '19.3.3',
  '@types/react-dom': '19.3.0',
  typescript: '7.0.2',
  '@types/node': '22.20.7',
  '@types/bun': '1.4.5',
  '@types/express': '5.0.6',
  '@types/cors': '2.8.19',
  secretlint: '13.0.6',
  '@secretlint/secretlint-rule-preset-recommend': '13.1.0',
  '@secretlint/secretlint-rule-no-dotenv': '13.0.7',
} as const;

type Package = Exclude<keyof typeof VERSIONS, 'node' | 'bun' | 'deno'>;

/** `pinned('zod', 'openai')` -> `{ zod: '4.6.7', openai: '7.59.0' }`. */
export function pinned(...packages: Package[]): Record<string, string> {
  return Object.fromEntries(packages.map((name) => [name, VERSIONS[name]]));
}

/**
 * Exact versions for Python projects (pyproject.toml, `==` pins), from the package
 * index; the matrix installs every Python combination with exactly these.
 */
export const PYTHON_VERSIONS = {
  python: '>=3.10',
  hatchling: '1.32.4',
  pydantic: '2.13.5',
  'pydantic-settings': '2.15.0',
  // Imported by the AI module's HTTP client (redirects off, a deadline per attempt); the SDKs use it.
  httpx2: '2.13.1',
  openai: '3.22.1',
  anthropic: '1.13.0',
  fastapi: '0.142.2',
  uvicorn: '0.54.0',
  flask: '3.1.3',
  gunicorn: '26.2.0',
  pytest: '9.1.1',
  ruff: '0.16.9',
} as const;

type PythonPackage = Exclude<keyof typeof PYTHON_VERSIONS, 'python' | 'hatchling'>;

/** Environment markers of a Python dependency (PEP 508): gunicorn has no Windows build. */
export const PYTHON_MARKERS: Partial<Record<PythonPackage, string>> = {
  gunicorn: 'sys_platform != "win32"',
};

/** `pinnedPython('pydantic')` -> `{ pydantic: '2.13.5' }`. */
export function pinnedPython(...packages: PythonPackage[]): Record<string, string> {
  return Object.fromEntries(packages.map((name) => [name, PYTHON_VERSIONS[name]]));
}
