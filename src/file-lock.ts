// A lock file beside a file that is read, changed and written back, so that two runs at once (two
// `profile actions`, two `assess --resume` on one draft) take turns instead of one undoing the other.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** How long a run waits for another one to finish its change (a change takes milliseconds). */
export const LOCK_WAIT_MS = 10_000;
/** A lock older than this is left over from a crash even if its pid is in use again (changes are short). */
export const LOCK_STALE_MS = 30_000;

export interface FileLock {
  readonly path: string;
  release(): void;
}

/** `.NAME.lock` in the file's folder: hidden, and not a `.yaml` name, so scans and draft lists pass it by. */
export function lockPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.lock`);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/**
 * Take the lock for `file`: create its lock file with O_EXCL (only one run can), holding our pid and host.
 * A lock whose process is gone (or that is older than LOCK_STALE_MS) is stale and is broken. Waits up to
 * `waitMs` for a live holder; then throws an error with code ELOCKED. fs errors (a read-only folder) are
 * thrown as they are.
 */
export function acquireLock(file: string, waitMs = LOCK_WAIT_MS): FileLock {
  const path = lockPathFor(file);
  const me = `${process.pid}\n${hostname()}\n`;
  const deadline = Date.now() + waitMs;
  let delay = 2;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, me);
      } catch (err) {
        closeSync(fd);
        removeQuietly(path); // a full disk: no lock left behind
        throw err;
      }
      closeSync(fd);
      return { path, release: () => removeQuietly(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = readHolder(path);
    if (holder && isStale(holder)) breakStale(path, holder.text);
    else if (Date.now() > deadline) {
      const who = holder?.pid ? ` (process ${holder.pid})` : '';
      throw Object.assign(
        new Error(
          `another profile run${who} is changing it; try again in a moment (if no other run is active, delete ${path})`,
        ),
        { code: 'ELOCKED' },
      );
    } else {
      sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 50);
    }
  }
}

/** Run `fn` holding the lock for `file`. */
export function withFileLock<T>(file: string, fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = acquireLock(file, waitMs);
  try {
    return fn();
  } finally {
    lock.release();
  }
}

interface Holder {
  text: string;
  pid?: number;
  host?: string;
  ageMs: number;
}

function readHolder(path: string): Holder | undefined {
  try {
    const ageMs = Date.now() - statSync(path).mtimeMs;
    const text = readFileSync(path, 'utf8');
    const [pid, host] = text.split('\n');
    return { text, pid: /^\d+$/.test(pid) ? Number(pid) : undefined, host: host || undefined, ageMs };
  } catch {
    return undefined; // released meanwhile: try again
  }
}

function isStale(h: Holder): boolean {
  if (h.ageMs > LOCK_STALE_MS) return true;
  // A pid is only meaningful on its own machine (a shared drive may hold another computer's lock).
  if (h.pid === undefined || h.host !== hostname()) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Remove a stale lock, but only the one we judged: two runs that both found it stale must not remove a
 * fresh lock that one of them has taken meanwhile. Breaking is itself done under a `.break` lock.
 */
function breakStale(path: string, staleText: string): void {
  const guard = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another run is breaking it; a guard left by a crash is removed after a while.
    try {
      if (Date.now() - statSync(guard).mtimeMs > LOCK_STALE_MS) removeQuietly(guard);
    } catch {
      /* gone meanwhile */
    }
    sleep(5);
    return;
  }
  try {
    closeSync(fd);
    let now: string | undefined;
    try {
      now = readFileSync(path, 'utf8');
    } catch {
      now = undefined;
    }
    if (now === staleText) removeQuietly(path);
  } finally {
    removeQuietly(guard);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}
