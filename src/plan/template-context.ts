import type { Options } from '../options/schema.ts';
import { FRAMEWORK_CHOICES, PROVIDER_CHOICES, RUNTIME_CHOICES, labelOf } from '../options/catalog.ts';
import type { EnvVariable } from '../layers/define-layer.ts';
import { projectCommandsFor } from './project-commands.ts';
import { ciContextFor } from './ci-context.ts';

/** Where each provider's users create and revoke keys (openai-compatible: the user's own). */
const KEYS_URLS: Record<Options['provider'], string> = {
  openai: 'https://platform.openai.com/api-keys',
  anthropic: 'https://console.anthropic.com/settings/keys',
  'openai-compatible': '',
};

/** What Deno's tasks may touch (deno-permissions.ts), for the README's permissions section. */
export interface DenoReadmeContext {
  allowNet: string;
  allowEnv: string;
  /** Variables the SDK reads by itself (they are in allowEnv but not in .env.example). */
  libraryEnv: readonly string[];
  /** Variables that change which host the app reaches (base URLs). */
  hostVariables: readonly string[];
  /** The provider host is only an example (openai-compatible: Ollama's default address). */
  userEndpoint: boolean;
}

/** Everything a `.hbs` template may refer to. Strict rendering fails on anything else. */
export function templateContextFor(options: Options, variables: readonly EnvVariable[], scriptNames: readonly string[], deno?: DenoReadmeContext) {
  const commands = projectCommandsFor(options, scriptNames);
  return {
    name: options.name,
    runtime: { id: options.runtime, label: labelOf(RUNTIME_CHOICES, options.runtime) },
    framework: { id: options.framework, label: labelOf(FRAMEWORK_CHOICES, options.framework) },
    provider: { id: options.provider, label: labelOf(PROVIDER_CHOICES, options.provider), keysUrl: KEYS_URLS[options.provider] },
    isServer: options.framework !== 'none',
    commands,
    env: variables.map((variable) => ({
      ...variable,
      defaultText: variable.required ? 'required' : variable.default === undefined ? '(unset)' : variable.default === '' ? '(empty)' : variable.default,
    })),
    secrets: variables.filter((variable) => variable.secret).map((variable) => variable.name),
    ci: ciContextFor(options, commands),
    deno: deno ?? false,
  };
}
