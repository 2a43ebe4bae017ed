// Helpers every summary format shares: walking groups, titles, and the words for withheld or coded values.
import {
  NOT_GIVEN,
  type GrowthSummary,
  type GroupSummary,
  type ItemStats,
  type ReportSummary,
  type ShareRange,
  type Summary,
  type Why,
} from '../model.js';

export function walkGroups(
  root: GroupSummary,
  visit: (g: GroupSummary, path: GroupSummary[]) => void,
  path: GroupSummary[] = [],
): void {
  const here = [...path, root];
  visit(root, here);
  for (const c of root.groups ?? []) walkGroups(c, visit, here);
}

/** "region Southeast / district Example R-I", or "Everyone" for the total. */
export function groupTitle(path: GroupSummary[]): string {
  if (path.length <= 1) return 'Everyone';
  return path
    .slice(1)
    .map((g) => `${g.key} ${g.value}`)
    .join(' / ');
}

/** "sbic@2024, cycle 2025-26 baseline" */
export function reportTitle(r: ReportSummary): string {
  return `${r.title} (${r.profile})${r.cycle !== null ? `, cycle ${r.cycle}` : ''}`;
}

/** "by region > district", or "everyone" for the table without --by. */
export function tableTitle(by: string[]): string {
  return by.length ? `by ${by.join(' > ')}` : 'everyone';
}

/** Short marks for why a value is withheld or coded, explained once per document (legendLines). */
export const WHY_MARK: Record<Why, string> = {
  'too-small': 'a',
  'protects-small-group': 'b',
  'small-group': 'c',
  'few-rated': 'd',
};

export const WITHHELD = '–';

export function withheld(why: Why | undefined): string {
  return why ? `${WITHHELD} [${WHY_MARK[why]}]` : WITHHELD;
}

export function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function rangeText(r: ShareRange): string {
  if (r.max >= 1) return `≥ ${pct(r.min)}`;
  if (r.min <= 0) return `≤ ${pct(r.max)}`;
  return `${pct(r.min)}–${pct(r.max)}`;
}

/** The share at or above target as shown: "75%", "≥ 80% [c]", "– [a]", or "–" when nobody rated it. */
export function shareCell(it: Pick<ItemStats, 'share' | 'shareRange' | 'why'>): string {
  if (it.shareRange) return `${rangeText(it.shareRange)}${it.why ? ` [${WHY_MARK[it.why]}]` : ''}`;
  if (it.why) return withheld(it.why);
  return it.share === null ? WITHHELD : pct(it.share);
}

/** A count with its share of n: "12 (40%)". */
export function countCell(v: number | null | undefined, n: number | null, why?: Why): string {
  if (v === null || v === undefined) return withheld(why);
  if (n === null || n === 0) return String(v);
  return `${v} (${Math.round((v / n) * 100)}%)`;
}

/** One line per reason used, for the legend under a table or a document. */
export function legendLines(s: Summary): string[] {
  return (Object.entries(s.why) as Array<[Why, string]>)
    .sort((a, b) => (WHY_MARK[a[0]] < WHY_MARK[b[0]] ? -1 : 1))
    .map(([w, text]) => `[${WHY_MARK[w]}] ${text}`);
}

/** "120 people counted from 130 files; not counted: 3 invalid, 7 draft", without giving away a withheld n. */
export function filesLine(s: Summary): string {
  const skipped = Object.entries(s.files.skipped).filter(([, n]) => n > 0);
  const parts = skipped.map(([r, n]) => `${n} ${r}`);
  if (s.files.otherCycles) parts.push(`${s.files.otherCycles} of other cycles (--cycle)`);
  if (s.files.folded) parts.push(`${s.files.folded} repeat records of the same person, counted once as their latest`);
  const not = parts.length ? `; not counted: ${parts.join(', ')}` : '';
  if (s.files.counted === null)
    return `Total number of people not shown (one report has fewer than ${s.minN}, and the total would give its number away)${not}.`;
  const cycles = new Set(s.reports.map((r) => r.cycle)).size;
  if (s.perCycle && cycles > 1)
    return `${s.files.counted} reviews counted from ${s.files.found} file(s), in ${cycles} cycles: each cycle counts a person once, so a coach who answered in two cycles is in both${not}.`;
  return `${s.files.counted} people counted from ${s.files.found} file(s)${not}.`;
}

/** A group whose every item is withheld, without even a range: one plain sentence instead of a table of dashes. */
export function allItemsWithheld(g: GroupSummary): string | undefined {
  const items = g.items ?? [];
  if (!items.length || items.some((it) => it.levels || it.shareRange)) return undefined;
  const reasons = [...new Set(items.map((it) => it.why))];
  if (reasons.length === 1 && reasons[0] !== 'few-rated')
    return `Item results withheld ${withheld(reasons[0])}: even as ranges, they would let a reader work out a smaller group's answers from the numbers around them.`;
  // Several reasons (or only few raters): each with its mark, so the legend's every mark appears.
  const parts = reasons.map((why) => {
    const n = items.filter((it) => it.why === why).length;
    const what = n === items.length ? 'all items' : `${n} item${n === 1 ? '' : 's'}`;
    return `${what} ${withheld(why)}, ${why ? ITEM_REASON[why] : 'withheld'}`;
  });
  return `Item results withheld: ${parts.join('; ')}.`;
}

/** Why an item row is withheld, in a few words, for the one-sentence note of a group whose items all are. */
const ITEM_REASON: Record<Why, string> = {
  'too-small': 'the group is too small',
  'protects-small-group': "so that a smaller group's answers cannot be worked out from the numbers around them",
  'small-group': 'as the group has fewer than 10 people',
  'few-rated': 'as too few people rated them',
};

/** Whether any group below this one is withheld (or not listed): its texts are then incomplete. */
export function withheldBelow(g: GroupSummary): boolean {
  return Boolean(g.groupsWhy) || (g.groups ?? []).some((c) => c.n === null || withheldBelow(c));
}

/** The per-group note under its texts, when some are left out. */
export function textGapNote(g: GroupSummary): string | undefined {
  if (!withheldBelow(g)) return undefined;
  const empty = !g.text?.improvementAreas.length && !g.text?.actionSteps.length;
  return empty
    ? 'No texts listed: they would come from withheld subgroups only.'
    : 'Texts from withheld subgroups are not listed.';
}

/** With --include-text: where texts come from. */
export const TEXT_NOTE =
  'Own improvement areas and action-step texts are listed for shown groups only, from their shown subgroups; texts of withheld groups are left out, and a count below the minimum group size is not shown beside a text.';

/** "Some records without a district are left out of this report ..." (the report's own words). */
export function leftOutLines(s: Summary): string[] {
  return s.leftOut.map(
    (l) =>
      `${l.records === null ? 'A few records' : `${l.records} records`} without a ${l.key} are left out of this report: too few to show as a group of their own.`,
  );
}

/** --by keys that no counted record has (a typo such as "county" or "Region"): every group is "(not given)". */
export function unusedByKeys(s: Summary): string[] {
  // Only keys whose groups are listed somewhere can be judged (a withheld total lists none).
  const used = new Set<string>();
  const listed = new Set<string>();
  for (const r of s.reports) {
    for (const t of r.tables) {
      walkGroups(t.total, (g) => {
        if (g.key !== null) listed.add(g.key);
        if (g.key !== null && g.value !== NOT_GIVEN) used.add(g.key);
      });
    }
  }
  return [...listed].filter((k) => !used.has(k));
}

/** The item's title as numbered in the profile: "2. Provide effective feedback". */
export function itemName(r: ReportSummary, id: string): string {
  const meta = r.items.find((x) => x.id === id);
  return meta ? `${meta.number ? `${meta.number}. ` : ''}${meta.title}` : id;
}

/**
 * A change in percentage points, from the rounded shares as shown, so the numbers on the page add up:
 * 28% -> 78% is "+50 pts". null (not shown exactly on both sides) is "–".
 */
export function changeText(row: {
  change: number | null;
  from: { share: number | null };
  to: { share: number | null };
}): string {
  if (row.change === null || row.from.share === null || row.to.share === null) return WITHHELD;
  const d = Math.round(row.to.share * 100) - Math.round(row.from.share * 100);
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d)} pts`;
}

/**
 * Growth rows to print: a group withheld (or absent) in both cycles gets one row for all its items
 * instead of one row of dashes per item.
 */
export function growthRowsToShow(
  rows: GrowthSummary['rows'],
): Array<GrowthSummary['rows'][number] & { allItems?: boolean }> {
  const out: Array<GrowthSummary['rows'][number] & { allItems?: boolean }> = [];
  const key = (r: GrowthSummary['rows'][number]) => JSON.stringify(r.path);
  const empty = (side: GrowthSummary['rows'][number]['from']) => side.n === null || side.n === 0;
  const done = new Set<string>();
  for (const r of rows) {
    const k = key(r);
    if (done.has(k)) continue;
    const same = rows.filter((x) => key(x) === k);
    if (same.every((x) => empty(x.from) && empty(x.to))) {
      out.push({ ...r, allItems: true });
      done.add(k);
    } else out.push(r);
  }
  return out;
}

export const CROSS_SECTION_NOTE =
  'Growth compares two cross-sections: the people who answered in each cycle. Records are not linked from one cycle to the next, so some people may differ. Change is in percentage points.';

/** With --by cycle, the total adds the cycles: one person who answered in both is in it twice. */
export function cycleTotalNote(s: Summary): string | undefined {
  return s.by.some((b) => b.includes('cycle'))
    ? 'With --by cycle, "Everyone" adds the cycles together: a coach who answered in two cycles is counted in each. Read the cycle groups, not the total.'
    : undefined;
}

const recordsText = (k: number | null) => (k === null ? 'records' : `${k} record${k === 1 ? '' : 's'}`);

/** With --as: records of a version that could not be converted (the report's warning, in words). */
export function conversionWarnings(s: Summary): string[] {
  return s.conversions
    .filter((c) => c.notConverted === 'not-in-chain')
    .map((c) => {
      const k = recordsText(c.records);
      return `Warning: ${k.charAt(0).toUpperCase()}${k.slice(1)} of ${c.from} ${c.records === 1 ? 'is' : 'are'} not counted as ${s.as}: ${c.reason}.`;
    });
}

/** "4 ratings at these levels appear as "Not rated" and are left out of the shares" (withheld like records). */
function droppedRatingsText(s: Summary, c: Summary['conversions'][number]): string {
  const k = c.ratingsAtDroppedLevels;
  const why =
    c.records === null
      ? 'number not shown, as for the records'
      : `number not shown: fewer than ${s.minN} records of ${c.from}, so it would tell a few people's answers`;
  const n = k === null ? `ratings (${why})` : `${k} rating${k === 1 ? '' : 's'}`;
  return `${n} at ${c.levelsDropped.length === 1 ? 'this level' : 'these levels'} ${k === 1 ? 'appears' : 'appear'} as "Not rated" and ${k === 1 ? 'is' : 'are'} left out of the shares`;
}

/** With --as: per version, how many records and what the crosswalk made of them (no one's answers). */
export function conversionLines(s: Summary): string[] {
  if (!s.as || !s.conversions.length) return [];
  const pairs = (xs: Array<{ from: string; to: string }>) => xs.map((x) => `${x.from} → ${x.to}`).join(', ');
  return [
    `Records by the version they were written for (--as ${s.as}):`,
    ...s.conversions.map((c) => {
      const head = `${c.from}: ${c.records === null ? `records (number ${c.recordsWithheld ?? 'not shown'})` : recordsText(c.records)}`;
      if (c.to === null)
        return `${head}, not converted (${c.notConverted === 'other-profile' ? 'another profile' : `not in the chain of ${s.as}`}), reported as ${c.from}.`;
      if (c.from === c.to) return `${head}, counted as ${c.records === 1 ? 'it is' : 'they are'}.`;
      const parts = [`${head}, counted as ${c.to}${c.via.length ? ` through ${c.via.join(', ')}` : ''}`];
      if (c.mapped.length) parts.push(`mapped ${pairs(c.mapped)}`);
      if (c.dropped.length) parts.push(`dropped (no counterpart) ${c.dropped.join(', ')}`);
      if (c.levelsMapped.length) parts.push(`levels mapped ${pairs(c.levelsMapped)}`);
      if (c.levelsDropped.length)
        parts.push(`levels dropped ${c.levelsDropped.join(', ')} (${droppedRatingsText(s, c)})`);
      if (parts.length === 1) parts.push('every id unchanged');
      return `${parts.join('; ')}.`;
    }),
  ];
}
