// Run the built CLI (bin/profile.js -> dist/) as a user would; `npm test` builds first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'profile.js');
export const fixture = (...parts: string[]): string => join(ROOT, 'test', 'fixtures', ...parts);

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to a clean copy of the environment (no colour, no PROFILE_PATH, no COLUMNS); undefined removes a variable. */
  env?: NodeJS.ProcessEnv;
  input?: string;
  /** A hang becomes a failure instead of a stuck suite. */
  timeout?: number;
}

/** stdin is a closed pipe (no TTY), as in a script or CI. */
export function runCli(args: string[], opts: RunOptions = {}): RunResult {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: '1',
    FORCE_COLOR: undefined,
    PROFILE_PATH: undefined,
    COLUMNS: undefined, // piped output is laid out for COLUMNS when set: a test sets it itself
    ...opts.env,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 60_000,
    maxBuffer: 1 << 26,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh working folder with its own config folder, so tests never see the user's settings. */
export function sandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'pp-e2e-'));
  return { cwd, env: { XDG_CONFIG_HOME: join(cwd, '.config') } };
}

export function recordsIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}
