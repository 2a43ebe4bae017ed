// `profile actions`: the list of a record's action steps with their status.
import type { ChalkInstance } from 'chalk';
import type { RatedItem } from '../profile/model.js';
import type { PracticeRecord } from '../record/schema.js';
import { safeLine } from '../text-safety.js';

const MARK: Record<string, string> = { planned: '[ ] planned', 'in-progress': '[~] in progress', done: '[x] done' };

export function actionsList(rec: PracticeRecord, items: RatedItem[], ch: ChalkInstance): string {
  const steps = rec.actionSteps ?? [];
  if (!steps.length) return 'No action steps yet. Add one with: profile actions <record> --add "text"\n';
  const title = (id?: string) => items.find((i) => i.id === id)?.title ?? id;
  const colour = (s: string) => (s === 'done' ? ch.green : s === 'in-progress' ? ch.yellow : ch.dim);
  return steps
    .map((s, i) => {
      const extra = safeLine([s.for ? `for: ${title(s.for)}` : '', s.due ? `due ${s.due}` : ''].filter(Boolean).join(' · '));
      return `${i + 1}. ${colour(s.status)(MARK[s.status])}  ${safeLine(s.text)}${extra ? `\n   ${ch.dim(extra)}` : ''}`;
    })
    .join('\n') + '\n';
}
