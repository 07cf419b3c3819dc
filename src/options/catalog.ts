import { atLeast, VERSIONS } from '../layers/versions.ts';

/**
 * What the generator can build. Adding a runtime, framework or provider starts here:
 * flags, prompts, --help and validation messages are all derived from these lists.
 * Only combinations that are fully built and tested are listed ("show only what works").
 */
export const RUNTIMES = ['node', 'bun', 'deno', 'python'] as const;
export const FRAMEWORKS = ['none', 'express', 'fastify', 'hono', 'nextjs', 'fastapi', 'flask'] as const;
export const PROVIDERS = ['openai', 'anthropic', 'openai-compatible'] as const;
export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun', 'deno', 'pip'] as const;
export const CONFLICT_POLICIES = ['prompt', 'skip', 'overwrite', 'abort'] as const;

export type Runtime = (typeof RUNTIMES)[number];
export type Framework = (typeof FRAMEWORKS)[number];
export type Provider = (typeof PROVIDERS)[number];
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];
/** The managers of package.json projects (the ones `npm create` knows). */
export type NodePackageManager = Exclude<PackageManager, 'pip' | 'deno'>;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export const RUNTIME_CHOICES: readonly Choice<Runtime>[] = [
  { value: 'node', label: 'Node.js', hint: `TypeScript run directly by Node ${atLeast(VERSIONS.node)}` },
  { value: 'bun', label: 'Bun', hint: `TypeScript on Bun ${atLeast(VERSIONS.bun)}, bun test, Bun.serve` },
  { value: 'deno', label: 'Deno', hint: `TypeScript on Deno ${atLeast(VERSIONS.deno)}, tasks with least-privilege permissions` },
  { value: 'python', label: 'Python', hint: 'Python >= 3.10 in a .venv, pydantic-settings, pytest' },
];

export const FRAMEWORK_CHOICES: readonly Choice<Framework>[] = [
  { value: 'none', label: 'None', hint: 'a command-line script' },
  { value: 'express', label: 'Express', hint: 'hardened HTTP API' },
  { value: 'fastify', label: 'Fastify', hint: 'hardened HTTP API' },
  { value: 'hono', label: 'Hono', hint: 'hardened HTTP API' },
  { value: 'nextjs', label: 'Next.js', hint: 'App Router, AI behind server-only' },
  { value: 'fastapi', label: 'FastAPI', hint: 'hardened HTTP API on uvicorn' },
  { value: 'flask', label: 'Flask', hint: 'hardened HTTP API; gunicorn in production' },
];

export const PROVIDER_CHOICES: readonly Choice<Provider>[] = [
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
  { value: 'openai-compatible', label: 'OpenAI-compatible endpoint', hint: 'Ollama, vLLM, LiteLLM, ...' },
];

export const PACKAGE_MANAGER_CHOICES: readonly Choice<PackageManager>[] = PACKAGE_MANAGERS.map(
  (value) => ({ value, label: value }),
);

/** Which frameworks each runtime supports; the schema refuses every other pair. */
export const FRAMEWORKS_BY_RUNTIME: Record<Runtime, readonly Framework[]> = {
  node: ['none', 'express', 'fastify', 'hono', 'nextjs'],
  bun: ['none', 'hono'],
  deno: ['none', 'hono'],
  python: ['none', 'fastapi', 'flask'],
};

/**
 * Which package managers each runtime installs with. Bun and Deno install with
 * themselves, and Python projects always get a `.venv` filled by pip (the one
 * installer every Python has), so for them there is nothing to choose.
 */
export const PACKAGE_MANAGERS_BY_RUNTIME: Record<Runtime, readonly PackageManager[]> = {
  node: ['npm', 'pnpm', 'yarn', 'bun'],
  bun: ['bun'],
  deno: ['deno'],
  python: ['pip'],
};

export const labelOf = <T extends string>(choices: readonly Choice<T>[], value: T): string =>
  choices.find((choice) => choice.value === value)?.label ?? value;
