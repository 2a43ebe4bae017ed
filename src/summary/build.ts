// Turn the run's cells into the protected summary every format renders: per report section, build one
// table per --by, decide what to withhold (protect/), and write out only what may be shown.
import { conversionReport, crosswalkTo, earlierVersions } from '../profile/crosswalk.js';
import { profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { CYCLE_KEY, type Cell, type CellTable } from './count/cells.js';
import { buildTree, compareValues, smallNotGiven, type TreeNode } from './count/trees.js';
import type { FileCounts } from './read/collect.js';
import { buildGrowth } from './growth.js';
import {
  NO_CYCLE,
  NOT_GIVEN,
  SUMMARY_FORMAT_VERSION,
  WHY_TEXT,
  type Conversion,
  type CountRow,
  type GroupSummary,
  type ItemStats,
  type ReportSummary,
  type Summary,
  type TextCount,
  type Why,
} from './model.js';
import { type Decisions, protectSection } from './protect/engine.js';
import { ratedCount, rowDefs, rowValues, type RowDef } from './protect/rows.js';
import { fewRated, shareRange } from './protect/rules.js';

export interface BuildOptions {
  minN: number;
  /** One table per entry; [[]] for the total only. */
  by: string[][];
  as?: string;
  cycles?: string[];
  growth?: [string, string];
  includeText: boolean;
}

/** What the run did that only the facilitator should see (stderr), never the published summary. */
export interface BuildNotes {
  /** Records left out because they have no value for a key and are too few to be a group of their own. */
  leftOut: Array<{ key: string; records: number }>;
  /** The cells left out (to name their files on stderr). */
  leftOutCells: Cell[];
  /** Versions of the --as profile whose records could not be converted, with exact counts (stderr). */
  notConverted: Array<{ from: string; records: number; reason: string }>;
}

/** Everything the formats need about one section, kept for growth. */
export interface SectionResult {
  profile: Profile;
  cycleNorm: string | null;
  report: ReportSummary;
  trees: Array<{ root: TreeNode; by: string[] }>;
  decisions: Decisions;
  defs: RowDef[];
  /** A group's name as shown. */
  name: (n: TreeNode) => string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** An item row as it may be shown: exact, coded as a range, or withheld with a reason. */
export function itemStats(
  node: TreeNode,
  def: RowDef,
  why: Why | undefined,
  minN: number,
  rangeShown = true,
): ItemStats {
  const values = rowValues(node.counters, def);
  const rated = ratedCount(values);
  const at = node.counters.atOrAbove.get(def.item!) ?? 0;
  if (!why) {
    return {
      id: def.item!,
      levels: Object.fromEntries(def.keys.map((k, i) => [k, values[i]])),
      atOrAboveTarget: at,
      share: rated ? round3(at / rated) : null,
    };
  }
  const out: ItemStats = { id: def.item!, levels: null, atOrAboveTarget: null, share: null, why };
  // A withheld group shows nothing; a coded row shows a range when enough people rated it.
  if (why === 'too-small' || node.counters.n < minN) return out;
  if (fewRated(rated, minN)) return { ...out, why: why === 'small-group' ? 'few-rated' : why };
  if (!rangeShown) return { ...out, why: 'protects-small-group' };
  return { ...out, shareRange: shareRange(at, rated) };
}

function countRow(node: TreeNode, def: RowDef, why: Why | undefined): CountRow {
  if (why) return { counts: null, why };
  const v = rowValues(node.counters, def);
  return { counts: Object.fromEntries(def.keys.map((k, i) => [k, v[i]])) };
}

function texts(
  cells: Cell[],
  publishable: Set<Cell>,
  minN: number,
): { improvementAreas: TextCount[]; actionSteps: TextCount[] } {
  const areas = new Map<string, number>();
  const steps = new Map<string, number>();
  for (const c of cells) {
    if (!publishable.has(c)) continue;
    for (const [t, k] of c.counters.ownAreas) areas.set(t, (areas.get(t) ?? 0) + k);
    for (const [t, k] of c.counters.stepTexts) steps.set(t, (steps.get(t) ?? 0) + k);
  }
  // Sorted by text, never by file order; a count below min-n is not shown beside a text.
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([text, count]) => ({ text, count: count >= minN ? count : null }));
  return { improvementAreas: list(areas), actionSteps: list(steps) };
}

/** A record's free text may be shown only if, in every table, the smallest listed group holding it is shown. */
function publishableCells(cells: Cell[], trees: Array<{ root: TreeNode; by: string[] }>, d: Decisions): Set<Cell> {
  let ok = new Set(cells);
  for (const t of trees) {
    const here = new Set<Cell>();
    const visit = (n: TreeNode, depth: number) => {
      if (d.groupHidden(n)) return;
      const listed = depth < t.by.length && !d.breakdownWhy(n, t.by[depth]) && n.children.length > 0;
      if (!listed) for (const c of n.cells) here.add(c);
      else for (const k of n.children) visit(k, depth + 1);
    };
    visit(t.root, 0);
    ok = new Set([...ok].filter((c) => here.has(c)));
  }
  return ok;
}

interface RenderCtx {
  table: CellTable;
  defs: RowDef[];
  d: Decisions;
  opts: BuildOptions;
  publishable: Set<Cell>;
}

export function displayValue(table: CellTable, key: string, value: string | null): string {
  if (value === null) return key === CYCLE_KEY ? NO_CYCLE : NOT_GIVEN;
  return table.display(key, value);
}

function renderGroup(x: RenderCtx, node: TreeNode, by: string[], depth: number): GroupSummary {
  const key = node.key;
  const value = key === null ? null : displayValue(x.table, key, node.value);
  const hidden = x.d.groupHidden(node);
  if (hidden) return { key, value, n: null, why: hidden };
  const out: GroupSummary = {
    key,
    value,
    n: node.counters.n,
    items: x.defs
      .filter((r) => r.kind === 'rating')
      .map((r) => itemStats(node, r, x.d.rowWhy(node, r), x.opts.minN, x.d.rangeShown(node, r))),
  };
  for (const def of x.defs) {
    const field = def.id === 'areas' ? 'improvementAreas' : def.id === 'steps' ? 'actionSteps' : undefined;
    if (field) out[field] = countRow(node, def, x.d.rowWhy(node, def));
  }
  const prio = x.defs.filter((d) => d.id.startsWith('p:'));
  const whys = prio.flatMap((d) => {
    const w = x.d.rowWhy(node, d);
    return w ? [[d.item!, w] as const] : [];
  });
  out.priorities = {
    counts: Object.fromEntries(prio.map((d) => [d.item!, x.d.rowWhy(node, d) ? null : rowValues(node.counters, d)[0]])),
    ...(whys.length ? { why: Object.fromEntries(whys) } : {}),
  };
  if (x.opts.includeText) out.text = texts(node.cells, x.publishable, x.opts.minN);
  if (depth < by.length) {
    const bw = x.d.breakdownWhy(node, by[depth]);
    if (bw) out.groupsWhy = bw;
    else out.groups = node.children.map((c) => renderGroup(x, c, by, depth + 1));
  }
  return out;
}

/** Build one report section: its tables, protected together. */
function buildSection(
  table: CellTable,
  cells: Cell[],
  p: Profile,
  cycleNorm: string | null,
  opts: BuildOptions,
): SectionResult {
  const defs = rowDefs(p);
  const trees = opts.by.map((by) => ({ root: buildTree(cells, table.keys, by), by }));
  const d = protectSection(trees, defs, opts.minN);
  const x: RenderCtx = {
    table,
    defs,
    d,
    opts,
    publishable: opts.includeText ? publishableCells(cells, trees, d) : new Set(),
  };
  const report: ReportSummary = {
    profile: profileRef(p),
    title: p.title,
    target: p.scale.target,
    cycle: table.splitByCycle ? displayValue(table, CYCLE_KEY, cycleNorm) : null,
    levels: p.scale.levels.map((l) => ({ id: l.id, label: l.label, colour: l.colour })),
    items: ratedItems(p).map((i) => ({ id: i.id, ...(i.number ? { number: i.number } : {}), title: i.title })),
    improvementAreas: p.sections.flatMap((s) => s.improvementAreas.map((a) => ({ id: a.id, text: a.text }))),
    tables: trees.map((t) => ({ by: t.by, total: renderGroup(x, t.root, t.by, 0) })),
  };
  return {
    profile: p,
    cycleNorm,
    report,
    trees,
    decisions: d,
    defs,
    name: (n) => displayValue(table, n.key ?? '', n.value),
  };
}

export function buildSummary(
  table: CellTable,
  profiles: Map<string, Profile>,
  counts: FileCounts,
  opts: BuildOptions,
): { summary: Summary; notes: BuildNotes } {
  const notes: BuildNotes = { leftOut: [], leftOutCells: [], notConverted: [] };
  const sources = new Map<string, number>();
  const levelDropped = new Map<string, number>();
  const sections = [...table.sections.values()].sort(
    (a, b) => a.profile.localeCompare(b.profile, 'en', { numeric: true }) || compareValues(a.cycle, b.cycle),
  );
  const results: SectionResult[] = [];
  let counted = 0;
  for (const s of sections) {
    const p = profiles.get(s.profile);
    if (!p) continue;
    let cells = [...table.cells.values()].filter((c) => c.section === s.key);
    const dropped = smallNotGiven(cells, table.keys, opts.by, opts.minN);
    if (dropped.length) {
      const set = new Set(dropped);
      cells = cells.filter((c) => !set.has(c));
      notes.leftOutCells.push(...dropped);
      for (const c of dropped) {
        const key = table.keys.find((k, i) => c.values[i] === null && opts.by.some((b) => b.includes(k))) ?? '?';
        const e = notes.leftOut.find((l) => l.key === key);
        if (e) e.records += c.counters.n;
        else notes.leftOut.push({ key, records: c.counters.n });
      }
    }
    if (cells.length === 0) continue;
    for (const c of cells) for (const [v, k] of c.counters.sources) sources.set(v, (sources.get(v) ?? 0) + k);
    for (const c of cells)
      for (const [v, k] of c.counters.levelDropped) levelDropped.set(v, (levelDropped.get(v) ?? 0) + k);
    const r = buildSection(table, cells, p, s.cycle, opts);
    counted += r.trees[0].root.counters.n;
    results.push(r);
  }
  const reports = results.map((r) => r.report);
  const growth = opts.growth ? buildGrowth(results, opts.growth, opts.minN) : [];
  const used = new Set<Why>();
  const collect = (g: GroupSummary) => {
    if (g.why) used.add(g.why);
    if (g.groupsWhy) used.add(g.groupsWhy);
    for (const it of g.items ?? []) if (it.why) used.add(it.why);
    for (const r of [g.improvementAreas, g.actionSteps]) if (r?.why) used.add(r.why);
    for (const w of Object.values(g.priorities?.why ?? {})) used.add(w);
    g.groups?.forEach(collect);
  };
  reports.forEach((r) => r.tables.forEach((t) => collect(t.total)));
  for (const g of growth)
    for (const row of g.rows) for (const side of [row.from, row.to]) if (side.why) used.add(side.why);
  const hideTotals = reports.some((r) => r.tables[0].total.n === null);
  // A version's number of records is withheld only when the report its records are counted in hides its
  // size: an unrelated small report (one Ohio record) must not blank the counts of the --as report.
  const hidden = new Set(reports.filter((r) => r.tables[0].total.n === null).map((r) => r.profile));
  const conversions = opts.as ? convertedVersions(opts.as, profiles, sources, levelDropped, hidden, opts.minN) : [];
  for (const c of conversions)
    if (c.notConverted === 'not-in-chain')
      notes.notConverted.push({ from: c.from, records: sources.get(c.from) ?? 0, reason: c.reason ?? '' });
  const summary: Summary = {
    kind: 'practice-profile-summary',
    formatVersion: SUMMARY_FORMAT_VERSION,
    minN: opts.minN,
    by: opts.by,
    cycles: opts.cycles ?? null,
    perCycle: table.splitByCycle,
    as: opts.as ?? null,
    conversions,
    includeText: opts.includeText,
    files: {
      found: hideTotals ? null : counts.found,
      counted: hideTotals ? null : counted,
      skipped: { ...counts.skipped },
      otherCycles: [...counts.otherCycles.values()].reduce((a, b) => a + b, 0),
      folded: counts.folded,
    },
    reports,
    growth,
    leftOut: notes.leftOut.map((l) => ({ key: l.key, records: l.records >= opts.minN ? l.records : null })),
    why: Object.fromEntries([...used].sort().map((w) => [w, WHY_TEXT[w]])),
  };
  return { summary, notes };
}

/** Per version with records counted: how many, and what the crosswalk made of them under `as`. */
function convertedVersions(
  as: string,
  profiles: Map<string, Profile>,
  sources: Map<string, number>,
  levelDropped: Map<string, number>,
  hidden: Set<string>,
  minN: number,
): Conversion[] {
  const target = profiles.get(as);
  if (!target) return [];
  const lookup = (ref: string) => profiles.get(ref);
  const versions = [...sources.keys()].filter((v) => (sources.get(v) ?? 0) > 0);
  versions.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return versions.map((from): Conversion => {
    // The report these records are counted in: the target's when converted, else their own version's.
    const into = profiles.get(from) && crosswalkTo(target, from, lookup) ? as : from;
    const withheld = hidden.has(into)
      ? `not shown: the ${into} report has too few people to show its size, and this number would give it away`
      : undefined;
    const base = {
      from,
      to: null,
      via: [],
      records: withheld ? null : (sources.get(from) ?? 0),
      ...(withheld ? { recordsWithheld: withheld } : {}),
      mapped: [],
      dropped: [],
      levelsMapped: [],
      levelsDropped: [],
      // Ratings of a few people (fewer records of this version than min-n) would tell their answers.
      ratingsAtDroppedLevels: withheld || (sources.get(from) ?? 0) < minN ? null : (levelDropped.get(from) ?? 0),
    };
    const older = profiles.get(from);
    const map = older ? crosswalkTo(target, from, lookup) : undefined;
    if (!older || !map) {
      const sameId = older?.id === target.id;
      const chain = earlierVersions(target, lookup);
      // A later version whose chain holds the target: counting everything as that one is what was meant.
      const later =
        older && crosswalkTo(older, as, lookup)
          ? `; to count the records of both as one version, use --as ${from}`
          : '';
      const reason = sameId
        ? `${from} is not an earlier version in the chain of ${as} (${[as, ...chain].join(' replaces ')}), so its records cannot be counted as ${as} and are reported as ${from}${later}${older && from.localeCompare(as, 'en', { numeric: true }) < 0 ? `; if ${as} was meant to replace ${from}, a "replaces:" is wrong (profile validate says which)` : ''}`
        : `${from} is another profile; its records are reported as they are`;
      return { ...base, to: null, via: [], notConverted: sameId ? 'not-in-chain' : 'other-profile', reason };
    }
    const r = conversionReport(older, map);
    return {
      ...base,
      to: as,
      via: r.via,
      mapped: r.renamed.map(([f, t]) => ({ from: f, to: t })),
      dropped: r.dropped,
      levelsMapped: r.levelsRenamed.map(([f, t]) => ({ from: f, to: t })),
      levelsDropped: r.levelsDropped,
    };
  });
}
