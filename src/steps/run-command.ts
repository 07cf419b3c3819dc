/** Outcome of a child process, with its output kept for error messages only. */
export interface CommandResult {
  ok: boolean;
  /** Set when the program itself could not be started (e.g. not installed). */
  missing: boolean;
  exitCode?: number;
  /** stdout and stderr interleaved, as a person would have seen them. */
  output: string;
  /** stdout alone: for output that is data (file lists), which a warning must not corrupt. */
  stdout: string;
  cancelled: boolean;
  /** Stopped because it ran longer than `timeoutMs`. */
  timedOut: boolean;
}

/**
 * The one way this tool starts a program: execa with an argument array, never a shell,
 * so no project name or path can be read as shell syntax. execa is loaded only when a
 * step actually runs, which keeps --help and --dry-run fast.
 */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: { cwd: string; signal?: AbortSignal; env?: Record<string, string>; timeoutMs?: number },
): Promise<CommandResult> {
  const { execa } = await import('execa');
  const result = await execa(file, args, {
    cwd: options.cwd,
    shell: false,
    reject: false,
    all: true,
    stdin: 'ignore',
    ...(options.signal ? { cancelSignal: options.signal } : {}),
    ...(options.timeoutMs ? { timeout: options.timeoutMs } : {}),
    env: { ...options.env },
  });
  const missing = (result as { code?: string }).code === 'ENOENT';
  return {
    ok: !result.failed,
    missing,
    ...(typeof result.exitCode === 'number' ? { exitCode: result.exitCode } : {}),
    output: typeof result.all === 'string' ? result.all : '',
    stdout: typeof result.stdout === 'string' ? result.stdout : '',
    cancelled: result.isCanceled === true,
    timedOut: result.timedOut === true,
  };
}

/** The last lines of a command's output: enough to see why it failed. */
export const tailOf = (output: string, lines = 15): string[] => output.trimEnd().split('\n').slice(-lines);
