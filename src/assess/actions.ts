// Later changes to a record's action steps (status, new steps), editing the YAML document in place so the
// rest of the file (comments, order, the coach's own edits) stays exactly as it was.
import { parseDocument, type Document } from 'yaml';
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

/** The record text after the changes; only the touched nodes differ. */
export function applyChanges(text: string, changes: ActionChange[]): string {
  const doc: Document = parseDocument(text);
  for (const c of changes) {
    if (c.kind === 'status') doc.setIn(['actionSteps', c.step - 1, 'status'], c.status);
    else {
      const step: Record<string, string> = { text: c.step.text.trim() };
      if (c.step.for) step.for = c.step.for;
      if (c.step.due) step.due = c.step.due;
      step.status = 'planned';
      if (doc.getIn(['actionSteps']) === undefined) doc.set('actionSteps', doc.createNode([step]));
      else doc.addIn(['actionSteps'], doc.createNode(step));
    }
  }
  return doc.toString({ lineWidth: 0 });
}
