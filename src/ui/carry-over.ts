// `assess --from`: what last time's record brings along and what it cannot, said before the first question.
import type { ChalkInstance } from 'chalk';
import type { CarryOver } from '../assess/from.js';
import { safeText } from '../text-safety.js';
import { terminalWidth, wrap } from './wrap.js';

/**
 * "" when everything carries over as it was (same ids, same levels, every step still linked). `asking`: the
 * session will ask (a terminal), so "when asked" is true; with --yes nothing is asked.
 *
 * `names` turn an item id into what the coach reads ("2. Facilitating the improvement process"): `from` in
 * the earlier record's version, `to` in this one. Without them, the ids.
 */
export function carryOverText(
  c: CarryOver,
  file: string,
  ch: ChalkInstance,
  names: { from: (id: string) => string; to: (id: string) => string } = { from: (x) => x, to: (x) => x },
  asking = true,
): string {
  const lines: string[] = [];
  const list = (ids: string[]) => ids.map(names.from).join('; ');
  if (c.renamed.length)
    lines.push(
      `Renamed in ${c.to}, carried over under the new name: ${c.renamed.map(([a, b]) => `${names.from(a)} → ${names.to(b)}`).join('; ')}.`,
    );
  if (c.dropped.length)
    lines.push(
      `Not carried over, no counterpart in ${c.to}: ${list(c.dropped)}. Last time's ratings, notes and priorities for ${c.dropped.length === 1 ? 'it' : 'them'} stay in the old record only.`,
    );
  for (const [item, level] of c.levelDropped)
    lines.push(
      `Not carried over: the rating of ${names.from(item)} ("${level}"), a level with no counterpart in ${c.to}.`,
    );
  for (const [text, item] of c.unlinkedSteps)
    lines.push(
      `Action step "${safeText(text)}" was for ${names.from(item)}, which has no counterpart in ${c.to}: it is carried over unlinked${asking ? ' (link it to a priority when asked, or leave it)' : ''}.`,
    );
  // A new review starts a new plan: unfinished steps come along as planned, without their old due dates.
  // Their progress notes are last year's story: they stay in that record, and that is said, not left out.
  const { carried, inProgress, due, notes } = c.steps;
  if (inProgress || due || notes) {
    const was = [
      inProgress ? `${inProgress} ${inProgress === 1 ? 'was' : 'were'} in progress` : '',
      due ? `${due} had a due date` : '',
    ].filter(Boolean);
    const them = carried === 1 ? 'it' : 'them';
    lines.push(
      [
        `Last time's ${carried} unfinished action step${carried === 1 ? '' : 's'} come${carried === 1 ? 's' : ''} along as this time's plan, marked planned and without a due date${was.length ? ` (${was.join(' and ')})` : ''}.`,
        notes
          ? `${notes === 1 ? 'Its progress note stays' : `Their ${notes} progress notes stay`} in last time's record (profile report ${safeText(file)} shows ${notes === 1 ? 'it' : 'them'}).`
          : '',
        asking
          ? `Give ${them} new dates when asked, or mark progress later with profile actions.`
          : `Give ${them} new dates and mark progress later with profile actions (--step N --due DATE).`,
      ]
        .filter(Boolean)
        .join(' '),
    );
  }
  if (!lines.length) return '';
  const width = terminalWidth();
  const head = `Starting from ${safeText(file)} (${c.from}) for ${c.to}:`;
  return `${ch.bold(wrap(head, width))}\n${lines.map((l) => wrap(l, width, '- ', '  ')).join('\n')}\n\n`;
}
