// `profile diff` in the terminal: + added, - removed, ~ renamed; rewordings word by word, git-style
// ([-old-]{+new+}) so they read without colour too.
import type { ProfileDiff, Rewording, WordChange } from '../diff/profile-diff.js';
import { condense, isEmptyDiff } from '../diff/profile-diff.js';
import { colours } from './colour.js';
import { terminalWidth, wrap } from './wrap.js';

export function profileDiffText(d: ProfileDiff, width = terminalWidth()): string {
  const c = colours().out;
  const words = (ws: WordChange[]) =>
    condense(ws)
      .map((w) => (w.op === 'same' ? w.text : w.op === 'removed' ? c.red(`[-${w.text}-]`) : c.green(`{+${w.text}+}`)))
      .join('');
  const rewordLines = (rs: Rewording[], out: string[]) => {
    for (const r of rs) {
      // A profile field (subtitle, purpose) is its own id: named once, then what changed.
      const field = r.field === r.id ? '' : `  ${r.field}`;
      out.push(`  ${c.yellow('~')} ${c.bold(r.id)}${r.from ? c.dim(` (was ${r.from})`) : ''}${field}`);
      if (!r.lines) {
        out.push(wrap(words(r.words), width, '      ', '      '));
        continue;
      }
      // A list: changed lines only, each marked; kept lines are left out.
      for (const l of r.lines) {
        if (l.op === 'same') continue;
        const mark = l.op === 'removed' ? c.red('-') : l.op === 'added' ? c.green('+') : c.yellow('~');
        out.push(wrap(`${mark} ${l.op === 'changed' ? words(l.words!) : l.text}`, width, '      ', '        '));
      }
    }
  };
  const out: string[] = [c.bold(`${d.from} -> ${d.to}`)];
  out.push(
    c.dim(
      wrap(
        d.linked
          ? `${d.to} replaces ${d.from}${d.via.length ? ` (through ${d.via.join(', ')})` : ''}: ids follow the crosswalk.`
          : d.reversed
            ? `${d.to} does not replace ${d.from}: it is the other way round, ${d.from} replaces ${d.to}. Ids are compared as they are; to see what changed, swap them: profile diff ${d.to} ${d.from}`
            : `${d.to} does not replace ${d.from}: ids are compared as they are.`,
        width,
      ),
    ),
  );
  if (isEmptyDiff(d)) return `${out.concat('', 'No differences.').join('\n')}\n`;
  const { items, levels } = d;
  if (items.added.length + items.removed.length + items.renamed.length) {
    out.push('', c.bold('Items'));
    for (const i of items.renamed)
      out.push(`  ${c.yellow('~')} ${i.from} -> ${c.bold(i.to)}  ${c.dim(`${i.kind}, renamed`)}`);
    for (const i of items.removed)
      out.push(wrap(`${c.red('-')} ${i.id}  ${c.dim(i.kind)}  ${i.text}`, width, '  ', '      '));
    for (const i of items.added)
      out.push(wrap(`${c.green('+')} ${c.bold(i.id)}  ${c.dim(i.kind)}  ${i.text}`, width, '  ', '      '));
  }
  if (items.reworded.length) {
    out.push('', c.bold('Reworded'));
    rewordLines(items.reworded, out);
  }
  if (levels.added.length + levels.removed.length + levels.renamed.length + levels.reworded.length || levels.target) {
    out.push('', c.bold('Levels'));
    for (const l of levels.renamed) out.push(`  ${c.yellow('~')} ${l.from} -> ${c.bold(l.to)}`);
    for (const l of levels.removed) out.push(`  ${c.red('-')} ${l}`);
    for (const l of levels.added) out.push(`  ${c.green('+')} ${c.bold(l)}`);
    if (levels.target) out.push(`  target: ${levels.target.from} -> ${c.bold(levels.target.to)}`);
    rewordLines(levels.reworded, out);
  }
  if (d.profile.length) {
    out.push('', c.bold('Profile'));
    rewordLines(d.profile, out);
  }
  out.push('', c.bold(`Records of ${d.from} under ${d.to}`));
  out.push(...recordLines(d).map((l) => wrap(l, width, '  ', '    ')));
  return `${out.join('\n')}\n`;
}

/** Plain sentences on what happens to existing records (shared with Markdown). */
export function recordLines(d: ProfileDiff): string[] {
  const r = d.records;
  const out: string[] = [];
  for (const [from, to] of r.renamed) out.push(`${from}: counted as ${to}`);
  for (const [olds, to] of r.merged)
    out.push(
      `${olds.join(', ')}: all land on ${to}, so a record would carry two ratings for one item; validate rejects this (crosswalk-merge): map all but one of them to null on purpose, or keep them as separate items`,
    );
  for (const id of r.dropped) out.push(`${id}: dropped (no counterpart in ${d.to})`);
  for (const [from, to] of r.levelsRenamed) out.push(`level ${from}: counted as ${to}`);
  for (const id of r.levelsDropped)
    out.push(`level ${id}: dropped; ratings at this level appear as "Not rated" and are left out of the shares`);
  if (r.unrated.length) out.push(`not rated by any record of ${d.from}: ${r.unrated.join(', ')}`);
  if (out.length === 0) out.push('every id and level carries over unchanged');
  return out;
}
