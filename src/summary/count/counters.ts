// Running totals of one set of records (a group, or the smallest cell of the run): what a summary can
// show of it, and nothing that tells one record from another.
import type { Contribution } from '../read/read-record.js';

export interface Counters {
  n: number;
  /** item -> level -> count */
  levels: Map<string, Map<string, number>>;
  /** item -> records rated at or above target */
  atOrAbove: Map<string, number>;
  priorities: Map<string, number>;
  areas: Map<string, number>;
  steps: [planned: number, inProgress: number, done: number];
  ownAreas: Map<string, number>;
  stepTexts: Map<string, number>;
  /** Records per version they were written for (differs from the report's with --as). */
  sources: Map<string, number>;
  /** With --as: per version written for, ratings at a level the crosswalk drops. */
  levelDropped: Map<string, number>;
}

export function newCounters(): Counters {
  return {
    n: 0,
    levels: new Map(),
    atOrAbove: new Map(),
    priorities: new Map(),
    areas: new Map(),
    steps: [0, 0, 0],
    ownAreas: new Map(),
    stepTexts: new Map(),
    sources: new Map(),
    levelDropped: new Map(),
  };
}

function bump(m: Map<string, number>, key: string, by: number): void {
  const v = (m.get(key) ?? 0) + by;
  if (v === 0) m.delete(key);
  else m.set(key, v);
}

/** Add (or, with -1, take back) one record. */
export function addRecord(c: Counters, r: Contribution, sign: 1 | -1): void {
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
  bump(c.sources, r.from ?? r.profile, sign);
  if (r.levelDropped) bump(c.levelDropped, r.from ?? r.profile, sign * r.levelDropped);
}

/** Add the totals of `from` into `into` (a group is the sum of its cells). */
export function addCounters(into: Counters, from: Counters): void {
  into.n += from.n;
  for (const [item, m] of from.levels) {
    let t = into.levels.get(item);
    if (!t) into.levels.set(item, (t = new Map()));
    for (const [l, v] of m) bump(t, l, v);
  }
  for (const [k, v] of from.atOrAbove) bump(into.atOrAbove, k, v);
  for (const [k, v] of from.priorities) bump(into.priorities, k, v);
  for (const [k, v] of from.areas) bump(into.areas, k, v);
  for (let i = 0; i < 3; i++) into.steps[i] += from.steps[i];
  for (const [k, v] of from.ownAreas) bump(into.ownAreas, k, v);
  for (const [k, v] of from.stepTexts) bump(into.stepTexts, k, v);
  for (const [k, v] of from.sources) bump(into.sources, k, v);
  for (const [k, v] of from.levelDropped) bump(into.levelDropped, k, v);
}
