// Run the built CLI (bin/profile.js) as a user would: own cwd, own config folder, no terminal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'profile.js');
export const fixture = (f: string): string => join(ROOT, 'test', 'fixtures', 'assess', f);

export function sandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'pp-e2e-'));
  const env = { ...process.env, XDG_CONFIG_HOME: join(cwd, '.config'), NO_COLOR: '1', PROFILE_PATH: '' };
  delete env.FORCE_COLOR;
  return { cwd, env };
}

/** stdin is a closed pipe (no TTY); a 10 s timeout turns a hang into a failure instead of a stuck suite. */
export function run(args: string[], box: { cwd: string; env: NodeJS.ProcessEnv }) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: box.cwd, env: box.env, input: '', encoding: 'utf8', timeout: 10_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

export const recordsIn = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
};
