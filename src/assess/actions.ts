// Later changes to a record's action steps (status, new steps). The file is edited through the yaml
// Document API so the coach's comments and key order stay; the result is checked before it is written.
import { chmodSync, realpathSync, statSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { replaceFileAtomic } from '../atomic-write.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { acquireLock, type FileLock } from '../file-lock.js';
import { readRecordText } from '../input-guard.js';
import { profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { parseRecordText } from '../record/read.js';
import type { ActionStepT, PracticeRecord } from '../record/schema.js';
import { quoteAmbiguousScalars } from '../record/write.js';
import { isValidDay, type StepAnswer } from './flow.js';

export type StepStatus = ActionStepT['status'];
export type ActionChange = { kind: 'status'; step: number; status: StepStatus } | { kind: 'add'; step: StepAnswer };

/** A step's text as it is stored: one line, no surrounding blanks. */
export function cleanStepText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The most action steps the record's profile allows (undefined when the profile is not known). */
export function maxSteps(profile: Profile | undefined): number | undefined {
  return profile?.process.actionSteps.max;
}

/** Why a draft cannot be changed here, or undefined for a complete record. */
export function draftProblem(rec: PracticeRecord, file: string): CliError | undefined {
  if (rec.status !== 'draft') return undefined;
  return new CliError(
    `${file} is a draft (status: draft): finish it first with profile assess --resume ${file}`,
    EXIT.usage,
    undefined,
    'A running assessment on this draft would overwrite changes made here.',
  );
}

/** Check a change against the record (1-based step numbers, as the coach sees them). */
export function checkChange(rec: PracticeRecord, profile: Profile | undefined, c: ActionChange): void {
  checkChanges(rec, profile, [c]);
}

/** Check a set of changes made together: each on its own, then as a whole (no step twice, not over the maximum). */
export function checkChanges(rec: PracticeRecord, profile: Profile | undefined, changes: ActionChange[]): void {
  const n = rec.actionSteps?.length ?? 0;
  const statusOf = new Map<number, StepStatus>();
  let adds = 0;
  for (const c of changes) {
    if (c.kind === 'status') {
      if (!Number.isInteger(c.step) || c.step < 1 || c.step > n) {
        throw new CliError(`there is no action step ${c.step}; this record has ${n === 0 ? 'none' : n === 1 ? 'step 1 only' : `steps 1 to ${n}`}`, EXIT.usage);
      }
      const before = statusOf.get(c.step);
      if (before !== undefined && before !== c.status) {
        throw new CliError(`step ${c.step} cannot be both ${before} and ${c.status}; give each step one new status`, EXIT.usage);
      }
      statusOf.set(c.step, c.status);
      continue;
    }
    adds++;
    if (!cleanStepText(c.step.text)) throw new CliError('--add needs the text of the step', EXIT.usage);
    if (c.step.due !== undefined && !isValidDay(c.step.due)) throw new CliError(`--due "${c.step.due}" is not a date; a date looks like 2026-01-31`, EXIT.usage);
    if (c.step.for && profile && !ratedItems(profile).some((i) => i.id === c.step.for)) {
      throw new CliError(`--for "${c.step.for}" is not a rated item of ${rec.profile}; items: ${ratedItems(profile).map((i) => i.id).join(', ')}`, EXIT.usage);
    }
  }
  const max = maxSteps(profile);
  if (adds && max !== undefined && n + adds > max) {
    throw new CliError(
      `this record already has ${n} action step${n === 1 ? '' : 's'}; ${profile ? profileRef(profile) : rec.profile} allows at most ${max}, so no step was added`,
      EXIT.usage,
      undefined,
      'Change the text of an existing step instead (edit the record file).',
    );
  }
}

// The options src/yaml-source.ts reads records with.
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/** The record text after the changes. Throws (and nothing should be written) if the result is not the expected record. */
export function applyChanges(text: string, changes: ActionChange[], file = 'record'): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const before = parseRecordText(text, file);
  if (!before.record) throw new CliError(before.diagnostics[0]?.message ?? 'not a record', EXIT.problems, before.diagnostics[0]);
  const expected = structuredClone(before.source!.value) as Record<string, unknown>;
  for (const c of changes) {
    text = c.kind === 'status' ? setStatus(text, c.step - 1, c.status) : addStep(text, c.step);
    const steps = (expected.actionSteps ??= []) as Record<string, unknown>[];
    if (c.kind === 'status') steps[c.step - 1].status = c.status;
    else steps.push(newStep(c.step));
  }
  // Never write a broken file: the new text must read back as a valid record, with exactly the changes asked for.
  const after = parseRecordText(text, file);
  if (!after.record || !isDeepStrictEqual(after.source!.value, expected)) {
    const why = after.diagnostics[0]?.message ?? 'the result differs from what was asked';
    throw new CliError(`could not change ${file} safely (${why}); the file was left as it was`, EXIT.problems);
  }
  return text;
}

function newStep(step: StepAnswer): Record<string, string> {
  // Key order as in the record contract: text, for, due, status.
  return { text: cleanStepText(step.text), ...(step.for ? { for: step.for } : {}), ...(step.due ? { due: step.due } : {}), status: 'planned' };
}

function parse(text: string): Document.Parsed {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) throw new CliError(doc.errors[0].message, EXIT.problems);
  return doc;
}

function setStatus(text: string, index: number, status: StepStatus): string {
  const doc = parse(text);
  const node = doc.getIn(['actionSteps', index, 'status'], true);
  // A plain one-word value: replace just that word, so the rest of the file stays byte for byte.
  if (isScalar(node) && node.range && node.type === 'PLAIN' && /^[a-z-]+$/.test(text.slice(node.range[0], node.range[1]))) {
    return text.slice(0, node.range[0]) + status + text.slice(node.range[1]);
  }
  doc.setIn(['actionSteps', index, 'status'], status);
  return doc.toString({ lineWidth: 0 });
}

function addStep(text: string, step: StepAnswer): string {
  const doc = parse(text);
  const item = doc.createNode(newStep(step));
  quoteAmbiguousScalars(item); // a due date stays text for YAML 1.1 readers
  const seq = doc.get('actionSteps', true);
  if (isSeq(seq)) {
    if (seq.flow && seq.items.length === 0) seq.flow = false; // `actionSteps: []` becomes a block list
    seq.items.push(item);
  } else if (isMap(doc.contents)) {
    doc.set('actionSteps', doc.createNode([item]));
  } else {
    throw new CliError('not a record', EXIT.problems);
  }
  return doc.toString({ lineWidth: 0 });
}

export interface SavedChanges {
  text: string;
  record: PracticeRecord;
}

/**
 * Read `file` afresh, check and apply the changes, and replace it atomically: the same permission bits,
 * and through a symlink to its target (the link stays a link). Read and write happen under the file's
 * lock, so two runs at once both land their changes, one after the other.
 */
export function saveChanges(file: string, profile: Profile | undefined, changes: ActionChange[]): SavedChanges {
  let target: string;
  try {
    target = realpathSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}`, EXIT.usage);
  }
  let lock: FileLock;
  try {
    lock = acquireLock(target);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${fsErrorText(err)}`, EXIT.problems);
  }
  try {
    return saveLocked(file, target, profile, changes);
  } finally {
    lock.release();
  }
}

function saveLocked(file: string, target: string, profile: Profile | undefined, changes: ActionChange[]): SavedChanges {
  let mode: number;
  let text: string;
  try {
    mode = statSync(target).mode & 0o7777;
    text = readRecordText(target);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}`, EXIT.usage);
  }
  const r = parseRecordText(text, file);
  if (!r.record) throw new CliError(r.diagnostics[0]?.message ?? 'not a record', EXIT.problems, r.diagnostics[0]);
  const draft = draftProblem(r.record, file);
  if (draft) throw draft;
  checkChanges(r.record, profile, changes);
  const out = applyChanges(text, changes, file);
  const record = parseRecordText(out, file).record!;
  try {
    replaceFileAtomic(target, out, { mode });
    // The temp file's mode went through the umask; give the file back exactly the bits it had.
    if ((statSync(target).mode & 0o7777) !== mode) chmodSync(target, mode);
  } catch (err) {
    throw new CliError(`cannot write ${file}: ${fsErrorText(err)}`, EXIT.problems);
  }
  return { text: out, record };
}
