// CSV: one tidy row per group x item x level (plus rows for priorities, improvement areas and action
// steps), safe to open in a spreadsheet.
import { NOT_RATED, SUPPRESSED, type Cell, type GroupSummary, type Summary } from './model.js';
import { walkGroups } from './walk.js';

/** Quote every cell; defuse cells a spreadsheet would run as a formula. */
export function csvCell(v: string | number | null): string {
  let s = v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

const ratio = (count: Cell, n: Cell): string | number =>
  count === SUPPRESSED || n === SUPPRESSED ? SUPPRESSED : n === 0 ? '' : Math.round((count / n) * 1000) / 1000;

export function formatCsv(s: Summary): string {
  const header = ['profile', 'group', ...s.by, 'n', 'measure', 'item', 'level', 'count', 'share'];
  const rows: Array<Array<string | number | null>> = [header];
  for (const p of s.profiles) {
    walkGroups(p.total, (g: GroupSummary, path: GroupSummary[]) => {
      const keys = s.by.map((_, i) => (path[i + 1] ? path[i + 1].value : '(all)'));
      const label = path.length > 1 ? path.slice(1).map((x) => `${x.key}=${x.value}`).join(' / ') : '(all)';
      const base = [p.profile, label, ...keys, g.n];
      if (g.suppressed) {
        rows.push([...base, 'group', '', '', SUPPRESSED, SUPPRESSED]);
        return;
      }
      for (const it of g.items ?? []) {
        for (const l of [...p.levels.map((x) => x.id), NOT_RATED]) rows.push([...base, 'rating', it.id, l, it.levels[l], ratio(it.levels[l], g.n)]);
        rows.push([...base, 'at-or-above-target', it.id, p.target, it.atOrAboveTarget, it.share]);
      }
      for (const [id, v] of Object.entries(g.priorities ?? {})) rows.push([...base, 'prioritised', id, '', v, ratio(v, g.n)]);
      for (const [id, v] of Object.entries(g.improvementAreas ?? {})) rows.push([...base, 'improvement-area', id, '', v, ratio(v, g.n)]);
      for (const [st, v] of Object.entries(g.actionSteps ?? {})) rows.push([...base, 'action-steps', '', st, v, st === 'total' ? '' : ratio(v, g.actionSteps!.total)]);
      for (const t of g.text?.improvementAreas ?? []) rows.push([...base, 'own-improvement-area', t.text, '', t.count, '']);
      for (const t of g.text?.actionSteps ?? []) rows.push([...base, 'action-step-text', t.text, '', t.count, '']);
    });
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
