// A group's numbers, as rows that are shown or withheld as a whole: one row per rated item (its level
// counts, "not rated" included, which add up to the group's n), one per item for how often it was
// prioritised, and one each for the improvement areas and the action-step statuses.
import { ratedItems } from '../../profile/model.js';
import type { Profile } from '../../profile/schema.js';
import type { Counters } from '../count/counters.js';
import { STATUSES } from '../read/read-record.js';

export const NOT_RATED = 'not-rated';

export type RowKind = 'rating' | 'count' | 'steps';

export interface RowDef {
  /** "r:feedback", "p:feedback" (how often prioritised), "areas", "steps" */
  id: string;
  kind: RowKind;
  /** Rating and priority rows: the item id. */
  item?: string;
  /** The categories, in order (rating rows: the levels then "not-rated"). */
  keys: string[];
}

export function rowDefs(p: Profile): RowDef[] {
  const levels = [...p.scale.levels.map((l) => l.id), NOT_RATED];
  const items = ratedItems(p).map((i) => i.id);
  const areas = p.sections.flatMap((s) => s.improvementAreas.map((a) => a.id));
  const rows: RowDef[] = items.map((item) => ({ id: `r:${item}`, kind: 'rating' as const, item, keys: levels }));
  // One priority row per item: an item is prioritised only when rated below target, so its count is
  // tied to that item's rating row and is shown or withheld with it.
  for (const item of items) rows.push({ id: `p:${item}`, kind: 'count', item, keys: [item] });
  if (areas.length) rows.push({ id: 'areas', kind: 'count', keys: areas });
  rows.push({ id: 'steps', kind: 'steps', keys: [...STATUSES] });
  return rows;
}

/** The row's numbers for a set of records, in `def.keys` order. */
export function rowValues(c: Counters, def: RowDef): number[] {
  switch (def.kind) {
    case 'rating': {
      const m = c.levels.get(def.item!);
      const rated = def.keys.slice(0, -1).map((l) => m?.get(l) ?? 0);
      return [...rated, c.n - rated.reduce((a, b) => a + b, 0)];
    }
    case 'count': {
      const m = def.id.startsWith('p:') ? c.priorities : c.areas;
      return def.keys.map((k) => m.get(k) ?? 0);
    }
    case 'steps':
      return [...c.steps];
  }
}

/** Records that rated the item (n minus "not rated"). */
export function ratedCount(values: number[]): number {
  return values.slice(0, -1).reduce((a, b) => a + b, 0);
}
