// Formats escape what they print: HTML text, spreadsheet formulas in CSV, Markdown control characters.
import { describe, expect, it } from 'vitest';
import { rated, summaryOf } from './summary-helpers.js';
import { csvCell, formatCsv } from '../../src/summary/format/csv.js';
import { formatHtml } from '../../src/summary/format/html.js';
import { formatMarkdown } from '../../src/summary/format/md.js';
import { allItemsWithheld } from '../../src/summary/format/walk.js';
import type { GroupSummary } from '../../src/summary/model.js';
import type { Why } from '../../src/summary/protect/rules.js';

function summary() {
  return summaryOf(
    Array.from({ length: 6 }, () => ({
      groups: { region: '=HYPERLINK("x")' },
      ratings: rated('proficient', { feedback: 'exemplary' }),
      steps: [1, 0, 0] as [number, number, number],
      ownAreas: ['<script>alert(1)</script>'],
      stepTexts: ['+cmd|calc'],
    })),
    { by: [['region']], includeText: true },
  );
}

describe('summary formats', () => {
  it('csv: quotes every cell and defuses formulas', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell(12)).toBe('12');
    expect(csvCell('say "hi"')).toBe(`"say ""hi"""`);
    const csv = formatCsv(summary());
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`"'+cmd|calc"`);
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });
  it('html: escapes free text and group names, no scripts, no external assets', () => {
    const html = formatHtml(summary());
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|https?:\/\/|src=|<link/i);
  });
  it('md: free text cannot inject HTML or break a table', () => {
    const md = formatMarkdown(summary());
    expect(md).toContain('\\<script\\>');
    expect(md).not.toContain('<script>');
  });
  it('free text is deduplicated with counts and shown for groups of at least minN', () => {
    const s = summary();
    expect(s.reports[0].tables[0].total.text?.improvementAreas).toEqual([
      { text: '<script>alert(1)</script>', count: 6 },
    ]);
  });
});

describe('a group whose every item is withheld', () => {
  const g = (whys: (Why | undefined)[]) =>
    ({
      key: 'region',
      value: 'North',
      n: 5,
      items: whys.map((why, i) => ({ id: `i${i}`, why, levels: null, share: null })),
    }) as unknown as GroupSummary;
  it('says its one reason in one sentence', () => {
    expect(allItemsWithheld(g(['protects-small-group', 'protects-small-group']))).toMatch(
      /^Item results withheld – \[b\]: even as ranges/,
    );
  });
  it('names every reason with its mark, so that every mark in the legend appears in the report', () => {
    const text = allItemsWithheld(
      g(['protects-small-group', 'few-rated', 'few-rated', 'protects-small-group', 'few-rated']),
    );
    expect(text).toContain('2 items – [b]');
    expect(text).toContain('3 items – [d], as too few people rated them');
    expect(allItemsWithheld(g(['few-rated']))).toBe(
      'Item results withheld: all items – [d], as too few people rated them.',
    );
  });
  it('says nothing when some item is shown', () => {
    const shown = g(['few-rated']);
    shown.items!.push({ id: 'x', levels: { a: 1 }, share: 1 } as never);
    expect(allItemsWithheld(shown)).toBeUndefined();
  });
});
