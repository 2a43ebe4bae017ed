// Anonymity in every format: no names, ids, notes, file names, dates or own text; small groups stay
// hidden, also from subtraction (district Alpha n=7 and Beta n=2 in one region).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

const FIXTURES = fixture('summarize');

const DIR = join(FIXTURES, 'anonymity');
const files = readdirSync(DIR);
const ids = files.map((f) => /^id: (\S+)$/m.exec(readFileSync(join(DIR, f), 'utf8'))![1]);
const FORMATS = ['table', 'json', 'csv', 'md', 'html'];

function forbidden(output: string, withText: boolean) {
  expect(output).not.toMatch(/Secret Name/);
  expect(output).not.toMatch(/NOTE|Private note/);
  expect(output).not.toMatch(/FILENAME|\.yaml/);
  expect(output).not.toMatch(/2025-09-14/);
  expect(output).not.toMatch(/OWNTEXT/); // the only groups with own text are too small, even with --include-text
  if (!withText) expect(output).not.toMatch(/Shared step/);
  for (const id of ids) {
    expect(output).not.toContain(id);
    expect(output).not.toContain(id.slice(0, 8));
  }
}

describe('anonymity', () => {
  for (const format of FORMATS) {
    for (const withText of [false, true]) {
      it(`${format}${withText ? ' --include-text' : ''}: nothing personal, small groups hidden`, () => {
        const run = runCli([
          'summarize',
          DIR,
          '--by',
          'region,district',
          '--format',
          format,
          ...(withText ? ['--include-text'] : []),
        ]);
        expect(run.code).toBe(0);
        const out = run.stdout;
        forbidden(out, withText);
        // The region (n = 9) is shown; neither district may show its n, or Beta = 9 - Alpha.
        expect(out).toMatch(/\b9\b/);
        expect(out).not.toMatch(/\bn\b[^\n]{0,40}\b[27]\b/);
        if (format === 'json') {
          const region = JSON.parse(out).reports[0].tables[0].total.groups[0];
          expect(region.n).toBe(9);
          // Beta (2) is too small; Alpha (7) is withheld with it, or Beta = 9 - Alpha.
          expect(region.groups).toEqual([
            { key: 'district', value: 'Alpha', n: null, why: 'protects-small-group' },
            { key: 'district', value: 'Beta', n: null, why: 'too-small' },
          ]);
        }
        if (format === 'csv') {
          for (const line of out.split('\r\n').filter((l) => /Alpha|Beta/.test(l))) {
            expect(line).toMatch(/,"group","","","","",,,,,"(too-small|protects-small-group)"$/);
          }
        }
        if (withText && (format === 'md' || format === 'html' || format === 'table')) {
          // Everyone's texts are incomplete (both districts are withheld), and it says so.
          expect(
            out.match(
              /No texts listed: they would come from withheld subgroups only\.|Texts from withheld subgroups are not listed\./g,
            )?.length,
          ).toBeGreaterThanOrEqual(1);
        }
        if (format === 'md' || format === 'table') {
          expect(out).toMatch(/district Alpha:? +n = – \[b\]/);
          expect(out).toMatch(/district Beta:? +n = – \[a\]/);
        }
        if (format === 'html') {
          expect(out).toMatch(/Withheld subgroups: district Alpha – \[b\], district Beta – \[a\]\./);
        }
      });
    }
  }

  it('--min-n above the region size hides the region too, in every format', () => {
    for (const format of FORMATS) {
      const out = runCli(['summarize', DIR, '--by', 'region,district', '--format', format, '--min-n', '10']).stdout;
      forbidden(out, false);
      // (JSON lists the profile's items with their numbers 1..5: look only at the counts there.)
      if (format === 'html') {
        // (The page's CSS and the item numbers of the overview hold digits: look at the counts only.)
        const text = out.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<th[^>]*>[\s\S]*?<\/th>/g, '');
        expect(text).not.toMatch(/n = [279]\b|\b[279] \(\d+%\)|>[279]</);
        continue;
      }
      const counts =
        format === 'json' ? JSON.stringify([JSON.parse(out).reports[0].tables[0].total, JSON.parse(out).files]) : out;
      expect(counts).not.toMatch(/\b[279]\b/);
    }
  });
});
