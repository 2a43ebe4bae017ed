// Visit a summary's groups depth first, with the path from the total down.
import { NOT_GIVEN, SUPPRESSED, type GroupSummary, type Summary } from './model.js';

export function walkGroups(root: GroupSummary, visit: (g: GroupSummary, path: GroupSummary[]) => void, path: GroupSummary[] = []): void {
  const here = [...path, root];
  visit(root, here);
  for (const c of root.groups ?? []) walkGroups(c, visit, here);
}

/** "region Southeast / district Example R-I", or "All records" for the total. */
export function groupTitle(path: GroupSummary[]): string {
  if (path.length <= 1) return 'All records';
  return path.slice(1).map((g) => `${g.key} ${g.value}`).join(' / ');
}

/** "120 record(s) counted of 130 file(s) found; not counted: 3 invalid, 7 draft", without giving away a hidden n. */
export function filesLine(s: Summary): string {
  const skipped = Object.entries(s.files.skipped).filter(([, n]) => n > 0);
  const not = skipped.length ? `; not counted: ${skipped.map(([r, n]) => `${n} ${r}`).join(', ')}` : '';
  if (s.files.counted === SUPPRESSED) return `Total number of records not shown (one profile version has fewer than ${s.minN} records, and the total would give its number away)${not}.`;
  return `${s.files.counted} record(s) counted of ${s.files.found} file(s) found${not}.`;
}

/** --by keys that no counted record has (a typo such as "county" or "Region"): every group is "(not given)". */
export function unusedByKeys(s: Summary): string[] {
  const used = new Set<string>();
  for (const p of s.profiles) {
    walkGroups(p.total, (g) => {
      if (g.key !== null && g.value !== NOT_GIVEN) used.add(g.key);
    });
  }
  return s.profiles.length ? s.by.filter((k) => !used.has(k)) : [];
}
