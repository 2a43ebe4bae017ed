// `profile report` after the second cold trial (issue 10): the coach's note, not the maintainers'; Markdown
// priorities that stay one list; "(below target)" in HTML too; messages that say what a file is.
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/record/read.js';
import { reportHtml } from '../../src/report/format-html.js';
import { reportMarkdown } from '../../src/report/format-md.js';
import { buildReport } from '../../src/report/model.js';
import { reportText } from '../../src/ui/report-view.js';
import { profileOf } from './assess-helpers.js';

const text = (f: string) => readFileSync(new URL(`../fixtures/report/${f}`, import.meta.url), 'utf8');
const rec = (f: string) => parseRecordText(text(f), f).record!;
const ohio = profileOf('ohio-process-coaching');
const formats = (m: ReturnType<typeof buildReport>) => [
  reportText(m, new Chalk({ level: 0 }), 100),
  reportMarkdown(m),
  reportHtml(m),
];

describe('report: the profile note is the one for coaches', () => {
  it("every format shows the profile's coachNote and none of its statusNote", () => {
    const m = buildReport(ohio, rec('ohio-2025.yaml'), '2026-02-01');
    for (const out of formats(m)) {
      expect(out.replace(/\s+/g, ' ')).toContain(
        'Only part I of this profile (Effective Communication) could be found',
      );
      expect(out).not.toContain('seed 000');
      expect(out).not.toContain('Only component I');
    }
  });

  it('a partial profile without a coachNote: no note at all', () => {
    const bare = { ...ohio, coachNote: undefined };
    const m = buildReport(bare, rec('ohio-2025.yaml'), '2026-02-01');
    expect(m.partial).toBeUndefined();
    for (const out of formats(m)) {
      expect(out).not.toMatch(/About this profile|Partial profile/);
      expect(out).not.toContain('seed 000');
    }
  });
});

describe('report formats (trial)', () => {
  const m = buildReport(ohio, rec('ohio-2025.yaml'), '2026-02-01');

  it('Markdown priorities are one ordered list, not "1. 6. ..." (a list in a list)', () => {
    const md = reportMarkdown(m);
    const prios = md.split('## Priorities\n\n')[1].split('\n\n')[0].split('\n');
    expect(prios).toEqual([
      '1. **6. Powerful questioning that deepens and extends thinking** (Pink - not meeting)',
      '2. **2. Building and maintaining rapport** (Yellow - moderately practising)',
    ]);
    expect(md).not.toMatch(/^\s*\d+\. \d+\. /m);
  });

  it('HTML says "(below target)" for a below-target item that is not a priority, as the other formats do', () => {
    const h = reportHtml(m);
    const pausing = h.split('<div class="item">').find((x) => x.includes('3. Pausing'))!;
    expect(pausing).toContain('(below target)');
    expect(pausing).not.toContain('priority');
    const method = h.split('<div class="item">').find((x) => x.includes('1. Identifying'))!;
    expect(method).not.toContain('(below target)'); // green: at target
    expect(reportMarkdown(m)).toMatch(/\*\*3\. Pausing.*\(below target\)/);
  });
});

describe('messages that say what a file is', () => {
  it('an answers file (no kind:) is "not a record file", not "kind: must be ..."', () => {
    const r = parseRecordText('profile: sbic@2024\nratings:\n  ef1: proficient\n', 'answers.yaml');
    expect(r.record).toBeUndefined();
    expect(r.diagnostics[0].message).toMatch(
      /^not a record file: a record, as profile assess writes it, starts with "kind: practice-profile-record"/,
    );
    expect(r.diagnostics[0].message).toContain('answers file');
  });

  it('a level written as its label says which id it means', () => {
    const t = text('sbic-2014.yaml').replace(/^(\s+\S+:) proficient$/m, '$1 close to proficient');
    expect(t).toContain('close to proficient');
    const r = parseRecordText(t, 'r.yaml');
    expect(r.diagnostics[0].message).toMatch(/"close to proficient" is not an id; did you mean close-to-proficient\?/);
  });
});
