// What the coach reads during an assessment: the criterion card, the review table and the closing summary.
import { terminalWidth, wrap } from './wrap.js';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { levelById, ratedItems, type RatedItem } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import type { PersonalSummary } from '../assess/summary.js';
import { paint } from './colour.js';
import { safeLine, safeText } from '../text-safety.js';

export function itemCard(item: RatedItem, index: number, total: number, ch: ChalkInstance): string {
  const s = item.section;
  const lines = [''];
  // Rated per section: the section is the item, so name its kind instead of repeating the title.
  const where = item.criterion
    ? `${s.number ? `${s.number}. ` : ''}${s.title}`
    : `${s.kind ?? 'Section'} ${s.number ?? ''}`.trim();
  const width = terminalWidth();
  // Every line wrapped by words here: at 60 columns the terminal would otherwise cut words in half.
  lines.push(ch.dim(wrap(`Rating ${index + 1} of ${total} · ${where}`, width)));
  const stem = item.criterion?.stem ? s.stems?.[item.criterion.stem] : item.criterion ? s.stem : undefined;
  if (stem) lines.push(ch.dim(wrap(stem, width)));
  lines.push(
    ch.bold(
      wrap(
        `${item.number ? `${item.number}. ` : ''}${item.title}`,
        width,
        '',
        item.number ? ' '.repeat(item.number.length + 2) : '',
      ),
    ),
  );
  if (item.criterion?.calibration) lines.push(wrap(`In practice: ${item.criterion.calibration}`, width));
  return lines.join('\n');
}

export function itemLabel(item: RatedItem): string {
  return `${item.number ? `${item.number}. ` : ''}${item.title}`;
}

/**
 * An item in a --plain numbered list: its title first, its own number after it ("Provide effective feedback
 * (item 2)"), so a screen reader does not read two numbers in a row ("1) 2. ...") and "2" means the option.
 */
export function plainItemLabel(item: RatedItem): string {
  return item.number ? `${item.title} (item ${item.number})` : item.title;
}

export function levelText(profile: Profile, id: string | undefined, ch: ChalkInstance): string {
  const l = id ? levelById(profile, id) : undefined;
  return l ? paint(ch, l.colour, l.label) : ch.dim('(not yet)');
}

/** Every answer in one table, numbered like the review menu so "change 4" is easy to find. */
export function reviewTable(profile: Profile, rec: PracticeRecord, ch: ChalkInstance, width = 110): string {
  // Column widths from the window (cli-table3 adds a border per column and one more): never wider than it.
  const inner = Math.max(40, width) - 4 - 4;
  const answer = Math.max(16, Math.min(Math.floor(inner * 0.45), inner - 20));
  const t = new Table({
    head: ['', 'Question', 'Your answer'],
    colWidths: [4, inner - answer, answer],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  // The coach's own texts (or an earlier record's, with --from): shown, never acted on by the terminal.
  const ctx = [
    ...Object.entries(rec.group ?? {}).map(([k, v]) => safeLine(`${k}: ${v}`)),
    rec.cycle ? safeLine(`cycle: ${rec.cycle}`) : '',
  ].filter(Boolean);
  t.push(['', 'Context', ctx.join(', ') || ch.dim('(none)')]);
  if (rec.respondent) t.push(['', 'Respondent', safeLine(rec.respondent)]);
  for (const it of ratedItems(profile)) {
    const note = rec.notes?.[it.id] ? `\n${ch.dim(`note: ${safeText(rec.notes[it.id])}`)}` : '';
    t.push([it.number ?? '', it.title, levelText(profile, rec.ratings[it.id], ch) + note]);
  }
  const areaText = new Map(profile.sections.flatMap((s) => s.improvementAreas.map((a) => [a.id, a.text] as const)));
  const areas = (rec.improvementAreas ?? []).map(
    (a) => `• ${typeof a === 'string' ? (areaText.get(a) ?? a) : `${safeLine(a.text)} (own)`}`,
  );
  t.push(['', 'Improvement areas', areas.join('\n') || ch.dim('(none)')]);
  const titles = new Map(ratedItems(profile).map((i) => [i.id, itemLabel(i)] as const));
  t.push([
    '',
    'Priorities (in order)',
    (rec.priorities ?? []).map((p, i) => `${i + 1}) ${titles.get(p) ?? p}`).join('\n') || ch.dim('(none)'),
  ]);
  (rec.actionSteps ?? []).forEach((s, i) => {
    const extra = [s.for ? `for: ${titles.get(s.for) ?? s.for}` : '', s.due ? `due ${s.due}` : '']
      .filter(Boolean)
      .join(' · ');
    t.push(['', `Action step ${i + 1}`, safeLine(s.text) + (extra ? `\n${ch.dim(extra)}` : '')]);
  });
  return t.toString();
}

/** The review for --plain: the same answers as lines, no box drawing, each item numbered once. */
export function reviewList(profile: Profile, rec: PracticeRecord, width = terminalWidth()): string {
  const out: string[] = [];
  const line = (label: string, value: string) => out.push(wrap(`${label}: ${value}`, width, '', '   '));
  const ctx = [
    ...Object.entries(rec.group ?? {}).map(([k, v]) => safeLine(`${k}: ${v}`)),
    rec.cycle ? safeLine(`cycle: ${rec.cycle}`) : '',
  ].filter(Boolean);
  line('Context', ctx.join(', ') || '(none)');
  if (rec.respondent) line('Respondent', safeLine(rec.respondent));
  for (const it of ratedItems(profile)) {
    const l = rec.ratings[it.id] ? levelById(profile, rec.ratings[it.id])?.label : undefined;
    line(itemLabel(it), l ?? '(not yet)');
    if (rec.notes?.[it.id]) out.push(wrap(`Note: ${safeLine(rec.notes[it.id])}`, width, '   '));
  }
  const areaText = new Map(profile.sections.flatMap((s) => s.improvementAreas.map((a) => [a.id, a.text] as const)));
  line(
    'Improvement areas',
    (rec.improvementAreas ?? [])
      .map((a) => (typeof a === 'string' ? (areaText.get(a) ?? a) : `${safeLine(a.text)} (own)`))
      .join('; ') || '(none)',
  );
  const titles = new Map(ratedItems(profile).map((i) => [i.id, i.title] as const));
  line('Priorities, in order', (rec.priorities ?? []).map((p) => titles.get(p) ?? p).join('; then ') || '(none)');
  (rec.actionSteps ?? []).forEach((s, i) => {
    const extra = [s.for ? `for: ${titles.get(s.for) ?? s.for}` : '', s.due ? `due ${s.due}` : '']
      .filter(Boolean)
      .join(', ');
    line(`Action step ${i + 1}`, safeLine(s.text) + (extra ? ` (${extra})` : ''));
  });
  return out.join('\n');
}

export function summaryText(s: PersonalSummary, file: string, ch: ChalkInstance, plain = false): string {
  const width = terminalWidth();
  const out = ['', wrap(`Saved ${safeLine(file)}`, width).replace(/^Saved/, ch.green('Saved')), ''];
  // Wrapped as plain text (so words are never cut by the terminal), then the mark is coloured.
  const row = (r: PersonalSummary['strengths'][number]) =>
    plain
      ? wrap(`${r.title} (${r.label})`, width, '  - ', '    ')
      : wrap(`${r.number ? `${r.number}. ` : ''}${r.title} (${r.label})`, width, '  ■ ', '    ').replace(
          '■',
          paint(ch, r.colour, '■'),
        );
  if (s.partial) out.push(wrap(`Note: ${s.partial}`, width), '');
  out.push(ch.bold('Strengths') + ch.dim(' (at or above target)'));
  out.push(...(s.strengths.length ? s.strengths.map(row) : ['  (none yet: that is what the plan is for)']));
  out.push('', ch.bold('Stretch areas') + ch.dim(' (below target, your priorities first)'));
  out.push(...(s.stretch.length ? s.stretch.map(row) : ['  (none: every item is at target)']));
  out.push('', ch.bold('Your action plan'));
  s.plan.forEach((p, i) => {
    const extra = [p.forTitle ? `for: ${p.forTitle}` : '', p.due ? `due ${p.due}` : ''].filter(Boolean).join(' · ');
    out.push(wrap(safeLine(`${p.text}${extra ? `  (${extra})` : ''}`), width, `  ${i + 1}. `, '     '));
  });
  if (!s.plan.length) out.push('  (no action steps)');
  // Wrapped by words: the file name is one word, never cut.
  out.push('', ch.dim(wrap(`Later, to mark a step in progress or done: profile actions ${safeLine(file)}`, width)), '');
  return out.join('\n');
}
