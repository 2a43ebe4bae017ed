// Later changes to a record's action steps (status, new steps), editing the YAML document in place so the
// rest of the file (comments, order, the coach's own edits) stays exactly as it was.
import { isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';
import { CliError, EXIT } from '../errors.js';
import { ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { ActionStepT, PracticeRecord } from '../record/schema.js';
import { isValidDay, type StepAnswer } from './flow.js';

export type StepStatus = ActionStepT['status'];
export type ActionChange = { kind: 'status'; step: number; status: StepStatus } | { kind: 'add'; step: StepAnswer };

/** Check a change against the record (1-based step numbers, as the coach sees them). */
export function checkChange(rec: PracticeRecord, profile: Profile | undefined, c: ActionChange): void {
  const n = rec.actionSteps?.length ?? 0;
  if (c.kind === 'status') {
    if (!Number.isInteger(c.step) || c.step < 1 || c.step > n) {
      throw new CliError(`there is no action step ${c.step}; this record has ${n === 0 ? 'none' : n === 1 ? 'step 1 only' : `steps 1 to ${n}`}`, EXIT.usage);
    }
    return;
  }
  if (!c.step.text.trim()) throw new CliError('--add needs the text of the step', EXIT.usage);
  if (c.step.due && !isValidDay(c.step.due)) throw new CliError(`--due "${c.step.due}": a date looks like 2026-01-31`, EXIT.usage);
  if (c.step.for && profile && !ratedItems(profile).some((i) => i.id === c.step.for)) {
    throw new CliError(`--for "${c.step.for}" is not a rated item of ${rec.profile}; items: ${ratedItems(profile).map((i) => i.id).join(', ')}`, EXIT.usage);
  }
}

/** The record text after the changes. Only the touched text differs: values are spliced in by position. */
export function applyChanges(text: string, changes: ActionChange[]): string {
  for (const c of changes) text = c.kind === 'status' ? setStatus(text, c.step - 1, c.status) : addStep(text, c.step);
  return text;
}

function setStatus(text: string, index: number, status: StepStatus): string {
  const doc = parseDocument(text);
  const node = doc.getIn(['actionSteps', index, 'status'], true);
  if (isScalar(node) && node.range) return text.slice(0, node.range[0]) + status + text.slice(node.range[1]);
  doc.setIn(['actionSteps', index, 'status'], status); // no status written yet: let yaml place it
  return doc.toString({ lineWidth: 0 });
}

function addStep(text: string, step: StepAnswer): string {
  const fields: [string, string][] = [['text', step.text.trim()]];
  if (step.for) fields.push(['for', step.for]);
  if (step.due) fields.push(['due', step.due]);
  fields.push(['status', 'planned']);
  const doc = parseDocument(text);
  const seq = doc.get('actionSteps', true);
  const last = isSeq(seq) && !seq.flow ? (seq.items[seq.items.length - 1] as Node | undefined) : undefined;
  if (last?.range) {
    // Indent like the existing items; append right after the last one.
    const lineStart = text.lastIndexOf('\n', last.range[0] - 1) + 1;
    const dash = /^(\s*)-\s/.exec(text.slice(lineStart, last.range[0]))?.[1] ?? '  ';
    const eol = text.indexOf('\n', last.range[1]); // after any comment on the item's last line
    const at = eol < 0 ? text.length : eol;
    const before = text.slice(0, at).replace(/\n*$/, '');
    const lines = fields.map(([k, v], i) => `${i === 0 ? `${dash}- ` : `${dash}  `}${k}: ${stringify(v).trim()}`);
    return `${before}\n${lines.join('\n')}\n${text.slice(at).replace(/^\n*/, '')}`;
  }
  const node = doc.createNode(Object.fromEntries(fields));
  if (isSeq(seq)) seq.items.push(node);
  else doc.set('actionSteps', doc.createNode([Object.fromEntries(fields)]));
  return doc.toString({ lineWidth: 0 });
}
