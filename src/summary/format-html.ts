// HTML: one self-contained page (inline CSS, no scripts, no external assets) with a stacked bar per
// item; prints well. Every piece of text from profiles or records is escaped.
import { colourHex } from '../palette.js';
import { cellText, shareText, SUPPRESSED_MARK } from './format-md.js';
import { NOT_RATED, SUPPRESSED, type GroupSummary, type ProfileSummary, type Summary } from './model.js';
import { filesLine, groupTitle, walkGroups } from './walk.js';

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
.note{color:#666;font-size:.9em}ul.text{margin:.2rem 0 .6rem 1.2rem;padding:0}
@media print{body{margin:0;max-width:none;font-size:11px}h2{break-before:page}h2:first-of-type{break-before:auto}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}.bar{width:160px}}
`;

function td(v: string, num = true): string {
  return `<td class="${num ? 'num' : ''}${v === SUPPRESSED_MARK ? ' supp' : ''}">${esc(v)}</td>`;
}

function stackedBar(p: ProfileSummary, it: NonNullable<GroupSummary['items']>[number], n: number): string {
  const levels = [...p.levels, { id: NOT_RATED, label: 'Not rated', colour: '#cccccc' }];
  // Hidden counts are drawn as one hatched part: its size (n minus the shown counts) can be worked out
  // from the table anyway, while how it splits between levels stays hidden.
  const shown = levels.filter((l) => it.levels[l.id] !== SUPPRESSED);
  const hidden = n - shown.reduce((a, l) => a + (it.levels[l.id] as number), 0);
  const parts = shown
    .filter((l) => (it.levels[l.id] as number) > 0)
    .map((l) => {
      const v = it.levels[l.id] as number;
      return `<span style="width:${((v / n) * 100).toFixed(2)}%;background:${colourHex(l.colour)}" title="${esc(`${l.label}: ${v}`)}"></span>`;
    });
  if (hidden > 0) parts.push(`<span class="hidden" style="width:${((hidden / n) * 100).toFixed(2)}%" title="suppressed"></span>`);
  const label = levels.map((l) => `${l.label} ${it.levels[l.id] === SUPPRESSED ? 'suppressed' : it.levels[l.id]}`).join(', ');
  return `<div class="bar" role="img" aria-label="${esc(label)}">${parts.join('')}</div>`;
}

function group(p: ProfileSummary, g: GroupSummary, path: GroupSummary[]): string {
  let out = `<section class="group"><h3>${esc(groupTitle(path))} <span class="meta">n = ${esc(cellText(g.n))}</span></h3>`;
  if (g.suppressed) return out + `<p class="supp">Suppressed: too few records to show, or hidden so that a smaller group cannot be worked out.</p></section>`;
  const n = g.n as number;
  const levels = [...p.levels.map((l) => l.id), NOT_RATED];
  const target = p.levels.find((l) => l.id === p.target)?.label ?? p.target;
  out += `<table><thead><tr><th>Item</th><th>Distribution</th>${[...p.levels.map((l) => l.label), 'Not rated'].map((l) => `<th class="num">${esc(l)}</th>`).join('')}<th class="num" title="${esc(`At or above ${target}`)}">At or above target</th><th class="num">Prioritised</th></tr></thead><tbody>`;
  for (const it of g.items ?? []) {
    const meta = p.items.find((x) => x.id === it.id);
    const name = meta ? `${meta.number ? meta.number + '. ' : ''}${meta.title}` : it.id;
    out += `<tr><td>${esc(name)}</td><td>${stackedBar(p, it, n)}</td>${levels.map((l) => td(cellText(it.levels[l], n))).join('')}${td(shareText(it.share))}${td(cellText(g.priorities?.[it.id] ?? 0, n))}</tr>`;
  }
  out += `</tbody></table>`;
  if (p.improvementAreas.length) {
    out += `<table><thead><tr><th>Improvement area</th><th class="num">Ticked</th></tr></thead><tbody>`;
    out += p.improvementAreas.map((a) => `<tr><td>${esc(a.text)}</td>${td(cellText(g.improvementAreas?.[a.id] ?? 0, n))}</tr>`).join('');
    out += `</tbody></table>`;
  }
  const st = g.actionSteps;
  if (st) {
    out += `<table class="narrow"><thead><tr><th>Action steps</th><th class="num">Planned</th><th class="num">In progress</th><th class="num">Done</th><th class="num">Total</th></tr></thead><tbody><tr><td>Number of steps</td>`;
    out += [st.planned, st['in-progress'], st.done, st.total].map((v) => td(cellText(v))).join('') + `</tr></tbody></table>`;
  }
  if (g.text) {
    for (const [title, list] of [['Own improvement areas', g.text.improvementAreas], ['Action steps (text)', g.text.actionSteps]] as const) {
      if (list.length) out += `<p><strong>${title}</strong></p><ul class="text">${list.map((t) => `<li>${esc(t.text)}${t.count > 1 ? ` <span class="note">(×${t.count})</span>` : ''}</li>`).join('')}</ul>`;
    }
  }
  if (g.groupsSuppressed) out += `<p class="note">Subgroups not shown: showing them would reveal a small group.</p>`;
  return out + `</section>`;
}

export function formatHtml(s: Summary): string {
  let body = `<h1>Practice profile summary</h1><p class="meta">${esc(filesLine(s))} Minimum group size ${esc(s.minN)}; <span class="supp">${SUPPRESSED_MARK}</span> = suppressed (too few to show, or hidden so that a small number cannot be worked out).`;
  if (s.by.length) body += ` Grouped by ${esc(s.by.join(' > '))}.`;
  if (s.as) body += ` Earlier versions counted as ${esc(s.as)}.`;
  body += `</p>`;
  if (s.profiles.length === 0) body += `<p>No records to summarize.</p>`;
  for (const p of s.profiles) {
    body += `<h2>${esc(p.title)} <span class="meta">(${esc(p.profile)})</span></h2><p class="legend">`;
    body += [...p.levels, { id: NOT_RATED, label: 'Not rated', colour: '#cccccc' }].map((l) => `<span><i class="sw" style="background:${colourHex(l.colour)}"></i>${esc(l.label)}</span>`).join('');
    body += `</p>`;
    walkGroups(p.total, (g, path) => {
      body += group(p, g, path);
    });
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Practice profile summary</title><style>${CSS}</style></head><body>${body}</body></html>\n`;
}
