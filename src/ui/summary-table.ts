// Terminal rendering of a summary: one table per group, level distributions as small coloured bars
// (with the counts beside them, so nothing depends on colour alone).
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { NOT_RATED, SUPPRESSED, type GroupSummary, type ProfileSummary, type Summary } from '../summary/model.js';
import { cellText, shareText, SUPPRESSED_MARK } from '../summary/format-md.js';
import { filesLine, groupTitle, walkGroups } from '../summary/walk.js';
import { colours, paint } from './colour.js';

const BAR = 20;

function bar(c: ChalkInstance, p: ProfileSummary, it: NonNullable<GroupSummary['items']>[number], n: number): string {
  const levels = [...p.levels, { id: NOT_RATED, label: 'not rated', colour: 'grey' }];
  // Hidden counts are one dotted part at the end: its size is n minus the shown counts (known anyway).
  const parts = levels.map((l, i) => ({ v: it.levels[l.id], draw: (k: number) => paint(c, l.colour, glyph(c, i, l.id).repeat(k)) }));
  const shown = parts.filter((x) => x.v !== SUPPRESSED);
  const hidden = n - shown.reduce((a, x) => a + (x.v as number), 0);
  const segments = [...shown.map((x) => ({ v: x.v as number, draw: x.draw })), { v: hidden, draw: (k: number) => c.dim('·'.repeat(k)) }];
  let used = 0;
  let out = '';
  segments.forEach((seg, i) => {
    // Round the running total, so the segments always add up to the full width.
    const end = i === segments.length - 1 ? BAR : Math.round(((used + seg.v) / n) * BAR);
    const start = Math.round((used / n) * BAR);
    used += seg.v;
    if (end > start) out += seg.draw(end - start);
  });
  return out;
}

// In colour every segment is a full block; without colour each level gets its own shade, highest darkest.
const SHADES = ['█', '▓', '▒', '░', '·'];
function glyph(c: ChalkInstance, rank: number, id: string): string {
  if (id === NOT_RATED) return c.level > 0 ? '░' : ' ';
  return c.level > 0 ? '█' : SHADES[Math.min(rank, SHADES.length - 2)];
}

/**
 * Column widths that fit the terminal: the full table (~140 columns for four levels) when there is room
 * or output is not a terminal; without the bar and with narrower columns on a small terminal.
 */
function layout(levels: number): { withBar: boolean; colWidths: number[] } {
  const cols = process.stdout.isTTY && process.stdout.columns ? process.stdout.columns : 200;
  const full = [26, BAR + 2, ...Array(levels).fill(12), 10, 11, 13];
  const borders = full.length + 1;
  if (full.reduce((a, b) => a + b, 0) + borders <= cols) return { withBar: true, colWidths: full };
  const level = 12;
  const rest = levels * level + 9 + 9 + 13 + (levels + 5); // level, not rated, target, prioritised columns and borders
  return { withBar: false, colWidths: [Math.max(12, Math.min(26, cols - rest)), ...Array(levels).fill(level), 9, 9, 13] };
}

function groupTable(c: ChalkInstance, p: ProfileSummary, g: GroupSummary): string {
  const n = g.n as number;
  const { withBar, colWidths } = layout(p.levels.length);
  const head = ['Item', ...(withBar ? ['Levels'] : []), ...p.levels.map((l) => paint(c, l.colour, '■ ') + l.label), 'Not rated', '≥ target', 'Prioritised'];
  const t = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, wordWrap: true, colWidths });
  for (const it of g.items ?? []) {
    const meta = p.items.find((x) => x.id === it.id);
    const name = meta ? `${meta.number ? meta.number + '. ' : ''}${meta.title}` : it.id;
    const cells = [...p.levels.map((l) => l.id), NOT_RATED].map((l) => dimSupp(c, cellText(it.levels[l], n)));
    t.push([name, ...(withBar ? [bar(c, p, it, n)] : []), ...cells, dimSupp(c, shareText(it.share)), dimSupp(c, cellText(g.priorities?.[it.id] ?? 0, n))]);
  }
  let out = t.toString() + '\n';
  if (p.improvementAreas.length) {
    const a = new Table({ head: [c.bold('Improvement area'), c.bold('Ticked')], style: { head: [], border: [] }, wordWrap: true, colWidths: [60] });
    for (const area of p.improvementAreas) a.push([area.text, dimSupp(c, cellText(g.improvementAreas?.[area.id] ?? 0, n))]);
    out += a.toString() + '\n';
  }
  const st = g.actionSteps;
  if (st) out += `Action steps: planned ${dimSupp(c, cellText(st.planned))}, in progress ${dimSupp(c, cellText(st['in-progress']))}, done ${dimSupp(c, cellText(st.done))}, total ${dimSupp(c, cellText(st.total))}\n`;
  if (g.text) {
    for (const [title, list] of [['Own improvement areas', g.text.improvementAreas], ['Action steps (text)', g.text.actionSteps]] as const) {
      if (list.length) out += `${c.bold(title)}:\n` + list.map((x) => `  - ${oneLine(x.text)}${x.count > 1 ? c.dim(` (×${x.count})`) : ''}`).join('\n') + '\n';
    }
  }
  if (g.groupsSuppressed) out += c.dim('Subgroups not shown: showing them would reveal a small group.\n');
  return out;
}

/** Free text is data: no control characters reach the terminal. */
function oneLine(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}

function dimSupp(c: ChalkInstance, s: string): string {
  return s === SUPPRESSED_MARK ? c.dim(s) : s;
}

export function renderSummaryTable(s: Summary, opts: { colour: boolean }): string {
  const c = opts.colour ? colours().out : new Chalk({ level: 0 });
  let out = '';
  if (s.profiles.length === 0) out += 'No records to summarize.\n';
  for (const p of s.profiles) {
    out += `\n${c.bold.underline(`${p.title} (${p.profile})`)}\n`;
    walkGroups(p.total, (g, path) => {
      out += `\n${c.bold(oneLine(groupTitle(path)))}  n = ${g.n === SUPPRESSED ? c.dim(SUPPRESSED_MARK) : g.n}\n`;
      out += g.suppressed ? c.dim('suppressed: too few records to show, or hidden so that a smaller group cannot be worked out\n') : groupTable(c, p, g);
    });
  }
  out += `\n${c.dim(`Minimum group size ${s.minN}; "${SUPPRESSED_MARK}" = suppressed. ${filesLine(s)}`)}\n`;
  return out;
}
