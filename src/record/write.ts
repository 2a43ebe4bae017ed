// Write records safely: atomically (temp file + rename/link), never overwriting another submission.
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { RECORD_FORMAT, RECORD_KIND, type PracticeRecord, type RecordInput } from './schema.js';

const KEY_ORDER = ['kind', 'format', 'id', 'profile', 'status', 'date', 'cycle', 'group', 'respondent', 'ratings', 'notes', 'improvementAreas', 'priorities', 'actionSteps'];

/** Record YAML with the contract's key order, so files diff well and read the same every time. */
export function serializeRecord(rec: RecordInput | PracticeRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = (rec as Record<string, unknown>)[k];
    if (v !== undefined) ordered[k] = v;
  }
  ordered.kind = RECORD_KIND;
  ordered.format = RECORD_FORMAT;
  return stringify(ordered, { lineWidth: 0 });
}

/** File name with no personal data: date, profile, start of the id. */
export function recordFileName(rec: Pick<PracticeRecord, 'date' | 'profile' | 'id'>): string {
  return `${rec.date}_${rec.profile.replace('@', '-')}_${rec.id.slice(0, 8)}.yaml`;
}

function writeTemp(dest: string, text: string): string {
  mkdirSync(dirname(dest), { recursive: true });
  const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Create `dest` atomically; fails with EEXIST (and leaves the existing file alone) if it exists. */
export function writeNewFileAtomic(dest: string, text: string): void {
  const tmp = writeTemp(dest, text);
  try {
    linkSync(tmp, dest); // link() refuses to replace an existing file, unlike rename()
  } finally {
    unlinkSync(tmp);
  }
}

/** Replace `dest` atomically (readers see the old or the new file, never half of one). */
export function replaceFileAtomic(dest: string, text: string): void {
  const tmp = writeTemp(dest, text);
  try {
    renameSync(tmp, dest);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

/** Write a new record file in `dir`; if the name is taken (same day, same id prefix), add a counter. */
export function writeNewRecord(dir: string, rec: PracticeRecord): string {
  const base = recordFileName(rec).replace(/\.yaml$/, '');
  const text = serializeRecord(rec);
  for (let n = 1; n < 1000; n++) {
    const file = join(dir, n === 1 ? `${base}.yaml` : `${base}-${n}.yaml`);
    try {
      writeNewFileAtomic(file, text);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`could not find a free file name for ${base} in ${dir}`);
}
