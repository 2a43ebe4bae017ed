// Terminal rendering of `profile list`.
import type { Diagnostic } from '../yaml-source.js';
import { colours } from './colour.js';
import { formatDiagnostic } from './diagnostics.js';

export interface ProfileRow {
  ref: string;
  title: string;
  status: string;
  rate: string;
  unit: string;
  ratedItems: number;
}

export function renderProfileList(rows: ProfileRow[], problems: Diagnostic[]): string {
  const c = colours().out;
  if (rows.length === 0) return 'No profiles found.\n';
  const w = Math.max(...rows.map((r) => r.ref.length));
  const lines = rows.map((r) => {
    const items = `${r.ratedItems} ${plural(r.unit, r.ratedItems)}`;
    const partial = r.status === 'partial' ? c.yellow(' (partial)') : '';
    return `${c.bold(r.ref.padEnd(w))}  ${r.title}${partial}  ${c.dim(items)}`;
  });
  let out = `${lines.join('\n')}\n`;
  if (problems.length) {
    out +=
      `\n${problems.length} problem(s) in profile files (skipped):\n` +
      problems.map((d) => formatDiagnostic(d)).join('\n') +
      '\n';
  }
  return out;
}

function plural(unit: string, n: number): string {
  if (n === 1) return unit;
  return unit === 'criterion' ? 'criteria' : `${unit}s`;
}
