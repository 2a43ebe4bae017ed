// The summary as every format sees it: numbers already suppressed, nothing about any one person.

/** The value of every hidden number in every format (never 0, never null). */
export const SUPPRESSED = 'suppressed';
export type Cell = number | typeof SUPPRESSED;
export const NOT_RATED = 'not-rated';
/** The group of records that have no value for a --by key. */
export const NOT_GIVEN = '(not given)';
export const SUMMARY_FORMAT_VERSION = 1;

export interface ItemStats {
  id: string;
  /** Count per level id, plus "not-rated". */
  levels: Record<string, Cell>;
  /** Records rated at or above the target level. */
  atOrAboveTarget: Cell;
  /** atOrAboveTarget / records that rated the item, rounded to 3 places; null if none rated it. */
  share: number | null | typeof SUPPRESSED;
}

export interface TextCount {
  text: string;
  count: number;
}

export interface GroupSummary {
  /** The --by key of this level ("district"), or null for the overall total. */
  key: string | null;
  /** The group value ("Example R-I"), "(not given)", or null for the overall total. */
  value: string | null;
  suppressed: boolean;
  n: Cell;
  items?: ItemStats[];
  priorities?: Record<string, Cell>;
  improvementAreas?: Record<string, Cell>;
  actionSteps?: { planned: Cell; 'in-progress': Cell; done: Cell; total: Cell };
  text?: { improvementAreas: TextCount[]; actionSteps: TextCount[] };
  /** Subgroups along the next --by key; absent for the last level. */
  groups?: GroupSummary[];
  /** True when the subgroups are withheld because showing them would reveal a small group. */
  groupsSuppressed?: boolean;
}

export interface ProfileSummary {
  profile: string;
  title: string;
  target: string;
  levels: Array<{ id: string; label: string; colour: string }>;
  items: Array<{ id: string; number?: string; title: string }>;
  improvementAreas: Array<{ id: string; text: string }>;
  total: GroupSummary;
}

export interface Summary {
  kind: 'practice-profile-summary';
  formatVersion: typeof SUMMARY_FORMAT_VERSION;
  minN: number;
  by: string[];
  as: string | null;
  includeText: boolean;
  /** found/counted are "suppressed" when a profile version's total is: they would give its n away. */
  files: { found: Cell; counted: Cell; skipped: Record<string, number> };
  profiles: ProfileSummary[];
}
