// Apply the disclosure rules (rules.ts) to every table of one report section together, until nothing
// changes. Decisions are kept per group identity (TreeNode.id), so a group shown or withheld in one
// table is shown or withheld the same way in every other table of the run.
import type { TreeNode } from '../count/trees.js';
import { rowValues, type RowDef } from './rows.js';
import {
  crossedRowsPinOne,
  fewRated,
  hiddenSubgroupsExposed,
  parentRowRebuilt,
  rowRemainderExposed,
  smallGroupRange,
  tooSmall,
  type Why,
} from './rules.js';
import { ratedCount } from './rows.js';

export class Decisions {
  /** group id -> why it is withheld */
  readonly groups = new Map<string, Why>();
  /** group id + row id -> why that row is not shown exactly */
  readonly rows = new Map<string, Why>();
  /** group id + next --by key -> why its subgroups are not listed */
  readonly breakdowns = new Map<string, Why>();
  /** group id + row id: a row shown without even a range (its range would be pinned by the others) */
  readonly noRange = new Set<string>();

  rangeShown(n: TreeNode, def: RowDef): boolean {
    return !this.noRange.has(`${n.id}\u0003${def.id}`);
  }

  groupHidden(n: TreeNode): Why | undefined {
    return this.groups.get(n.id);
  }
  rowWhy(n: TreeNode, def: RowDef): Why | undefined {
    return this.groups.get(n.id) ?? this.rows.get(`${n.id}\u0003${def.id}`);
  }
  breakdownWhy(n: TreeNode, key: string): Why | undefined {
    return this.breakdowns.get(`${n.id}\u0003${key}`);
  }
}

interface Ctx {
  d: Decisions;
  defs: RowDef[];
  minN: number;
  changed: boolean;
}

function hideGroup(x: Ctx, n: TreeNode, why: Why): void {
  if (x.d.groups.has(n.id)) return;
  x.d.groups.set(n.id, why);
  x.changed = true;
}

function markRow(x: Ctx, n: TreeNode, def: RowDef, why: Why): void {
  const k = `${n.id}\u0003${def.id}`;
  if (x.d.rows.has(k) || x.d.groups.has(n.id)) return;
  x.d.rows.set(k, why);
  x.changed = true;
}

/** Smallest first (least information lost), then by value for a stable choice. */
function smallest(nodes: TreeNode[]): TreeNode | undefined {
  return [...nodes].sort((a, b) => a.counters.n - b.counters.n || String(a.value).localeCompare(String(b.value)))[0];
}

/** Rules that look at one group alone. */
function primary(x: Ctx, node: TreeNode): void {
  if (tooSmall(node.counters.n, x.minN)) return hideGroup(x, node, 'too-small');
  for (const def of x.defs) if (smallGroupRange(node.counters.n, def)) markRow(x, node, def, 'small-group');
  // Few raters in a large group (an item only a newer version has, under --as): the raters are a small
  // set of their own, so their levels are withheld.
  for (const def of x.defs) {
    if (def.kind !== 'rating') continue;
    const rated = ratedCount(rowValues(node.counters, def));
    if (rated > 0 && fewRated(rated, x.minN)) markRow(x, node, def, 'few-rated');
  }
  // A priority count bounds its item's below-target count: it is withheld wherever that row is not exact.
  for (const def of x.defs) {
    if (!def.id.startsWith('p:')) continue;
    const rating = x.defs.find((d) => d.kind === 'rating' && d.item === def.item)!;
    const why = x.d.rowWhy(node, rating);
    if (why) markRow(x, node, def, why);
  }
}

/** Whether a subgroup shows this row as a coded range (not exact, not withheld outright). */
function showsRange(x: Ctx, k: TreeNode, def: RowDef): boolean {
  if (x.d.groupHidden(k) || !x.d.rowWhy(k, def) || !x.d.rangeShown(k, def)) return false;
  return !fewRated(ratedCount(rowValues(k.counters, def)), x.minN);
}

/**
 * Rule: with the parent's count exact and no subgroup withheld, the subgroups' ranges split a known
 * total and can pin each other (Northwest 7 = Maryville 5 of 5 + St. Joseph 2). Whether they would
 * depends on the values, and a rule that withholds only then tells a reader who knows it that they
 * would (the gap is the clue). So the rule looks only at the structure: then every range of that row
 * among the subgroups is withheld. Where a subgroup is withheld, its unknown count is the slack.
 */
function rangesPinned(x: Ctx, _node: TreeNode, def: RowDef, kids: TreeNode[]): void {
  if (kids.some((k) => x.d.groupHidden(k))) return;
  for (const k of kids) {
    const key = `${k.id}\u0003${def.id}`;
    if (x.d.noRange.has(key) || !showsRange(x, k, def)) continue;
    x.d.noRange.add(key);
    x.changed = true;
  }
}

/** Rules between a shown group and its listed subgroups. */
function complementary(x: Ctx, node: TreeNode, key: string): void {
  const kids = node.children;
  if (kids.length === 0 || x.d.breakdownWhy(node, key)) return;
  const hidden = kids.filter((k) => x.d.groupHidden(k));
  const shown = kids.filter((k) => !x.d.groupHidden(k));
  const hiddenN = hidden.reduce((a, k) => a + k.counters.n, 0);
  if (hiddenSubgroupsExposed(hidden.length, hiddenN, x.minN)) {
    const pick = smallest(shown);
    if (pick) hideGroup(x, pick, 'protects-small-group');
    else {
      x.d.breakdowns.set(`${node.id}\u0003${key}`, 'protects-small-group');
      x.changed = true;
    }
    return; // the row rules run again on the next pass, with the new choice
  }
  for (const def of x.defs) {
    const exactKids = kids.filter((k) => !x.d.rowWhy(k, def));
    const notExact = kids.length - exactKids.length;
    const parentExact = !x.d.rowWhy(node, def);
    if (parentExact) {
      const parent = rowValues(node.counters, def);
      const remainder = parent.slice();
      let remainderN = node.counters.n;
      for (const k of exactKids) {
        rowValues(k.counters, def).forEach((v, i) => (remainder[i] -= v));
        remainderN -= k.counters.n;
      }
      if (rowRemainderExposed(def, notExact, remainderN, remainder)) {
        const pick = smallest(exactKids);
        if (pick) markRow(x, pick, def, 'protects-small-group');
        else markRow(x, node, def, 'protects-small-group');
      }
      if (def.kind === 'rating') rangesPinned(x, node, def, kids);
    } else if (parentRowRebuilt(parentExact, notExact, kids.length)) {
      const pick = smallest(exactKids);
      if (pick) markRow(x, pick, def, 'protects-small-group');
    }
  }
}

/** Tables whose groups cut across each other: neither --by is the start of the other. */
function crossed(a: string[], b: string[]): boolean {
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  return !short.every((k, i) => long[i] === k);
}

function listedShown(x: Ctx, root: TreeNode, by: string[]): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (n: TreeNode, depth: number) => {
    if (x.d.groupHidden(n)) return;
    out.push(n);
    if (depth < by.length && !x.d.breakdownWhy(n, by[depth])) for (const c of n.children) visit(c, depth + 1);
  };
  visit(root, 0);
  return out;
}

/** Rule for two crossed tables: see crossedRowsPinOne. */
function crossedTables(x: Ctx, a: { root: TreeNode; by: string[] }, b: { root: TreeNode; by: string[] }): void {
  const an = listedShown(x, a.root, a.by);
  const bn = listedShown(x, b.root, b.by);
  for (const g of an) {
    const cells = new Set(g.cells);
    for (const h of bn) {
      let common = 0;
      for (const c of h.cells) if (cells.has(c)) common += c.counters.n;
      if (common === 0 || common === g.counters.n || common === h.counters.n) continue; // disjoint, or one holds the other
      for (const def of x.defs) {
        if (x.d.rowWhy(g, def) || x.d.rowWhy(h, def)) continue;
        if (
          crossedRowsPinOne(
            def,
            rowValues(g.counters, def),
            rowValues(h.counters, def),
            rowValues(a.root.counters, def),
            common,
          )
        ) {
          markRow(x, g.counters.n <= h.counters.n ? g : h, def, 'protects-small-group');
        }
      }
    }
  }
}

/**
 * Decide what to withhold in the tables (one tree per --by) of one report section. Returns the
 * decisions; nothing in the trees is changed.
 */
export function protectSection(
  trees: Array<{ root: TreeNode; by: string[] }>,
  defs: RowDef[],
  minN: number,
): Decisions {
  const x: Ctx = { d: new Decisions(), defs, minN, changed: false };
  const visit = (n: TreeNode, by: string[], depth: number, f: (n: TreeNode, key: string) => void) => {
    if (x.d.groupHidden(n)) return; // a withheld group lists no subgroups
    f(n, by[depth]);
    if (depth < by.length && !x.d.breakdownWhy(n, by[depth])) for (const c of n.children) visit(c, by, depth + 1, f);
  };
  for (const t of trees) visit(t.root, t.by, 0, (n) => primary(x, n));
  for (let pass = 0; pass < 100_000; pass++) {
    x.changed = false;
    for (const t of trees) {
      visit(t.root, t.by, 0, (n, key) => {
        primary(x, n); // a group may have been withheld elsewhere meanwhile; cheap to re-run
        if (key !== undefined) complementary(x, n, key);
      });
    }
    for (let i = 0; i < trees.length; i++)
      for (let j = i + 1; j < trees.length; j++)
        if (crossed(trees[i].by, trees[j].by)) crossedTables(x, trees[i], trees[j]);
    if (!x.changed) break;
  }
  return x.d;
}
