import { optionalBaseUrl, requiredString, stringWithDefault } from './fields.ts';

export const providerEnv = {
  ANTHROPIC_API_KEY: requiredString(),
  // Unset means the SDK's default endpoint; set it for a proxy or a local fake.
  ANTHROPIC_BASE_URL: optionalBaseUrl(),
  AI_MODEL: stringWithDefault('claude-haiku-4-5'),
};
