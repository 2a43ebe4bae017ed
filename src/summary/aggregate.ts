// Running totals per profile version and group path. Records are added (or, for a conflict found
// later, taken away again) one at a time, so memory depends on the number of groups, not of records.
import type { Contribution } from './read-record.js';

export interface Counters {
  n: number;
  /** item -> level -> count */
  levels: Map<string, Map<string, number>>;
  /** item -> records rated at or above target */
  atOrAbove: Map<string, number>;
  priorities: Map<string, number>;
  areas: Map<string, number>;
  steps: [number, number, number];
  ownAreas: Map<string, number>;
  stepTexts: Map<string, number>;
}

export interface GroupNode {
  /** The group value ("Southeast"), or null for the profile's overall total. */
  value: string | null;
  counters: Counters;
  children: Map<string, GroupNode>;
}

function newCounters(): Counters {
  return { n: 0, levels: new Map(), atOrAbove: new Map(), priorities: new Map(), areas: new Map(), steps: [0, 0, 0], ownAreas: new Map(), stepTexts: new Map() };
}

function bump(m: Map<string, number>, key: string, by: number): void {
  const v = (m.get(key) ?? 0) + by;
  if (v === 0) m.delete(key);
  else m.set(key, v);
}

export function newGroup(value: string | null): GroupNode {
  return { value, counters: newCounters(), children: new Map() };
}

function addTo(c: Counters, r: Contribution, sign: 1 | -1): void {
  c.n += sign;
  for (const [item, level, at] of r.ratings) {
    let m = c.levels.get(item);
    if (!m) c.levels.set(item, (m = new Map()));
    bump(m, level, sign);
    if (at) bump(c.atOrAbove, item, sign);
  }
  for (const p of r.priorities) bump(c.priorities, p, sign);
  for (const a of r.areas) bump(c.areas, a, sign);
  for (let i = 0; i < 3; i++) c.steps[i] += sign * r.steps[i];
  for (const t of r.ownAreas ?? []) bump(c.ownAreas, t, sign);
  for (const t of r.stepTexts ?? []) bump(c.stepTexts, t, sign);
}

/** Totals per profile ref; each a tree of groups along `--by`. */
export class Aggregator {
  readonly roots = new Map<string, GroupNode>();

  add(r: Contribution, sign: 1 | -1 = 1): void {
    let node: GroupNode | undefined = this.roots.get(r.profile);
    if (!node) this.roots.set(r.profile, (node = newGroup(null)));
    addTo(node.counters, r, sign);
    for (const value of r.path) {
      let child: GroupNode | undefined = node.children.get(value);
      if (!child) node.children.set(value, (child = newGroup(value)));
      addTo(child.counters, r, sign);
      node = child;
    }
  }

  /** Drop groups (and profiles) that a subtraction emptied, so they do not show as n = 0. */
  prune(): void {
    const walk = (g: GroupNode) => {
      for (const [k, c] of g.children) {
        if (c.counters.n === 0) g.children.delete(k);
        else walk(c);
      }
    };
    for (const [ref, g] of this.roots) {
      if (g.counters.n === 0) this.roots.delete(ref);
      else walk(g);
    }
  }
}
