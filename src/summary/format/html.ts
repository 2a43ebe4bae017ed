// HTML: one self-contained page (inline CSS, no scripts, no external assets) a coordinator can put in
// front of a meeting: an overview heat map, priorities and action steps, then every group with a bar per
// item (target marked), and growth where two cycles are compared. Every text from profiles or records
// is escaped; withheld and coded values say why, as in every format.
import { CSS, heat, levelFill } from './html-style.js';
import { blankUnsafe } from '../../text-safety.js';
import {
  NOT_RATED,
  type GrowthSummary,
  type GroupSummary,
  type ItemStats,
  type ReportSummary,
  type Summary,
} from '../model.js';
import {
  allItemsWithheld,
  changeText,
  CROSS_SECTION_NOTE,
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
  pct,
  reportTitle,
  shareCell,
  tableTitle,
  WITHHELD,
  withheld,
} from './walk.js';

export function esc(s: string | number): string {
  return blankUnsafe(String(s), true).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const levelsOf = (r: ReportSummary) => [...r.levels, { id: NOT_RATED, label: 'Not rated', colour: '#e0e0e0' }];

function legend(r: ReportSummary): string {
  return `<p class="legend">${levelsOf(r)
    .map(
      (l, i) =>
        `<span><i class="sw" style="${levelFill(l.colour, l.id === NOT_RATED ? 0 : i)}"></i>${esc(l.label)}</span>`,
    )
    .join(
      '',
    )}<span><i class="sw" style="border:0;border-left:2px solid #000"></i>target: ${esc(r.levels.find((l) => l.id === r.target)?.label ?? r.target)}</span></p>`;
}

/** A stacked bar of an item's levels, highest first, with a mark where "at or above target" ends. */
function itemBar(r: ReportSummary, it: ItemStats, n: number): string {
  if (!it.levels)
    return `<div class="bar coded" role="img" aria-label="${esc(it.shareRange ? `at or above target ${shareCell(it)}` : 'withheld')}"></div>`;
  const parts = levelsOf(r)
    .map((l, i) => ({ l, i, v: it.levels![l.id] }))
    .filter((x) => x.v > 0)
    .map(
      (x) =>
        `<span style="width:${((x.v / n) * 100).toFixed(2)}%;${levelFill(x.l.colour, x.l.id === NOT_RATED ? 0 : x.i)}" title="${esc(`${x.l.label}: ${x.v}`)}"></span>`,
    );
  const mark =
    it.atOrAboveTarget !== null
      ? `<i class="target" style="left:${((it.atOrAboveTarget / n) * 100).toFixed(2)}%"></i>`
      : '';
  const label = levelsOf(r)
    .map((l) => `${l.label} ${it.levels![l.id]}`)
    .join(', ');
  return `<div class="bar" role="img" aria-label="${esc(label)}">${parts.join('')}${mark}</div>`;
}

function itemRow(r: ReportSummary, g: GroupSummary, it: ItemStats): string {
  const n = g.n!;
  const counts = it.levels
    ? levelsOf(r)
        .map((l) => `<span>${esc(l.label)}: ${esc(countCell(it.levels![l.id], n))}</span>`)
        .join('')
    : `<span class="note">${esc(withheld(it.why))}: level counts not shown</span>`;
  const prio = `<span>prioritised: ${esc(countCell(g.priorities?.counts?.[it.id], n, g.priorities?.why?.[it.id]))}</span>`;
  return `<div class="item"><div class="name">${esc(itemName(r, it.id))}</div>${itemBar(r, it, n)}<div class="share" title="at or above target">${esc(shareCell(it))}</div><div class="counts">${counts}${prio}</div></div>`;
}

function hbars(rows: Array<{ label: string; value: number; text: string }>, max: number): string {
  return rows
    .map(
      (x) =>
        `<div class="hbar"><span>${esc(x.label)}</span><div class="track"><div class="fill" style="width:${max ? ((x.value / max) * 100).toFixed(1) : 0}%"></div></div><span class="val">${esc(x.text)}</span></div>`,
    )
    .join('');
}

// Steps: colour and a pattern each, so grey and yellow stay apart in greyscale print too.
const STEP_COLOURS: Record<string, string> = {
  planned: 'repeating-linear-gradient(90deg,rgba(0,0,0,.25) 0 1px,transparent 1px 5px),#e0e0e0',
  'in-progress': 'repeating-linear-gradient(45deg,rgba(0,0,0,.3) 0 2px,transparent 2px 6px),#ffd54f',
  done: '#43a047',
};
const STEP_LABELS: Record<string, string> = { planned: 'Planned', 'in-progress': 'In progress', done: 'Done' };

function stepsChart(g: GroupSummary): string {
  const c = g.actionSteps?.counts;
  if (!c) return `<p class="note">Action steps ${esc(withheld(g.actionSteps?.why))}</p>`;
  const total = Object.values(c).reduce((a, b) => a + b, 0);
  if (!total) return `<p class="note">No action steps recorded.</p>`;
  const parts = Object.entries(c).map(([k, v]) =>
    v
      ? `<span style="width:${((v / total) * 100).toFixed(2)}%;background:${STEP_COLOURS[k]}" title="${esc(`${STEP_LABELS[k]}: ${v}`)}"></span>`
      : '',
  );
  const words = Object.entries(c).map(
    ([k, v]) =>
      `<span><i class="sw" style="background:${STEP_COLOURS[k]}"></i>${STEP_LABELS[k]} ${v} (${Math.round((v / total) * 100)}%)</span>`,
  );
  return `<div class="steps" role="img" aria-label="${esc(
    Object.entries(c)
      .map(([k, v]) => `${STEP_LABELS[k]} ${v}`)
      .join(', '),
  )}">${parts.join('')}</div><p class="legend">${words.join('')}</p>`;
}

/** Groups by items: the share at or above target, the first thing a reader looks for. */
function overview(r: ReportSummary): string {
  const t = r.tables[0];
  const rows: GroupSummary[] = [t.total, ...(t.total.groups ?? [])];
  const num = (id: string) => r.items.find((x) => x.id === id)?.number ?? id;
  let out = `<div class="keep"><h3>Overview: share at or above target</h3><div class="scroll"><table class="heat"><thead><tr><th>Group</th><th class="num">n</th>`;
  out +=
    r.items.map((it) => `<th class="num" title="${esc(itemName(r, it.id))}">${esc(num(it.id))}</th>`).join('') +
    `</tr></thead><tbody>`;
  for (const g of rows) {
    out += `<tr><td>${esc(g.key === null ? 'Everyone' : `${g.key} ${g.value}`)}</td><td class="num">${esc(g.n === null ? withheld(g.why) : g.n)}</td>`;
    for (const item of r.items) {
      const it = g.items?.find((x) => x.id === item.id);
      if (!it || g.n === null) out += `<td class="num withheld">${WITHHELD}</td>`;
      else if (it.share !== null && !it.why) out += `<td class="num" style="${heat(it.share)}">${pct(it.share)}</td>`;
      else out += `<td class="num withheld">${esc(shareCell(it))}</td>`;
    }
    out += `</tr>`;
  }
  out += `</tbody></table></div><p class="note">${r.items.map((it) => `${esc(num(it.id))}: ${esc(r.items.find((x) => x.id === it.id)!.title)}`).join(' · ')}</p></div>`;
  return out;
}

function priorities(r: ReportSummary): string {
  const g = r.tables[0].total;
  const c = g.priorities?.counts;
  const out = `<h3>Most often prioritised</h3>`;
  if (!c || g.n === null) return `<div class="keep">${out}<p class="note">${esc(withheld(g.why))}</p></div>`;
  const rows = r.items
    .map((i) => ({
      label: itemName(r, i.id),
      value: c[i.id] ?? -1,
      text: countCell(c[i.id], g.n, g.priorities?.why?.[i.id]),
    }))
    .sort((a, b) => b.value - a.value)
    .map((x) => ({ ...x, value: Math.max(0, x.value) }));
  return `<div class="keep">${out}<div class="chart">${hbars(rows, g.n)}</div></div>`;
}

function group(r: ReportSummary, g: GroupSummary, path: GroupSummary[]): string {
  const parent = path[path.length - 2];
  // A long group may break between items when printed (each item stays whole); a short one stays whole.
  let out = `<section class="group${(g.items?.length ?? 0) > 5 ? ' long' : ''}"><h4>${esc(groupTitle(path))} <span class="meta">n = ${esc(String(g.n))}</span></h4>`;
  const hidden = (g.groups ?? []).filter((c) => c.n === null);
  const hiddenLine = hidden.length
    ? `<p class="note">Withheld subgroups: ${hidden.map((c) => `${esc(`${c.key} ${c.value}`)} ${esc(withheld(c.why))}`).join(', ')}.</p>`
    : '';
  if (parent && parent.n === g.n && parent.groups?.length === 1)
    return (
      out +
      `<p class="note">The same people as ${esc(groupTitle(path.slice(0, -1)))}: see above.</p>${hiddenLine}</section>`
    );
  const items = g.items ?? [];
  const allWithheld = allItemsWithheld(g);
  if (allWithheld) out += `<p class="note">${esc(allWithheld)}</p>`;
  else if (items.length && items.every((it) => !it.levels)) {
    // A small group: ranges only, as a compact list.
    out += `<div class="ranges">${items.map((it) => `<span class="name">${esc(itemName(r, it.id))}</span><span class="share">${esc(shareCell(it))}</span>`).join('')}</div>`;
  } else out += items.map((it) => itemRow(r, g, it)).join('');
  if (r.improvementAreas.length && g.improvementAreas) {
    const a = g.improvementAreas;
    out += `<table><thead><tr><th>Improvement area</th><th class="num">Ticked</th></tr></thead><tbody>`;
    out += r.improvementAreas
      .map(
        (x) => `<tr><td>${esc(x.text)}</td><td class="num">${esc(countCell(a.counts?.[x.id], g.n, a.why))}</td></tr>`,
      )
      .join('');
    out += `</tbody></table>`;
  }
  out += `<div class="stepline"><span class="note">Action steps</span>${stepsChart(g)}</div>`;
  if (g.text) {
    for (const [title, list] of [
      ['Own improvement areas', g.text.improvementAreas],
      ['Action steps (text)', g.text.actionSteps],
    ] as const) {
      if (list.length)
        out += `<p><strong>${title}</strong></p><ul class="text">${list.map((t) => `<li>${esc(t.text)}${t.count ? ` <span class="note">(×${t.count})</span>` : ''}</li>`).join('')}</ul>`;
    }
    const gap = textGapNote(g);
    if (gap) out += `<p class="note">${esc(gap)}</p>`;
  }
  if (g.groupsWhy) out += `<p class="note">Subgroups not listed ${esc(withheld(g.groupsWhy))}.</p>`;
  return `${out + hiddenLine}</section>`;
}

/** Shown groups get a block each; withheld ones are listed in one line under their parent. */
function groups(r: ReportSummary, g: GroupSummary, path: GroupSummary[]): string {
  const here = [...path, g];
  let out = g.n === null ? '' : group(r, g, here);
  for (const c of g.groups ?? []) if (c.n !== null) out += groups(r, c, here);
  return out;
}

function growthBar(label: string, side: GrowthSummary['rows'][number]['from']): string {
  const text =
    side.n === null ? withheld(side.why) : side.n === 0 ? 'no records' : `${shareCell(side)} (n = ${side.n})`;
  const exact = side.share !== null && !side.why;
  const fill = exact ? `<div class="fill" style="width:${(side.share! * 100).toFixed(1)}%"></div>` : '';
  return `<span>${esc(label)}</span><div class="track${exact ? '' : ' withheld'}">${fill}</div><span class="val">${esc(text)}</span>`;
}

function growth(s: Summary): string {
  let out = '';
  for (const gr of s.growth) {
    const r = s.reports.find((x) => x.profile === gr.profile)!;
    const head = `<h2>Growth: ${esc(r.title)} <span class="meta">(${esc(gr.profile)}), ${esc(gr.from)} → ${esc(gr.to)}, ${esc(tableTitle(gr.by))}</span></h2><p class="note">${esc(CROSS_SECTION_NOTE)} Bars: share at or above target.</p>`;
    out += `<section class="growth-report">`;
    let first = true;
    const byGroup = new Map<string, typeof gr.rows>();
    for (const row of gr.rows) {
      const k = row.path.length ? row.path.map((p) => `${p.key} ${p.value}`).join(' / ') : 'Everyone';
      byGroup.set(k, [...(byGroup.get(k) ?? []), row]);
    }
    for (const [name, rows] of byGroup) {
      // The heading stays on the page of the first group.
      out += `${first ? `<div class="keep">${head}` : ''}<section class="group growth"><h4>${esc(name)}</h4>`;
      for (const row of rows) {
        const change = changeText(row);
        out += `<div class="item"><div class="name">${esc(itemName(r, row.item))}</div><div>`;
        out += `<div class="hbar pair">${growthBar(gr.from, row.from)}</div><div class="hbar pair">${growthBar(gr.to, row.to)}</div></div>`;
        out += `<div class="share" title="change">${esc(change)}</div></div>`;
      }
      out += `</section>${first ? '</div>' : ''}`;
      first = false;
    }
    out += `</section>`;
  }
  return out;
}

export interface HtmlOptions {
  /** The page's title, e.g. "Missouri SBIC, 2025-26 baseline, state report". */
  title?: string;
}

export function formatHtml(s: Summary, opts: HtmlOptions = {}): string {
  const title = opts.title?.trim() || 'Practice profile summary';
  const cycles = [...new Set(s.reports.map((r) => r.cycle).filter((c): c is string => c !== null))];
  let body = `<header><h1>${esc(title)}</h1><p class="meta">`;
  body += esc([...new Set(s.reports.map((r) => `${r.title} (${r.profile})`))].join('; '));
  if (cycles.length) body += `<br>Cycle${cycles.length > 1 ? 's' : ''}: ${esc(cycles.join(', '))}`;
  body += `<br>${esc(filesLine(s))} Minimum group size ${esc(s.minN)}: smaller groups are withheld (${WITHHELD}), and a few more numbers are withheld or shown as a range so that none can be worked out by subtraction. No one's own answers are shown.`;
  if (s.as) body += ` Earlier versions counted as ${esc(s.as)}.`;
  body += `</p>`;
  for (const l of conversionWarnings(s)) body += `<p><strong>${esc(l)}</strong></p>`;
  const conv = conversionLines(s);
  if (conv.length)
    body += `<p class="note">${esc(conv[0])}</p><ul class="note">${conv
      .slice(1)
      .map((l) => `<li>${esc(l)}</li>`)
      .join('')}</ul>`;
  const note = cycleTotalNote(s);
  if (note) body += `<p><strong>${esc(note)}</strong></p>`;
  for (const l of leftOutLines(s)) body += `<p class="note">${esc(l)}</p>`;
  if (s.includeText) body += `<p class="note">${esc(TEXT_NOTE)}</p>`;
  const lines = legendLines(s);
  if (lines.length) body += `<ul class="note">${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  body += `</header>`;
  if (s.reports.length === 0) body += `<p>No records to summarize.</p>`;
  // Growth is what a report comparing cycles is for: it comes first, each cycle's report after it.
  body += growth(s);
  for (const r of s.reports) {
    body += `<section class="report"><div class="keep"><h2>${esc(reportTitle(r))}</h2>${legend(r)}${overview(r)}</div>`;
    body += priorities(r);
    body += `<div class="keep"><h3>Action steps</h3>${stepsChart(r.tables[0].total)}</div>`;
    for (const t of r.tables) {
      body += `<h3 class="details">Details${t.by.length ? `, ${esc(tableTitle(t.by))}` : ''}</h3>`;
      body +=
        t.total.n === null
          ? `<p class="note">Everyone: ${esc(withheld(t.total.why))}</p>`
          : `<div class="groups">${groups(r, t.total, [])}</div>`;
    }
    body += `</section>`;
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body>${body}</body></html>\n`;
}
