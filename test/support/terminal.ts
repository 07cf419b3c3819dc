import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';

/**
 * A real pseudo-terminal driven through tmux, as a person types: keys go in with
 * send-keys, the screen comes back with capture-pane. Each terminal has its own tmux
 * server socket so parallel tests never see each other.
 */
export class Terminal {
  private readonly socket = `csaa-${process.pid}-${Math.random().toString(36).slice(2)}`;
  private readonly statusFile = path.join(os.tmpdir(), `${this.socket}.status`);

  private constructor() {}

  static async start(command: readonly string[], options: { cwd: string; columns?: number; env?: Record<string, string> }): Promise<Terminal> {
    const terminal = new Terminal();
    const env = { ...process.env, ...options.env };
    delete env.CI;
    delete env.npm_config_user_agent;
    delete env.TMUX;
    // tmux does not reliably report a dead pane's exit status, so a waiting sh writes it to
    // a file. The command travels as "$0" "$@", never as shell text.
    const wrapped = ['sh', '-c', `"$0" "$@"; echo $? > '${terminal.statusFile}'`, ...command];
    const environmentFlags = Object.entries(options.env ?? {}).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    await execa('tmux', ['-L', terminal.socket, 'new-session', '-d', '-s', 'main', '-x', String(options.columns ?? 100), '-y', '40', '-c', options.cwd, ...environmentFlags, ...wrapped], { env, extendEnv: false });
    // Keep the pane after the program exits so its exit status can be read.
    await terminal.tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');
    after(() => rm(terminal.statusFile, { force: true }));
    return terminal;
  }

  private async tmux(...args: string[]): Promise<string> {
    return (await execa('tmux', ['-L', this.socket, ...args])).stdout;
  }

  screen(): Promise<string> {
    return this.tmux('capture-pane', '-p', '-J', '-t', 'main');
  }

  /** Named keys (Enter, Down, C-c, BSpace) as tmux spells them. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      await this.tmux('send-keys', '-t', 'main', key);
      await sleep(60);
    }
  }

  async type(text: string): Promise<void> {
    await this.tmux('send-keys', '-t', 'main', '-l', text);
    await sleep(60);
  }

  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = await this.screen();
      if (pattern.test(screen)) return screen;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${pattern}; screen was:\n${screen}`);
  }

  /** Waits for the program to end and returns its exit status. */
  async exitCode(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const status = await readFile(this.statusFile, 'utf8').catch(() => '');
      if (status.trim() !== '') return Number(status.trim());
      await sleep(50);
    }
    throw new Error(`program still running; screen was:\n${await this.screen()}`);
  }

  /** Sends a signal to the program itself (the child of the pane's waiting sh), as `kill` would. */
  async signal(name: NodeJS.Signals): Promise<void> {
    const shell = (await this.tmux('display-message', '-p', '-t', 'main', '#{pane_pid}')).trim();
    const { stdout } = await execa('pgrep', ['-P', shell]);
    for (const pid of stdout.split('\n').filter(Boolean)) process.kill(Number(pid), name);
  }

  async close(): Promise<void> {
    await execa('tmux', ['-L', this.socket, 'kill-server'], { reject: false });
  }
}
