// Helpers every summary format shares: walking groups, titles, and the words for withheld or coded values.
import { NOT_GIVEN, type GroupSummary, type ItemStats, type ReportSummary, type ShareRange, type Summary, type Why } from './model.js';

export function walkGroups(root: GroupSummary, visit: (g: GroupSummary, path: GroupSummary[]) => void, path: GroupSummary[] = []): void {
  const here = [...path, root];
  visit(root, here);
  for (const c of root.groups ?? []) walkGroups(c, visit, here);
}

/** "region Southeast / district Example R-I", or "Everyone" for the total. */
export function groupTitle(path: GroupSummary[]): string {
  if (path.length <= 1) return 'Everyone';
  return path.slice(1).map((g) => `${g.key} ${g.value}`).join(' / ');
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
export const WHY_MARK: Record<Why, string> = { 'too-small': 'a', 'protects-small-group': 'b', 'same-answer': 'c', 'few-rated': 'd' };

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
  return (Object.entries(s.why) as Array<[Why, string]>).map(([w, text]) => `[${WHY_MARK[w]}] ${text}`);
}

/** "120 people counted from 130 files; not counted: 3 invalid, 7 draft", without giving away a withheld n. */
export function filesLine(s: Summary): string {
  const skipped = Object.entries(s.files.skipped).filter(([, n]) => n > 0);
  const not = skipped.length ? `; not counted: ${skipped.map(([r, n]) => `${n} ${r}`).join(', ')}` : '';
  if (s.files.counted === null) return `Total number of people not shown (one report has fewer than ${s.minN}, and the total would give its number away)${not}.`;
  return `${s.files.counted} people counted from ${s.files.found} file(s)${not}.`;
}

/** --by keys that no counted record has (a typo such as "county" or "Region"): every group is "(not given)". */
export function unusedByKeys(s: Summary): string[] {
  const used = new Set<string>();
  const all = new Set(s.by.flat());
  for (const r of s.reports) {
    for (const t of r.tables) {
      walkGroups(t.total, (g) => {
        if (g.key !== null && g.value !== NOT_GIVEN) used.add(g.key);
      });
    }
  }
  return s.reports.length ? [...all].filter((k) => !used.has(k)) : [];
}

/** The item's title as numbered in the profile: "2. Provide effective feedback". */
export function itemName(r: ReportSummary, id: string): string {
  const meta = r.items.find((x) => x.id === id);
  return meta ? `${meta.number ? meta.number + '. ' : ''}${meta.title}` : id;
}

export const CROSS_SECTION_NOTE =
  'Growth compares two cross-sections: the people who answered in each cycle. Records are not linked from one cycle to the next, so some people may differ.';
