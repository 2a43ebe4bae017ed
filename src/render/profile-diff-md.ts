// `profile diff --format md`: the same report as the terminal's, for a pull request or release notes.
import type { ProfileDiff, Rewording, WordChange } from '../diff/profile-diff.js';
import { condense, isEmptyDiff } from '../diff/profile-diff.js';

const esc = (s: string) => s.replace(/([\\`*_~|<[\]])/g, '\\$1').replace(/\r?\n/g, ' ');
const words = (ws: WordChange[]) =>
  condense(ws)
    .map((w) =>
      w.op === 'same'
        ? esc(w.text)
        : w.text.trim() === ''
          ? w.text
          : w.op === 'removed'
            ? `~~${esc(w.text.trim())}~~ `
            : `**${esc(w.text.trim())}** `,
    )
    .join('')
    .replace(/ +/g, ' ')
    .trim();

function rewordings(title: string, rs: Rewording[]): string[] {
  if (!rs.length) return [];
  const change = (r: Rewording) =>
    r.lines
      ? r.lines
          .filter((l) => l.op !== 'same')
          .map((l) =>
            l.op === 'changed' ? words(l.words!) : l.op === 'removed' ? `~~${esc(l.text)}~~` : `**${esc(l.text)}**`,
          )
          .join('<br>')
      : words(r.words);
  return [
    `### ${title}`,
    '',
    '| id | field | change (~~removed~~ **added**) |',
    '| --- | --- | --- |',
    ...rs.map((r) => `| \`${r.id}\`${r.from ? ` (was \`${r.from}\`)` : ''} | ${esc(r.field)} | ${change(r)} |`),
    '',
  ];
}

export function profileDiffMarkdown(d: ProfileDiff, recordLines: string[]): string {
  const out: string[] = [`## \`${d.from}\` → \`${d.to}\``, ''];
  out.push(
    d.linked
      ? `\`${d.to}\` replaces \`${d.from}\`${d.via.length ? ` (through ${d.via.map((v) => `\`${v}\``).join(', ')})` : ''}: ids follow the crosswalk.`
      : d.reversed
        ? `\`${d.to}\` does not replace \`${d.from}\`: it is the other way round, \`${d.from}\` replaces \`${d.to}\`. Ids are compared as they are; to see what changed, swap them: \`profile diff ${d.to} ${d.from}\``
        : `\`${d.to}\` does not replace \`${d.from}\`: ids are compared as they are.`,
    '',
  );
  if (isEmptyDiff(d)) return out.concat('No differences.', '').join('\n');
  const { items, levels } = d;
  const list = (title: string, lines: string[]) =>
    lines.length ? [`### ${title}`, '', ...lines.map((l) => `- ${l}`), ''] : [];
  out.push(
    ...list(
      'Items renamed',
      items.renamed.map((i) => `\`${i.from}\` → \`${i.to}\` (${i.kind})`),
    ),
    ...list(
      'Items removed',
      items.removed.map((i) => `\`${i.id}\` (${i.kind}): ${esc(i.text)}`),
    ),
    ...list(
      'Items added',
      items.added.map((i) => `\`${i.id}\` (${i.kind}): ${esc(i.text)}`),
    ),
    ...rewordings('Reworded', items.reworded),
    ...list('Levels', [
      ...levels.renamed.map((l) => `\`${l.from}\` → \`${l.to}\``),
      ...levels.removed.map((l) => `removed \`${l}\``),
      ...levels.added.map((l) => `added \`${l}\``),
      ...(levels.target ? [`target \`${levels.target.from}\` → \`${levels.target.to}\``] : []),
    ]),
    ...rewordings('Levels reworded', levels.reworded),
    ...rewordings('Profile', d.profile),
    ...list(`Records of \`${d.from}\` under \`${d.to}\``, recordLines.map(esc)),
  );
  return out.join('\n');
}
