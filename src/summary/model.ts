// The summary as every format sees it (and `--format json` publishes): numbers already protected,
// nothing about any one person. A withheld number is null, with a `why` beside it; never 0.
import type { Why } from './protect/rules.js';

export type { Why } from './protect/rules.js';
export { WHY_TEXT } from './protect/rules.js';
export { NOT_RATED } from './protect/rows.js';

export const SUMMARY_FORMAT_VERSION = 2;
/** Shown for a group whose records have no value for a --by key. */
export const NOT_GIVEN = '(not given)';
/** Shown for records with no cycle label. */
export const NO_CYCLE = '(no cycle)';

/** A coded share: the true share lies in [min, max]. */
export interface ShareRange {
  min: number;
  max: number;
}

export interface ItemStats {
  id: string;
  /** Count per level id, plus "not-rated"; null when not shown exactly (see why). */
  levels: Record<string, number> | null;
  /** People rated at or above the target level; null when not shown exactly. */
  atOrAboveTarget: number | null;
  /** atOrAboveTarget / people who rated the item, 3 places; null if not shown exactly or none rated it. */
  share: number | null;
  /** When the row is coded: the range that holds the share. */
  shareRange?: ShareRange;
  /** Why the row is not shown exactly (absent when it is). */
  why?: Why;
}

export interface TextCount {
  text: string;
  /** How many people wrote it; null when fewer than min-n (a count that small is not shown). */
  count: number | null;
}

/** How often each item was prioritised: a count per item, null where withheld (with why[item]). */
export interface PriorityRow {
  counts: Record<string, number | null>;
  why?: Record<string, Why>;
}

export interface CountRow {
  /** id -> count; null when the row is withheld. */
  counts: Record<string, number> | null;
  why?: Why;
}

export interface GroupSummary {
  /** The --by key of this level ("district"), or null for the overall total. */
  key: string | null;
  /** The group value as most records spell it, "(not given)", or null for the total. */
  value: string | null;
  /** People in the group; null when the group is withheld. */
  n: number | null;
  /** Why the whole group is withheld (absent when it is shown). */
  why?: Why;
  items?: ItemStats[];
  priorities?: PriorityRow;
  improvementAreas?: CountRow;
  actionSteps?: CountRow;
  text?: { improvementAreas: TextCount[]; actionSteps: TextCount[] };
  /** Subgroups along the next --by key; absent for the last level and for a withheld group. */
  groups?: GroupSummary[];
  /** Why the subgroups are not listed at all. */
  groupsWhy?: Why;
}

export interface TableSummary {
  /** The --by keys of this table, outermost first; [] for the overall total only. */
  by: string[];
  total: GroupSummary;
}

export interface ReportSummary {
  profile: string;
  title: string;
  target: string;
  /** The cycle this report covers (as most records spell it), NO_CYCLE, or null when cycles are mixed or grouped by. */
  cycle: string | null;
  levels: Array<{ id: string; label: string; colour: string }>;
  items: Array<{ id: string; number?: string; title: string }>;
  improvementAreas: Array<{ id: string; text: string }>;
  tables: TableSummary[];
}

export interface GrowthSide {
  n: number | null;
  share: number | null;
  shareRange?: ShareRange;
  why?: Why;
}

export interface GrowthRow {
  /** The group: key/value pairs from the total down ([] = everyone). */
  path: Array<{ key: string; value: string }>;
  item: string;
  from: GrowthSide;
  to: GrowthSide;
  /** to.share - from.share, 3 places; null unless both sides are shown exactly. */
  change: number | null;
}

export interface GrowthSummary {
  profile: string;
  from: string;
  to: string;
  /** Always "cross-sections": records are not linked across cycles; different people may be counted. */
  comparison: 'cross-sections';
  by: string[];
  rows: GrowthRow[];
}

/**
 * With --as: what records of one version became (one entry per version that had records counted). What
 * the crosswalk does is the same for every record, so it tells nothing about anyone.
 */
export interface Conversion {
  /** The version the records were written for. */
  from: string;
  /** The version they are counted as (the --as target), or null when they could not be converted. */
  to: string | null;
  /** Versions in between (sbic@2024 for sbic@2014 -> sbic@2026), oldest first. */
  via: string[];
  /** Records of this version counted; null when withheld (see recordsWithheld). */
  records: number | null;
  /** Why `records` is null: the report these records are counted in hides its size (a small group). */
  recordsWithheld?: string;
  /** Ids that count under another id in `to`. */
  mapped: Array<{ from: string; to: string }>;
  /** Ids with no counterpart in `to`: their ratings, priorities and ticks are not counted. */
  dropped: string[];
  levelsMapped: Array<{ from: string; to: string }>;
  levelsDropped: string[];
  /**
   * Ratings (in the records counted) at one of `levelsDropped`: they appear as "Not rated" and are left out
   * of the shares. null when withheld, as `records` is (see recordsWithheld).
   */
  ratingsAtDroppedLevels: number | null;
  /** Why `to` is null: another version not in the target's chain (a warning), or another profile. */
  notConverted?: 'not-in-chain' | 'other-profile';
  /** notConverted, in words. */
  reason?: string;
}

export interface Summary {
  kind: 'practice-profile-summary';
  formatVersion: typeof SUMMARY_FORMAT_VERSION;
  minN: number;
  /** The --by of each table; [[]] when there is no --by. */
  by: string[][];
  /** --cycle: the cycles kept; null = all. */
  cycles: string[] | null;
  /** One report per cycle (true unless --by names "cycle"). */
  perCycle: boolean;
  as: string | null;
  /** With --as: per version whose records were counted, how many and what they became; [] without --as. */
  conversions: Conversion[];
  includeText: boolean;
  /** null where a total would give a withheld report's size away. */
  files: {
    found: number | null;
    counted: number | null;
    skipped: Record<string, number>;
    /** Valid records of cycles that --cycle leaves out. */
    otherCycles: number;
    /** Repeat records of one person in one cycle, folded into their latest. */
    folded: number;
  };
  reports: ReportSummary[];
  growth: GrowthSummary[];
  /**
   * Records left out because they have no value for a --by key and were too few to be a group of
   * their own: per key, how many (null when fewer than min-n: that count is not shown either).
   */
  leftOut: Array<{ key: string; records: number | null }>;
  /** The reasons used in this summary, in words. */
  why: Partial<Record<Why, string>>;
}
