// Record files: contract key order, names without personal data, never overwriting another submission.

export { replaceFileAtomic, writeNewFileAtomic };
import { join } from 'node:path';
import { stringify } from 'yaml';
import { replaceFileAtomic, writeNewFileAtomic } from '../atomic-write.js';
import { RECORD_FORMAT, RECORD_KIND, type PracticeRecord, type RecordInput } from './schema.js';

const KEY_ORDER = ['kind', 'format', 'id', 'profile', 'status', 'date', 'cycle', 'group', 'respondent', 'updated', 'ratings', 'notes', 'improvementAreas', 'priorities', 'actionSteps'];

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
