// Turn running totals into the suppressed summary every format renders.
import { profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { Aggregator, GroupNode } from './aggregate.js';
import type { FileCounts } from './collect.js';
import { STATUSES } from './read-record.js';
import { NOT_GIVEN, NOT_RATED, SUMMARY_FORMAT_VERSION, SUPPRESSED, type Cell, type GroupSummary, type ProfileSummary, type Summary, type TextCount } from './model.js';
import { isHidden, suppressTree, type StatGroup } from './suppress.js';

export interface BuildOptions {
  minN: number;
  by: string[];
  as?: string;
  includeText: boolean;
}

const L = (item: string, level: string) => `L\u0000${item}\u0000${level}`;
const A = (item: string) => `A\u0000${item}`;
const P = (item: string) => `P\u0000${item}`;
const I = (area: string) => `I\u0000${area}`;
const S = (status: string) => `S\u0000${status}`;

function statGroup(node: GroupNode, p: Profile): StatGroup {
  const c = node.counters;
  const stats = new Map<string, number>([['n', c.n]]);
  const g: StatGroup = { stats, hidden: new Set(), suppressed: false, breakdownHidden: false, atoms: [], pairs: [], children: [] };
  const levels = p.scale.levels.map((l) => l.id);
  for (const item of ratedItems(p)) {
    const counts = c.levels.get(item.id);
    let rated = 0;
    for (const l of levels) {
      const v = counts?.get(l) ?? 0;
      stats.set(L(item.id, l), v);
      rated += v;
    }
    stats.set(L(item.id, NOT_RATED), c.n - rated);
    stats.set(A(item.id), c.atOrAbove.get(item.id) ?? 0);
    const cells = [...levels, NOT_RATED].map((l) => L(item.id, l));
    g.atoms.push([...cells, A(item.id)]);
    stats.set(P(item.id), c.priorities.get(item.id) ?? 0);
    g.pairs.push({ key: P(item.id), total: 'n' }, { key: A(item.id), total: 'n' });
  }
  for (const s of p.sections) {
    for (const a of s.improvementAreas) {
      stats.set(I(a.id), c.areas.get(a.id) ?? 0);
      g.pairs.push({ key: I(a.id), total: 'n' });
    }
  }
  STATUSES.forEach((s, i) => stats.set(S(s), c.steps[i]));
  stats.set(S('total'), c.steps[0] + c.steps[1] + c.steps[2]);
  g.atoms.push([...STATUSES.map(S), S('total')]);
  const kids = [...node.children.values()].sort((a, b) => compareValues(a.value ?? '', b.value ?? ''));
  g.children = kids.map((k) => statGroup(k, p));
  return g;
}

/** "(not given)" last; otherwise natural order, so "District 2" comes before "District 10". */
function compareValues(a: string, b: string): number {
  const ng = Number(a === NOT_GIVEN) - Number(b === NOT_GIVEN);
  return ng || a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

function sortedText(m: Map<string, number>): TextCount[] {
  return [...m].map(([text, count]) => ({ text, count })).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** Free text of a group: its own if it has no subgroups, else only what its shown subgroups show. */
function groupText(node: GroupNode, g: StatGroup, minN: number): { areas: Map<string, number>; steps: Map<string, number> } | undefined {
  if (g.suppressed || node.counters.n < minN) return undefined;
  if (node.children.size === 0) return { areas: node.counters.ownAreas, steps: node.counters.stepTexts };
  const areas = new Map<string, number>();
  const steps = new Map<string, number>();
  const kids = [...node.children.values()].sort((a, b) => compareValues(a.value ?? '', b.value ?? ''));
  kids.forEach((k, i) => {
    if (g.breakdownHidden) return;
    const t = groupText(k, g.children[i], minN);
    for (const [x, n] of t?.areas ?? []) areas.set(x, (areas.get(x) ?? 0) + n);
    for (const [x, n] of t?.steps ?? []) steps.set(x, (steps.get(x) ?? 0) + n);
  });
  return { areas, steps };
}

function render(node: GroupNode, g: StatGroup, p: Profile, depth: number, opts: BuildOptions): GroupSummary {
  const key = depth === 0 ? null : opts.by[depth - 1];
  if (g.suppressed) return { key, value: node.value, suppressed: true, n: SUPPRESSED };
  const cell = (k: string): Cell => (isHidden(g, k) ? SUPPRESSED : g.stats.get(k) ?? 0);
  const levelIds = [...p.scale.levels.map((l) => l.id), NOT_RATED];
  const out: GroupSummary = {
    key,
    value: node.value,
    suppressed: false,
    n: node.counters.n,
    items: ratedItems(p).map((it) => {
      const at = cell(A(it.id));
      const rated = node.counters.n - (g.stats.get(L(it.id, NOT_RATED)) ?? 0);
      return {
        id: it.id,
        levels: Object.fromEntries(levelIds.map((l) => [l, cell(L(it.id, l))])),
        atOrAboveTarget: at,
        share: at === SUPPRESSED ? SUPPRESSED : rated === 0 ? null : Math.round((at / rated) * 1000) / 1000,
      };
    }),
    priorities: Object.fromEntries(ratedItems(p).map((it) => [it.id, cell(P(it.id))])),
    improvementAreas: Object.fromEntries(p.sections.flatMap((s) => s.improvementAreas.map((a) => [a.id, cell(I(a.id))]))),
    actionSteps: { planned: cell(S('planned')), 'in-progress': cell(S('in-progress')), done: cell(S('done')), total: cell(S('total')) },
  };
  if (opts.includeText) {
    const t = groupText(node, g, opts.minN);
    if (t) out.text = { improvementAreas: sortedText(t.areas), actionSteps: sortedText(t.steps) };
  }
  if (depth < opts.by.length) {
    if (g.breakdownHidden) out.groupsSuppressed = true;
    else {
      const kids = [...node.children.values()].sort((a, b) => compareValues(a.value ?? '', b.value ?? ''));
      out.groups = kids.map((k, i) => render(k, g.children[i], p, depth + 1, opts));
    }
  }
  return out;
}

export function buildSummary(agg: Aggregator, profiles: Map<string, Profile>, counts: FileCounts, opts: BuildOptions): Summary {
  const out: ProfileSummary[] = [];
  const refs = [...agg.roots.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const ref of refs) {
    const p = profiles.get(ref);
    const node = agg.roots.get(ref);
    if (!p || !node) continue;
    const g = statGroup(node, p);
    suppressTree(g, opts.minN);
    out.push({
      profile: profileRef(p),
      title: p.title,
      target: p.scale.target,
      levels: p.scale.levels.map((l) => ({ id: l.id, label: l.label, colour: l.colour })),
      items: ratedItems(p).map((i) => ({ id: i.id, ...(i.number ? { number: i.number } : {}), title: i.title })),
      improvementAreas: p.sections.flatMap((s) => s.improvementAreas.map((a) => ({ id: a.id, text: a.text }))),
      total: render(node, g, p, 0, opts),
    });
  }
  const hideTotals = out.some((p) => p.total.suppressed);
  return {
    kind: 'practice-profile-summary',
    formatVersion: SUMMARY_FORMAT_VERSION,
    minN: opts.minN,
    by: opts.by,
    as: opts.as ?? null,
    includeText: opts.includeText,
    files: hideTotals ? { found: SUPPRESSED, counted: SUPPRESSED, skipped: { ...counts.skipped } } : { found: counts.found, counted: counts.counted, skipped: { ...counts.skipped } },
    profiles: out,
  };
}
