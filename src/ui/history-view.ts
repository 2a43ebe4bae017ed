// `profile history` in the terminal: each item with its level at each review side by side (in words, the
// colour only adding to them), wrapped to the window, then the steps done between reviews. --plain (screen
// readers): the same in words alone, no marks or arrows.
import type { ChalkInstance } from 'chalk';
import { trendLine, type HistoryCell, type HistoryModel, type HistoryRow } from '../history/model.js';
import { paint } from './colour.js';
import { safeStrings } from './report-view.js';
import { terminalWidth, wrap } from './wrap.js';

const KEY = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const key = (i: number) => KEY[i] ?? String(i + 1);

function cellText(c: HistoryCell | undefined, plain: boolean): string {
  if (plain) return c ? c.short : 'not rated';
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

/** A change mark: its words without colour codes (for widths) and as shown. */
interface Mark {
  text: string;
  paint: (ch: ChalkInstance) => string;
}

function mark(change: number, words: string, plain: boolean): Mark {
  const [sign, word, colour] =
    change > 0
      ? (['↑', 'up', 'green'] as const)
      : change < 0
        ? (['↓', 'down', 'red'] as const)
        : (['=', 'same', 'dim'] as const);
  const text = `${plain ? '' : `${sign} `}${word} ${words}`;
  return { text, paint: (ch) => ch[colour](text) };
}

/**
 * What an item's marks compare, said in them: "↑ up since A" (the newest against the first review that rated
 * it), then, with three reviews or more, ", ↓ down since C" when the review before the newest went another way
 * (the headline's "Since the last review" line counts that one). "↑ up from A to B" when the newest review did
 * not rate the item.
 */
function changeMarks(r: HistoryRow, plain: boolean): Mark[] {
  if (r.change === undefined || r.changeFrom === undefined || r.changeTo === undefined) return [];
  const newest = r.cells.length - 1;
  const out = [
    mark(
      r.change,
      r.changeTo === newest ? `since ${key(r.changeFrom)}` : `from ${key(r.changeFrom)} to ${key(r.changeTo)}`,
      plain,
    ),
  ];
  if (r.recent && Math.sign(r.recent.change) !== Math.sign(r.change))
    out.push(mark(r.recent.change, `since ${key(r.recent.from)}`, plain));
  return out;
}

export function historyText(
  model: HistoryModel,
  ch: ChalkInstance,
  skipped: string[] = [],
  width = terminalWidth(),
  plain = false,
): string {
  const m = safeStrings(model);
  const dot = plain ? ', ' : ' · ';
  const out: string[] = [ch.bold(wrap(`${m.title}: your reviews`, width)), ''];
  m.columns.forEach((c, i) =>
    out.push(
      wrap(
        [c.date, c.cycle, c.ref === m.ref ? '' : `${c.ref}, through the crosswalk`].filter(Boolean).join(dot),
        width,
        `  ${key(i)}  `,
        '     ',
      ),
    ),
  );
  out.push(
    ch.dim(
      wrap(
        plain
          ? 'not rated: that review did not rate the item (or its version has no counterpart).'
          : '– = not rated in that review (or no counterpart in its version).',
        width,
      ),
    ),
  );
  if (m.rows.some((r) => r.change !== undefined)) {
    const newest = key(m.columns.length - 1);
    out.push(
      ch.dim(
        wrap(
          `${plain ? 'up, same, down' : '↑ up, = same, ↓ down'} since A: your newest level (${newest}) compared with A's.`,
          width,
        ),
      ),
    );
  }
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
  const cellWidth = Math.max(...m.rows.flatMap((r) => r.cells.map((c) => cellText(c, plain).length))) + 4; // "A " and two blanks
  const marks = m.rows.map((r) => changeMarks(r, plain));
  const markWidth = Math.max(0, ...marks.map((ms) => ms.map((x) => x.text).join(', ').length));
  const oneLine = 3 + m.columns.length * cellWidth + (markWidth ? markWidth + 3 : 0) <= width;
  // The marks in one column, whatever the length of each item's newest level: the newest review's cell is
  // padded to the widest cell ("C Far from Proficient"). One review per line, the same when every mark fits
  // beside that width; otherwise each mark goes beside its own newest level, or under it.
  const lastWidth = cellWidth - 2;
  const aligned = oneLine || 3 + lastWidth + 3 + markWidth <= width;
  m.rows.forEach((r, k) => {
    out.push('', ch.bold(wrap(`${r.number ? `${r.number}. ` : ''}${r.title}`, width, '', '   ')));
    const cells = r.cells.map((c, i) => {
      const text = `${key(i)} ${cellText(c, plain)}`;
      const coloured =
        c && !plain ? `${key(i)} ${paint(ch, c.colour, '■')} ${paint(ch, c.colour, c.short)}` : c ? text : ch.dim(text);
      return { plain: text, coloured };
    });
    const change = marks[k].map((x) => x.paint(ch)).join(', ');
    const changeWidth = marks[k].map((x) => x.text).join(', ').length;
    const last = cells[cells.length - 1];
    const beside = aligned ? `${' '.repeat(lastWidth - last.plain.length)}   ${change}` : `   ${change}`;
    if (oneLine) {
      out.push(
        '   ' +
          cells
            .map((c, i) => (i < cells.length - 1 ? c.coloured + ' '.repeat(cellWidth - c.plain.length) : c.coloured))
            .join('') +
          (change ? beside : ''),
      );
      return;
    }
    out.push(...cells.map((c) => `   ${c.coloured}`));
    if (!change) return;
    // The mark beside the newest review when it fits, else on a line of its own under it.
    if (aligned || 3 + last.plain.length + 3 + changeWidth <= width) out[out.length - 1] += beside;
    else out.push(`     ${change}`);
  });
  const done = m.done.flatMap((steps, i) => (steps.length ? [{ i, steps }] : []));
  out.push('', ch.bold('Action steps done'));
  if (!done.length) out.push('  (none marked done yet: profile actions <record> --done N)');
  for (const { i, steps } of done) {
    const here = m.columns[i];
    const next = m.columns[i + 1];
    out.push(`  ${key(i)} ${here.date}${until(here.date, next?.date, key(i + 1))}:`);
    for (const s of steps)
      out.push(
        wrap(`${s.text}${s.on ? ` (${doneOn(s.on, i, m)})` : ''}`, width, plain ? '    - ' : '    • ', '      '),
      );
  }
  return `${out.join('\n')}\n`;
}
