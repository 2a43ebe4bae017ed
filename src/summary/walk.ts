// Visit a summary's groups depth first, with the path from the total down.
import { SUPPRESSED, type GroupSummary, type Summary } from './model.js';

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
  if (s.files.counted === SUPPRESSED) return `Number of records withheld (a profile version has too few records to show)${not}.`;
  return `${s.files.counted} record(s) counted of ${s.files.found} file(s) found${not}.`;
}
