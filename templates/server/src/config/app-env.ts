import { integer, originList, stringWithDefault } from './fields.ts';

// Variables every Node HTTP server variant reads, whatever its framework.
export const appEnv = {
  // Loopback by default: exposing the server is a decision, not an accident.
  HOST: stringWithDefault('127.0.0.1'),
  PORT: integer(3000, 0, 65_535),
  // Empty means no cross-origin access at all; `*` is not accepted.
  CORS_ORIGINS: originList(),
  RATE_LIMIT_PER_MINUTE: integer(20, 1, 10_000),
};
