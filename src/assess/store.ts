// Where an assessment lives on disk: one record file, created at the first answer, rewritten after each one.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { acquireLock } from '../file-lock.js';
import { readRecordText } from '../input-guard.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { parseRecordText, readRecordFile } from '../record/read.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import { replaceFileAtomic, serializeRecord, writeNewFileAtomic, writeNewRecord } from '../record/write.js';

/**
 * Autosave for one draft. The first save picks a fresh file name; later saves replace that file only while
 * it still holds exactly what this session last wrote. If anything else changed it meanwhile (a second
 * session on the same draft, an edit by hand), this session's answers go to a new file instead.
 */
export class DraftFile {
  private lastText?: string;
  /**
   * The record a `--from` draft started from, written into the draft as a comment (its path from the
   * draft's folder), so `--resume` on another computer, or with other settings, still shows last time.
   * A finished record does not carry it.
   */
  startedFrom?: string;

  constructor(
    readonly dir: string,
    public file?: string,
  ) {
    // The text the session's draft was read from (by loadDraft), not the file as it is now: another
    // session may have saved in between, and its answers must not be overwritten.
    if (file) this.lastText = loadedDrafts.get(resolve(file)) ?? readText(file);
  }

  save(rec: PracticeRecord): string {
    try {
      return this.write(rec);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`cannot save the record in ${this.dir}: ${fsErrorText(err)}`, EXIT.problems);
    }
  }

  private write(rec: PracticeRecord): string {
    const from = rec.status === 'draft' && this.startedFrom;
    const base = this.file ? dirname(this.file) : this.dir;
    const text = `${from ? startedFromLine(relative(base, resolve(this.startedFrom!))) : ''}${serializeRecord(rec)}`;
    if (!this.file) {
      if (existsSync(this.dir) && !statSync(this.dir).isDirectory())
        throw new CliError(`--dir ${this.dir} is not a folder`, EXIT.usage);
      this.file = writeNewRecord(this.dir, rec, text);
      this.lastText = text;
      return this.file;
    }
    // Compare and replace under the draft's lock: a second session cannot write between the two.
    const lock = acquireLock(this.file);
    try {
      const onDisk = readText(this.file);
      if (onDisk === undefined) {
        writeNewFileAtomic(this.file, text); // removed meanwhile: write it again, same name
      } else if (onDisk !== this.lastText || /^id:\s*(\S+)/m.exec(onDisk)?.[1] !== rec.id) {
        const forked = { ...rec, id: randomUUID() };
        const file = writeNewRecord(this.dir, forked, text.replace(rec.id, forked.id));
        const why = `${this.file} was changed elsewhere (another session, or by hand) or holds another record, so it was left as it is.`;
        // A finished review cannot be resumed: say what there is now, two reviews, and what to do.
        if (forked.status === 'complete') {
          const otherDone = /^status:\s*complete\s*$/m.test(onDisk);
          throw new CliError(
            `${why} Your review is saved, complete, in ${file}.${
              otherDone ? ` ${this.file} is complete too (finished in another window?): there are now two reviews.` : ''
            }`,
            EXIT.problems,
            undefined,
            otherDone
              ? `Keep one and delete the other: compare them with profile report ${this.file} and profile report ${file}.`
              : `${this.file} is a draft still: if it is the same review, delete it (or finish it with profile assess --resume ${this.file}).`,
          );
        }
        throw new CliError(
          `${why} Your answers so far are in ${file}`,
          EXIT.problems,
          undefined,
          `To carry on: profile assess --resume ${file}`,
        );
      } else {
        replaceFileAtomic(this.file, text);
      }
    } finally {
      lock.release();
    }
    this.lastText = text;
    return this.file;
  }
}

const STARTED_FROM = /^# Started from (.+) \(profile assess --from\); --resume shows its answers as last time's\.$/m;

function startedFromLine(path: string): string {
  return `# Started from ${path} (profile assess --from); --resume shows its answers as last time's.\n`;
}

/** The record a draft says it started from (its comment), as a path from here; undefined if none. */
export function draftStartedFrom(draftFile: string): string | undefined {
  const m = STARTED_FROM.exec(readText(draftFile) ?? '');
  return m ? join(dirname(resolve(draftFile)), m[1]) : undefined;
}

/** The draft's text, or undefined if it is gone. */
function readText(file: string): string | undefined {
  try {
    return readRecordText(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
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

/** Each draft's text as loadDraft read it, for the DraftFile that will save the session (see its constructor). */
const loadedDrafts = new Map<string, string>();

/** A record file that must be a valid draft (for --resume), checked against its profile when it is known. */
export function loadDraft(
  file: string,
  profileOf: (ref: string) => Profile | undefined = () => undefined,
): PracticeRecord {
  const path = resolve(file);
  let text: string;
  try {
    text = readRecordText(path);
  } catch (err) {
    throw new CliError(`cannot resume this draft: cannot read: ${fsErrorText(err)}`, EXIT.usage, { file: path });
  }
  const load = parseRecordText(text, path);
  loadedDrafts.set(path, text);
  const profile = load.record && profileOf(load.record.profile);
  if (load.record && profile && load.source) {
    const bad = checkRecordAgainstProfile(load.record, profile, load.source).find((d) => d.severity === 'error');
    if (bad)
      throw new CliError(
        `cannot resume this draft: ${bad.message}`,
        EXIT.usage,
        bad,
        `Correct the file (profile validate ${file}), then resume again.`,
      );
  }
  if (!load.record) {
    const first = load.diagnostics[0];
    // The location (file:line:col) is printed in front of the message, so the message need not name the file.
    throw new CliError(`cannot resume this draft: ${first?.message ?? 'not a record'}`, EXIT.usage, first ?? { file });
  }
  if (load.record.status !== 'draft') {
    throw new CliError(
      `${file} is already complete`,
      EXIT.usage,
      undefined,
      `To start a new assessment from its answers: profile assess --from ${file}`,
    );
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
