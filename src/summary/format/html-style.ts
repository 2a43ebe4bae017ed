// Look of the HTML summary: highlighter colours (as on the paper profiles) with a pattern per level, so
// that nothing depends on colour alone; a layout that reads at 390 px; a print stylesheet for A4 and
// Letter that keeps a group with its heading.

import { highlighterHex as highlighter } from '../../palette.js';

/** A pattern per level rank (0 = highest), drawn over the colour. */
const PATTERNS = [
  'none',
  'repeating-linear-gradient(45deg,rgba(0,0,0,.28) 0 2px,transparent 2px 6px)',
  'radial-gradient(rgba(0,0,0,.35) 1px,transparent 1.4px) 0 0/5px 5px',
  'repeating-linear-gradient(-45deg,rgba(0,0,0,.3) 0 2px,transparent 2px 5px),repeating-linear-gradient(45deg,rgba(0,0,0,.3) 0 2px,transparent 2px 5px)',
  'repeating-linear-gradient(90deg,rgba(0,0,0,.3) 0 2px,transparent 2px 5px)',
];

/** Inline style for a level's fill: colour plus pattern. Only safe characters come out. */
export function levelFill(colour: string, rank: number): string {
  const p = PATTERNS[Math.min(rank, PATTERNS.length - 1)];
  return `background:${p === 'none' ? '' : `${p},`}${highlighter(colour)}`;
}

/** Heat-map cell colour for a share at or above target: pale to deep green, readable with dark text. */
export function heat(share: number): string {
  const light = Math.round(92 - share * 42); // 92% .. 50% lightness
  return `background:hsl(125,55%,${light}%)`;
}

export const CSS = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1d;margin:1.5rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.7rem;margin:0 0 .2rem}h2{font-size:1.35rem;margin:2rem 0 .6rem;border-bottom:2px solid #ccc;padding-bottom:.2rem}
h3{font-size:1.08rem;margin:1.2rem 0 .4rem}h4{font-size:1rem;margin:.9rem 0 .3rem}
.meta{color:#4a4a4a}.note{color:#4a4a4a;font-size:.9em}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.3rem 0 .8rem}.legend span{display:inline-flex;align-items:center;gap:.3rem}
.sw{display:inline-block;width:1.1em;height:1.1em;border:1px solid #666}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:.3rem 0 .8rem}th,td{border:1px solid #d6d6d6;padding:.3rem .45rem;text-align:left;vertical-align:middle}
th{background:#f3f3f3;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.heat td.num{min-width:4.2rem}.withheld{color:#555;font-style:italic;background:repeating-linear-gradient(45deg,#eee 0 4px,#fff 4px 8px)}
.chart{margin:.4rem 0 1rem}.hbar{display:grid;grid-template-columns:minmax(8rem,16rem) 1fr 7.5rem;gap:.3rem .6rem;align-items:center;margin:.15rem 0}
.hbar .track{height:14px;background:#f0f0f0;border:1px solid #ccc;position:relative}.hbar .fill{height:100%;background:#3f7fbf}
.hbar .val{text-align:right;font-variant-numeric:tabular-nums}
.group{break-inside:avoid;page-break-inside:avoid;margin:0 0 1rem;padding:.5rem .7rem;border:1px solid #e0e0e0;border-radius:6px}
.group h4{margin-top:0}
.item{display:grid;grid-template-columns:minmax(10rem,18rem) minmax(8rem,1fr) 6rem;gap:.2rem .7rem;align-items:center;padding:.35rem 0;border-top:1px solid #eee}
.item .name{font-weight:500}.item .share{text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
.item .counts{grid-column:1/-1;font-size:.86em;color:#333;display:flex;flex-wrap:wrap;gap:.15rem .8rem}
.bar{position:relative;display:flex;height:18px;border:1px solid #888;background:#fafafa}.bar span{display:block;height:100%}
.bar .target{position:absolute;top:-4px;bottom:-4px;width:0;border-left:2px solid #000}
.bar.coded{background:repeating-linear-gradient(45deg,#ddd 0 4px,#fff 4px 8px)}
.growth .pair{display:grid;grid-template-columns:5.5rem 1fr 3.5rem;gap:.15rem .5rem;align-items:center;font-size:.9em}
.steps{display:flex;height:18px;border:1px solid #888;max-width:420px}.steps span{display:block;height:100%}
ul.text{margin:.2rem 0 .6rem 1.2rem;padding:0}
.ranges{display:grid;grid-template-columns:1fr auto;gap:.1rem .8rem;font-size:.92em}.ranges .share{text-align:right;font-weight:600}
.stepline{margin-top:.4rem}.stepline .legend{margin:.2rem 0 0;font-size:.9em}
@media (max-width:640px){
 body{margin:.8rem auto;font-size:14px}
 .item{grid-template-columns:1fr 4.5rem}.item .bar{grid-column:1/-1;grid-row:2}
 .hbar{grid-template-columns:1fr auto}.hbar .track{grid-column:1/-1;grid-row:2}
 .growth .pair{grid-template-columns:1fr auto}.growth .item>div:nth-child(2){grid-column:1/-1;grid-row:2}
 .heat th,.heat td{padding:.25rem .3rem}
}
@page{margin:14mm 12mm}
@media print{
 body{margin:0;max-width:none;font-size:10.5px}h2{margin-top:1rem}
 h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}
 .group,.chart,table,.item,.keep{break-inside:avoid;page-break-inside:avoid}
 h3.details{break-before:auto}
 .scroll{overflow:visible}table.heat{width:100%;table-layout:fixed;font-size:.9em}table.heat td.num{min-width:0}table.heat th,table.heat td{padding:.2rem .25rem}table.heat th:first-child,table.heat td:first-child{width:9rem}
 .growth .item{grid-template-columns:minmax(8rem,14rem) 1fr 4.5rem}
 .growth .hbar.pair{grid-template-columns:8rem 1fr 7rem}.growth .hbar .track{height:10px}
 .group.long{break-inside:auto;page-break-inside:auto}
 .groups{display:grid;grid-template-columns:1fr 1fr;gap:0 .6rem;align-items:start}
 .group{margin:0 0 .5rem;padding:.35rem .5rem}
 .item{grid-template-columns:minmax(6rem,1fr) 7rem 3.5rem;gap:.1rem .4rem;padding:.2rem 0}.item .counts{font-size:.8em}
 .hbar{grid-template-columns:minmax(8rem,16rem) 1fr 6rem}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
