// Visit a summary's groups depth first, with the path from the total down.
import type { GroupSummary } from './model.js';

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
