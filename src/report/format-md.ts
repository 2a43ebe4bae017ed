// `profile report --format md`: the filled-in profile as Markdown, for a coaching partner or a shared drive.
import { STATUS_WORDS, stepDates, type ReportModel } from './model.js';

/** Text in a Markdown line: nothing the coach typed can start a heading, a list or a table. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

export function reportMarkdown(m: ReportModel): string {
  const out: string[] = [`# ${md(m.title)}`, ''];
  const meta = [
    `Profile \`${m.ref}\``,
    `date ${m.date}`,
    m.cycle ? `cycle ${md(m.cycle)}` : '',
    ...m.group.map(([k, v]) => `${md(k)}: ${md(v)}`),
    m.respondent ? `by ${md(m.respondent)}` : '',
  ];
  out.push(meta.filter(Boolean).join(' · '), '');
  if (m.draft) out.push('> **Draft**: this assessment is not finished yet.', '');
  if (m.partial) out.push(`> **About this profile**: ${md(m.partial)}`, '');
  out.push(`**${m.atTarget} of ${m.items.length}** at or above target.`, '', 'Scale:', '');
  for (const l of m.scale)
    out.push(`- **${md(l.label)}**${l.target ? ' (target)' : ''}${l.meaning ? `: ${md(l.meaning)}` : ''}`);
  out.push('', '## Ratings', '');
  let group: string | undefined;
  let stem: string | undefined;
  for (const it of m.items) {
    // A heading or a lead-in stands in its own paragraph (one blank line around it, never two).
    const para = (line: string) => out.push(...(out.at(-1) === '' ? [] : ['']), line, '');
    if (it.group && it.group !== group) para(`### ${md(it.group)}`);
    if (it.stem && (it.stem !== stem || it.group !== group)) para(`_${md(it.stem)}_`);
    group = it.group;
    stem = it.stem;
    const level = it.level ? `**${md(it.level.label)}**${it.level.atTarget ? '' : ' (below target)'}` : '_not rated_';
    out.push(
      `- **${it.number ? `${md(it.number)}. ` : ''}${md(it.title)}**: ${level}${it.priority ? ` · priority ${it.priority}` : ''}`,
    );
    if (it.level) {
      // Several bullets stay a list (nested under the lead-in), as on the screen and in HTML; one is a line.
      const { stem, items } = it.descriptor;
      if (items.length > 1)
        out.push(`  - Rubric${stem ? `: ${md(stem)}` : ':'}`, ...items.map((x) => `    - ${md(x)}`));
      else if (stem || items.length)
        out.push(
          `  - Rubric: ${[stem, ...items]
            .filter(Boolean)
            .map((x) => md(x!))
            .join(' ')}`,
        );
    }
    if (it.note) out.push(`  - Note: ${md(it.note)}`);
  }
  out.push(...(out.at(-1) === '' ? [] : ['']), '## Improvement areas', '');
  out.push(...(m.areas.length ? m.areas.map((a) => `- ${md(a.text)}${a.own ? ' _(own)_' : ''}`) : ['_None ticked._']));
  out.push('', '## Priorities', '');
  out.push(
    ...(m.priorities.length
      ? m.priorities.map(
          (p) =>
            // "1. 6. Title" would be a list in a list: the item's own number goes in bold with its title.
            `${p.n}. ${p.number ? `**${md(p.number)}. ${md(p.title)}**` : md(p.title)}${p.level ? ` (${md(p.level.label)})` : ''}`,
        )
      : ['_None._']),
  );
  out.push('', '## Action plan', '');
  if (!m.steps.length) out.push('_No action steps._');
  for (const s of m.steps) {
    const dates = stepDates(s);
    out.push(
      `${s.n}. ${s.status === 'done' ? '[x]' : '[ ]'} ${md(s.text)} (**${STATUS_WORDS[s.status]}**${s.overdue ? ', **overdue**' : ''})`,
    );
    const extra = [s.forTitle ? `for: ${md(s.forTitle)}` : '', dates.replace(' (overdue)', '')]
      .filter(Boolean)
      .join(' · ');
    if (extra) out.push(`   - ${extra}`);
    for (const p of s.progress) out.push(`   - ${p.date}: ${md(p.text)}`);
  }
  out.push('', `_Private: your own record, for you and your coaching partner; not an evaluation._`, '');
  return out.join('\n');
}
