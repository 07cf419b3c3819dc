import { defineLayer, type EnvVariable } from './define-layer.ts';
import { pinned } from './versions.ts';

const model = (defaultModel: string | undefined): EnvVariable => ({
  name: 'AI_MODEL',
  group: 'provider',
  required: defaultModel === undefined,
  secret: false,
  description: defaultModel ? 'Model to call.' : 'Model name as your endpoint knows it, e.g. llama3.2 on Ollama.',
  ...(defaultModel ? { default: defaultModel } : {}),
});

const baseUrl = (name: string, required: boolean, description: string): EnvVariable => ({
  name,
  group: 'provider',
  required,
  secret: false,
  description: `${description} Must be https (http only for localhost/127.0.0.1/[::1]).`,
});

const apiKey = (name: string, description: string): EnvVariable => ({
  name,
  group: 'provider',
  required: true,
  secret: true,
  description: `Secret. ${description} Only in .env or your secret store.`,
});

// The variables are the same on every runtime (design.md); only the SDK differs.
export const openaiEnv: readonly EnvVariable[] = [
  apiKey('OPENAI_API_KEY', 'Your OpenAI API key (https://platform.openai.com/api-keys).'),
  baseUrl('OPENAI_BASE_URL', false, 'Another OpenAI endpoint, e.g. a proxy or a regional URL.'),
  model('gpt-5-mini'),
];

export const anthropicEnv: readonly EnvVariable[] = [
  apiKey('ANTHROPIC_API_KEY', 'Your Anthropic API key (https://console.anthropic.com/settings/keys).'),
  baseUrl('ANTHROPIC_BASE_URL', false, 'Another Anthropic endpoint, e.g. a proxy.'),
  model('claude-haiku-4-5'),
];

export const openaiCompatibleEnv: readonly EnvVariable[] = [
  apiKey('AI_API_KEY', 'The key your endpoint expects (for a local Ollama any non-empty value, e.g. ollama).'),
  baseUrl('AI_BASE_URL', true, 'The endpoint, e.g. http://127.0.0.1:11434/v1 for Ollama.'),
  model(undefined),
];

export const openaiLayer = defineLayer({ id: 'provider/openai', dependencies: pinned('openai'), env: openaiEnv, hosts: ['api.openai.com'] });
export const anthropicLayer = defineLayer({
  id: 'provider/anthropic',
  dependencies: pinned('@anthropic-ai/sdk'),
  env: anthropicEnv,
  hosts: ['api.anthropic.com'],
  // Read by the SDK itself while the client is built; under Deno an unreadable one throws.
  libraryEnv: ['ANTHROPIC_CUSTOM_HEADERS'],
});
export const openaiCompatibleLayer = defineLayer({
  id: 'provider/openai-compatible',
  dependencies: pinned('openai'),
  env: openaiCompatibleEnv,
  // The endpoint is the user's: the default is Ollama's address (see AI_BASE_URL), to be edited in deno.json.
  hosts: ['127.0.0.1:11434'],
});
