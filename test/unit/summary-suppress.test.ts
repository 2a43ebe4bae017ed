// Suppression rules on small hand-made trees: primary, within rows, and between groups and subgroups.
import { describe, expect, it } from 'vitest';
import { suppressTree, type StatGroup } from '../../src/summary/suppress.js';

function group(stats: Record<string, number>, children: StatGroup[] = [], rows: StatGroup['rows'] = []): StatGroup {
  return { stats: new Map(Object.entries(stats)), hidden: new Set(), suppressed: false, breakdownHidden: false, rows, pairs: [], splits: [], children };
}
const row = [{ cells: ['a', 'b', 'c'], total: 'n' }];

describe('suppressTree', () => {
  it('hides a group below minN, and never a 0', () => {
    const g = group({ n: 4, a: 0 });
    suppressTree(g, 5);
    expect(g.suppressed).toBe(true);
    const h = group({ n: 12, a: 0, b: 12, c: 0 }, [], row);
    suppressTree(h, 5);
    expect([...h.hidden]).toEqual([]);
  });

  it('hides small cells and one more in the same row', () => {
    const g = group({ n: 20, a: 2, b: 12, c: 6 }, [], row);
    suppressTree(g, 5);
    expect([...g.hidden].sort()).toEqual(['a', 'c']); // c is the next smallest shown cell
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
