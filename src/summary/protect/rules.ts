// The disclosure rules, one function each, with the reason beside it. PRODUCT.md's promise: no number
// in a summary may pin down a count for fewer than min-n people, and no shown number may tell that
// every member of a group of fewer than 10 gave the same level. Within that promise a summary shows as
// much as it can: a group at or above min-n is shown with its full distribution (as employee-survey
// tools do), and only what would expose a smaller set is withheld or coded as a range (NCES 2011-603).
//
// Each rule looks at one group (and its listed subgroups) and returns what must be withheld; the
// engine (engine.ts) applies them to every table of the run until nothing changes.
import type { RowDef } from './rows.js';

/** Why a number is withheld or shown as a range; every format says it in words (WHY_TEXT). */
export type Why = 'too-small' | 'protects-small-group' | 'small-group' | 'few-rated';

export const WHY_TEXT: Record<Why, string> = {
  'too-small': 'group too small: fewer people than the minimum group size',
  'protects-small-group': 'withheld, or shown as a range, so that a smaller group cannot be worked out by subtraction',
  'small-group':
    'shown as a range: in a group of fewer than 10 people, items show the share at or above target as a range (halves), not counts, and action steps are not counted',
  'few-rated': 'too few people rated this item to show it',
};

/** Below this many people, a group's item rows show a range, not counts. */
export const RANGE_BELOW_N = 10;

/**
 * too-small: a group of fewer than min-n people is withheld whole. Its name is still listed (a reader
 * knows it holds at least one person, and the other rules take that into account).
 */
export function tooSmall(n: number, minN: number): boolean {
  return n < minN;
}

/**
 * small-group: in a shown group of fewer than RANGE_BELOW_N people, an item on which everyone gave the
 * same level would tell each member's rating. Coding only those items would give them away (a reader
 * who knows the rule reads "coded" as "all the same"), so every item row of such a group shows a coded
 * range of the share at or above target (wide enough to hold more than one count), never counts; and
 * so does how often each item was prioritised (only items rated below target can be priorities).
 */
export function smallGroupRange(n: number, def: RowDef): boolean {
  // Action-step counts too: "planned 0" in a group of 5 would tell that nobody there has a planned step.
  return (def.kind === 'rating' || def.kind === 'steps' || def.id.startsWith('p:')) && n > 0 && n < RANGE_BELOW_N;
}

/**
 * protects-small-group (groups): the withheld subgroups of a shown group can be summed by subtraction
 * (parent minus the shown subgroups). That remainder must itself be a safe set: at least min-n people,
 * in at least two withheld groups (one alone would be given away whole), and more people than groups
 * (each listed group holds at least one person, so n withheld groups holding n people would each hold
 * exactly one). Returns true when one more subgroup must be withheld.
 */
export function hiddenSubgroupsExposed(hiddenCount: number, hiddenN: number, minN: number): boolean {
  if (hiddenCount === 0) return false;
  return hiddenCount < 2 || hiddenN < minN || hiddenN <= hiddenCount;
}

/**
 * protects-small-group (rows): for one row of a shown group, the subgroups where that row is not
 * shown exactly (withheld groups, coded rows) can be summed by subtraction. The remainder must not
 * belong to one subgroup alone, and must not show that everyone in it gave the same answer (which
 * would tell each member's answer); a count of 0 tells nothing of anyone's own answer and is allowed.
 * Returns true when one more subgroup's row must be withheld.
 */
export function rowRemainderExposed(def: RowDef, members: number, remainderN: number, remainder: number[]): boolean {
  if (members === 0) return false;
  if (members < 2) return true;
  if (def.kind === 'steps') return false; // a person may have any number of steps: a sum pins no one
  return remainderN > 0 && remainder.some((v) => v === remainderN);
}

/**
 * protects-small-group (parents): a row withheld in a group must not be the sum of its subgroups'
 * rows, all shown. Returns true when one subgroup's row must be withheld as well.
 */
export function parentRowRebuilt(parentRowExact: boolean, childrenNotExact: number, children: number): boolean {
  return !parentRowExact && children > 0 && childrenNotExact === 0;
}

/**
 * The coded range of a share (NCES-style top and bottom coding), chosen so that it always holds at
 * least two possible counts: halves below 10 people, fifths from 10 on. Closed at both ends.
 */
export function shareRange(atOrAbove: number, rated: number): { min: number; max: number } {
  const parts = rated < RANGE_BELOW_N ? 2 : 5;
  const k = Math.min(parts - 1, Math.floor((atOrAbove * parts) / rated));
  return { min: k / parts, max: (k + 1) / parts };
}

/** A coded range needs enough rated answers to hold two counts; below min-n the row is withheld. */
export function fewRated(rated: number, minN: number): boolean {
  return rated < minN;
}

/**
 * protects-small-group (crossed tables): two tables that do not nest (region, and role) meet in sets
 * that neither lists, e.g. the experienced coaches of one region. From a group's count at a level in
 * each table and everyone's count there, the count in their meeting lies between
 * max(0, a + b - total) and min(a, b); when those are equal and above 0 it is known exactly (one
 * group holds everyone at that level). And when the two groups have only one level in common, everyone
 * in both gave that level. Either way one of the two rows must be withheld.
 */
export function crossedRowsPinOne(def: RowDef, a: number[], b: number[], all: number[], commonN: number): boolean {
  if (def.kind !== 'rating' || commonN === 0) return false;
  let common = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > 0 && b[i] > 0) common++;
    const lo = Math.max(0, a[i] + b[i] - all[i]);
    if (lo > 0 && lo === Math.min(a[i], b[i])) return true;
  }
  return common === 1;
}
