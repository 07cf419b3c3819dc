import { PYTHON_VERSIONS, VERSIONS } from '../../../layers/versions.ts';

/**
 * The newest release of each AI SDK AS OF THIS RELEASE of create-secure-ai-app: doctor
 * is offline, so this table is all it knows. It must be bumped with our releases.
 *
 * Where the numbers come from:
 * - openai and @anthropic-ai/sdk (npm), openai and anthropic (PyPI): the versions every
 *   generated project pins (src/layers/versions.ts), imported so a bump of our pins moves
 *   this table too.
 * - the other npm SDKs: `npm view <package> version`, checked on 2026-11-30.
 * - left out on purpose: PyPI google-genai, groq, mistralai and cohere, and npm SDKs not
 *   listed here; without a number we could check, doctor says nothing about them rather
 *   than guess.
 */
export const CURRENT_NPM_SDKS: Readonly<Record<string, string>> = {
  openai: VERSIONS.openai,
  '@anthropic-ai/sdk': VERSIONS['@anthropic-ai/sdk'],
  '@google/genai': '3.3.0', // npm view, 2026-11-30
  'groq-sdk': '1.6.0', // npm view, 2026-11-30
  ai: '7.0.173', // Vercel AI SDK; npm view, 2026-11-30
  '@mistralai/mistralai': '2.7.0', // npm view, 2026-11-30
  'cohere-ai': '8.1.0', // npm view, 2026-11-30
};

/** PyPI names in their normalized form (PEP 503: lower case, runs of `-_.` as `-`). */
export const CURRENT_PYPI_SDKS: Readonly<Record<string, string>> = {
  openai: PYTHON_VERSIONS.openai,
  anthropic: PYTHON_VERSIONS.anthropic,
};

/**
 * Deprecated SDKs and the package their maintainers replaced them with: every version
 * is behind, since none gets fixes any more.
 */
export const REPLACED_NPM_SDKS: Readonly<Record<string, string>> = {
  '@google/generative-ai': '@google/genai',
};

export const REPLACED_PYPI_SDKS: Readonly<Record<string, string>> = {
  'google-generativeai': 'google-genai',
};
