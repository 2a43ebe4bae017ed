// Cycles, growth, people counted once, spellings merged, records without a group value: the built CLI
// on small folders whose true numbers the test knows.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prng, recordYaml } from '../support/corpus.mjs';
import { runCli } from '../helpers/cli.js';

const BASE = '2025-26 baseline';
const END = '2025-26 end of year';
const ITEMS = ['relationships', 'feedback', 'coaching-plan', 'solution-dialogue', 'progress-monitoring'];
const LEVELS = ['exemplary', 'proficient', 'close-to-proficient', 'far-from-proficient'];

let dir: string;
let n = 0;
const rng = prng(42);
const uuid = () =>
  `${(++n).toString(16).padStart(8, '0')}-0000-4000-a000-${Math.floor(rng() * 1e12)
    .toString(16)
    .padStart(12, '0')}`;

/** One sbic@2024 record; feedback at `fb`, the other items spread so no group is all one level. */
function put(o: { cycle: string; region?: string; district?: string; who: string; fb: string; date?: string }): void {
  const ratings = Object.fromEntries(ITEMS.map((it, i) => [it, it === 'feedback' ? o.fb : LEVELS[(n + i) % 4]]));
  const group: Record<string, string> = { state: 'MO' };
  if (o.region) group.region = o.region;
  if (o.district) group.district = o.district;
  const r = {
    id: uuid(),
    profile: 'sbic@2024',
    date: o.date ?? (o.cycle === BASE ? '2025-09-15' : '2026-05-20'),
    cycle: o.cycle,
    group,
    respondent: o.who,
    ratings,
    notes: {},
    improvementAreas: [],
    priorities: [],
    actionSteps: [{ text: 'A step', status: 'planned' as const }],
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `r${n}.yaml`), recordYaml(r).replace('notes:\n', ''));
}

const json = (...args: string[]) => {
  const run = runCli(['summarize', dir, '--format', 'json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return { s: JSON.parse(run.stdout), stderr: run.stderr };
};
const fb = (g: { items: Array<{ id: string; levels: Record<string, number> | null; share: number | null }> }) =>
  g.items.find((i) => i.id === 'feedback')!;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pp-cycles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** 12 coaches in two regions; at baseline 4 of 12 at or above target on feedback, at the end 9 of 12. */
function twoCycles(): void {
  for (let i = 0; i < 12; i++) {
    const region = i < 6 ? 'North' : 'South';
    put({
      cycle: BASE,
      region,
      who: `Coach ${i}`,
      fb: i % 3 === 0 ? 'proficient' : i % 3 === 1 ? 'close-to-proficient' : 'far-from-proficient',
    });
    put({
      cycle: END,
      region,
      who: `Coach ${i}`,
      fb: i % 4 === 0 ? 'close-to-proficient' : i % 4 === 1 ? 'exemplary' : 'proficient',
    });
  }
}

describe('cycles', () => {
  it('a folder with two cycles gets one report per cycle, and says so', () => {
    twoCycles();
    const { s, stderr } = json();
    expect(s.formatVersion).toBe(2);
    expect(s.perCycle).toBe(true);
    expect(s.reports.map((r: { cycle: string }) => r.cycle)).toEqual([BASE, END]);
    expect(s.reports.map((r: { tables: Array<{ total: { n: number } }> }) => r.tables[0].total.n)).toEqual([12, 12]);
    expect(stderr).toMatch(/2 cycles found; each has its own report/);
  });

  it('--cycle keeps one cycle (any case or spacing) and says what it left out', () => {
    twoCycles();
    const { s, stderr } = json('--cycle', '2025-26  BASELINE');
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0].cycle).toBe(BASE);
    expect(fb(s.reports[0].tables[0].total).levels).toMatchObject({
      proficient: 4,
      'close-to-proficient': 4,
      'far-from-proficient': 4,
    });
    expect(stderr).toMatch(/left out, by --cycle: "2025-26 end of year" \(12\)/);
  });

  it("--by cycle groups by the record's cycle and nests (cycle,region)", () => {
    twoCycles();
    const { s } = json('--by', 'cycle,region');
    expect(s.perCycle).toBe(false);
    expect(s.reports).toHaveLength(1);
    const total = s.reports[0].tables[0].total;
    expect(total.n).toBe(24);
    expect(total.groups.map((g: { value: string; n: number }) => [g.value, g.n])).toEqual([
      [BASE, 12],
      [END, 12],
    ]);
    expect(total.groups[0].groups.map((g: { value: string; n: number }) => [g.value, g.n])).toEqual([
      ['North', 6],
      ['South', 6],
    ]);
  });

  it('--growth compares the share at or above target in two cycles, in every format', () => {
    twoCycles();
    const { s } = json('--growth', `${BASE}..${END}`, '--by', 'region');
    expect(s.growth).toHaveLength(1);
    const g = s.growth[0];
    expect(g).toMatchObject({
      profile: 'sbic@2024',
      from: BASE,
      to: END,
      comparison: 'cross-sections',
      by: ['region'],
    });
    const everyone = g.rows.find(
      (r: { path: unknown[]; item: string }) => r.path.length === 0 && r.item === 'feedback',
    );
    expect(everyone.from).toMatchObject({ n: 12, share: 0.333 });
    expect(everyone.to).toMatchObject({ n: 12, share: 0.75 });
    expect(everyone.change).toBe(0.417);
    for (const format of ['table', 'md', 'html', 'csv']) {
      const out = runCli(['summarize', dir, '--growth', `${BASE}..${END}`, '--format', format]).stdout;
      expect(out, format).toMatch(/cross-sections|growth-share/);
      expect(out, format).toMatch(/\+42 pts|0\.417/);
    }
  });

  it('--growth with --by cycle, without "..", or with one cycle twice is a usage error', () => {
    twoCycles();
    expect(runCli(['summarize', dir, '--growth', `${BASE}..${END}`, '--by', 'cycle']).code).toBe(2);
    expect(runCli(['summarize', dir, '--growth', BASE]).code).toBe(2);
    expect(runCli(['summarize', dir, '--growth', `${BASE}..${BASE}`]).code).toBe(2);
  });

  it('a cycle label no record has is a usage error that lists the cycles found', () => {
    twoCycles();
    for (const args of [
      ['--cycle', '2025-26 basline'],
      ['--growth', `${BASE}..2025-26 end-of-year`],
    ]) {
      const run = runCli(['summarize', dir, ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`cycles found: "${BASE}", "${END}"`);
    }
  });

  it('--out with a file type it cannot write, or a key named twice in --by, is a usage error', () => {
    twoCycles();
    const x = runCli(['summarize', dir, '--out', join(dir, '..', `r-${n}.xlsx`)]);
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(/cannot tell which format to write to .*\.xlsx: \.xlsx is not a known extension/);
    expect(x.stderr).toMatch(/\.csv \(opens in Excel or Sheets\)/);
    // A --format the file name contradicts is a mistake too (as in `profile report --out`).
    const y = runCli(['summarize', dir, '--format', 'json', '--out', join(dir, '..', `r-${n}.csv`)]);
    expect([y.code, y.stderr]).toEqual([
      2,
      expect.stringMatching(/--format json and --out .*disagree: a \.csv file holds csv/),
    ]);
    expect(runCli(['summarize', dir, '--by', 'region,region']).code).toBe(2);
  });

  it('the report says what was not counted: other cycles and repeat records', () => {
    twoCycles();
    put({ cycle: BASE, region: 'North', who: 'Coach 0', fb: 'exemplary', date: '2025-10-01' });
    const md = runCli(['summarize', dir, '--cycle', BASE, '--format', 'md']).stdout;
    expect(md).toContain(
      'not counted: 12 of other cycles (--cycle), 1 repeat records of the same person, counted once as their latest',
    );
  });

  it('--out report.html without --format writes HTML', () => {
    twoCycles();
    const out = join(dir, '..', `report-${n}.html`);
    expect(runCli(['summarize', dir, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/);
    rmSync(out);
  });
});

describe('people, spellings and missing values', () => {
  it("one respondent's several records in a cycle count once, as the latest", () => {
    for (let i = 0; i < 5; i++) put({ cycle: BASE, who: `Coach ${i}`, fb: 'proficient' });
    // Coach 0 sent an earlier and a later record: the later (far from proficient) counts.
    put({ cycle: BASE, who: 'coach 0', fb: 'exemplary', date: '2025-09-01' });
    put({ cycle: BASE, who: 'Coach 0 ', fb: 'far-from-proficient', date: '2025-10-01' });
    for (let i = 5; i < 10; i++) put({ cycle: BASE, who: `Coach ${i}`, fb: 'close-to-proficient' });
    const { s, stderr } = json();
    const total = s.reports[0].tables[0].total;
    expect(total.n).toBe(10);
    expect(fb(total).levels).toMatchObject({
      exemplary: 0,
      proficient: 4,
      'close-to-proficient': 5,
      'far-from-proficient': 1,
    });
    expect(stderr).toMatch(
      /2 record\(s\) folded: the same respondent answered more than once.*: .*r\d+\.yaml, .*r\d+\.yaml/,
    );
  });

  it('a record resent after an update counts once, as its latest revision; equal revisions conflict', () => {
    for (let i = 0; i < 6; i++) put({ cycle: BASE, who: `Coach ${i}`, fb: 'proficient' });
    // Coach 0's record as first sent (feedback proficient), then resent with a step done and feedback updated.
    const first = join(dir, readdirSync(dir).sort()[0]);
    const text = readFileSync(first, 'utf8');
    writeFileSync(first, text.replace('status: complete\n', 'status: complete\nupdated: "2025-09-15T10:00:00Z"\n'));
    writeFileSync(
      join(dir, 'resent.yaml'),
      text
        .replace('status: complete\n', 'status: complete\nupdated: "2025-11-02T08:30:00Z"\n')
        .replace('feedback: proficient', 'feedback: exemplary'),
    );
    const { s, stderr } = json('--min-n', '3');
    const total = s.reports[0].tables[0].total;
    expect(total.n).toBe(6);
    expect(s.files.skipped['older-revision']).toBe(1);
    expect(stderr).toMatch(
      /r\d+\.yaml +skipped +an earlier revision of .*resent\.yaml \(updated 2025-11-02T08:30:00Z\); the later one is counted/,
    );
    // The same revision time twice with different content: neither can be chosen.
    writeFileSync(
      join(dir, 'resent.yaml'),
      text
        .replace('status: complete\n', 'status: complete\nupdated: "2025-09-15T10:00:00Z"\n')
        .replace('feedback: proficient', 'feedback: exemplary'),
    );
    const again = json('--min-n', '3');
    expect(again.s.files.skipped.conflict).toBe(2);
    expect(again.stderr).toMatch(/the same updated: time; none of them is counted/);
  });

  it('group values that differ only by case or spacing are one group, with a warning', () => {
    for (let i = 0; i < 6; i++)
      put({
        cycle: BASE,
        region: 'North',
        district: i === 5 ? 'cape  r-ii' : 'Cape R-II',
        who: `C${i}`,
        fb: LEVELS[i % 4],
      });
    for (let i = 0; i < 6; i++)
      put({ cycle: BASE, region: 'North', district: 'Sikeston', who: `D${i}`, fb: LEVELS[i % 4] });
    const { s, stderr } = json('--by', 'region,district');
    const north = s.reports[0].tables[0].total.groups[0];
    expect(north.groups.map((g: { value: string; n: number }) => [g.value, g.n])).toEqual([
      ['Cape R-II', 6],
      ['Sikeston', 6],
    ]);
    expect(stderr).toMatch(/district: "cape {2}r-ii" \(1\) counted as "Cape R-II"/);
  });

  it('one record without a region is left out with a warning, and does not knock out a large region', () => {
    for (let i = 0; i < 25; i++) put({ cycle: BASE, region: 'North', who: `N${i}`, fb: LEVELS[i % 4] });
    for (let i = 0; i < 12; i++) put({ cycle: BASE, region: 'South', who: `S${i}`, fb: LEVELS[i % 4] });
    put({ cycle: BASE, who: 'Lost', fb: 'exemplary' });
    const { s, stderr } = json('--by', 'region');
    const total = s.reports[0].tables[0].total;
    expect(total.n).toBe(37);
    expect(total.groups.map((g: { value: string; n: number }) => [g.value, g.n])).toEqual([
      ['North', 25],
      ['South', 12],
    ]);
    expect(stderr).toMatch(/1 record\(s\) without a "region" value left out of the report.*: .*r\d+\.yaml/);
    expect(s.leftOut).toEqual([{ key: 'region', records: null }]);
    expect(runCli(['summarize', dir, '--by', 'region', '--format', 'md']).stdout).toContain(
      'A few records without a region are left out of this report',
    );
  });

  it('a record without a district stays in every total where small districts are withheld anyway', () => {
    for (let i = 0; i < 12; i++)
      put({ cycle: BASE, region: 'North', district: 'Big', who: `B${i}`, fb: LEVELS[i % 4] });
    for (let i = 0; i < 4; i++)
      put({ cycle: BASE, region: 'North', district: 'Tiny', who: `T${i}`, fb: LEVELS[i % 4] });
    put({ cycle: BASE, region: 'North', who: 'No district', fb: 'exemplary' });
    const { s } = json('--by', 'region,district');
    const north = s.reports[0].tables[0].total.groups[0];
    expect(north.n).toBe(17);
    expect(north.groups.map((g: { value: string; n: number | null }) => [g.value, g.n])).toEqual([
      ['Big', 12],
      ['Tiny', null],
      ['(not given)', null],
    ]);
    expect(s.leftOut).toEqual([]);
  });
});
