// Suppression rules on small hand-made trees: primary, within rows, and between groups and subgroups.
import { describe, expect, it } from 'vitest';
import { suppressTree, type StatGroup } from '../../src/summary/suppress.js';

function group(stats: Record<string, number>, children: StatGroup[] = [], atoms: StatGroup['atoms'] = []): StatGroup {
  return { stats: new Map(Object.entries(stats)), hidden: new Set(), suppressed: false, breakdownHidden: false, atoms, pairs: [], children };
}
const row = [['a', 'b', 'c']];

describe('suppressTree', () => {
  it('hides a group below minN, and never a 0', () => {
    const g = group({ n: 4, a: 0 });
    suppressTree(g, 5);
    expect(g.suppressed).toBe(true);
    const h = group({ n: 12, a: 0, b: 12, c: 0 }, [], row);
    suppressTree(h, 5);
    expect([...h.hidden]).toEqual([]);
  });

  it('a row with a small cell is hidden whole (a part-hidden row can be solved with its neighbours)', () => {
    const g = group({ n: 20, a: 2, b: 12, c: 6 }, [], row);
    suppressTree(g, 5);
    expect([...g.hidden].sort()).toEqual(['a', 'b', 'c']);
  });

  it('district A n=7 and B n=2 in one region: both hidden, so B = region - A is impossible', () => {
    const a = group({ n: 7, a: 7, b: 0, c: 0 }, [], row);
    const b = group({ n: 2, a: 2, b: 0, c: 0 }, [], row);
    const region = group({ n: 9, a: 9, b: 0, c: 0 }, [a, b], row);
    suppressTree(region, 5);
    expect(b.suppressed).toBe(true);
    expect(a.suppressed).toBe(true);
    expect(region.suppressed).toBe(false);
  });

  it('several small groups that add up to fewer than minN are as small as one: the remainder stays hidden', () => {
    // Region 4 n=9; regions 7 (n=2) and 9 (n=1) are hidden. Shown, region 4 would give them away as
    // 12 - 9 = 3 people, all of them rating c.
    const r4 = group({ n: 9, a: 5, b: 4, c: 0 }, [], row);
    const r7 = group({ n: 2, a: 0, b: 0, c: 2 }, [], row);
    const r9 = group({ n: 1, a: 0, b: 0, c: 1 }, [], row);
    const all = group({ n: 12, a: 5, b: 4, c: 3 }, [r4, r7, r9], row);
    suppressTree(all, 5);
    expect([r4.suppressed, r7.suppressed, r9.suppressed]).toEqual([true, true, true]);
  });

  it('a shown group may stand beside hidden ones once those add up to minN or more', () => {
    const big = group({ n: 20, a: 10, b: 10, c: 0 }, [], row);
    const s1 = group({ n: 3, a: 3, b: 0, c: 0 }, [], row);
    const s2 = group({ n: 3, a: 3, b: 0, c: 0 }, [], row);
    const all = group({ n: 26, a: 16, b: 10, c: 0 }, [big, s1, s2], row);
    suppressTree(all, 5);
    expect([big.suppressed, s1.suppressed, s2.suppressed]).toEqual([false, true, true]);
    // The hidden groups' cells, worked out from the total, must not be small: a = 6, b = 0, c = 0.
    expect([...all.hidden]).toEqual([]);
  });

  it('a remainder cell of 1 to minN-1 is hidden by hiding the same cell elsewhere', () => {
    const big = group({ n: 20, a: 10, b: 10, c: 0 }, [], row);
    const s1 = group({ n: 3, a: 2, b: 1, c: 0 }, [], row);
    const s2 = group({ n: 3, a: 3, b: 0, c: 0 }, [], row);
    const all = group({ n: 26, a: 15, b: 11, c: 0 }, [big, s1, s2], row);
    suppressTree(all, 5);
    // b among the hidden groups = 11 - 10 = 1: so b must be hidden in the big group or in the total.
    expect(big.hidden.has('b') || all.hidden.has('b')).toBe(true);
  });

  it('with a third, larger district, the smallest other one is hidden', () => {
    const a = group({ n: 7, a: 7, b: 0, c: 0 }, [], row);
    const b = group({ n: 2, a: 2, b: 0, c: 0 }, [], row);
    const c = group({ n: 30, a: 30, b: 0, c: 0 }, [], row);
    const region = group({ n: 39, a: 39, b: 0, c: 0 }, [a, b, c], row);
    suppressTree(region, 5);
    expect([a.suppressed, b.suppressed, c.suppressed]).toEqual([true, true, false]);
  });

  it('a cell hidden in one subgroup is hidden in another too (no subtraction from the parent)', () => {
    const x = group({ n: 10, a: 3, b: 7, c: 0 }, [], row);
    const y = group({ n: 10, a: 5, b: 5, c: 0 }, [], row);
    const parent = group({ n: 20, a: 8, b: 12, c: 0 }, [x, y], row);
    suppressTree(parent, 5);
    expect(x.hidden.has('a')).toBe(true);
    expect(y.hidden.has('a')).toBe(true); // else x.a = parent.a - y.a
    expect(x.hidden.has('b')).toBe(true); // row rule in x
    expect(y.hidden.has('b')).toBe(true); // else x.b = parent.b - y.b
  });

  it('a parent cell hidden as a complement is not left as the sum of shown subgroup cells', () => {
    const x = group({ n: 10, a: 5, b: 5, c: 0 }, [], row);
    const y = group({ n: 10, a: 5, b: 5, c: 0 }, [], row);
    const parent = group({ n: 21, a: 10, b: 10, c: 1 }, [x, y, group({ n: 1, a: 0, b: 0, c: 1 }, [], row)], row);
    suppressTree(parent, 5);
    // c=1 is hidden in the parent; its complement (a or b) must not equal x + y with both shown.
    for (const k of ['a', 'b']) {
      if (parent.hidden.has(k)) expect(x.hidden.has(k) || y.hidden.has(k) || x.suppressed || y.suppressed).toBe(true);
    }
  });
});

// An independent check of what a reader could work out, on many random trees.
describe('suppressTree on random trees', () => {
  function rng(seed: number) {
    let a = seed >>> 0;
    return () => ((a = (a * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  const LEVELS = ['a', 'b', 'c'];
  function leaf(r: () => number): StatGroup {
    const n = 1 + Math.floor(r() * 12);
    const stats: Record<string, number> = { n, a: 0, b: 0, c: 0 };
    for (let i = 0; i < n; i++) stats[LEVELS[Math.floor(r() * (r() < 0.5 ? 1 : 3))]]++;
    return group(stats, [], row);
  }
  function parent(kids: StatGroup[]): StatGroup {
    const stats: Record<string, number> = { n: 0, a: 0, b: 0, c: 0 };
    for (const k of kids) for (const key of Object.keys(stats)) stats[key] += k.stats.get(key)!;
    return group(stats, kids, row);
  }
  const shownValue = (g: StatGroup, key: string) => !g.suppressed && !g.hidden.has(key);
  const small = (v: number, minN: number) => v >= 1 && v < minN;

  it('no hidden number, and no sum of hidden numbers, can be worked out as 1 .. minN-1', () => {
    const r = rng(42);
    for (let t = 0; t < 400; t++) {
      const minN = 3 + Math.floor(r() * 4);
      const regions = Array.from({ length: 1 + Math.floor(r() * 4) }, () => parent(Array.from({ length: 1 + Math.floor(r() * 4) }, () => leaf(r))));
      const root = parent(regions);
      suppressTree(root, minN);
      const visit = (g: StatGroup) => {
        if (!g.suppressed) {
          expect(g.stats.get('n')!).toBeGreaterThanOrEqual(minN);
          for (const k of LEVELS) if (!g.hidden.has(k)) expect(small(g.stats.get(k)!, minN)).toBe(false);
          if (!g.hidden.has('n')) {
            const hiddenSum = LEVELS.filter((k) => g.hidden.has(k)).reduce((a, k) => a + g.stats.get(k)!, 0);
            expect(small(hiddenSum, minN)).toBe(false);
            expect(LEVELS.filter((k) => g.hidden.has(k)).length).not.toBe(1);
          }
          const kids = g.breakdownHidden ? [] : g.children;
          for (const key of ['n', ...LEVELS]) {
            if (!shownValue(g, key) || kids.length === 0) continue;
            const hidden = kids.filter((c) => !shownValue(c, key));
            expect(small(hidden.reduce((a, c) => a + c.stats.get(key)!, 0), minN)).toBe(false);
          }
          if (kids.length && !g.hidden.has('n')) {
            const hiddenGroups = kids.filter((c) => c.suppressed);
            expect(small(hiddenGroups.reduce((a, c) => a + c.stats.get('n')!, 0), minN)).toBe(false);
          }
        }
        g.children.forEach(visit);
      };
      visit(root);
    }
  });
});

// Brute force: every way the hidden numbers could be, given everything shown. A hidden number is given
// away when only one value fits and it is 1 .. minN-1. Small trees (one parent, 2-3 subgroups, one row).
describe('suppressTree audited by brute force', () => {
  function rng(seed: number) {
    let a = seed >>> 0;
    return () => ((a = (a * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  }
  type Cells = number[]; // n, a, b, c
  const KEYS = ['n', 'a', 'b', 'c'];
  const published = (g: StatGroup): (number | null)[] => KEYS.map((k) => (g.suppressed || g.hidden.has(k) ? null : g.stats.get(k)!));
  /** Every (n, a, b, c) a reader cannot rule out for one group, from what it shows. */
  function candidates(pub: (number | null)[], maxN: number): Cells[] {
    const out: Cells[] = [];
    for (let n = 1; n <= maxN; n++) {
      if (pub[0] !== null && pub[0] !== n) continue;
      for (let a = 0; a <= n; a++)
        for (let b = 0; a + b <= n; b++) {
          const v = [n, a, b, n - a - b];
          if (v.every((x, i) => pub[i] === null || pub[i] === x)) out.push(v);
        }
    }
    return out;
  }
  const add = (x: Cells, y: Cells) => x.map((v, i) => v + y[i]);
  /** Sums of one option from each list, kept only while they can still fit under the parent's totals. */
  function sums(lists: Cells[][], cap: Cells): Map<string, Cells> {
    let acc = new Map<string, Cells>([['0,0,0,0', [0, 0, 0, 0]]]);
    for (const list of lists) {
      const next = new Map<string, Cells>();
      for (const s of acc.values()) for (const v of list) {
        const t = add(s, v);
        if (t.every((x, i) => x <= cap[i])) next.set(t.join(), t);
      }
      acc = next;
    }
    return acc;
  }

  it('finds nothing to give away in 300 random small trees', () => {
    const r = rng(7);
    for (let t = 0; t < 300; t++) {
      const minN = 3 + Math.floor(r() * 3);
      const kids = Array.from({ length: 2 + Math.floor(r() * 2) }, () => {
        const n = 1 + Math.floor(r() * 7);
        const v = [0, 0, 0];
        for (let i = 0; i < n; i++) v[Math.floor(r() * (r() < 0.6 ? 1 : 3))]++;
        return group({ n, a: v[0], b: v[1], c: v[2] }, [], row);
      });
      const total = (k: string) => kids.reduce((x, c) => x + c.stats.get(k)!, 0);
      const parent = group({ n: total('n'), a: total('a'), b: total('b'), c: total('c') }, kids, row);
      suppressTree(parent, minN);
      if (parent.suppressed || parent.breakdownHidden) continue;
      const pp = published(parent);
      const cap = KEYS.map((k) => parent.stats.get(k)!); // a reader knows no more than n; cells <= n
      const capShown = pp.map((v, i) => v ?? cap[0]);
      const opts = kids.map((k) => candidates(published(k), parent.stats.get('n')!));
      kids.forEach((k, ki) => {
        const others = sums(opts.filter((_, j) => j !== ki), capShown);
        const feasible = KEYS.map(() => new Set<number>());
        for (const v of opts[ki]) {
          const fits = [...others.values()].some((o) => add(o, v).every((x, i) => pp[i] === null || pp[i] === x));
          if (fits) v.forEach((x, i) => feasible[i].add(x));
        }
        KEYS.forEach((key, j) => {
          if (published(k)[j] !== null) return;
          const vals = [...feasible[j]];
          expect(vals.length === 1 && vals[0] >= 1 && vals[0] < minN, `tree ${t}: subgroup ${ki} ${key} is given away as ${vals[0]} (minN ${minN})`).toBe(false);
        });
      });
    }
  });
});
