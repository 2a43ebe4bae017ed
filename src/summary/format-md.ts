// Markdown: one section per profile version and group, tables of the same numbers as the JSON.
import { NOT_RATED, SUPPRESSED, type Cell, type GroupSummary, type ProfileSummary, type Summary } from './model.js';
import { filesLine, groupTitle, walkGroups } from './walk.js';

export const SUPPRESSED_MARK = 'supp.';

/** Markdown-safe inline text: no table breaks, no HTML, no links from data. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function cellText(v: Cell, n?: Cell): string {
  if (v === SUPPRESSED) return SUPPRESSED_MARK;
  if (n === undefined || n === SUPPRESSED || n === 0) return String(v);
  return `${v} (${Math.round((v / n) * 100)}%)`;
}

export function shareText(s: number | null | typeof SUPPRESSED): string {
  if (s === SUPPRESSED) return SUPPRESSED_MARK;
  return s === null ? '–' : `${Math.round(s * 100)}%`;
}

function table(head: string[], rows: string[][]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

function group(p: ProfileSummary, g: GroupSummary, path: GroupSummary[], depth: number): string {
  const h = '#'.repeat(Math.min(6, 3 + depth));
  let out = `${h} ${mdText(groupTitle(path))}: n = ${cellText(g.n)}\n\n`;
  if (g.suppressed) return out + `Suppressed: fewer records than the minimum, or hidden so that a smaller group cannot be worked out.\n\n`;
  const levels = [...p.levels.map((l) => l.id), NOT_RATED];
  const labels = [...p.levels.map((l) => mdText(l.label)), 'Not rated'];
  out += table(
    ['Item', ...labels, `At or above ${mdText(p.target)}`, 'Prioritised'],
    (g.items ?? []).map((it) => {
      const meta = p.items.find((x) => x.id === it.id);
      const name = meta ? `${meta.number ? meta.number + '. ' : ''}${meta.title}` : it.id;
      return [mdText(name), ...levels.map((l) => cellText(it.levels[l], g.n)), shareText(it.share), cellText(g.priorities?.[it.id] ?? 0, g.n)];
    }),
  );
  if (p.improvementAreas.length) {
    out += '\n' + table(['Improvement area', 'Ticked'], p.improvementAreas.map((a) => [mdText(a.text), cellText(g.improvementAreas?.[a.id] ?? 0, g.n)]));
  }
  const st = g.actionSteps;
  if (st) out += '\n' + table(['Action steps', 'Planned', 'In progress', 'Done', 'Total'], [['Number of steps', cellText(st.planned), cellText(st['in-progress']), cellText(st.done), cellText(st.total)]]);
  if (g.text) {
    for (const [title, list] of [['Own improvement areas', g.text.improvementAreas], ['Action steps (text)', g.text.actionSteps]] as const) {
      if (list.length) out += `\n**${title}**\n\n` + list.map((t) => `- ${mdText(t.text)}${t.count > 1 ? ` (×${t.count})` : ''}`).join('\n') + '\n';
    }
  }
  if (g.groupsSuppressed) out += `\nSubgroups not shown: showing them would reveal a small group.\n`;
  return out + '\n';
}

export function formatMarkdown(s: Summary): string {
  let out = `# Practice profile summary\n\n`;
  out += `Minimum group size ${s.minN}. "${SUPPRESSED_MARK}" = suppressed (too few to show, or hidden so that a small number cannot be worked out).`;
  out += s.by.length ? ` Grouped by ${s.by.map(mdText).join(' > ')}.` : '';
  out += s.as ? ` Earlier versions counted as ${mdText(s.as)}.` : '';
  out += `\n\n${mdText(filesLine(s))}\n\n`;
  if (s.profiles.length === 0) out += 'No records to summarize.\n';
  for (const p of s.profiles) {
    out += `## ${mdText(p.title)} (${mdText(p.profile)})\n\n`;
    walkGroups(p.total, (g, path) => {
      out += group(p, g, path, path.length - 1);
    });
  }
  return out;
}
