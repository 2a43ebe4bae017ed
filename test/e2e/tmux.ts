// A real terminal for tests: the built CLI inside tmux (own socket), driven with send-keys, read with capture-pane.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class TmuxSession {
  private readonly sock = `pp-test-${process.pid}-${randomUUID().slice(0, 6)}`;
  private readonly name = 'main';
  private readonly socketPath: string;

  constructor(command: string, cwd: string, width = 120) {
    // `exec` so the pane's process is node itself (kill -9 hits it); remain-on-exit keeps the last screen.
    this.tmux(
      'new-session',
      '-d',
      '-x',
      String(width),
      '-y',
      '40',
      '-s',
      this.name,
      '-c',
      cwd,
      `exec ${command}`,
      ';',
      'set-option',
      '-w',
      'remain-on-exit',
      'on',
    );
    this.socketPath = this.tmux('display-message', '-p', '-t', this.name, '#{socket_path}').trim();
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.sock, ...args], { encoding: 'utf8' });
  }

  /** Everything the terminal showed, scrollback included, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-', '-t', this.name);
  }

  /** The screen as the terminal shows it, each row a line (a line the terminal wrapped stays broken). */
  rows(): string {
    return this.tmux('capture-pane', '-p', '-S', '-', '-t', this.name);
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Type text literally (no key-name lookup), then optionally press Enter. */
  type(text: string, enter = true): void {
    if (text) this.tmux('send-keys', '-t', this.name, '-l', text);
    if (enter) this.keys('Enter');
  }

  /** Paste text as a terminal does (bracketed, if the program asked for it), newlines and all. */
  paste(text: string): void {
    this.tmux('set-buffer', '--', text);
    this.tmux('paste-buffer', '-p', '-t', this.name);
  }

  pid(): number {
    return Number(this.tmux('list-panes', '-t', this.name, '-F', '#{pane_pid}').trim());
  }

  dead(): boolean {
    return this.tmux('list-panes', '-t', this.name, '-F', '#{pane_dead}').trim() === '1';
  }

  /** Poll until `pred(screen)` holds; fail with the screen after `ms`. */
  async waitFor(pred: (s: string) => boolean, what: string, ms = 8000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (pred(s)) return s;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Lines "✔ <message>" = prompts with this message already answered. */
  answered(message: string): number {
    return this.screen()
      .split('\n')
      .filter((l) => l.startsWith(`✔ ${message}`)).length;
  }

  /** Wait for the prompt `message` to be active, send the keys, wait until it shows as answered. */
  async answer(message: string, send: () => void): Promise<void> {
    const n = this.answered(message);
    await this.waitFor((s) => s.split('\n').some((l) => l.startsWith(`? ${message}`)), `prompt "${message}"`);
    send();
    await this.waitFor(() => this.answered(message) > n, `answer to "${message}"`);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      /* already gone */
    }
    rmSync(this.socketPath, { force: true }); // the server leaves its socket file behind
  }
}
