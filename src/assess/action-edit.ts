// The YAML side of `profile actions`: each change made on the record's Document, so the coach's comments,
// key order and layout stay. Dates are written double-quoted, so a YAML 1.1 parser reads them as text too.
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq, type Document, type YAMLMap } from 'yaml';
import { CliError, EXIT } from '../errors.js';
import type { ActionStepT } from '../record/schema.js';
import type { StepAnswer } from './flow.js';

export type StepStatus = ActionStepT['status'];

/**
 * What the coach saw of the step when choosing it (interactive changes): its text. Under the file's lock the
 * change goes to the step that still has this text, or is refused, so a list changed in another window
 * (a step removed, say) never sends a change to a different step.
 */
export interface Seen {
  seen?: string;
}

/** A change to one step (1-based numbers, as the coach sees them, always of the list before any removal). */
export type ActionChange =
  | ({ kind: 'status'; step: number; status: StepStatus; on?: string } & Seen)
  | { kind: 'add'; step: StepAnswer }
  | ({ kind: 'text'; step: number; text: string } & Seen)
  | ({ kind: 'due'; step: number; due: string | null } & Seen)
  | ({ kind: 'note'; step: number; text: string; on: string } & Seen)
  | ({ kind: 'remove'; step: number } & Seen);

/** A step's text as it is stored: one line, no surrounding blanks. */
export function cleanStepText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

// The options src/yaml-source.ts reads records with.
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;
// Key order of a step as in the record contract.
const STEP_KEYS = ['text', 'for', 'due', 'status', 'done', 'progress'];

export function parseRecordDoc(text: string): Document.Parsed {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length) throw new CliError(doc.errors[0].message, EXIT.problems);
  return doc;
}

/** A double-quoted scalar: dates and times stay text for any YAML reader (1.1 included). */
export function quoted(day: string): Scalar<string> {
  const s = new Scalar(day);
  s.type = Scalar.QUOTE_DOUBLE;
  return s;
}

/** The plain value of a new step, in contract order. */
export function newStep(step: StepAnswer): Record<string, string> {
  return {
    text: cleanStepText(step.text),
    ...(step.for ? { for: step.for } : {}),
    ...(step.due ? { due: step.due } : {}),
    status: 'planned',
  };
}

function stepNode(doc: Document, step: StepAnswer): YAMLMap {
  const node = doc.createNode(newStep(step)) as YAMLMap;
  if (step.due) node.set('due', quoted(step.due));
  return node;
}

function stepMap(doc: Document, index: number): YAMLMap {
  const m = doc.getIn(['actionSteps', index], true);
  if (!isMap(m)) throw new CliError(`action step ${index + 1} is not a mapping`, EXIT.problems);
  return m;
}

/** Set `key` in a step, a new key going to its place in the contract order (after the keys before it). */
function setStepKey(map: YAMLMap, key: string, value: unknown): void {
  const at = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  if (at >= 0) {
    map.items[at].value = value;
    return;
  }
  const rank = STEP_KEYS.indexOf(key);
  let insert = 0;
  map.items.forEach((p, i) => {
    const k = isScalar(p.key) ? STEP_KEYS.indexOf(String(p.key.value)) : -1;
    if (k >= 0 && k < rank) insert = i + 1;
  });
  map.set(key, value); // creates the pair (as the yaml library likes it) ...
  const pair = map.items.pop()!; // ... which is then moved to its place
  map.items.splice(insert, 0, pair);
}

/** Apply one change to the Document (removals are done by the caller, last). */
export function editDoc(doc: Document, c: Exclude<ActionChange, { kind: 'remove' }>, today: string): void {
  if (c.kind === 'add') {
    const seq = doc.get('actionSteps', true);
    if (isSeq(seq)) {
      if (seq.flow && seq.items.length === 0) seq.flow = false; // `actionSteps: []` becomes a block list
      seq.items.push(stepNode(doc, c.step));
    } else if (isMap(doc.contents)) {
      const list = new YAMLSeq();
      list.items.push(stepNode(doc, c.step));
      doc.set('actionSteps', list);
    } else {
      throw new CliError('not a record', EXIT.problems);
    }
    return;
  }
  const m = stepMap(doc, c.step - 1);
  if (c.kind === 'status') {
    setStepKey(m, 'status', c.status);
    if (c.status === 'done') {
      if (c.on || !m.has('done')) setStepKey(m, 'done', quoted(c.on ?? today));
    } else m.delete('done');
  } else if (c.kind === 'text') {
    setStepKey(m, 'text', cleanStepText(c.text));
  } else if (c.kind === 'due') {
    if (c.due) setStepKey(m, 'due', quoted(c.due));
    else m.delete('due');
  } else if (c.kind === 'note') {
    let list: unknown = m.get('progress', true);
    if (!isSeq(list)) {
      list = new YAMLSeq();
      setStepKey(m, 'progress', list);
    }
    const entry = doc.createNode({ date: c.on, text: cleanStepText(c.text) }) as YAMLMap;
    entry.set('date', quoted(c.on));
    if (isSeq(list)) list.items.push(entry);
  }
}

/** Remove steps (0-based indexes into the list as it was), from the last one, so the others keep their place. */
export function removeSteps(doc: Document, indexes: number[]): void {
  const seq = doc.get('actionSteps', true);
  if (!isSeq(seq)) return;
  for (const i of [...new Set(indexes)].sort((a, b) => b - a)) seq.items.splice(i, 1);
}

// Top-level keys that come before `updated` in the record contract.
const BEFORE_UPDATED = ['kind', 'format', 'id', 'profile', 'status', 'date', 'cycle', 'group', 'respondent'];

/**
 * Stamp the record's `updated:` (quoted) with `now`, in its place after `respondent`: a copy resent after
 * this change then replaces the earlier one in summaries instead of conflicting with it.
 */
export function stampUpdated(doc: Document, now: string): void {
  const top = doc.contents;
  if (!isMap(top)) throw new CliError('not a record', EXIT.problems);
  const at = top.items.findIndex((p) => isScalar(p.key) && p.key.value === 'updated');
  if (at >= 0) {
    top.items[at].value = quoted(now);
    return;
  }
  let insert = 0;
  top.items.forEach((p, i) => {
    if (isScalar(p.key) && BEFORE_UPDATED.includes(String(p.key.value))) insert = i + 1;
  });
  top.set('updated', quoted(now));
  top.items.splice(insert, 0, top.items.pop()!);
}
