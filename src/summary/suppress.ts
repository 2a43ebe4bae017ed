// Anonymity (PRODUCT.md): hide small groups and small cells, then hide enough other numbers that no
// hidden one can be worked out by subtraction, within a row or between a group and its subgroups.

/** A group's numbers, each under a key, and which keys are shown or hidden together. */
export interface StatGroup {
  stats: Map<string, number>;
  /** Keys hidden so far. */
  hidden: Set<string>;
  /** The whole group is hidden (too small, or hidden so that a small sibling cannot be recovered). */
  suppressed: boolean;
  /** Its subgroups are not shown at all (last resort when subtraction cannot be prevented otherwise). */
  breakdownHidden: boolean;
  /**
   * Keys shown or hidden together (one item's levels and its at-or-above count; the action-step statuses
   * and their total). A part-hidden row leaks through its links to the other rows and to the subgroups
   * (a reader can solve the equations together), so a row is all shown or all hidden.
   */
  atoms: string[][];
  /** A count shown beside `total`: both it and `total - it` must be 0 or at least minN. */
  pairs: Array<{ key: string; total: string }>;
  children: StatGroup[];
}

const small = (v: number, minN: number) => v >= 1 && v < minN;
const sum = (groups: StatGroup[], key: string) => groups.reduce((a, c) => a + (c.stats.get(key) ?? 0), 0);

export function isHidden(g: StatGroup, key: string): boolean {
  return g.suppressed || g.hidden.has(key);
}

function hideGroup(g: StatGroup): void {
  g.suppressed = true;
  for (const c of g.children) hideGroup(c);
}

/** Rules 1 and 2: groups below minN, and cells of 1 .. minN-1. */
function primary(g: StatGroup, minN: number): void {
  if ((g.stats.get('n') ?? 0) < minN) hideGroup(g);
  if (!g.suppressed) {
    for (const [key, v] of g.stats) if (key !== 'n' && small(v, minN)) g.hidden.add(key);
    for (const p of g.pairs) {
      const v = g.stats.get(p.key) ?? 0;
      if (small(v, minN) || small((g.stats.get(p.total) ?? 0) - v, minN)) g.hidden.add(p.key);
    }
    closeAtoms(g);
  }
  g.children.forEach((c) => primary(c, minN));
}

/** A row with any hidden key is hidden whole; true when that hid anything more. */
function closeAtoms(g: StatGroup): boolean {
  let changed = false;
  for (const atom of g.atoms) {
    if (!atom.some((k) => g.hidden.has(k))) continue;
    for (const k of atom) {
      if (!g.hidden.has(k)) {
        g.hidden.add(k);
        changed = true;
      }
    }
  }
  return changed;
}

/** Hide the smallest shown value among `keys` (non-zero first: hiding a 0 protects less). */
function hideSmallest(values: Array<{ v: number; hide: () => void }>): boolean {
  const pick = [...values].sort((a, b) => Number(a.v === 0) - Number(b.v === 0) || a.v - b.v)[0];
  if (!pick) return false;
  pick.hide();
  return true;
}

/** One pass of rule 3 over a group and its subtree; true when anything more was hidden. */
function complementary(g: StatGroup, minN: number): boolean {
  let changed = false;
  if (!g.suppressed) {
    changed = closeAtoms(g);
    const kids = g.breakdownHidden ? [] : g.children;
    if (kids.length) {
      // 3b for whole groups: the hidden subgroups together are the parent's n minus the shown ones.
      // That remainder is a group anyone can work out, so it must not be small either.
      const hiddenKids = kids.filter((c) => c.suppressed);
      if (hiddenKids.length && small(sum(hiddenKids, 'n'), minN)) {
        const shownKids = kids.filter((c) => !c.suppressed);
        if (shownKids.length) hideSmallest(shownKids.map((c) => ({ v: c.stats.get('n') ?? 0, hide: () => hideGroup(c) })));
        else g.breakdownHidden = true;
        changed = true;
      }
      // 3b for every number: with the parent's value shown, the sum over the children where it is
      // hidden is known exactly; it (and, for a count of people, the rest of those children's n) must
      // be 0 or at least minN. With the parent's value hidden, the children must not add up to it.
      const pairTotal = new Map(g.pairs.map((p) => [p.key, p.total]));
      for (const key of g.stats.keys()) {
        const hiddenIn = kids.filter((c) => isHidden(c, key));
        const parentHidden = g.hidden.has(key);
        const total = pairTotal.get(key);
        const leaks = parentHidden
          ? hiddenIn.length === 0
          : hiddenIn.length > 0 &&
            (small(sum(hiddenIn, key), minN) || (total !== undefined && small(sum(hiddenIn, total) - sum(hiddenIn, key), minN)));
        if (leaks) {
          const shown = kids.filter((c) => !isHidden(c, key)).map((c) => ({ v: c.stats.get(key) ?? 0, hide: () => c.hidden.add(key) }));
          if (!hideSmallest(shown)) g.hidden.add(key);
          changed = true;
        }
      }
    }
  }
  for (const c of g.children) changed = complementary(c, minN) || changed;
  return changed;
}

/** Apply every rule to a tree, iterating until nothing changes. */
export function suppressTree(root: StatGroup, minN: number): void {
  primary(root, minN);
  for (let i = 0; i < 10_000 && complementary(root, minN); i++);
}
