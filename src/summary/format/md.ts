// Markdown: one section per report (profile version and cycle) and table, one table per group; the
// legend of withheld and coded values once at the top.
import type { GroupSummary, ReportSummary, Summary } from '../model.js';
import { blankUnsafe } from '../../text-safety.js';
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
  withheld,
} from './walk.js';

/** Markdown-safe inline text: no table breaks, no HTML, no links from data, no control characters. */
export function mdText(s: string): string {
  return blankUnsafe(s).replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`);
}

function table(head: string[], rows: string[][]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return `${[line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n')}\n`;
}

function group(r: ReportSummary, g: GroupSummary, path: GroupSummary[], depth: number, base: number): string {
  const h = '#'.repeat(Math.min(6, base + depth));
  let out = `${h} ${mdText(groupTitle(path))}: n = ${g.n === null ? withheld(g.why) : g.n}\n\n`;
  if (g.n === null) return out;
  const parent = path[path.length - 2];
  if (parent && parent.n === g.n && parent.groups?.length === 1)
    return `${out}The same people as ${mdText(groupTitle(path.slice(0, -1)))}: see above.\n\n`;
  const levels = [...r.levels.map((l) => l.id), 'not-rated'];
  const labels = [...r.levels.map((l) => mdText(l.label)), 'Not rated'];
  const ranges = (g.items ?? []).length > 0 && (g.items ?? []).every((it) => !it.levels);
  const allWithheld = allItemsWithheld(g);
  if (allWithheld) out += `${mdText(allWithheld)}\n`;
  else if (ranges)
    out += table(
      ['Item', 'At or above target'],
      (g.items ?? []).map((it) => [mdText(itemName(r, it.id)), shareCell(it)]),
    );
  else
    out += table(
      ['Item', ...labels, 'At or above target', 'Prioritised'],
      (g.items ?? []).map((it) => [
        mdText(itemName(r, it.id)),
        ...levels.map((l) => (it.levels ? countCell(it.levels[l], g.n) : withheld(it.shareRange ? undefined : it.why))),
        shareCell(it),
        countCell(g.priorities?.counts?.[it.id], g.n, g.priorities?.why?.[it.id]),
      ]),
    );
  if (r.improvementAreas.length && g.improvementAreas) {
    const a = g.improvementAreas;
    out +=
      '\n' +
      table(
        ['Improvement area', 'Ticked'],
        r.improvementAreas.map((x) => [mdText(x.text), countCell(a.counts?.[x.id], g.n, a.why)]),
      );
  }
  const st = g.actionSteps;
  if (st) {
    const c = (k: string) => countCell(st.counts?.[k], null, st.why);
    out +=
      '\n' +
      table(
        ['Action steps', 'Planned', 'In progress', 'Done'],
        [['Number of steps', c('planned'), c('in-progress'), c('done')]],
      );
  }
  if (g.text) {
    for (const [title, list] of [
      ['Own improvement areas', g.text.improvementAreas],
      ['Action steps (text)', g.text.actionSteps],
    ] as const) {
      if (list.length)
        out +=
          `\n**${title}**\n\n` +
          list.map((t) => `- ${mdText(t.text)}${t.count ? ` (×${t.count})` : ''}`).join('\n') +
          '\n';
    }
    const gap = textGapNote(g);
    if (gap) out += `\n${gap}\n`;
  }
  if (g.groupsWhy) out += `\nSubgroups not listed ${withheld(g.groupsWhy)}.\n`;
  return `${out}\n`;
}

function growth(s: Summary): string {
  let out = '';
  for (const gr of s.growth) {
    const r = s.reports.find((x) => x.profile === gr.profile)!;
    out += `## Growth: ${mdText(r.title)} (${mdText(gr.profile)}), ${mdText(gr.from)} → ${mdText(gr.to)}, ${mdText(tableTitle(gr.by))}\n\n${CROSS_SECTION_NOTE}\n\n`;
    out += table(
      [
        'Group',
        'Item',
        `n (${mdText(gr.from)})`,
        `At or above target (${mdText(gr.from)})`,
        `n (${mdText(gr.to)})`,
        `At or above target (${mdText(gr.to)})`,
        'Change',
      ],
      growthRowsToShow(gr.rows).map((row) => [
        mdText(row.path.length ? row.path.map((p) => `${p.key} ${p.value}`).join(' / ') : 'Everyone'),
        row.allItems ? 'all items' : mdText(itemName(r, row.item)),
        row.from.n === null ? withheld(row.from.why) : String(row.from.n),
        row.from.n === 0 ? '–' : shareCell(row.from),
        row.to.n === null ? withheld(row.to.why) : String(row.to.n),
        row.to.n === 0 ? '–' : shareCell(row.to),
        changeText(row),
      ]),
    );
    out += '\n';
  }
  return out;
}

export function formatMarkdown(s: Summary, title?: string): string {
  let out = `# ${mdText(title?.trim() || 'Practice profile summary')}\n\n`;
  out += `Minimum group size ${s.minN}. Numbers of smaller groups are withheld (–), and a few more so that none can be worked out by subtraction; some are shown as a range.`;
  out += s.as ? ` Earlier versions counted as ${mdText(s.as)}.` : '';
  out += `\n\n${mdText(filesLine(s))}\n\n`;
  for (const l of conversionWarnings(s)) out += `**${mdText(l)}**\n\n`;
  const conv = conversionLines(s);
  if (conv.length)
    out += `${mdText(conv[0])}\n\n${conv
      .slice(1)
      .map((l) => `- ${mdText(l)}`)
      .join('\n')}\n\n`;
  const legend = legendLines(s);
  if (legend.length) out += `${legend.map((l) => `- ${mdText(l)}`).join('\n')}\n\n`;
  const note = cycleTotalNote(s);
  if (note) out += `**${mdText(note)}**\n\n`;
  for (const l of leftOutLines(s)) out += `${mdText(l)}\n\n`;
  if (s.includeText) out += `${mdText(TEXT_NOTE)}\n\n`;
  if (s.reports.length === 0) out += 'No records to summarize.\n';
  out += growth(s);
  for (const r of s.reports) {
    out += `## ${mdText(reportTitle(r))}\n\n`;
    for (const t of r.tables) {
      if (r.tables.length > 1) out += `### ${mdText(tableTitle(t.by))}\n\n`;
      walkGroups(t.total, (g, path) => {
        out += group(r, g, path, path.length - 1, r.tables.length > 1 ? 4 : 3);
      });
    }
  }
  return out;
}
