// `profile report` in the terminal: the filled-in profile, wrapped to the window, colour only adding to words.
// --plain (screen readers): the same in words alone, no ■ marks or bullets.
import type { ChalkInstance } from 'chalk';
import { STATUS_WORDS, plainItemTitle, stepDates, type ReportLevel, type ReportModel } from '../report/model.js';
import { safeLine } from '../text-safety.js';
import { paint } from './colour.js';
import { terminalWidth, wrap } from './wrap.js';

function level(ch: ChalkInstance, l: ReportLevel | undefined): string {
  return l ? `${paint(ch, l.colour, '■')} ${paint(ch, l.colour, l.label)}` : ch.dim('(not rated)');
}

/** Every string from the files made safe to print: control and bidi characters escaped, never obeyed. */
export function safeStrings<T>(v: T): T {
  if (typeof v === 'string') return safeLine(v) as T;
  if (Array.isArray(v)) return v.map(safeStrings) as T;
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, safeStrings(x)])) as T;
  return v;
}

export function reportText(model: ReportModel, ch: ChalkInstance, width = terminalWidth(), plain = false): string {
  const m = safeStrings(model);
  const dot = plain ? ', ' : ' · ';
  const bullet = plain ? '- ' : '• ';
  const out: string[] = [
    ch.bold(wrap(m.title, width)),
    ch.dim(
      wrap(
        [
          m.ref,
          `date ${m.date}`,
          m.cycle ? `cycle ${m.cycle}` : '',
          ...m.group.map(([k, v]) => `${k}: ${v}`),
          m.respondent ? `by ${m.respondent}` : '',
        ]
          .filter(Boolean)
          .join(dot),
        width,
      ),
    ),
  ];
  if (m.draft) out.push(ch.yellow('Draft: this assessment is not finished yet.'));
  if (m.partial) out.push(ch.yellow(wrap(`About this profile: ${m.partial}`, width)));
  out.push('', `${m.atTarget} of ${m.items.length} at or above target. Scale:`);
  for (const l of m.scale) {
    const line = wrap(
      `${l.label}${l.target ? ' (target)' : ''}${l.meaning ? `: ${l.meaning}` : ''}`,
      width,
      plain ? '  - ' : '  ■ ',
      '    ',
    );
    out.push(plain ? line : line.replace('■', paint(ch, l.colour, '■')));
  }
  let group: string | undefined;
  let stem: string | undefined;
  for (const it of m.items) {
    if (it.group && it.group !== group) out.push('', ch.bold(wrap(it.group.toUpperCase(), width)));
    if (it.stem && (it.stem !== stem || it.group !== group)) out.push('', ch.dim(wrap(it.stem, width)));
    group = it.group;
    stem = it.stem;
    out.push('', ch.bold(wrap(`${it.number ? `${it.number}. ` : ''}${it.title}`, width, '', '   ')));
    // Wrapped as plain words first, then the level is coloured, so a narrow window never cuts a word.
    if (plain) {
      const said = `${it.level ? `Level: ${it.level.label}${it.level.atTarget ? '' : ' (below target)'}` : 'Not rated'}${it.priority ? `, priority ${it.priority}` : ''}`;
      out.push(wrap(said, width, '   ', '     '));
    } else {
      const words = `${it.level ? `■ ${it.level.label}${it.level.atTarget ? '' : ' (below target)'}` : '(not rated)'}${it.priority ? ` · priority ${it.priority}` : ''}`;
      out.push(
        wrap(words, width, '   ', '     ').replace(
          it.level ? `■ ${it.level.label}` : '(not rated)',
          level(ch, it.level),
        ),
      );
    }
    if (it.level) {
      if (it.descriptor.stem) out.push(ch.dim(wrap(it.descriptor.stem, width, '   ')));
      for (const x of it.descriptor.items)
        out.push(
          ch.dim(
            wrap(
              x,
              width,
              it.descriptor.items.length > 1 ? `   ${bullet}` : '   ',
              it.descriptor.items.length > 1 ? '     ' : '   ',
            ),
          ),
        );
    }
    if (it.note) out.push(wrap(`Note: ${it.note}`, width, '   ', '         '));
  }
  out.push('', ch.bold('Improvement areas'));
  out.push(
    ...(m.areas.length
      ? m.areas.map((a) => wrap(`${a.text}${a.own ? ' (own)' : ''}`, width, `  ${bullet}`, '    '))
      : ['  (none ticked)']),
  );
  out.push('', ch.bold('Priorities'));
  out.push(
    ...(m.priorities.length
      ? m.priorities.map((p) =>
          wrap(
            // --plain: "1) Powerful questioning (item 6), level Pink", never two numbers in a row ("1) 6. ...").
            plain
              ? `${plainItemTitle(p)}${p.level ? `, level ${p.level.label}` : ''}`
              : `${p.number ? `${p.number}. ` : ''}${p.title}${p.level ? ` (${p.level.label})` : ''}`,
            width,
            `  ${p.n}) `,
            '     ',
          ),
        )
      : ['  (none)']),
  );
  out.push('', ch.bold('Action plan'));
  if (!m.steps.length) out.push('  (no action steps)');
  for (const s of m.steps) {
    const status =
      s.status === 'done'
        ? ch.green(STATUS_WORDS[s.status])
        : s.status === 'in-progress'
          ? ch.yellow(STATUS_WORDS[s.status])
          : STATUS_WORDS[s.status];
    // --plain: the status in words ("Status: planned, OVERDUE"), not in brackets a screen reader speaks.
    out.push(
      `${wrap(s.text, width, `  ${s.n}. `, '     ')}\n     ${plain ? `Status: ${status}` : `[${status}]`}${s.overdue ? `${plain ? ',' : ''} ${ch.red.bold('OVERDUE')}` : ''}`,
    );
    const forTitle = plain ? (s.forPlain ?? s.forTitle) : s.forTitle;
    const extra = [forTitle ? `for: ${forTitle}` : '', stepDates(s).replace(' (overdue)', '').replaceAll(' · ', dot)]
      .filter(Boolean)
      .join(dot);
    if (extra) out.push(ch.dim(wrap(extra, width, '     ')));
    for (const p of s.progress) out.push(wrap(`${p.date}: ${p.text}`, width, '     - ', '       '));
  }
  out.push(
    '',
    ch.dim(wrap('Private: your own record, for you and your coaching partner; not an evaluation.', width)),
    '',
  );
  return out.join('\n');
}
