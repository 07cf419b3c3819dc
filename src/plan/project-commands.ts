import type { Options } from '../options/schema.ts';
import { installCommand, runScript, runScriptWithArgs, scriptRunner } from '../util/package-manager.ts';
import { PYTHON_COMMANDS } from '../util/python-commands.ts';
import { atLeast, VERSIONS } from '../layers/versions.ts';

/**
 * The commands a person types in a generated project, per runtime. The README, SECURITY.md
 * and the next steps all print these, so they cannot disagree.
 */
export interface ProjectCommands {
  /** What the runtime needs, as one sentence for the README. */
  requirement: string;
  /** Makes a fresh checkout ready to run (before `.env` is filled in). */
  setup: readonly string[];
  /** Needed again in every new shell (Python's venv); empty when nothing is. */
  activate: readonly string[];
  /** Runs the app: the server, or the script reading its prompt from stdin. */
  start: string;
  /** The script with a prompt argument; empty for servers. */
  startWithPrompt: string;
  /** Restarts on change; empty when the runtime has no watcher of its own. */
  dev: string;
  /** Production build; empty when there is none. */
  build: string;
  /** Production server, when it is another program than `start`. */
  production: string;
  test: string;
  /** Every check the project has: what CI runs. */
  check: string;
  /** Sentences the README and SECURITY.md say about these commands. */
  says: { check: string; pinning: string; scanner: string; ciInstall: string; activate: string; serving: string };
}

const PROMPT_EXAMPLE = '"your prompt"';

/** How the Python servers are meant to run, and what to avoid (README). */
const PYTHON_SERVING: Partial<Record<Options['framework'], string>> = {
  fastapi:
    '`python -m app` runs uvicorn with the settings in `src/app/http/uvicorn_server.py`: no Server header, proxy headers not trusted, no query strings in logs, a request head must arrive within 10 s and a body within 30 s; a bare `uvicorn` command would skip them. The API docs and OpenAPI schema are off. A client that disconnects does not cancel its AI call: it runs to its end, within the AI limits. In production, put a reverse proxy in front for TLS.',
  flask:
    '`python -m app` runs Werkzeug\'s server with debug off, for development (never `flask run --debug`, whose debugger runs code); it closes a connection whose request head is not complete within 10 s. In production run gunicorn with `gunicorn.conf.py` (Linux, macOS): one process with 8 threads, since the rate limit is counted in memory, `X-Forwarded-*` ignored, its log lines the app\'s redacted JSON. gunicorn\'s threads have no time limit for slow clients, so run it behind a reverse proxy that buffers whole requests and times out slow clients (nginx does both by default). A client that disconnects does not cancel its AI call: it runs to its end, within the AI limits.',
};

export function projectCommandsFor(options: Options, scriptNames: readonly string[]): ProjectCommands {
  const script = options.framework === 'none';
  if (options.packageManager === 'pip') {
    const activate = `${PYTHON_COMMANDS.activatePosix}   # Windows: ${PYTHON_COMMANDS.activateWindows}`;
    return {
      requirement: 'Needs Python >= 3.10. Everything installs into a virtual environment, `.venv`, never into the system Python.',
      setup: [PYTHON_COMMANDS.createVenv, activate, PYTHON_COMMANDS.install],
      activate: [activate],
      start: PYTHON_COMMANDS.run,
      startWithPrompt: script ? `${PYTHON_COMMANDS.run} ${PROMPT_EXAMPLE}` : '',
      dev: '',
      build: '',
      production: options.framework === 'flask' ? 'gunicorn -c gunicorn.conf.py' : '',
      test: PYTHON_COMMANDS.test,
      check: `${PYTHON_COMMANDS.lint} && ${PYTHON_COMMANDS.test}`,
      says: {
        check: 'lint, format check, tests (the secret scan is one of them)',
        pinning: 'pinned exactly (`==` in `pyproject.toml`), installed only into `.venv`, the Python version enforced by `requires-python`; the secret scan runs with the tests',
        scanner: `\`${PYTHON_COMMANDS.scanSecrets}\` (standard library only; a test runs it, so \`${PYTHON_COMMANDS.test}\` includes it) scans the tree for key-shaped strings and \`.env\` files.`,
        ciInstall: 'installs the pinned dependencies into a fresh Python',
        serving: PYTHON_SERVING[options.framework] ?? '',
        activate: `In every new shell, activate the virtual environment first: \`${PYTHON_COMMANDS.activatePosix}\` (Windows: \`${PYTHON_COMMANDS.activateWindows}\`).`,
      },
    };
  }
  const pm = scriptRunner(options.packageManager);
  const runtime = JS_RUNTIMES[options.runtime === 'deno' || options.runtime === 'bun' ? options.runtime : 'node'];
  const check = runScript(pm, 'check');
  return {
    requirement: scriptNames.includes('build') ? `Needs ${runtime.needs}.` : `Needs ${runtime.needs} (it runs the TypeScript directly, no build step).`,
    setup: [installCommand(pm)],
    activate: [],
    start: runScript(pm, 'start'),
    startWithPrompt: script ? runScriptWithArgs(pm, 'start', PROMPT_EXAMPLE) : '',
    dev: script ? '' : runScript(pm, 'dev'),
    // Only projects with a build step (Next.js) have one; the others run TypeScript as is.
    build: scriptNames.includes('build') ? runScript(pm, 'build') : '',
    production: '',
    test: runScript(pm, 'test'),
    check,
    says: {
      check: 'type-check, tests, secret scan',
      pinning: `${runtime.pinning}, secret scan in \`${check}\``,
      scanner: `\`${runScript(pm, 'scan:secrets')}\` (part of \`${check}\`) scans the tree for keys with secretlint.`,
      ciInstall: 'installs from the lockfile',
      activate: '',
      serving: runtime.serving(options.framework),
    },
  };
}

/** What differs between the TypeScript runtimes in the README's words. */
const JS_RUNTIMES = {
  node: { needs: `Node.js ${atLeast(VERSIONS.node)}`, pinning: 'pinned exactly (`.npmrc` keeps it that way), engines enforced', serving: () => '' },
  bun: {
    needs: `Bun ${atLeast(VERSIONS.bun)}`,
    pinning: 'pinned exactly (`bunfig.toml` keeps it that way; `bun.lock` records the whole tree)',
    serving: (framework: Options['framework']) =>
      framework === 'hono'
        ? '`src/server.ts` runs the app on `Bun.serve`: Bun refuses bodies over 64 kB itself, closes a connection whose request head is not complete within about 10 s, one whose body is not in within 30 s, and an idle keep-alive connection after 5 s (each to within the 4 s Bun checks its timers at); a request waiting on the AI is not cut short. In production, put a reverse proxy in front for TLS.'
        : '',
  },
  deno: {
    needs: `Deno ${atLeast(VERSIONS.deno)}`,
    pinning: 'pinned exactly (`npm:` imports with exact versions in `deno.json`; `deno.lock` records the whole tree; Dependabot cannot read `deno.json`, so `deno outdated` lists updates)',
    serving: (framework: Options['framework']) =>
      framework === 'hono'
        ? '`src/server.ts` runs the app on `Deno.serve`, which has no timeouts for slow clients: the app answers 408 to a request body not complete within 30 s, but a slow request head or an idle connection stays open. In production, put a reverse proxy in front that times these out (and for TLS).'
        : '',
  },
} as const;
