// A generated corpus whose true aggregates this test computes itself, against the built CLI's JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILES, TARGET_RANK, writeCorpus } from '../support/corpus.mjs';
import { runCli } from '../helpers/cli.js';

type Rec = ReturnType<typeof import('../support/corpus.mjs').makeRecord>;
interface Expected {
  n: number;
  levels: Record<string, Record<string, number>>;
  at: Record<string, number>;
  prio: Record<string, number>;
  areas: Record<string, number>;
  steps: Record<string, number>;
}

function expectedFor(recs: Rec[]): Expected {
  const ref = recs[0].profile as keyof typeof PROFILES;
  const p = PROFILES[ref];
  const e: Expected = {
    n: recs.length,
    levels: {},
    at: {},
    prio: {},
    areas: {},
    steps: { planned: 0, 'in-progress': 0, done: 0 },
  };
  for (const it of p.items) {
    e.levels[it] = Object.fromEntries([...p.levels, 'not-rated'].map((l) => [l, 0]));
    e.at[it] = 0;
    e.prio[it] = 0;
  }
  for (const a of p.areas) e.areas[a] = 0;
  for (const r of recs) {
    for (const it of p.items) {
      const l = (r.ratings as Record<string, string>)[it] ?? 'not-rated';
      e.levels[it][l]++;
      if (p.levels.indexOf(l) <= TARGET_RANK[ref] && l !== 'not-rated') e.at[it]++;
    }
    for (const x of r.priorities) e.prio[x]++;
    for (const a of r.improvementAreas) if (typeof a === 'string') e.areas[a]++;
    for (const s of r.actionSteps) e.steps[s.status]++;
  }
  return e;
}

/** Every number the CLI shows must equal the true one; a coded range must hold it; withheld ones are null. */
function compare(g: Record<string, any>, e: Expected, minN: number): number {
  let shown = 0;
  const check = (got: unknown, want: number) => {
    if (got === null || got === undefined) return;
    expect(got).toBe(want);
    shown++;
  };
  if (g.n === null) {
    expect(g.why).toBe(e.n < minN ? 'too-small' : 'protects-small-group');
    return 0;
  }
  expect(e.n).toBeGreaterThanOrEqual(minN);
  check(g.n, e.n);
  for (const it of g.items) {
    const rated = e.n - e.levels[it.id]['not-rated'];
    if (it.levels) {
      for (const [l, v] of Object.entries(it.levels)) check(v, e.levels[it.id][l]);
      check(it.atOrAboveTarget, e.at[it.id]);
    } else if (it.shareRange) {
      expect(e.at[it.id] / rated).toBeGreaterThanOrEqual(it.shareRange.min);
      expect(e.at[it.id] / rated).toBeLessThanOrEqual(it.shareRange.max);
      shown++;
    }
    check(g.priorities.counts?.[it.id], e.prio[it.id]);
  }
  for (const [a, v] of Object.entries(g.improvementAreas?.counts ?? {})) check(v as number, e.areas[a]);
  for (const st of ['planned', 'in-progress', 'done']) check(g.actionSteps.counts?.[st], e.steps[st]);
  return shown;
}

/** Records without a district whose "(not given)" group is below min-n are left out of the report. */
function leftOut(recs: Rec[], minN: number): Set<Rec> {
  const out = new Set<Rec>();
  const by = new Map<string, Rec[]>();
  for (const r of recs)
    if (!r.group.district)
      by.set(`${r.profile}|${r.group.region}`, [...(by.get(`${r.profile}|${r.group.region}`) ?? []), r]);
  for (const [key, list] of by) {
    const inRegion = recs.filter((r) => `${r.profile}|${r.group.region}` === key).length;
    if (list.length < minN && inRegion >= minN) list.forEach((r) => out.add(r));
  }
  return out;
}

describe('summarize on a generated corpus', () => {
  let dir: string;
  const recs: Rec[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pp-corpus-'));
    writeCorpus(dir, 700, 20251125, (r: Rec) => recs.push(r));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('matches the true aggregates per profile, region and district', () => {
    const run = runCli([
      'summarize',
      dir,
      '--by',
      'region,district',
      '--format',
      'json',
      '--min-n',
      '3',
      '--no-workers',
    ]);
    expect(run.code).toBe(0);
    const s = JSON.parse(run.stdout);
    const dropped = leftOut(recs, 3);
    expect(s.files).toMatchObject({ found: 700, counted: 700 - dropped.size });
    let shown = 0;
    for (const p of s.reports) {
      expect(p.cycle).toBe('2025-26 baseline');
      const mine = recs.filter((r) => r.profile === p.profile && !dropped.has(r));
      const total = p.tables[0].total;
      shown += compare(total, expectedFor(mine), 3);
      for (const region of total.groups) {
        const inRegion = mine.filter((r) => r.group.region === region.value);
        shown += compare(region, expectedFor(inRegion), 3);
        for (const d of region.groups ?? []) {
          const inD = inRegion.filter((r) => (r.group.district ?? '(not given)') === d.value);
          shown += compare(d, expectedFor(inD), 3);
        }
      }
    }
    expect(s.reports.map((p: { profile: string }) => p.profile)).toEqual([
      'ohio-process-coaching@3.15',
      'sbic@2014',
      'sbic@2024',
    ]);
    expect(shown).toBeGreaterThan(500); // most numbers are shown, so the comparison means something
  });

  it('gives identical JSON with worker threads and in one thread', () => {
    const args = ['summarize', dir, '--by', 'region,district', '--format', 'json', '--include-text'];
    const one = runCli([...args, '--no-workers']);
    const pool = runCli([...args, '--workers']);
    expect(pool.code).toBe(0);
    expect(pool.stdout).toBe(one.stdout);
    expect(pool.stderr).toBe(one.stderr);
  });

  it('--as sbic@2024 counts sbic@2014 records through the crosswalk', () => {
    const s = JSON.parse(runCli(['summarize', dir, '--format', 'json', '--as', 'sbic@2024', '--min-n', '3']).stdout);
    expect(s.reports.map((p: { profile: string }) => p.profile)).toEqual(['ohio-process-coaching@3.15', 'sbic@2024']);
    const both = recs.filter((r) => r.profile.startsWith('sbic@'));
    const total = s.reports[1].tables[0].total;
    expect(total.n).toBe(both.length);
    // relationships and solution-dialogue exist in both; improvement-process (null) is dropped, feedback is 2024 only
    const rel = total.items.find((i: { id: string }) => i.id === 'relationships');
    const want = both.filter((r) => (r.ratings as Record<string, string>).relationships === 'proficient').length;
    expect(rel.levels.proficient).toBe(want);
    const fb = total.items.find((i: { id: string }) => i.id === 'feedback');
    expect(fb.levels['not-rated']).toBe(both.filter((r) => r.profile === 'sbic@2014').length);
  });
});
