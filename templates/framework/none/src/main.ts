import { createAi } from './ai/client.ts';
import { AiError } from './ai/errors.ts';
import { loadConfigOrExit } from './config/startup.ts';
import { createLogger } from './log/logger.ts';

// Usage: npm start -- "your prompt"   or   echo "your prompt" | npm start
// stdout carries only the reply; errors and logs go to stderr.

async function readStdin(maxChars: number): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin.setEncoding('utf8')) {
    text += chunk;
    // Enough to know it is too long; the AI module reports that properly.
    if (text.length > maxChars * 2) break;
  }
  return text;
}

const config = loadConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL });
const ai = createAi(config, logger);

const argumentText = process.argv.slice(2).join(' ');
if (argumentText === '' && process.stdin.isTTY) {
  process.stderr.write('Usage: npm start -- "your prompt"  (or pipe the prompt on stdin)\n');
  process.exit(2);
}

try {
  const input = argumentText !== '' ? argumentText : await readStdin(config.AI_MAX_INPUT_CHARS);
  const { text } = await ai.complete({ input });
  process.stdout.write(`${text}\n`);
} catch (error) {
  // AiError messages are fixed texts; anything else is a bug whose message may
  // hold anything, so only the (redacted) log sees it.
  process.stderr.write(`Error: ${error instanceof AiError ? error.message : 'unexpected failure (see log).'}\n`);
  if (!(error instanceof AiError)) logger.error('main.unexpected_error', { error });
  process.exitCode = 1;
}
