// Where an assessment lives on disk: one record file, created at the first answer, rewritten after each one.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { readRecordFile } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { replaceFileAtomic, serializeRecord, writeNewFileAtomic, writeNewRecord } from '../record/write.js';

/** Autosave for one draft. The first save picks a fresh file name; later saves replace that file only. */
export class DraftFile {
  constructor(
    readonly dir: string,
    public file?: string,
  ) {}

  save(rec: PracticeRecord): string {
    if (!this.file) {
      this.file = writeNewRecord(this.dir, rec);
      return this.file;
    }
    const onDisk = readRecordFile(this.file);
    const gone = onDisk.diagnostics.some((d) => /ENOENT/.test(d.message));
    if (gone) {
      writeNewFileAtomic(this.file, serializeRecord(rec)); // removed meanwhile: write it again, same name
      return this.file;
    }
    // Never replace a file that someone turned into another record (or broke) while we were asking.
    const id = onDisk.record?.id ?? /^id:\s*(\S+)/m.exec(safeText(onDisk))?.[1];
    if (id !== rec.id) {
      throw new CliError(`${this.file} no longer holds this assessment (id ${rec.id.slice(0, 8)}); not overwriting it`, EXIT.problems);
    }
    replaceFileAtomic(this.file, serializeRecord(rec));
    return this.file;
  }
}

function safeText(load: ReturnType<typeof readRecordFile>): string {
  return load.source?.doc.toString() ?? '';
}

export interface DraftOnDisk {
  file: string;
  record: PracticeRecord;
  mtimeMs: number;
}

/** Drafts (status: draft) among the record files in `dir`, newest first. Broken files are skipped. */
export function findDrafts(dir: string): DraftOnDisk[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: DraftOnDisk[] = [];
  for (const name of names) {
    if (!/\.ya?ml$/.test(name) || name.startsWith('.')) continue;
    const file = join(dir, name);
    const load = readRecordFile(file);
    if (load.record?.status === 'draft') out.push({ file, record: load.record, mtimeMs: statSync(file).mtimeMs });
  }
  return out.sort((a, b) => b.mtimeMs - a.mtimeMs || b.file.localeCompare(a.file));
}

/** A record file that must be a valid draft (for --resume). */
export function loadDraft(file: string): PracticeRecord {
  const load = readRecordFile(resolve(file));
  if (!load.record) {
    const first = load.diagnostics[0];
    // The location (file:line:col) is printed in front of the message, so the message need not name the file.
    throw new CliError(`cannot resume this draft: ${first?.message ?? 'not a record'}`, EXIT.usage, first ?? { file });
  }
  if (load.record.status !== 'draft') {
    throw new CliError(`${file} is already complete`, EXIT.usage, undefined,
      `To start a new assessment from its answers: profile assess --from ${file}`);
  }
  return load.record;
}

export function loadRecord(file: string): PracticeRecord {
  const load = readRecordFile(file);
  if (!load.record) {
    const first = load.diagnostics[0];
    throw new CliError(`${first?.message ?? 'not a record'}`, EXIT.usage, first ?? { file });
  }
  return load.record;
}
