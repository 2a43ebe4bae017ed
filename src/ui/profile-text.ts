// A profile in the terminal, laid out like the paper form.
import { descriptorsFor, profileRef, ratedItems, ratedUnit } from '../profile/model.js';
import type { Profile, Section } from '../profile/schema.js';
import { colours, paint } from './colour.js';
import { terminalWidth, wrap } from './wrap.js';

export function profileText(p: Profile, width = terminalWidth()): string {
  const c = colours().out;
  const out: string[] = [c.bold(p.title) + c.dim(`  ${profileRef(p)}`)];
  if (p.subtitle) out.push(p.subtitle);
  if (p.status === 'partial')
    out.push('', c.yellow(wrap(`Partial: ${p.statusNote ?? 'some parts of the source were not found.'}`, width)));
  if (p.projectChoices?.length) {
    out.push('', c.dim("Not in the source (the project's choices):"));
    for (const x of p.projectChoices) out.push(c.dim(wrap(x, width, '  - ', '    ')));
  }
  if (p.purpose) out.push('', wrap(p.purpose, width));
  if (p.foundation) out.push('', wrap(p.foundation, width));
  const scale = p.scale.levels
    .map((l) => `${paint(c, l.colour, '■')} ${l.label}${l.id === p.scale.target ? c.dim(' (target)') : ''}`)
    .join('   ');
  const { min, max } = p.process.actionSteps;
  out.push(
    '',
    `Scale: ${scale}`,
    c.dim(`Rated per ${ratedUnit(p)}; ${min === max ? min : `${min}-${max}`} action steps.`),
  );
  if (p.process.steps?.length) {
    out.push('', c.bold('How to use it'));
    p.process.steps.forEach((s, i) => out.push(wrap(s, width, `  ${i + 1}. `, '     ')));
  }
  if (p.process.rate === 'section') {
    for (const item of ratedItems(p)) {
      const s = item.section;
      out.push('', c.bold(`${s.kind ? `${s.kind} ` : ''}${s.number ?? ''}. ${s.title}`) + c.dim(`  [${s.id}]`));
      for (const d of descriptorsFor(p, item)) {
        const head =
          paint(c, d.level.colour, '■') +
          ' ' +
          c.bold(d.level.label) +
          (d.level.id === p.scale.target ? c.dim(' (target)') : '');
        out.push(
          `  ${head}${d.sameAs ? c.dim(`  same as ${d.sameAs.label}`) : ''}${d.missing ? c.dim('  (generic meaning; not in the source)') : ''}`,
        );
        if (d.sameAs) continue;
        if (d.stem) out.push(wrap(d.stem, width, '    '));
        for (const i of d.items) out.push(wrap(i, width, '    • ', '      '));
        if (d.note) out.push(c.dim(wrap(`Note: ${d.note}`, width, '    ')));
      }
      sectionExtras(s, out, width);
    }
  } else {
    for (const s of p.sections) criteriaSection(s, out, width);
  }
  if (p.replaces) out.push('', c.dim(`Replaces ${p.replaces}.`));
  // The crosswalk: how records of the earlier version are read under this one (summarize --as, assess --from).
  const walk = [
    ...Object.entries(p.crosswalk ?? {}),
    ...Object.entries(p.levelCrosswalk ?? {}).map(([a, b]) => [`level ${a}`, b && `level ${b}`] as const),
  ];
  if (p.replaces && walk.length) {
    out.push(c.bold(`Crosswalk from ${p.replaces}`) + c.dim('  (ids not listed keep their meaning)'));
    for (const [from, to] of walk) out.push(`  ${from} -> ${to ?? c.dim('(no counterpart: dropped)')}`);
  }
  out.push('', c.dim(wrap(`Source: ${p.source.citation}`, width)));
  return `${out.join('\n')}\n`;
}

function criteriaSection(s: Section, out: string[], width: number): void {
  const c = colours().out;
  out.push(
    '',
    c.bold(`${s.number ? `${s.number}. ` : ''}${s.title.toUpperCase()}${s.kind ? ` (${s.kind})` : ''}`) +
      c.dim(`  [${s.id}]`),
  );
  let stem: string | undefined;
  for (const cr of s.criteria) {
    if (cr.stem !== stem && cr.stem && s.stems?.[cr.stem])
      out.push(wrap(`${cr.stem.toUpperCase()}. ${s.stems[cr.stem]}`, width, '  ', '     '));
    stem = cr.stem;
    out.push(wrap(cr.text, width, `    ${String(cr.number ?? '-').padStart(2)}. `, '        '));
    if (cr.calibration) out.push(c.dim(wrap(`Shared understanding: ${cr.calibration}`, width, '        ')));
  }
  sectionExtras(s, out, width);
}

function sectionExtras(s: Section, out: string[], width: number): void {
  const c = colours().out;
  if (s.improvementAreas.length) {
    out.push(`  ${c.bold('Improvement areas')}`);
    for (const a of s.improvementAreas) out.push(wrap(a.text, width, '    ☐ ', '      '));
  }
  if (s.evidence?.length) out.push(`  ${c.bold('Evidence:')} ${s.evidence.join('; ')}`);
  if (s.note) out.push(c.dim(wrap(s.note, width, '  ')));
}
