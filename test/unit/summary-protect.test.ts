// The disclosure rules one by one, and the engine's choices (smallest sibling first; tables share
// their decisions).
import { describe, expect, it } from 'vitest';
import {
  hiddenSubgroupsExposed,
  rowRemainderExposed,
  shareRange,
  smallGroupRange,
} from '../../src/summary/protect/rules.js';
import { hash53 } from '../../src/summary/read/collect.js';
import type { GroupSummary } from '../../src/summary/model.js';
import { rated, summaryOf, type Rec } from './summary-helpers.js';

const LEVELS = ['exemplary', 'proficient', 'close-to-proficient', 'far-from-proficient'];
const rating = { id: 'r:feedback', kind: 'rating' as const, item: 'feedback', keys: [...LEVELS, 'not-rated'] };

describe('disclosure rules', () => {
  it('a coded range always holds the true share and at least two possible counts', () => {
    for (let n = 5; n <= 60; n++) {
      for (let a = 0; a <= n; a++) {
        const r = shareRange(a, n);
        expect(a / n).toBeGreaterThanOrEqual(r.min);
        expect(a / n).toBeLessThanOrEqual(r.max);
        const counts = Array.from({ length: n + 1 }, (_, k) => k).filter(
          (k) => k / n >= r.min - 1e-9 && k / n <= r.max + 1e-9,
        );
        expect(counts.length, `${a} of ${n}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('withheld subgroups must hold min-n people, in two groups or more, more people than groups', () => {
    expect(hiddenSubgroupsExposed(0, 0, 5)).toBe(false);
    expect(hiddenSubgroupsExposed(1, 9, 5)).toBe(true); // one withheld group is given away whole
    expect(hiddenSubgroupsExposed(2, 4, 5)).toBe(true); // fewer than min-n together
    expect(hiddenSubgroupsExposed(5, 5, 5)).toBe(true); // five groups, five people: one each
    expect(hiddenSubgroupsExposed(2, 6, 5)).toBe(false);
  });

  it('a remainder by subtraction must span two subgroups and not all give one answer; 0 is allowed', () => {
    expect(rowRemainderExposed(rating, 1, 6, [1, 2, 3, 0, 0])).toBe(true);
    expect(rowRemainderExposed(rating, 2, 6, [0, 0, 6, 0, 0])).toBe(true);
    expect(rowRemainderExposed(rating, 2, 6, [0, 1, 5, 0, 0])).toBe(false);
  });

  it('small group: below 10 people every item and priority row is a range, whatever the answers', () => {
    expect(smallGroupRange(6, rating)).toBe(true);
    expect(smallGroupRange(10, rating)).toBe(false);
    expect(smallGroupRange(6, { id: 'p:feedback', kind: 'count', item: 'feedback', keys: ['feedback'] })).toBe(true);
    expect(smallGroupRange(6, { id: 'areas', kind: 'count', keys: ['a'] })).toBe(false);
  });

  it('hash53 spreads similar keys', () => {
    const seen = new Set(Array.from({ length: 50_000 }, (_, i) => hash53(`sbic@2024\u0000baseline\u0000coach ${i}`)));
    expect(seen.size).toBe(50_000);
  });
});

describe('the engine', () => {
  const region = (name: string, size: number, level = (k: number) => LEVELS[k % 4]): Rec[] =>
    Array.from({ length: size }, (_, k) => ({
      groups: { region: name },
      ratings: rated(level(k), { relationships: LEVELS[(k + 1) % 4] }),
    }));

  it('withholds the smallest shown sibling to protect a small group, not the largest', () => {
    const s = summaryOf([...region('Big', 40), ...region('Mid', 12), ...region('Small', 8), ...region('Tiny', 2)], {
      by: [['region']],
    });
    const g = s.reports[0].tables[0].total.groups!;
    expect(g.map((x) => [x.value, x.n ?? x.why])).toEqual([
      ['Big', 40],
      ['Mid', 12],
      ['Small', 'protects-small-group'],
      ['Tiny', 'too-small'],
    ]);
  });

  it('a group withheld in one table is withheld in every table of the run', () => {
    const recs = [...region('Big', 40), ...region('Small', 8), ...region('Tiny', 2)].map((r, i) => ({
      ...r,
      groups: { ...r.groups, district: `${r.groups!.region}-${i % 2}` },
    }));
    const s = summaryOf(recs, { by: [['region'], ['region', 'district']] });
    const [flat, nested] = s.reports[0].tables.map((t) => t.total.groups!.map((x) => [x.value, x.n ?? x.why]));
    expect(flat).toEqual(nested);
  });

  it('a range the parent and its siblings would pin to one value is withheld (7 = 5 + 2)', () => {
    // Northwest (10) shows 7 at or above target on feedback; Maryville (5) all at or above, St. Joseph 2.
    const recs: Rec[] = [
      ...Array.from({ length: 5 }, (_, k) => ({
        groups: { region: 'Northwest', district: 'Maryville' },
        ratings: rated(LEVELS[k % 4], { feedback: k % 2 ? 'exemplary' : 'proficient' }),
      })),
      ...Array.from({ length: 5 }, (_, k) => ({
        groups: { region: 'Northwest', district: 'St. Joseph' },
        ratings: rated(LEVELS[k % 4], { feedback: k < 2 ? 'proficient' : 'far-from-proficient' }),
      })),
    ];
    const s = summaryOf(recs, { by: [['region', 'district']] });
    const region = s.reports[0].tables[0].total.groups![0];
    const fb = (g: GroupSummary) => g.items!.find((x) => x.id === 'feedback')!;
    expect(fb(region).atOrAboveTarget).toBe(7);
    const [maryville, stJoseph] = region.groups!;
    // The parent's count is exact and no district is withheld: the ranges of that item are withheld in
    // both districts (whatever the values, so the gap tells nothing), and 7 no longer splits one way only.
    for (const d of [maryville, stJoseph]) {
      expect(fb(d).shareRange).toBeUndefined();
      expect(fb(d).why).toBe('protects-small-group');
    }
  });

  it("an item few people rated (a newer version's item under --as) withholds its levels: the raters are a small set", () => {
    const recs: Rec[] = Array.from({ length: 15 }, (_, k) => ({
      ratings: rated(LEVELS[k % 4]).filter(([id]) => id !== 'feedback' || k === 0),
    }));
    const total = summaryOf(recs).reports[0].tables[0].total;
    expect(total.items!.find((x) => x.id === 'feedback')).toMatchObject({
      levels: null,
      share: null,
      why: 'few-rated',
    });
    expect(total.priorities!.counts.feedback).toBeNull();
    expect(total.items!.find((x) => x.id === 'relationships')!.levels).not.toBeNull();
  });

  it('a group of fewer than 10: every item a range, the same whether or not everyone agreed', () => {
    const same = summaryOf(region('Only', 7, () => 'proficient')).reports[0].tables[0].total;
    const mixed = summaryOf(region('Only', 7)).reports[0].tables[0].total;
    for (const g of [same, mixed]) {
      for (const it of g.items!) expect(it).toMatchObject({ levels: null, share: null, why: 'small-group' });
      expect(Object.values(g.priorities!.counts)).toEqual([null, null, null, null, null]);
    }
    expect(same.items!.find((x) => x.id === 'feedback')!.shareRange).toEqual({ min: 0.5, max: 1 });
  });
});
