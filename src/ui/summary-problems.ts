// stderr report of the files a summary did not count: one line per file (file:line:col and why), then totals.
import type { FileCounts, Problem } from '../summary/collect.js';
import { colours } from './colour.js';
import { formatDiagnostic } from './diagnostics.js';
import { safeLine, safeText } from '../text-safety.js';

export function formatProblem(p: Problem): string {
  const c = colours().err;
  if (p.diagnostics?.length) {
    const lines = p.diagnostics.map((d) => formatDiagnostic(d));
    if (p.reason !== 'warning') lines.push(`${c.bold(safeLine(p.file))}  ${c.dim(safeText(p.message))}`);
    return lines.join('\n') + '\n';
  }
  const tag = p.reason === 'warning' ? c.yellow('warning') : c.yellow('skipped');
  return `${c.bold(safeLine(p.file))}  ${tag}  ${safeText(p.message)}\n`;
}

export function formatCountsLine(counts: FileCounts, hideTotals = false): string {
  const c = colours().err;
  const parts = Object.entries(counts.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`);
  const not = parts.length ? `; not counted: ${parts.join(', ')}` : '';
  if (hideTotals) return c.dim(`Number of records counted not shown (it would give a small group's size away)${not}`) + '\n';
  return c.dim(`${counts.found} file(s) found, ${counts.counted} record(s) counted${not}`) + '\n';
}
