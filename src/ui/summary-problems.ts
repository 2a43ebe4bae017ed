// stderr report of the files a summary did not count: one line per file (file:line:col and why), then totals.
import type { FileCounts, Problem } from '../summary/read/collect.js';
import type { Summary } from '../summary/model.js';
import type { RunNotes } from '../summary/run.js';
import { colours } from './colour.js';
import { blankUnsafe } from '../text-safety.js';
import { formatDiagnostic } from './diagnostics.js';
import { safeLine, safeText } from '../text-safety.js';

export function formatProblem(p: Problem): string {
  const c = colours().err;
  if (p.diagnostics?.length) {
    const lines = p.diagnostics.map((d) => formatDiagnostic(d));
    if (p.reason !== 'warning') lines.push(`${c.bold(safeLine(p.file))}  ${c.dim(safeText(p.message))}`);
    return `${lines.join('\n')}\n`;
  }
  const tag = p.reason === 'warning' ? c.yellow('warning') : c.yellow('skipped');
  return `${c.bold(safeLine(p.file))}  ${tag}  ${safeText(p.message)}\n`;
}

/**
 * With --as: a conversion warning is the same for every record of a version that rates the same ids, and
 * only `summarize --as` sees it (validate checks a record against its own version). One line per kind.
 */
export class ConversionWarnings {
  readonly kinds = new Map<string, { records: number; first: string }>();
  /** Takes a conversion warning (true), or leaves the problem to the caller (false). */
  add(p: Problem): boolean {
    if (p.reason !== 'warning' || !p.diagnostics?.length || !p.diagnostics.every((d) => d.code === 'conversion'))
      return false;
    for (const d of p.diagnostics) {
      const k = this.kinds.get(d.message);
      if (k) k.records++;
      else this.kinds.set(d.message, { records: 1, first: p.file });
    }
    return true;
  }
  format(as: string): string {
    return formatConversionWarnings(this.kinds, as);
  }
}

function formatConversionWarnings(kinds: Map<string, { records: number; first: string }>, as: string): string {
  const c = colours().err;
  return [...kinds]
    .map(
      ([message, k]) =>
        `${c.yellow('warning')}  ${k.records} record(s), converted with --as ${safeText(as)}: ${safeText(message)} (first: ${safeLine(k.first)})\n`,
    )
    .join('');
}

export function formatCountsLine(counts: FileCounts, hideTotals = false): string {
  const c = colours().err;
  const parts = Object.entries(counts.skipped)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${n} ${reason}`);
  const not = parts.length ? `; not counted: ${parts.join(', ')}` : '';
  if (hideTotals)
    return `${c.dim(`Number of records counted not shown (it would give a small group's size away)${not}`)}\n`;
  return `${c.dim(`${counts.found} file(s) found, ${counts.counted} record(s) counted${not}`)}\n`;
}

/** ": a.yaml, b.yaml (and 3 more)" for the first few files of a note. */
function fileList(files: string[], total: number): string {
  if (!files.length) return '.';
  const shown = files.slice(0, 5).map(clean);
  return `: ${shown.join(', ')}${total > shown.length ? ` (and ${total - shown.length} more)` : ''}`;
}

const clean = (s: string) => blankUnsafe(s);

/**
 * What the run did to the data that the facilitator should know, and can fix in the records: cycles
 * left out, people counted once, spellings merged, records without a group value left out.
 */
export function formatRunNotes(notes: RunNotes, counts: FileCounts, s: Summary, growth?: [string, string]): string {
  const c = colours().err;
  const lines: string[] = [];
  if (counts.otherCycles.size) {
    const list = [...counts.otherCycles].map(([label, k]) => `"${clean(label)}" (${k})`).join(', ');
    lines.push(`${c.dim('note')}  left out, by --cycle: ${list}`);
  }
  if (s.perCycle && s.reports.length) {
    const cycles = new Set(s.reports.map((r) => r.cycle));
    if (cycles.size > 1 && !s.cycles && !growth) {
      lines.push(
        `${c.dim('note')}  ${cycles.size} cycles found; each has its own report. Use --cycle LABEL for one, or --growth "FROM..TO" to compare two.`,
      );
    }
  }
  if (counts.folded) {
    lines.push(
      `${c.dim('note')}  ${counts.folded} record(s) folded: the same respondent answered more than once in one cycle; each person counts once, as their latest record${fileList(notes.foldedFiles, counts.folded)}`,
    );
  }
  if (s.includeText)
    lines.push(
      `${c.dim('note')}  --include-text shows what coaches wrote, word for word: read it for names and other details before you share the report`,
    );
  for (const v of notes.variants) {
    const others = v.others.map((o) => `"${clean(o.spelling)}" (${o.records})`).join(', ');
    lines.push(
      `${c.yellow('warning')}  ${clean(v.key)}: ${others} counted as "${clean(v.shown)}" (they differ only by case or spacing). Correct the records to make this go away.`,
    );
  }
  for (const n of notes.notConverted) {
    lines.push(
      `${c.yellow('warning')}  ${n.records} record(s) of ${clean(n.from)} not counted as ${clean(s.as ?? '')}: ${clean(n.reason)}`,
    );
  }
  for (const l of notes.leftOut) {
    const files = notes.leftOutFiles.filter((f) => f.key === l.key).map((f) => f.file);
    lines.push(
      `${c.yellow('warning')}  ${l.records} record(s) without a "${clean(l.key)}" value left out of the report: too few to be a group of their own, and adding them to a group would be wrong. Add "${clean(l.key)}:" under group: in those records to count them${fileList(files, l.records)}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
