// HTML: one self-contained page (inline CSS, no scripts, no external assets) with a stacked bar per
// item and bars for growth; prints well. Every piece of text from profiles or records is escaped.
import { colourHex } from '../palette.js';
import { NOT_RATED, type GroupSummary, type ItemStats, type ReportSummary, type Summary } from './model.js';
import { CROSS_SECTION_NOTE, countCell, filesLine, groupTitle, itemName, legendLines, pct, reportTitle, shareCell, tableTitle, walkGroups, WITHHELD, withheld } from './walk.js';

export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}.meta{color:#555}
section.group{break-inside:avoid;page-break-inside:avoid;margin-bottom:1.2rem}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .6rem}th,td{border-bottom:1px solid #e3e3e3;padding:.3rem .45rem;text-align:left;vertical-align:middle}
th{font-weight:600;background:#f6f6f6}th.num{text-align:right}table.narrow{width:auto;min-width:40%}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{display:flex;height:14px;width:220px;border:1px solid #bbb;background:#fafafa}.bar span{display:block;height:100%}
.bar .hidden{background:repeating-linear-gradient(45deg,#ddd,#ddd 4px,#fff 4px,#fff 8px)}
.supp{color:#888;font-style:italic}.legend span{display:inline-block;margin-right:1rem}
.sw{display:inline-block;width:.9em;height:.9em;border:1px solid #999;vertical-align:-.1em;margin-right:.3em}
.note{color:#666;font-size:.9em}.growth .b{display:inline-block;height:10px;background:#1565c0;vertical-align:middle}.growth .b.from{background:#9e9e9e}.range{font-style:italic}ul.text{margin:.2rem 0 .6rem 1.2rem;padding:0}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-before:page}h2:first-of-type{break-before:auto}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.bar{width:160px}}
`;

function td(v: string, num = true): string {
  const muted = v.startsWith(WITHHELD);
  return `<td class="${num ? 'num' : ''}${muted ? ' supp' : ''}">${esc(v)}</td>`;
}

function stackedBar(r: ReportSummary, it: ItemStats, n: number): string {
  if (!it.levels) {
    // A coded or withheld row: one hatched bar, with the range (if any) in words beside the table.
    return `<div class="bar" role="img" aria-label="${esc(it.shareRange ? `share at or above target ${shareCell(it)}` : 'withheld')}"><span class="hidden" style="width:100%"></span></div>`;
  }
  const levels = [...r.levels, { id: NOT_RATED, label: 'Not rated', colour: '#cccccc' }];
  const parts = levels
    .filter((l) => it.levels![l.id] > 0)
    .map((l) => {
      const v = it.levels![l.id];
      return `<span style="width:${((v / n) * 100).toFixed(2)}%;background:${colourHex(l.colour)}" title="${esc(`${l.label}: ${v}`)}"></span>`;
    });
  const label = levels.map((l) => `${l.label} ${it.levels![l.id]}`).join(', ');
  return `<div class="bar" role="img" aria-label="${esc(label)}">${parts.join('')}</div>`;
}

function group(r: ReportSummary, g: GroupSummary, path: GroupSummary[]): string {
  let out = `<section class="group"><h3>${esc(groupTitle(path))} <span class="meta">n = ${esc(g.n === null ? withheld(g.why) : String(g.n))}</span></h3>`;
  if (g.n === null) return out + `</section>`;
  const n = g.n;
  const levels = [...r.levels.map((l) => l.id), NOT_RATED];
  const target = r.levels.find((l) => l.id === r.target)?.label ?? r.target;
  out += `<table><thead><tr><th>Item</th><th>Distribution</th>${[...r.levels.map((l) => l.label), 'Not rated'].map((l) => `<th class="num">${esc(l)}</th>`).join('')}<th class="num" title="${esc(`At or above ${target}`)}">At or above target</th><th class="num">Prioritised</th></tr></thead><tbody>`;
  for (const it of g.items ?? []) {
    const cells = levels.map((l) => td(it.levels ? countCell(it.levels[l], n) : withheld(it.shareRange ? undefined : it.why))).join('');
    out += `<tr><td>${esc(itemName(r, it.id))}</td><td>${stackedBar(r, it, n)}</td>${cells}${td(shareCell(it))}${td(countCell(g.priorities?.counts?.[it.id], n, g.priorities?.why))}</tr>`;
  }
  out += `</tbody></table>`;
  if (r.improvementAreas.length && g.improvementAreas) {
    const a = g.improvementAreas;
    out += `<table><thead><tr><th>Improvement area</th><th class="num">Ticked</th></tr></thead><tbody>`;
    out += r.improvementAreas.map((x) => `<tr><td>${esc(x.text)}</td>${td(countCell(a.counts?.[x.id], n, a.why))}</tr>`).join('');
    out += `</tbody></table>`;
  }
  const st = g.actionSteps;
  if (st) {
    out += `<table class="narrow"><thead><tr><th>Action steps</th><th class="num">Planned</th><th class="num">In progress</th><th class="num">Done</th></tr></thead><tbody><tr><td>Number of steps</td>`;
    out += ['planned', 'in-progress', 'done'].map((k) => td(countCell(st.counts?.[k], null, st.why))).join('') + `</tr></tbody></table>`;
  }
  if (g.text) {
    for (const [title, list] of [['Own improvement areas', g.text.improvementAreas], ['Action steps (text)', g.text.actionSteps]] as const) {
      if (list.length) out += `<p><strong>${title}</strong></p><ul class="text">${list.map((t) => `<li>${esc(t.text)}${t.count ? ` <span class="note">(×${t.count})</span>` : ''}</li>`).join('')}</ul>`;
    }
  }
  if (g.groupsWhy) out += `<p class="note">Subgroups not listed ${esc(withheld(g.groupsWhy))}.</p>`;
  return out + `</section>`;
}

function growthBar(share: number | null, cls: string): string {
  return share === null ? '' : `<span class="b ${cls}" style="width:${Math.round(share * 120)}px"></span> `;
}

function growth(s: Summary): string {
  let out = '';
  for (const gr of s.growth) {
    const r = s.reports.find((x) => x.profile === gr.profile)!;
    out += `<h2>Growth: ${esc(r.title)} <span class="meta">(${esc(gr.profile)}), ${esc(gr.from)} → ${esc(gr.to)}, ${esc(tableTitle(gr.by))}</span></h2><p class="note">${esc(CROSS_SECTION_NOTE)}</p>`;
    out += `<table class="growth"><thead><tr><th>Group</th><th>Item</th><th class="num">${esc(gr.from)}</th><th class="num">${esc(gr.to)}</th><th>Share at or above target</th><th class="num">Change</th></tr></thead><tbody>`;
    for (const row of gr.rows) {
      const name = row.path.length ? row.path.map((p) => `${p.key} ${p.value}`).join(' / ') : 'Everyone';
      const side = (x: typeof row.from) => (x.n === null ? withheld(x.why) : x.n === 0 ? 'no records' : shareCell(x));
      const change = row.change === null ? WITHHELD : `${row.change > 0 ? '+' : row.change < 0 ? '−' : '±'}${pct(Math.abs(row.change))}`;
      out += `<tr><td>${esc(name)}</td><td>${esc(itemName(r, row.item))}</td>${td(side(row.from))}${td(side(row.to))}<td>${growthBar(row.from.why ? null : row.from.share, 'from')}<br>${growthBar(row.to.why ? null : row.to.share, 'to')}</td>${td(change)}</tr>`;
    }
    out += `</tbody></table>`;
  }
  return out;
}

export function formatHtml(s: Summary): string {
  let body = `<h1>Practice profile summary</h1><p class="meta">${esc(filesLine(s))} Minimum group size ${esc(s.minN)}; numbers of smaller groups are withheld (${WITHHELD}), and a few more so that none can be worked out by subtraction.`;
  if (s.as) body += ` Earlier versions counted as ${esc(s.as)}.`;
  body += `</p>`;
  const legend = legendLines(s);
  if (legend.length) body += `<ul class="note">${legend.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  if (s.reports.length === 0) body += `<p>No records to summarize.</p>`;
  for (const r of s.reports) {
    body += `<h2>${esc(reportTitle(r))}</h2><p class="legend">`;
    body += [...r.levels, { id: NOT_RATED, label: 'Not rated', colour: '#cccccc' }].map((l) => `<span><i class="sw" style="background:${colourHex(l.colour)}"></i>${esc(l.label)}</span>`).join('');
    body += `</p>`;
    for (const t of r.tables) {
      if (r.tables.length > 1) body += `<h3>${esc(tableTitle(t.by))}</h3>`;
      walkGroups(t.total, (g, path) => {
        body += group(r, g, path);
      });
    }
  }
  body += growth(s);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Practice profile summary</title><style>${CSS}</style></head><body>${body}</body></html>\n`;
}
