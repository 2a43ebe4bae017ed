// A profile as Markdown that reads like the paper form: a rubric table for section-rated profiles,
// criteria under their stems with improvement areas for criterion-rated ones.
import { descriptorsFor, profileRef, ratedItems, ratedUnit, type ResolvedDescriptor } from '../profile/model.js';
import type { Profile, Section } from '../profile/schema.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');

export function profileMarkdown(p: Profile): string {
  const out: string[] = [`# ${esc(p.title)}`, ''];
  if (p.subtitle) out.push(`*${esc(p.subtitle)}*`, '');
  out.push(
    `Profile \`${profileRef(p)}\`${p.released ? `, released ${p.released}` : ''}${p.replaces ? `; replaces \`${p.replaces}\`` : ''}.`,
    '',
  );
  if (p.status === 'partial') out.push(`> **Partial transcription.** ${esc(p.statusNote ?? '')}`, '');
  if (p.projectChoices?.length)
    out.push("**Not in the source (the project's choices):**", '', ...p.projectChoices.map((x) => `- ${esc(x)}`), '');
  if (p.purpose) out.push('## Purpose', '', p.purpose, '');
  if (p.foundation) out.push(`**Foundation.** ${esc(p.foundation)}`, '');
  out.push('## Scale', '');
  for (const l of p.scale.levels) {
    out.push(
      `- **${esc(l.label)}**${l.id === p.scale.target ? ' (target)' : ''}${l.description ? `: ${esc(l.description)}` : ''}`,
    );
  }
  out.push('');
  if (p.process.steps?.length) {
    out.push('## Process', '', ...p.process.steps.map((s, i) => `${i + 1}. ${s}`), '');
  }
  const { min, max } = p.process.actionSteps;
  out.push(`Rated per ${ratedUnit(p)}; ${min === max ? min : `${min}-${max}`} action steps.`, '');
  if (p.process.rate === 'section') out.push(...rubricTable(p));
  else for (const s of p.sections) out.push(...criteriaSection(s));
  if (p.crosswalk && p.replaces) {
    out.push(`## Crosswalk from ${p.replaces}`, '', '| earlier id | id in this version |', '| --- | --- |');
    for (const [from, to] of Object.entries(p.crosswalk))
      out.push(`| \`${from}\` | ${to ? `\`${to}\`` : '(no counterpart)'} |`);
    for (const [from, to] of Object.entries(p.levelCrosswalk ?? {}))
      out.push(`| level \`${from}\` | ${to ? `level \`${to}\`` : '(no counterpart)'} |`);
    out.push('');
  }
  out.push('## Source', '', esc(p.source.citation), ...(p.source.urls ?? []).map((u) => `- <${u}>`), '');
  return out.join('\n');
}

function cell(d: ResolvedDescriptor): string {
  const parts: string[] = [];
  if (d.sameAs) parts.push(`*Same as ${esc(d.sameAs.label)}.*`);
  if (d.missing) parts.push('*(generic meaning of the level; no descriptor in the source)*');
  if (d.stem) parts.push(esc(d.stem));
  parts.push(...d.items.map((i) => `• ${esc(i)}`));
  if (d.note && !d.sameAs) parts.push(`*Note: ${esc(d.note)}*`);
  return parts.join('<br>');
}

function rubricTable(p: Profile): string[] {
  const levels = p.scale.levels;
  const hasEvidence = p.sections.some((s) => s.evidence?.length);
  const unit = ratedUnit(p);
  const head = [
    unit.charAt(0).toUpperCase() + unit.slice(1),
    ...levels.map((l) => esc(l.label) + (l.id === p.scale.target ? ' (target)' : '')),
    ...(hasEvidence ? ['Evidence'] : []),
  ];
  const rows = ratedItems(p).map((item) => {
    const title = `**${item.number ? `${item.number}. ` : ''}${esc(item.title)}** \`${item.id}\``;
    const cells = descriptorsFor(p, item).map(cell);
    return [title, ...cells, ...(hasEvidence ? [(item.section.evidence ?? []).map(esc).join('<br>')] : [])];
  });
  return [
    '## Rubric',
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

function criteriaSection(s: Section): string[] {
  const out = [`## ${s.number ? `${s.number}. ` : ''}${esc(s.title)}${s.kind ? ` (${esc(s.kind)})` : ''}`, ''];
  if (s.stem) out.push(esc(s.stem), '');
  out.push('**Target performance**', '');
  let stem: string | undefined;
  for (const c of s.criteria) {
    if (c.stem !== stem) {
      stem = c.stem;
      if (stem && s.stems?.[stem]) out.push('', `*${stem.toUpperCase()}. ${esc(s.stems[stem])}*`, '');
    }
    out.push(`${c.number ?? '-'}. ${esc(c.text)} \`${c.id}\``);
    if (c.calibration) out.push(`   - *Shared understanding:* ${esc(c.calibration)}`);
  }
  out.push('');
  if (s.improvementAreas.length) {
    out.push(
      '**Improvement areas** (not an exhaustive list; add your own)',
      '',
      ...s.improvementAreas.map((a) => `- [ ] ${esc(a.text)} \`${a.id}\``),
      '',
    );
  }
  if (s.evidence?.length) out.push(`**Evidence:** ${s.evidence.map(esc).join('; ')}`, '');
  if (s.note) out.push(`*${esc(s.note)}*`, '');
  return out;
}
