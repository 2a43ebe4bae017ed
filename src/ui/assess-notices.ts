// Lines \`profile assess\` says without prompts (stderr): the record's context, and what --from did not keep.
import type { Draft } from '../assess/flow.js';
import { safeLine } from '../text-safety.js';
import { terminalWidth, wrap } from './wrap.js';

/**
 * Without prompts, what of last time's (--from) did not become this time's answer, said (stderr): notes,
 * improvement areas and priorities are this year's to give (in --answers), as on a terminal.
 */
export function fromLeftOut(
  draft: Draft,
  known: { notes?: unknown; improvementAreas?: unknown; priorities?: unknown },
): string {
  const d = draft.defaults ?? {};
  const r = draft.rec;
  const parts: string[] = [];
  if (Object.keys(d.notes ?? {}).length && !known.notes) parts.push('notes');
  if (d.improvementAreas?.length && !known.improvementAreas) parts.push('improvement areas');
  if (d.priorities?.length && !known.priorities) parts.push('priorities');
  if (!parts.length) return '';
  const now = [
    parts.includes('improvement areas') ? 'no improvement areas' : '',
    parts.includes('priorities')
      ? r.priorities?.length
        ? `priorities: every item below target, in the profile's order (${r.priorities.join(', ')})`
        : 'no priorities'
      : '',
  ].filter(Boolean);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `${wrap(
    `Not kept from last time: its ${list} (this year's to give, in --answers).${now.length ? ` This record has ${now.join('; ')}.` : ''}`,
    terminalWidth(),
  )}
`;
}

/** "Context: MO · Southeast · Example R-I · cycle 2025-26 baseline (...)": what the record's context holds. */
export function contextLine(rec: { group?: Record<string, string>; cycle?: string }, from?: string): string {
  const parts = [...Object.values(rec.group ?? {}), ...(rec.cycle ? [`cycle ${rec.cycle}`] : [])].map(safeLine);
  if (!parts.length) return 'Context: none (--group key=value and --cycle give one).';
  return `Context: ${parts.join(' · ')} (${from ? `from ${from}; ` : ''}--group and --cycle to change).`;
}
