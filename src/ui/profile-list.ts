// Terminal rendering of `profile list`.
import type { Diagnostic } from '../yaml-source.js';
import { colours } from './colour.js';
import { formatDiagnostic } from './diagnostics.js';
import { wrap } from './wrap.js';

export interface ProfileRow {
  ref: string;
  title: string;
  status: string;
  rate: string;
  unit: string;
  ratedItems: number;
}

/**
 * One line per profile. `width` (a terminal's): a line longer than that is wrapped by words, its next lines
 * under the title (or, when the ref column leaves too little room, the ref alone on its line and the rest
 * indented), never inside a word. Without `width` (piped output) every profile stays on one line, as scripts
 * that grep it expect.
 */
export function renderProfileList(rows: ProfileRow[], problems: Diagnostic[], width?: number): string {
  const c = colours().out;
  if (rows.length === 0) return 'No profiles found.\n';
  const w = Math.max(...rows.map((r) => r.ref.length));
  const lines = rows.map((r) => {
    const items = `${r.ratedItems} ${plural(r.unit, r.ratedItems)}`;
    const partial = r.status === 'partial' ? ' (partial)' : '';
    const flat = `${r.ref.padEnd(w)}  ${r.title}${partial}  ${items}`;
    if (!width || flat.length <= width)
      return `${c.bold(r.ref.padEnd(w))}  ${r.title}${partial && c.yellow(partial)}  ${c.dim(items)}`;
    return wrappedRow(r.ref, w, `${r.title}${partial}`, items, width, c);
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

/** A profile's line wrapped to `width`: plain words laid out first, then coloured (a code never splits a word). */
function wrappedRow(
  ref: string,
  w: number,
  title: string,
  items: string,
  width: number,
  c: ReturnType<typeof colours>['out'],
): string {
  const roomy = width - (w + 2) >= 24;
  const indent = ' '.repeat(roomy ? w + 2 : 4);
  const head = roomy ? `${ref.padEnd(w)}  ` : indent;
  const body = wrap(title, width, head, indent).split('\n');
  const last = body[body.length - 1];
  if (last.length + 2 + items.length <= width) body[body.length - 1] = `${last}  ${items}`;
  else body.push(`${indent}${items}`);
  let out = body.join('\n');
  // Colour after wrapping: the ref, "(partial)" (the last one: a title may say "partial" itself), the count.
  const at = out.lastIndexOf('(partial)');
  if (title.endsWith(' (partial)') && at >= 0) out = `${out.slice(0, at)}${c.yellow('(partial)')}${out.slice(at + 9)}`;
  out = out.endsWith(items) ? `${out.slice(0, -items.length)}${c.dim(items)}` : out;
  return roomy ? `${c.bold(ref)}${out.slice(ref.length)}` : `${c.bold(ref)}\n${out}`;
}

function plural(unit: string, n: number): string {
  if (n === 1) return unit;
  return unit === 'criterion' ? 'criteria' : `${unit}s`;
}
