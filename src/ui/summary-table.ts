// Terminal rendering of a summary: one table per group, level distributions as small coloured bars
// (with the counts beside them, so nothing depends on colour alone).
import Table from 'cli-table3';
import { Chalk, type ChalkInstance } from 'chalk';
import { NOT_RATED, type GroupSummary, type ItemStats, type ReportSummary, type Summary } from '../summary/model.js';
import {
  allItemsWithheld,
  changeText,
  CROSS_SECTION_NOTE,
  growthRowsToShow,
  cycleTotalNote,
  leftOutLines,
  TEXT_NOTE,
  textGapNote,
  countCell,
  conversionLines,
  conversionWarnings,
  filesLine,
  groupTitle,
  itemName,
  legendLines,
  reportTitle,
  shareCell,
  tableTitle,
  walkGroups,
  WITHHELD,
  withheld,
} from '../summary/format/walk.js';
import { colours, paint } from './colour.js';
import { blankUnsafe } from '../text-safety.js';

const BAR = 20;

function bar(c: ChalkInstance, p: ReportSummary, it: ItemStats, n: number): string {
  // A coded or withheld row has no level counts: one dotted bar.
  if (!it.levels) return c.dim('·'.repeat(BAR));
  const levels = [...p.levels, { id: NOT_RATED, label: 'not rated', colour: 'grey' }];
  const segments = levels.map((l, i) => ({
    v: it.levels![l.id],
    draw: (k: number) => paint(c, l.colour, glyph(c, i, l.id).repeat(k)),
  }));
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
  return {
    withBar: false,
    colWidths: [Math.max(12, Math.min(26, cols - rest)), ...Array(levels).fill(level), 9, 9, 13],
  };
}

/** A small group shows ranges only: one short table. */
function rangeTable(c: ChalkInstance, p: ReportSummary, g: GroupSummary): string {
  const t = new Table({
    head: [c.bold('Item'), c.bold('At or above target')],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [50, 22],
  });
  for (const it of g.items ?? []) t.push([oneLine(itemName(p, it.id)), dimWithheld(c, shareCell(it))]);
  return `${t.toString()}\n`;
}

function groupTable(c: ChalkInstance, p: ReportSummary, g: GroupSummary): string {
  const n = g.n as number;
  const allWithheld = allItemsWithheld(g);
  if (allWithheld) return `${c.dim(allWithheld)}\n${stepsLine(c, g)}${textAndBreakdown(c, g)}`;
  if ((g.items ?? []).length && (g.items ?? []).every((it) => !it.levels))
    return rangeTable(c, p, g) + stepsLine(c, g) + textAndBreakdown(c, g);
  const { withBar, colWidths } = layout(p.levels.length);
  const head = [
    'Item',
    ...(withBar ? ['Levels'] : []),
    ...p.levels.map((l) => paint(c, l.colour, '■ ') + l.label),
    'Not rated',
    'At or above target',
    'Prioritised',
  ];
  const t = new Table({ head: head.map((h) => c.bold(h)), style: { head: [], border: [] }, wordWrap: true, colWidths });
  for (const it of g.items ?? []) {
    const cells = [...p.levels.map((l) => l.id), NOT_RATED].map((l) =>
      dimWithheld(c, it.levels ? countCell(it.levels[l], n) : withheld(it.shareRange ? undefined : it.why)),
    );
    t.push([
      oneLine(itemName(p, it.id)),
      ...(withBar ? [bar(c, p, it, n)] : []),
      ...cells,
      dimWithheld(c, shareCell(it)),
      dimWithheld(c, countCell(g.priorities?.counts?.[it.id], n, g.priorities?.why?.[it.id])),
    ]);
  }
  let out = `${t.toString()}\n`;
  if (p.improvementAreas.length && g.improvementAreas) {
    const a = new Table({
      head: [c.bold('Improvement area'), c.bold('Ticked')],
      style: { head: [], border: [] },
      wordWrap: true,
      colWidths: [60],
    });
    for (const area of p.improvementAreas)
      a.push([
        oneLine(area.text),
        dimWithheld(c, countCell(g.improvementAreas.counts?.[area.id], n, g.improvementAreas.why)),
      ]);
    out += `${a.toString()}\n`;
  }
  return out + stepsLine(c, g) + textAndBreakdown(c, g);
}

/** Free text (with --include-text) and a note on subgroups not listed. */
function textAndBreakdown(c: ChalkInstance, g: GroupSummary): string {
  let out = '';
  if (g.text) {
    for (const [title, list] of [
      ['Own improvement areas', g.text.improvementAreas],
      ['Action steps (text)', g.text.actionSteps],
    ] as const) {
      if (list.length)
        out +=
          `${c.bold(title)}:\n` +
          list.map((x) => `  - ${oneLine(x.text)}${x.count ? c.dim(` (×${x.count})`) : ''}`).join('\n') +
          '\n';
    }
    const gap = textGapNote(g);
    if (gap) out += `${c.dim(gap)}\n`;
  }
  if (g.groupsWhy) out += c.dim(`Subgroups not listed ${withheld(g.groupsWhy)}\n`);
  return out;
}

function stepsLine(c: ChalkInstance, g: GroupSummary): string {
  const st = g.actionSteps;
  if (!st) return '';
  const v = (k: string) => dimWithheld(c, countCell(st.counts?.[k], null, st.why));
  return `Action steps: planned ${v('planned')}, in progress ${v('in-progress')}, done ${v('done')}\n`;
}

function growthTables(c: ChalkInstance, s: Summary): string {
  let out = '';
  for (const gr of s.growth) {
    const r = s.reports.find((x) => x.profile === gr.profile)!;
    out += `\n${c.bold.underline(`Growth: ${r.title} (${gr.profile}), ${oneLine(gr.from)} → ${oneLine(gr.to)}, ${tableTitle(gr.by)}`)}\n${c.dim(CROSS_SECTION_NOTE)}\n`;
    const t = new Table({
      head: [
        'Group',
        'Item',
        `n ${oneLine(gr.from)}`,
        oneLine(gr.from),
        `n ${oneLine(gr.to)}`,
        oneLine(gr.to),
        'Change',
      ].map((h) => c.bold(h)),
      style: { head: [], border: [] },
      wordWrap: true,
      colWidths: [24, 30, 9, 14, 9, 14, 10],
    });
    for (const row of growthRowsToShow(gr.rows)) {
      const side = (x: typeof row.from) =>
        dimWithheld(c, x.n === null ? withheld(x.why) : x.n === 0 ? WITHHELD : shareCell(x));
      const change = changeText(row);
      const n = (x: typeof row.from) => dimWithheld(c, x.n === null ? withheld(x.why) : String(x.n));
      t.push([
        oneLine(row.path.length ? row.path.map((p) => `${p.key} ${p.value}`).join(' / ') : 'Everyone'),
        row.allItems ? 'all items' : oneLine(itemName(r, row.item)),
        n(row.from),
        side(row.from),
        n(row.to),
        side(row.to),
        change,
      ]);
    }
    out += `${t.toString()}\n`;
  }
  return out;
}

/** Free text is data: no control or direction-changing characters reach the terminal. */
function oneLine(s: string): string {
  return blankUnsafe(s);
}

function dimWithheld(c: ChalkInstance, s: string): string {
  return s.startsWith(WITHHELD) ? c.dim(s) : s;
}

export function renderSummaryTable(s: Summary, opts: { colour: boolean }): string {
  const c = opts.colour ? colours().out : new Chalk({ level: 0 });
  let out = '';
  if (s.reports.length === 0) out += 'No records to summarize.\n';
  for (const r of s.reports) {
    out += `\n${c.bold.underline(oneLine(reportTitle(r)))}\n`;
    for (const t of r.tables) {
      if (r.tables.length > 1) out += `\n${c.bold(tableTitle(t.by))}\n`;
      walkGroups(t.total, (g, path) => {
        out += `\n${c.bold(oneLine(groupTitle(path)))}  n = ${g.n === null ? c.dim(withheld(g.why)) : g.n}\n`;
        const parent = path[path.length - 2];
        if (g.n !== null && parent && parent.n === g.n && parent.groups?.length === 1)
          out += c.dim(`The same people as ${oneLine(groupTitle(path.slice(0, -1)))}: see above.\n`);
        else if (g.n !== null) out += groupTable(c, r, g);
      });
    }
  }
  out += growthTables(c, s);
  const note = cycleTotalNote(s);
  if (note) out += `\n${c.yellow(note)}\n`;
  for (const l of leftOutLines(s)) out += `${c.dim(l)}\n`;
  if (s.includeText) out += `${c.dim(TEXT_NOTE)}\n`;
  out += `\n${c.dim(`Minimum group size ${s.minN}. ${filesLine(s)}`)}\n`;
  for (const l of conversionWarnings(s)) out += `${c.yellow(oneLine(l))}\n`;
  for (const l of conversionLines(s)) out += `${c.dim(oneLine(l))}\n`;
  for (const l of legendLines(s)) out += `${c.dim(l)}\n`;
  return out;
}
