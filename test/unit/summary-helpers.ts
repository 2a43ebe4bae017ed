// Build a summary in-process from a few hand-made contributions (what the reader produces per record).
import { loadRegistry } from '../../src/profile/registry.js';
import { buildSummary, type BuildOptions } from '../../src/summary/build.js';
import { CellTable, CYCLE_KEY } from '../../src/summary/count/cells.js';
import type { Summary } from '../../src/summary/model.js';
import type { Contribution } from '../../src/summary/read/read-record.js';

export type Rec = Partial<Omit<Contribution, 'groups'>> & { groups?: Record<string, string> };

const registry = loadRegistry({ env: {} });
export const PROFILES = new Map(registry.entries.map((e) => [e.ref, e.profile]));

export function summaryOf(recs: Rec[], opts: Partial<BuildOptions> & { by?: string[][] } = {}): Summary {
  const by = opts.by ?? [[]];
  const keys = [...new Set(by.flat())];
  const readKeys = keys.filter((k) => k !== CYCLE_KEY);
  const table = new CellTable(keys, readKeys, !keys.includes(CYCLE_KEY));
  for (const r of recs) {
    table.add({
      profile: 'sbic@2024',
      cycle: '2025-26 baseline',
      respondent: null,
      date: '2025-09-14',
      ratings: [],
      priorities: [],
      areas: [],
      steps: [0, 0, 0],
      ...r,
      groups: readKeys.map((k) => r.groups?.[k] ?? null),
    });
  }
  const counts = {
    found: recs.length,
    counted: recs.length,
    skipped: {
      invalid: 0,
      draft: 0,
      duplicate: 0,
      conflict: 0,
      'older-revision': 0,
      'not-a-record': 0,
      'too-large': 0,
      unreadable: 0,
      link: 0,
    },
    otherCycles: new Map(),
    folded: 0,
    foldedFiles: [],
  };
  return buildSummary(table, PROFILES, counts, { minN: 5, includeText: false, ...opts, by }).summary;
}

/** A rating of every sbic@2024 item at `level` (target: proficient). */
export function rated(level: string, overrides: Record<string, string> = {}): Contribution['ratings'] {
  const above = (l: string) => l === 'exemplary' || l === 'proficient';
  const items = ['relationships', 'feedback', 'coaching-plan', 'solution-dialogue', 'progress-monitoring'];
  return items.map((it) => {
    const l = overrides[it] ?? level;
    return [it, l, above(l)];
  });
}
