import { defineLayer } from './define-layer.ts';
import { anthropicEnv, openaiCompatibleEnv, openaiEnv } from './providers.ts';
import { serverEnv } from './server.ts';
import { pinnedPython } from './versions.ts';

/**
 * Python >= 3.10: the `app` package under src/, settings with pydantic-settings,
 * tests on pytest, lint with ruff. The generator writes pyproject.toml from these
 * layers' pins (dependencies, and devDependencies as the `dev` extra).
 */
export const pythonLayer = defineLayer({
  id: 'python/runtime',
  gitignore: [
    {
      title: 'Python',
      patterns: ['.venv/', 'venv/', '__pycache__/', '*.py[cod]', '.pytest_cache/', '.ruff_cache/', '.mypy_cache/', '*.egg-info/', 'build/', 'dist/', '.coverage', 'htmlcov/'],
    },
  ],
  dependencies: pinnedPython('httpx2', 'pydantic', 'pydantic-settings'),
  devDependencies: pinnedPython('pytest', 'ruff'),
});

/** What FastAPI and Flask share: server settings, policy, error bodies, contract tests. */
export const pythonServerLayer = defineLayer({ id: 'python/server', env: serverEnv });

/** `python -m app "prompt"` prints the reply. */
export const pythonNoneLayer = defineLayer({ id: 'python/framework/none' });

export const fastapiLayer = defineLayer({
  id: 'python/framework/fastapi',
  requires: ['python/server'],
  dependencies: pinnedPython('fastapi', 'uvicorn'),
});

export const flaskLayer = defineLayer({
  id: 'python/framework/flask',
  requires: ['python/server'],
  dependencies: pinnedPython('flask', 'gunicorn'),
});

export const pythonProviderLayers = {
  openai: defineLayer({ id: 'python/provider/openai', dependencies: pinnedPython('openai'), env: openaiEnv }),
  anthropic: defineLayer({ id: 'python/provider/anthropic', dependencies: pinnedPython('anthropic'), env: anthropicEnv }),
  'openai-compatible': defineLayer({ id: 'python/provider/openai-compatible', dependencies: pinnedPython('openai'), env: openaiCompatibleEnv }),
} as const;
