import type { Rule } from '../../types.ts';
import { aiSdkInBrowser } from './ai-sdk-in-browser.ts';
import { browserExposedSecret } from './browser-exposed-secret.ts';
import { callWithoutOutputCap } from './call-without-output-cap.ts';
import { clientWithoutTimeout } from './client-without-timeout.ts';
import { dangerouslyAllowBrowser } from './dangerously-allow-browser.ts';
import { logsSecret } from './logs-secret.ts';
import { unboundedRetries } from './unbounded-retries.ts';

/** Code that exposes a key to browsers or logs, or calls a provider without limits; worst first. */
export const CODE_RULES: readonly Rule[] = [browserExposedSecret, aiSdkInBrowser, dangerouslyAllowBrowser, logsSecret, clientWithoutTimeout, unboundedRetries, callWithoutOutputCap];
