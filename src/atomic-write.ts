// Write files atomically (temp file + rename/link), so a crash or Ctrl-C never leaves half a file.
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Records are private by default (0600); a report to share is 0644 (both less the umask). */
export interface WriteOptions {
  mode?: number;
}

const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

function writeTemp(dest: string, text: string, mode: number): string {
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const fd = openSync(tmp, 'wx', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (err) {
    // A full disk fails here: leave no empty or short temp file behind.
    closeSync(fd);
    removeQuietly(tmp);
    throw err;
  }
  closeSync(fd);
  return tmp;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* gone already, or the folder turned read-only: nothing more to do */
  }
}

/** Create `dest` atomically; fails with EEXIST (and leaves the existing file alone) if it exists. */
export function writeNewFileAtomic(dest: string, text: string, opts: WriteOptions = {}): void {
  const tmp = writeTemp(dest, text, opts.mode ?? 0o600);
  try {
    linkSync(tmp, dest); // link() refuses to replace an existing file, unlike rename()
  } catch (err) {
    // Some drives (exFAT sticks, some network shares) have no hard links: an exclusive copy still never
    // replaces an existing file, though a crash mid-copy could leave it short.
    if (!NO_LINKS.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
    copyFileSync(tmp, dest, constants.COPYFILE_EXCL);
  } finally {
    removeQuietly(tmp);
  }
}

/** Replace `dest` atomically (readers see the old or the new file, never half of one). */
export function replaceFileAtomic(dest: string, text: string, opts: WriteOptions = {}): void {
  const tmp = writeTemp(dest, text, opts.mode ?? 0o600);
  try {
    renameSync(tmp, dest);
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  }
}
