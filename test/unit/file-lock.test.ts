// The lock beside a file being changed: one holder at a time, a crashed holder's lock broken, a live one waited for.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockPathFor, withFileLock } from '../../src/file-lock.js';

const dir = () => mkdtempSync(join(tmpdir(), 'pp-lock-'));
/** The pid of a process that has exited: a lock holding it is left over from a crash. */
const deadPid = () =>
  spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;

describe('file lock', () => {
  it('is a hidden .NAME.lock beside the file, removed after use', () => {
    const d = dir();
    const f = join(d, 'r.yaml');
    expect(lockPathFor(f)).toBe(join(d, '.r.yaml.lock'));
    expect(withFileLock(f, () => existsSync(join(d, '.r.yaml.lock')))).toBe(true);
    expect(readdirSync(d)).toEqual([]);
  });
  it('is released when the work throws', () => {
    const d = dir();
    expect(() =>
      withFileLock(join(d, 'r.yaml'), () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(readdirSync(d)).toEqual([]);
  });
  it('a live holder (this process) is waited for, then ELOCKED with a plain message', () => {
    const d = dir();
    const f = join(d, 'r.yaml');
    const held = acquireLock(f);
    const t0 = Date.now();
    let err: NodeJS.ErrnoException | undefined;
    try {
      acquireLock(f, 300);
    } catch (e) {
      err = e as NodeJS.ErrnoException;
    }
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(err?.code).toBe('ELOCKED');
    expect(err?.message).toMatch(new RegExp(`another profile run \\(process ${process.pid}\\) is changing it`));
    held.release();
    acquireLock(f, 0).release();
  });
  it('a lock left by a process that is gone is broken at once', () => {
    const d = dir();
    const f = join(d, 'r.yaml');
    writeFileSync(lockPathFor(f), `${deadPid()}\n${hostname()}\n`);
    const t0 = Date.now();
    withFileLock(f, () => undefined, 5000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(readdirSync(d)).toEqual([]);
  });
  it('an old lock is broken even if its pid is alive (the pid was reused), and another host is trusted until then', () => {
    const d = dir();
    const f = join(d, 'r.yaml');
    writeFileSync(lockPathFor(f), `${process.pid}\nanother-computer\n`);
    expect(() => acquireLock(f, 100)).toThrow(/another profile run/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPathFor(f), old, old);
    withFileLock(f, () => undefined, 100);
    expect(readdirSync(d)).toEqual([]);
  });
});
