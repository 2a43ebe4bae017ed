// The exact privacy audit (integer programming over every published number), on the leak of issue 8,
// on random trees with several tables, and on a generated realistic state; plus correctness: every
// shown number is the true one and every coded range holds it.
import { describe, expect, it } from 'vitest';
import { auditSummary } from '../support/privacy-audit.mjs';
import { prng } from '../support/corpus.mjs';
import type { GroupSummary, Summary } from '../../src/summary/model.js';
import { rated, summaryOf, type Rec } from './summary-helpers.js';

const SBIC = ['exemplary', 'proficient', 'close-to-proficient', 'far-from-proficient'];

/** Big One (6), Big Two (7) and Tiny A-E (1 each, all "far from proficient" on feedback). */
function bigAndTiny(): Rec[] {
  const recs: Rec[] = [];
  for (let k = 0; k < 6; k++)
    recs.push({
      groups: { building: 'Big One' },
      ratings: rated('proficient', { feedback: k % 2 ? 'proficient' : 'exemplary', relationships: SBIC[k % 3] }),
    });
  for (let k = 0; k < 7; k++)
    recs.push({
      groups: { building: 'Big Two' },
      ratings: rated('close-to-proficient', {
        feedback: k % 3 ? 'proficient' : 'close-to-proficient',
        relationships: SBIC[k % 4],
      }),
    });
  for (const t of 'ABCDE')
    recs.push({ groups: { building: `Tiny ${t}` }, ratings: rated('proficient', { feedback: 'far-from-proficient' }) });
  return recs;
}

/** True level counts of one item among some records. */
function levelsOf(recs: Rec[], item: string): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries([...SBIC, 'not-rated'].map((l) => [l, 0]));
  for (const r of recs) out[r.ratings!.find(([i]) => i === item)?.[1] ?? 'not-rated']++;
  return out;
}

/** What the old rule published for it: both big buildings in full, the tiny ones hidden but listed. */
function oldLeakySummary(): Summary {
  const recs = bigAndTiny();
  const s = summaryOf(recs, { by: [['building']] });
  const full = (g: GroupSummary, members: Rec[]): GroupSummary => ({
    ...g,
    n: members.length,
    why: undefined,
    items: s.reports[0].items.map((it) => ({
      id: it.id,
      levels: levelsOf(members, it.id),
      atOrAboveTarget: null,
      share: null,
    })),
  });
  const total = s.reports[0].tables[0].total;
  s.reports[0].tables[0].total = {
    ...full(total, recs),
    groups: total.groups!.map((g) =>
      g.value!.startsWith('Tiny')
        ? { key: g.key, value: g.value, n: null, why: 'too-small' }
        : full(
            g,
            recs.filter((r) => r.groups!.building === g.value),
          ),
    ),
  };
  return s;
}

describe('privacy audit', () => {
  it('finds the leak of the old rule: 18 - 6 - 7 = 5 people in 5 listed groups, all "far from proficient"', async () => {
    const r = await auditSummary(oldLeakySummary());
    const what = r.leaks.map((l) => `${l.set}: ${l.what}`);
    expect(what).toContainEqual(expect.stringMatching(/building=Tiny A: n$/));
    expect(what).toContainEqual(expect.stringMatching(/building=Tiny A: feedback far-from-proficient$/));
  });

  it('finds a leak in action-step counts: five tiny buildings with 15 planned steps have 3 each, the most', async () => {
    const s = oldLeakySummary();
    const total = s.reports[0].tables[0].total;
    const steps = (planned: number) => ({ counts: { planned, 'in-progress': 0, done: 0 } });
    total.actionSteps = steps(9 + 8 + 15);
    total.groups![0].actionSteps = steps(9);
    total.groups![1].actionSteps = steps(8);
    const leaks = (await auditSummary(s, { openStepsMax: 3 })).leaks.map((l) => `${l.set}: ${l.what}`);
    expect(leaks).toContainEqual(expect.stringMatching(/building=Tiny A: action steps planned$/));
    // 7 planned steps among the five could be spread many ways: no step count of one building is known.
    total.actionSteps = steps(9 + 8 + 7);
    const fewer = (await auditSummary(s, { openStepsMax: 3 })).leaks.map((l) => `${l.set}: ${l.what}`);
    expect(fewer.filter((l) => /action steps/.test(l))).toEqual([]);
  });

  it('passes the same records as summarize now protects them, and shows the big buildings where it can', async () => {
    const s = summaryOf(bigAndTiny(), { by: [['building']] });
    const groups = s.reports[0].tables[0].total.groups!;
    expect(groups.map((g) => [g.value, g.n ?? g.why])).toEqual([
      ['Big One', 'protects-small-group'],
      ['Big Two', 7],
      ['Tiny A', 'too-small'],
      ['Tiny B', 'too-small'],
      ['Tiny C', 'too-small'],
      ['Tiny D', 'too-small'],
      ['Tiny E', 'too-small'],
    ]);
    expect((await auditSummary(s)).leaks).toEqual([]);
  });

  it('finds the leak the cold trial found: a priority count next to a coded row tells the level', async () => {
    // Central: Columbia 93 (5, all far from proficient on feedback, all prioritised it) and Jefferson
    // City (5). Central shows 1 / 1 / 0 / 8: with 5 of 5 prioritising (so below target) and no one close,
    // all of Columbia gave "far from proficient".
    const recs: Rec[] = [];
    for (let k = 0; k < 5; k++)
      recs.push({
        groups: { region: 'Central', district: 'Columbia 93' },
        ratings: rated(SBIC[k % 4], { feedback: 'far-from-proficient' }),
        priorities: ['feedback'],
      });
    const jc = ['exemplary', 'proficient', 'far-from-proficient', 'far-from-proficient', 'far-from-proficient'];
    for (let k = 0; k < 5; k++)
      recs.push({
        groups: { region: 'Central', district: 'Jefferson City' },
        ratings: rated(SBIC[k % 4], { feedback: jc[k] }),
      });
    const s = summaryOf(recs, { by: [['region', 'district']] });
    expect((await auditSummary(s)).leaks).toEqual([]);
    // The old output showed the priority count beside the coded row:
    const columbia = s.reports[0].tables[0].total.groups![0].groups![0];
    expect(columbia.priorities!.counts.feedback).toBeNull();
    columbia.priorities = { counts: { ...columbia.priorities!.counts, feedback: 5 } };
    const leaks = (await auditSummary(s)).leaks.map((l) => `${l.set}: ${l.what}`);
    expect(leaks).toContainEqual(
      expect.stringMatching(/district=Columbia 93: feedback: everyone gave far-from-proficient/),
    );
  });

  // AUDIT_SEEDS=200 for a longer search (the default keeps `npm test` quick).
  const seeds = Number(process.env.AUDIT_SEEDS ?? 9);
  const first = Number(process.env.AUDIT_FIRST_SEED ?? 1);
  it('random trees, one to three tables per run (nested and crossed): no leak, every shown number true', async () => {
    for (let seed = first; seed < first + seeds; seed++) {
      const rng = prng(seed);
      const recs: Rec[] = [];
      const regions = 2 + Math.floor(rng() * 2);
      for (let r = 0; r < regions; r++) {
        const districts = 1 + Math.floor(rng() * 4);
        for (let d = 0; d < districts; d++) {
          const size = rng() < 0.5 ? 1 + Math.floor(rng() * 4) : 5 + Math.floor(rng() * 8);
          const lean = rng();
          for (let k = 0; k < size; k++) {
            const lv = () => SBIC[Math.min(3, Math.floor((rng() * 0.6 + lean * 0.6) * 4))];
            const feedback = lv();
            recs.push({
              groups: { region: `R${r}`, district: `R${r}D${d}`, role: rng() < 0.5 ? 'new' : 'experienced' },
              ratings: rated(lv(), { feedback, 'coaching-plan': lv() }),
              // Only an item rated below target can be a priority (as assess allows).
              priorities: SBIC.indexOf(feedback) > 1 && rng() < 0.6 ? ['feedback'] : [],
            });
          }
        }
      }
      const tables = [
        [['region', 'district']],
        [['region'], ['region', 'district']],
        [['region', 'district'], ['role']],
      ][seed % 3];
      const s = summaryOf(recs, { by: tables });
      const r = await auditSummary(s);
      expect(r.leaks, `seed ${seed}, --by ${JSON.stringify(tables)}`).toEqual([]);
      for (const t of s.reports[0].tables) sameNumbers(t.total, recs);
    }
  }, 600_000);
});

/** Every shown number equals the true one; every coded range holds the true share. */
function sameNumbers(g: GroupSummary, recs: Rec[]): void {
  if (g.n === null) return;
  expect(g.n).toBe(recs.length);
  for (const it of g.items!) {
    const levels = levelsOf(recs, it.id);
    const rated = recs.length - levels['not-rated'];
    const share = (levels.exemplary + levels.proficient) / rated;
    if (it.levels) expect(it.levels).toEqual(levels);
    if (it.share !== null) expect(Math.abs(it.share - share)).toBeLessThanOrEqual(0.0005 + 1e-9);
    if (it.shareRange) {
      expect(share).toBeGreaterThanOrEqual(it.shareRange.min);
      expect(share).toBeLessThanOrEqual(it.shareRange.max);
    }
  }
  const prio = recs.filter((r) => r.priorities?.includes('feedback')).length;
  if (g.priorities?.counts.feedback != null) expect(g.priorities.counts.feedback).toBe(prio);
  for (const c of g.groups ?? [])
    sameNumbers(
      c,
      recs.filter((r) => (r.groups?.[c.key!] ?? '(not given)') === c.value),
    );
}
