// Formats escape what they print: HTML text, spreadsheet formulas in CSV, Markdown control characters.
import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/summary/aggregate.js';
import { buildSummary } from '../../src/summary/build.js';
import { csvCell, formatCsv } from '../../src/summary/format-csv.js';
import { formatHtml } from '../../src/summary/format-html.js';
import { formatMarkdown } from '../../src/summary/format-md.js';
import { loadRegistry } from '../../src/profile/registry.js';

function summary() {
  const reg = loadRegistry({ env: {} });
  const profiles = new Map(reg.entries.map((e) => [e.ref, e.profile]));
  const agg = new Aggregator();
  for (let i = 0; i < 6; i++) {
    agg.add({
      profile: 'sbic@2024',
      path: ['=HYPERLINK("x")'],
      ratings: [['relationships', 'proficient', true]],
      priorities: [],
      areas: [],
      steps: [1, 0, 0],
      ownAreas: ['<script>alert(1)</script>'],
      stepTexts: ['+cmd|calc'],
    });
  }
  const counts = { found: 6, counted: 6, skipped: { invalid: 0, draft: 0, duplicate: 0, conflict: 0, 'not-a-record': 0, 'too-large': 0, unreadable: 0, link: 0 } };
  return buildSummary(agg, profiles, counts, { minN: 5, by: ['region'], includeText: true });
}

describe('summary formats', () => {
  it('csv: quotes every cell and defuses formulas', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
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
    expect(s.profiles[0].total.text?.improvementAreas).toEqual([{ text: '<script>alert(1)</script>', count: 6 }]);
  });
});
