// `profile report --format html`: one self-contained page (no scripts, fonts or images from anywhere)
// that reads on a phone and prints on one or two A4/Letter pages.
import { STATUS_WORDS, stepDates, type ReportLevel, type ReportModel } from './model.js';

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Black or white text, whichever reads better on the level's colour. */
function ink(hex: string): string {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? '#000' : '#fff';
}

function pill(l: ReportLevel | undefined): string {
  if (!l) return '<span class="lv none">not rated</span>';
  return `<span class="lv" style="background:${l.hex};color:${ink(l.hex)}">${esc(l.label)}</span>`;
}

const CSS = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;margin:0 auto;padding:16px;max-width:860px;overflow-wrap:anywhere}
h1{font-size:1.35em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.1em 0 .4em;border-bottom:1px solid #ccc}h3{font-size:1em;margin:.8em 0 .3em}
.meta{color:#444;margin:0 0 .6em}.box{border-left:4px solid #f9a825;background:#fff8e1;padding:.4em .7em;margin:.5em 0}
.scale{list-style:none;padding:0;margin:.3em 0;font-size:.93em}.scale li{margin:.15em 0}
.lv{display:inline-block;padding:0 .45em;border-radius:.3em;font-weight:600;white-space:nowrap;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.lv.none{border:1px dashed #888;font-weight:400}
ol,ul{margin:.2em 0;padding-left:1.4em}
.item{padding:.35em 0;border-bottom:1px solid #eee;break-inside:avoid}
.item .head{display:flex;flex-wrap:wrap;gap:.2em .6em;align-items:baseline}
.item .t{font-weight:600;flex:1 1 18em}.stem{color:#555;font-style:italic;margin:.2em 0 0}
.cell{color:#333;margin:.15em 0 0 .2em;font-size:.93em}.cell ul{margin:0}
.note{margin:.15em 0 0 .2em;font-size:.93em}.note b{font-weight:600}
.prio{font-size:.85em;color:#555;white-space:nowrap}
.step{break-inside:avoid;margin:.25em 0}.st{font-weight:600}.over{color:#b00020;font-weight:700}.sub{color:#444;font-size:.93em}
footer{color:#555;font-size:.85em;margin-top:1.2em}
@media print{
 @page{margin:12mm}
 body{font-size:9.5pt;line-height:1.3;padding:0;max-width:none}
 h2{margin:.7em 0 .3em}.item{padding:.2em 0}
}`;

export function reportHtml(m: ReportModel): string {
  const b: string[] = [];
  b.push(`<h1>${esc(m.title)}</h1>`);
  const meta = [
    `<code>${esc(m.ref)}</code>`,
    `date ${esc(m.date)}`,
    m.cycle ? `cycle ${esc(m.cycle)}` : '',
    ...m.group.map(([k, v]) => `${esc(k)}: ${esc(v)}`),
    m.respondent ? `by ${esc(m.respondent)}` : '',
  ];
  b.push(`<p class="meta">${meta.filter(Boolean).join(' · ')}</p>`);
  if (m.draft) b.push('<p class="box"><b>Draft</b>: this assessment is not finished yet.</p>');
  if (m.partial) b.push(`<p class="box"><b>About this profile</b>: ${esc(m.partial)}</p>`);
  b.push(`<p><b>${m.atTarget} of ${m.items.length}</b> at or above target.</p>`);
  b.push(
    `<ul class="scale" aria-label="Scale">${m.scale.map((l) => `<li>${pill(l)}${l.target ? ' <small>(target)</small>' : ''}${l.meaning ? ` ${esc(l.meaning)}` : ''}</li>`).join('')}</ul>`,
  );
  b.push('<h2>Ratings</h2>');
  let group: string | undefined;
  let stem: string | undefined;
  for (const it of m.items) {
    if (it.group && it.group !== group) b.push(`<h3>${esc(it.group)}</h3>`);
    if (it.stem && (it.stem !== stem || it.group !== group)) b.push(`<p class="stem">${esc(it.stem)}</p>`);
    group = it.group;
    stem = it.stem;
    const cell = it.level
      ? [
          it.descriptor.stem ? `<div>${esc(it.descriptor.stem)}</div>` : '',
          it.descriptor.items.length > 1
            ? `<ul>${it.descriptor.items.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
            : it.descriptor.items.map((x) => `<div>${esc(x)}</div>`).join(''),
        ].join('')
      : '';
    b.push(
      `<div class="item"><div class="head"><span class="t">${it.number ? `${esc(it.number)}. ` : ''}${esc(it.title)}</span>${pill(it.level)}${it.level && !it.level.atTarget ? ' <small class="below">(below target)</small>' : ''}${it.priority ? `<span class="prio">priority ${it.priority}</span>` : ''}</div>` +
        (cell ? `<div class="cell">${cell}</div>` : '') +
        (it.note ? `<div class="note"><b>Note:</b> ${esc(it.note)}</div>` : '') +
        '</div>',
    );
  }
  b.push('<h2>Improvement areas</h2>');
  b.push(
    m.areas.length
      ? `<ul>${m.areas.map((a) => `<li>${esc(a.text)}${a.own ? ' <i>(own)</i>' : ''}</li>`).join('')}</ul>`
      : '<p><i>None ticked.</i></p>',
  );
  b.push('<h2>Priorities</h2>');
  b.push(
    m.priorities.length
      ? `<ol>${m.priorities.map((p) => `<li>${p.number ? `${esc(p.number)}. ` : ''}${esc(p.title)} ${pill(p.level)}</li>`).join('')}</ol>`
      : '<p><i>None.</i></p>',
  );
  b.push('<h2>Action plan</h2>');
  if (!m.steps.length) b.push('<p><i>No action steps.</i></p>');
  else {
    b.push('<ol>');
    for (const s of m.steps) {
      const dates = stepDates(s).replace(' (overdue)', '');
      const sub = [s.forTitle ? `for: ${esc(s.forTitle)}` : '', esc(dates)].filter(Boolean).join(' · ');
      b.push(
        `<li class="step">${esc(s.text)} · <span class="st">${STATUS_WORDS[s.status]}</span>${s.overdue ? ' · <span class="over">overdue</span>' : ''}` +
          (sub ? `<div class="sub">${sub}</div>` : '') +
          (s.progress.length
            ? `<ul class="sub">${s.progress.map((p) => `<li>${esc(p.date)}: ${esc(p.text)}</li>`).join('')}</ul>`
            : '') +
          '</li>',
      );
    }
    b.push('</ol>');
  }
  b.push('<footer>Private: your own record, for you and your coaching partner; not an evaluation.</footer>');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(m.title)}, ${esc(m.date)}</title>
<style>${CSS}</style>
</head>
<body>
${b.join('\n')}
</body>
</html>
`;
}
