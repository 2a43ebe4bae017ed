// A profile in the terminal, laid out like the paper form.
import { descriptorsFor, profileRef, ratedItems, ratedUnit } from '../profile/model.js';
import type { Profile, Section } from '../profile/schema.js';
import { colours, paint } from './colour.js';
import { terminalWidth, wrap } from './wrap.js';

export function profileText(p: Profile, width = terminalWidth()): string {
  const c = colours().out;
  const out: string[] = [heading(p.title, `  ${profileRef(p)}`, width)];
  if (p.subtitle) out.push(wrap(p.subtitle, width));
  if (p.status === 'partial')
    out.push('', c.yellow(wrap(`Partial: ${p.statusNote ?? 'some parts of the source were not found.'}`, width)));
  if (p.projectChoices?.length) {
    out.push('', c.dim(wrap("Not in the source (the project's choices):", width)));
    for (const x of p.projectChoices) out.push(c.dim(wrap(x, width, '  - ', '    ')));
  }
  if (p.purpose) out.push('', wrap(p.purpose, width));
  if (p.foundation) out.push('', wrap(p.foundation, width));
  const scale = p.scale.levels.map((l) => ({
    plain: `■ ${l.label}${l.id === p.scale.target ? ' (target)' : ''}`,
    coloured: `${paint(c, l.colour, '■')} ${l.label}${l.id === p.scale.target ? c.dim(' (target)') : ''}`,
  }));
  const { min, max } = p.process.actionSteps;
  out.push(
    '',
    scaleLine(scale, width),
    c.dim(wrap(`Rated per ${ratedUnit(p)}; ${min === max ? min : `${min}-${max}`} action steps.`, width)),
  );
  if (p.process.steps?.length) {
    out.push('', c.bold('How to use it'));
    p.process.steps.forEach((s, i) => out.push(wrap(s, width, `  ${i + 1}. `, '     ')));
  }
  if (p.process.rate === 'section') {
    for (const item of ratedItems(p)) {
      const s = item.section;
      out.push('', heading(`${s.kind ? `${s.kind} ` : ''}${s.number ?? ''}. ${s.title}`, `  [${s.id}]`, width));
      for (const d of descriptorsFor(p, item)) {
        const head =
          paint(c, d.level.colour, '■') +
          ' ' +
          c.bold(d.level.label) +
          (d.level.id === p.scale.target ? c.dim(' (target)') : '');
        const plainHead = `  ■ ${d.level.label}${d.level.id === p.scale.target ? ' (target)' : ''}`;
        const tail = d.sameAs ? `same as ${d.sameAs.label}` : d.missing ? '(generic meaning; not in the source)' : '';
        // The tail on the level's line when it fits, else under it: a narrow window never cuts it.
        const fits = plainHead.length + 2 + tail.length <= width;
        out.push(`  ${head}${tail ? c.dim(fits ? `  ${tail}` : `\n    ${tail}`) : ''}`);
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
    out.push(heading(`Crosswalk from ${p.replaces}`, '  (ids not listed keep their meaning)', width));
    for (const [from, to] of walk) {
      const line = wrap(`${from} -> ${to ?? '(no counterpart: dropped)'}`, width, '  ', '      ');
      const at = line.indexOf(' -> ') + 4;
      out.push(to ? line : line.slice(0, at) + c.dim(line.slice(at)));
    }
  }
  out.push('', c.dim(wrap(`Source: ${p.source.citation}`, width)));
  return `${out.join('\n')}\n`;
}

function criteriaSection(s: Section, out: string[], width: number): void {
  const c = colours().out;
  out.push(
    '',
    heading(
      `${s.number ? `${s.number}. ` : ''}${s.title.toUpperCase()}${s.kind ? ` (${s.kind})` : ''}`,
      `  [${s.id}]`,
      width,
    ),
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
  if (s.evidence?.length)
    out.push(wrap(`Evidence: ${s.evidence.join('; ')}`, width, '  ', '    ').replace('Evidence:', c.bold('Evidence:')));
  if (s.note) out.push(c.dim(wrap(s.note, width, '  ')));
}

/**
 * A bold heading and its dim tail ("  [relationships]"), wrapped by words; the tail goes on the last line when
 * it fits there, else on a line of its own.
 */
function heading(text: string, tail: string, width: number): string {
  const c = colours().out;
  const head = wrap(text, width, '', '  ');
  const last = head.slice(head.lastIndexOf('\n') + 1);
  return c.bold(head) + c.dim(last.length + tail.length <= width ? tail : `\n  ${tail.trim()}`);
}

/** "Scale: ■ Green ...   ■ Yellow ...", a level never split between lines. */
function scaleLine(levels: { plain: string; coloured: string }[], width: number): string {
  const lines: string[] = [];
  let line = 'Scale:';
  let plain = line.length;
  for (const l of levels) {
    if (plain > 7 && plain + 3 + l.plain.length > width) {
      lines.push(line);
      line = `       ${l.coloured}`;
      plain = 7 + l.plain.length;
    } else {
      line += plain === 6 ? ` ${l.coloured}` : `   ${l.coloured}`;
      plain += (plain === 6 ? 1 : 3) + l.plain.length;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
