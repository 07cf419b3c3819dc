import { optionalBaseUrl, requiredString, stringWithDefault } from './fields.ts';

export const providerEnv = {
  OPENAI_API_KEY: requiredString(),
  // Unset means the SDK's default endpoint; set it for a proxy or a local fake.
  OPENAI_BASE_URL: optionalBaseUrl(),
  AI_MODEL: stringWithDefault('gpt-5-mini'),
};
