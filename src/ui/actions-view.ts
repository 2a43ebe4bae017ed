// `profile actions`: the list of a record's action steps with their status, dates and progress notes.
import type { ChalkInstance } from 'chalk';
import type { RatedItem } from '../profile/model.js';
import { isOverdue } from '../report/model.js';
import type { PracticeRecord } from '../record/schema.js';
import { safeLine } from '../text-safety.js';
import { terminalWidth, wrap } from './wrap.js';

const MARK: Record<string, string> = { planned: '[ ] planned', 'in-progress': '[~] in progress', done: '[x] done' };
/** --plain: the status in words alone; a screen reader speaks "[ ]" and "[~]" as brackets and a tilde. */
const WORDS: Record<string, string> = { planned: 'planned', 'in-progress': 'in progress', done: 'done' };

export function actionsList(
  rec: PracticeRecord,
  items: RatedItem[],
  ch: ChalkInstance,
  today: string,
  max?: number,
  width = terminalWidth(),
  /** The record's file name as the coach can type it, for the hint. */
  file = '<record>',
  /** --plain (screen readers): words and commas only, no [x] marks or · separators. */
  plain = false,
): string {
  const steps = rec.actionSteps ?? [];
  if (!steps.length)
    return `${wrap(`No action steps yet. Add one with: profile actions ${file} --add "text"`, width)}\n`;
  const title = (id?: string) => items.find((i) => i.id === id)?.title ?? id;
  const colour = (s: string) => (s === 'done' ? ch.green : s === 'in-progress' ? ch.yellow : ch.dim);
  // Text from the file passes safeLine first: control and bidi characters are shown escaped, never obeyed.
  const lines = steps.map((s, i) => {
    const late = isOverdue(s, today);
    const head = `${i + 1}. ${colour(s.status)((plain ? WORDS : MARK)[s.status])}${late ? `${plain ? ',' : ''} ${ch.red.bold('OVERDUE')}` : ''}`;
    const out = [head, wrap(safeLine(s.text), width, '   ')];
    const extra = safeLine(
      [s.for ? `for: ${title(s.for)}` : '', s.due ? `due ${s.due}` : '', s.done ? `done ${s.done}` : '']
        .filter(Boolean)
        .join(plain ? ', ' : ' · '),
    );
    if (extra) out.push(ch.dim(wrap(extra, width, '   ')));
    for (const p of s.progress ?? []) out.push(wrap(safeLine(`${p.date}: ${p.text}`), width, '   - ', '     '));
    return out.join('\n');
  });
  const open = steps.filter((s) => s.status !== 'done').length;
  const count =
    max === undefined
      ? ''
      : ch.dim(
          `\n${open} open of at most ${max}${open < max ? '; you can add a step' : '; mark one done to add another'}.`,
        );
  return `${lines.join('\n') + count}\n`;
}
