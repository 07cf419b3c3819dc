import { execa } from 'execa';

/**
 * pip's index for the tests. Where pip is configured with extra indexes (a machine with
 * a local mirror and no route to the public index), the first becomes the only index:
 * otherwise pip waits minutes on the unreachable default for every package. Elsewhere
 * pip keeps its own settings.
 */
let cached: Promise<Record<string, string>> | undefined;
export function pipIndexEnv(): Promise<Record<string, string>> {
  cached ??= (async (): Promise<Record<string, string>> => {
    const result = await execa('python3', ['-m', 'pip', 'config', 'list'], { reject: false });
    const line = (result.stdout ?? '').split('\n').find((candidate) => /^(global|user|site)\.extra-index-url=/.test(candidate));
    const urls = line?.replace(/^[^=]*=/, '').replace(/^'|'$/g, '').split(/\s+/).filter(Boolean) ?? [];
    if (urls.length === 0) return {};
    const [first, ...rest] = urls;
    return { PIP_INDEX_URL: first!, PIP_EXTRA_INDEX_URL: rest.join(' ') };
  })();
  return cached;
}
