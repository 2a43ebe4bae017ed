// `profile history` in the terminal: each item with its level at each review side by side (in words, the
// colour only adding to them), wrapped to the window, then the steps done between reviews.
import type { ChalkInstance } from 'chalk';
import { trendLine, type HistoryCell, type HistoryModel } from '../history/model.js';
import { paint } from './colour.js';
import { safeStrings } from './report-view.js';
import { terminalWidth, wrap } from './wrap.js';

const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const key = (i: number) => KEY[i] ?? String(i + 1);

function cellText(c: HistoryCell | undefined): string {
  return c ? `■ ${c.short}` : '–';
}

/**
 * The span a review's done steps belong to: ", before the 2026-09-10 review", or ", before review C the same
 * day" when the next review has the same date ("before the 2026-11-26 review" under "B 2026-11-26" reads as a
 * slip), or ", since then" for the newest.
 */
function until(date: string, next: string | undefined, nextKey: string): string {
  if (next === undefined) return ', since then';
  return next === date ? `, before review ${nextKey} the same day` : `, before the ${next} review`;
}

/**
 * "done 2026-10-02"; a day that is a review's own day, or after the next review (a step of an earlier plan
 * marked done later), says so instead of leaving the reader to compare dates.
 */
function doneOn(on: string, i: number, m: HistoryModel): string {
  const here = m.columns[i].date;
  const next = m.columns[i + 1];
  if (on === here && next?.date === here) return `done ${on}, the same day`;
  if (on === here) return `done ${on}, the day of review ${key(i)}`;
  if (next && on === next.date) return `done ${on}, the day of review ${key(i + 1)}`;
  if (next && on > next.date) return `done ${on}, after review ${key(i + 1)}`;
  return `done ${on}`;
}

export function historyText(
  model: HistoryModel,
  ch: ChalkInstance,
  skipped: string[] = [],
  width = terminalWidth(),
): string {
  const m = safeStrings(model);
  const out: string[] = [ch.bold(wrap(`${m.title}: your reviews`, width)), ''];
  m.columns.forEach((c, i) =>
    out.push(
      wrap(
        [c.date, c.cycle, c.ref === m.ref ? '' : `${c.ref}, through the crosswalk`].filter(Boolean).join(' · '),
        width,
        `  ${key(i)}  `,
        '     ',
      ),
    ),
  );
  out.push(ch.dim(wrap('– = not rated in that review (or no counterpart in its version).', width)));
  for (const d of m.dropped)
    out.push(ch.dim(wrap(`Not in ${m.ref}, so not shown: ${d.titles.join('; ')} (from ${d.ref}).`, width)));
  if (skipped.length) out.push(ch.dim(wrap(`Files not shown: ${skipped.join(', ')}.`, width)));
  for (const tw of m.twins) {
    const which = tw.columns.map((i) => `${key(i)} (${m.columns[i].file})`).join(' and ');
    out.push(
      ch.yellow(
        wrap(
          tw.sameAnswers
            ? `Warning: reviews ${which} have the same ${tw.shared.replace(' ', ' (')}) and the same answers: the same review saved twice? Keep one and delete the other file.`
            : `Warning: reviews ${which} have the same ${tw.shared.replace(' ', ' (')}) but different answers: check whose each is before you move or delete either (one may be a colleague's).`,
          width,
        ),
      ),
    );
  }
  out.push(
    '',
    ...trendLine(m)
      .split('\n')
      .map((l) => wrap(l, width)),
  );
  // Cells in equal columns when they fit on one line; otherwise one review per line.
  const cellWidth = Math.max(...m.rows.flatMap((r) => r.cells.map((c) => cellText(c).length))) + 4; // "A " and two blanks
  const oneLine = 3 + m.columns.length * cellWidth + 8 <= width;
  for (const r of m.rows) {
    out.push('', ch.bold(wrap(`${r.number ? `${r.number}. ` : ''}${r.title}`, width, '', '   ')));
    const cells = r.cells.map((c, i) => {
      const plain = `${key(i)} ${cellText(c)}`;
      const coloured = c ? `${key(i)} ${paint(ch, c.colour, '■')} ${paint(ch, c.colour, c.short)}` : ch.dim(plain);
      return { plain, coloured };
    });
    const change =
      r.change === undefined
        ? ''
        : r.change > 0
          ? ch.green('↑ up')
          : r.change < 0
            ? ch.red('↓ down')
            : ch.dim('= same');
    if (oneLine)
      out.push(
        '   ' +
          cells
            .map((c, i) => (i < cells.length - 1 ? c.coloured + ' '.repeat(cellWidth - c.plain.length) : c.coloured))
            .join('') +
          (change ? `   ${change}` : ''),
      );
    else out.push(...cells.map((c, i) => `   ${c.coloured}${i === cells.length - 1 && change ? `   ${change}` : ''}`));
  }
  const done = m.done.flatMap((steps, i) => (steps.length ? [{ i, steps }] : []));
  out.push('', ch.bold('Action steps done'));
  if (!done.length) out.push('  (none marked done yet: profile actions <record> --done N)');
  for (const { i, steps } of done) {
    const here = m.columns[i];
    const next = m.columns[i + 1];
    out.push(`  ${key(i)} ${here.date}${until(here.date, next?.date, key(i + 1))}:`);
    for (const s of steps)
      out.push(wrap(`${s.text}${s.on ? ` (${doneOn(s.on, i, m)})` : ''}`, width, '    • ', '      '));
  }
  return `${out.join('\n')}\n`;
}
