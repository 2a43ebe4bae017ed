// One table of a report: the section's cells summed along one --by (a total, then groups, nested).
import type { Cell } from './cells.js';
import { addCounters, newCounters, type Counters } from './counters.js';

export interface TreeNode {
  /**
   * The set of records this group is, whatever table it appears in: its key=value pairs, sorted.
   * "region=se" of `--by region` and of `--by region,district` is the same group and is shown or
   * hidden the same way in both, so that no table can be subtracted from another.
   */
  id: string;
  key: string | null;
  /** Normalized value; null for the total and for records without a value ("not given"). */
  value: string | null;
  counters: Counters;
  children: TreeNode[];
  /** The cells it sums (to find which records a text may be published from). */
  cells: Cell[];
}

const NG = '\u0001';

export function nodeId(pairs: Array<[string, string | null]>): string {
  return pairs
    .map(([k, v]) => `${k}=${v ?? NG}`)
    .sort()
    .join('\u0002');
}

/** "(not given)" last; otherwise natural order, so "District 2" comes before "District 10". */
export function compareValues(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : 1);
}

export function buildTree(cells: Cell[], keys: string[], spec: string[]): TreeNode {
  const idx = spec.map((k) => keys.indexOf(k));
  const root: TreeNode = { id: '', key: null, value: null, counters: newCounters(), children: [], cells: [] };
  const byId = new Map<string, TreeNode>([['', root]]);
  for (const cell of cells) {
    let node = root;
    addCounters(node.counters, cell.counters);
    node.cells.push(cell);
    const pairs: Array<[string, string | null]> = [];
    spec.forEach((k, d) => {
      const v = cell.values[idx[d]];
      pairs.push([k, v]);
      const id = nodeId(pairs);
      let child = byId.get(id);
      if (!child) {
        child = { id, key: k, value: v, counters: newCounters(), children: [], cells: [] };
        byId.set(id, child);
        node.children.push(child);
      }
      addCounters(child.counters, cell.counters);
      child.cells.push(cell);
      node = child;
    });
  }
  const sort = (n: TreeNode) => {
    n.children.sort((a, b) => compareValues(a.value, b.value));
    n.children.forEach(sort);
  };
  sort(root);
  return root;
}

export function walkTree(
  n: TreeNode,
  visit: (n: TreeNode, parent: TreeNode | null) => void,
  parent: TreeNode | null = null,
): void {
  visit(n, parent);
  for (const c of n.children) walkTree(c, visit, n);
}

/**
 * Records without a value for a --by key form a "(not given)" group. When that group is smaller than
 * min-n inside a group that is shown, and it is the only small subgroup there, it could only be
 * protected by hiding a real sibling (one unlabelled record would knock out a 25-record region). Such
 * records are left out of the report instead, and the report and stderr say so. Where other small
 * subgroups are withheld anyway, the "(not given)" group is withheld with them and its records stay in
 * every total. Returns the cells left out.
 */
export function smallNotGiven(cells: Cell[], keys: string[], specs: string[][], minN: number): Cell[] {
  let kept = cells;
  const out: Cell[] = [];
  for (let again = true; again; ) {
    again = false;
    for (const spec of specs) {
      const drop = new Set<Cell>();
      walkTree(buildTree(kept, keys, spec), (n, parent) => {
        if (!parent || n.value !== null || n.counters.n >= minN || parent.counters.n < minN) return;
        if (parent.children.some((c) => c !== n && c.counters.n < minN)) return;
        for (const c of n.cells) drop.add(c);
      });
      if (drop.size) {
        kept = kept.filter((c) => !drop.has(c));
        out.push(...drop);
        again = true;
      }
    }
  }
  return out;
}
