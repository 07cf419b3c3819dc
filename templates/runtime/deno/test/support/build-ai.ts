// A program for permissions.test.ts: builds the config and the AI module (the SDK
// client) as both entry points do, without calling the provider.
import { createAi } from '../../src/ai/client.ts';
import { loadConfigOrExit } from '../../src/config/startup.ts';
import { createLogger } from '../../src/log/logger.ts';

createAi(loadConfigOrExit(), createLogger({ level: 'silent' }));
console.log('ai ok');
