// One question of the assessment asked through an Asker; returns an Answer for the pure flow, or BACK.
import type { ChalkInstance } from 'chalk';
import {
  belowTarget,
  currentValue,
  isValidDay,
  type AreaAnswer,
  type Answer,
  type Draft,
  type LastTime,
  type Question,
} from '../assess/flow.js';
import { descriptorsFor, levelById, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { itemCard, itemLabel } from '../ui/assess-view.js';
import { BACK, type Asker, type Back, type Choice } from './asker.js';
import { terminalWidth, wrap } from '../ui/wrap.js';

const USUAL_GROUP_KEYS = ['state', 'region', 'district', 'building'];

/** `commit` saves a part-answer at once (a rating before its optional note), so Ctrl-C loses nothing chosen. */
export async function askQuestion(
  asker: Asker,
  profile: Profile,
  d: Draft,
  q: Question,
  ch: ChalkInstance,
  commit?: (a: Answer) => void,
): Promise<Answer | Back> {
  const cur = currentValue(profile, d, q);
  switch (q.kind) {
    case 'context':
      return askContext(asker, cur?.kind === 'context' ? cur : undefined, d.defaults?.lastTime?.cycle);
    case 'rating': {
      const item = ratedItems(profile).find((i) => i.id === q.item)!;
      asker.say(itemCard(item, q.index, q.total, ch));
      const last = d.defaults?.lastTime;
      const lastLevel = last?.ratings[q.item];
      if (last && lastLevel)
        asker.say(`Last time (${lastWhen(last)}): ${levelById(profile, lastLevel)?.label ?? lastLevel}`);
      const choices: Choice<string>[] = descriptorsFor(profile, item).map((desc) => ({
        value: desc.level.id,
        label: desc.level.label + (desc.level.id === lastLevel ? ' (last time)' : ''),
        colour: desc.level.colour,
        hint:
          [
            desc.sameAs ? `(as ${desc.sameAs.label})` : '',
            desc.missing ? '(general meaning of this level; the profile has no descriptor here)' : '',
            desc.stem ?? '',
            ...desc.items.map((x) => `• ${x}`),
          ]
            .filter(Boolean)
            .join('\n') || undefined,
      }));
      const prev = cur?.kind === 'rating' ? cur : undefined;
      let def = prev?.level;
      for (;;) {
        const level = await asker.select({ message: 'Where is your practice now?', choices, default: def, back: true });
        if (level === BACK) return BACK;
        commit?.({ kind: 'rating', level, note: prev?.note });
        const note = await asker.input({
          message: `Private note (optional, Enter to ${prev?.note ? 'keep, - to clear' : 'skip'})`,
          default: prev?.note,
          back: true,
        });
        if (note === BACK) {
          def = level; // back from the note: the level of this item again
          continue;
        }
        return { kind: 'rating', level, note: note === '-' ? undefined : note };
      }
    }
    case 'areas':
      return askAreas(asker, profile, cur?.kind === 'areas' ? cur.areas : undefined);
    case 'priorities':
      return askPriorities(asker, profile, d, cur?.kind === 'priorities' ? cur.priorities : []);
    case 'step':
      return askStep(asker, profile, d, q, cur?.kind === 'step' ? (cur.step ?? undefined) : undefined);
    case 'review':
      throw new Error('the review is asked by the session');
  }
}

async function askContext(
  asker: Asker,
  cur?: { group?: Record<string, string>; cycle?: string },
  lastCycle?: string,
): Promise<Answer | Back> {
  asker.say(
    `\n${wrap('Context (optional): what your facilitator groups reports by. Enter keeps the value shown (or skips), type - to clear it.', terminalWidth())}`,
  );
  const keys = [...new Set([...USUAL_GROUP_KEYS, ...Object.keys(cur?.group ?? {})])];
  // One field after another; "<" goes back a field (the first one has nothing before it).
  const fields = [
    ...keys.map((k) => ({ key: k, message: `${k[0].toUpperCase()}${k.slice(1)}`, def: cur?.group?.[k] })),
    {
      key: '',
      message: `Cycle (e.g. 2025-26 baseline${lastCycle ? `; last time: ${lastCycle}` : ''})`,
      def: cur?.cycle,
    },
  ];
  const got: (string | undefined)[] = fields.map((f) => f.def);
  for (let i = 0; i < fields.length; ) {
    const v = await asker.input({ message: fields[i].message, default: got[i], back: i > 0 });
    if (v === BACK) {
      i--;
      continue;
    }
    got[i++] = v;
  }
  const group: Record<string, string> = {};
  keys.forEach((k, i) => {
    const v = got[i];
    if (v && v !== '-') group[k] = v;
  });
  const cycle = got[fields.length - 1];
  return { kind: 'context', group, cycle: !cycle || cycle === '-' ? undefined : cycle };
}

async function askAreas(asker: Asker, profile: Profile, cur: AreaAnswer[] = []): Promise<Answer | Back> {
  const key = (a: AreaAnswer) => (typeof a === 'string' ? a : `text:${a.text}`);
  const listed: Choice<string>[] = profile.sections.flatMap((s) =>
    s.improvementAreas.map((a) => ({ value: a.id, label: a.text })),
  );
  // "<" in an own area goes back to the ticks (kept, with the areas added so far), or to the question before.
  for (let current = cur; ; ) {
    const own = current.filter((a): a is { text: string } => typeof a !== 'string');
    const choices = [...listed, ...own.map((a) => ({ value: key(a), label: `${a.text} (your own)` }))];
    let picked: string[] = [];
    if (choices.length) {
      asker.say('\nImprovement areas: which may need attention to reach the target?');
      const got = await asker.checkbox({
        message: 'Tick those that apply',
        choices,
        checked: current.map(key),
        back: true,
      });
      if (got === BACK) return BACK;
      picked = got;
    } else {
      asker.say('\nImprovement areas: this profile lists none, so add your own (or none).');
    }
    const areas: AreaAnswer[] = picked.map((v) => (v.startsWith('text:') ? { text: v.slice(5) } : v));
    let back = false;
    for (;;) {
      const t = await asker.input({ message: 'Add an improvement area of your own (Enter when done)', back: true });
      if (t === BACK) back = true;
      if (t === BACK || !t) break;
      areas.push({ text: t });
    }
    if (!back) return { kind: 'areas', areas };
    if (!choices.length && areas.length === 0) return BACK;
    current = areas;
  }
}

async function askPriorities(asker: Asker, profile: Profile, d: Draft, cur: string[]): Promise<Answer | Back> {
  const offered = belowTarget(profile, d.rec);
  asker.say(
    `\nPriorities: ${offered.length === 1 ? '1 item is' : `${offered.length} items are`} below target. Pick them in order, most important first.`,
  );
  const last = d.defaults?.lastTime;
  if (last) {
    const items = ratedItems(profile);
    const was = last.priorities.map((p, i) => {
      const it = items.find((x) => x.id === p);
      const level = last.ratings[p] ? levelById(profile, last.ratings[p])?.label : undefined;
      return `  ${i + 1}) ${it ? (asker.plain ? it.title : itemLabel(it)) : p}${level ? ` (then ${level})` : ''}`;
    });
    asker.say(
      was.length
        ? `Last time (${lastWhen(last)}) your priorities were:\n${was.join('\n')}`
        : `Last time (${lastWhen(last)}) you set no priorities that carry over to this version.`,
    );
  }
  const levelOf = (id: string) => levelById(profile, d.rec.ratings[id])?.label;
  const chosen: string[] = [];
  for (;;) {
    const left = offered.filter((i) => !chosen.includes(i.id));
    if (!left.length) break;
    // --plain: the list's own numbers are the only ones, and Enter alone never picks a priority.
    const choices: Choice<string>[] = left.map((i) => ({
      value: i.id,
      label: `${asker.plain ? i.title : itemLabel(i)} (${levelOf(i.id)})`,
    }));
    if (chosen.length) choices.push({ value: '', label: 'That is all my priorities' });
    const def = cur.find((p) => !chosen.includes(p)) ?? (chosen.length && cur.length ? '' : left[0].id);
    const got = await asker.select({
      message: `Priority ${chosen.length + 1}`,
      choices,
      default: asker.plain ? undefined : def,
      back: true,
    });
    if (got === BACK) {
      if (!chosen.length) return BACK;
      chosen.pop(); // back undoes the last pick before leaving the question
      continue;
    }
    if (!got) break;
    chosen.push(got);
  }
  return { kind: 'priorities', priorities: chosen };
}

async function askStep(
  asker: Asker,
  profile: Profile,
  d: Draft,
  q: Extract<Question, { kind: 'step' }>,
  cur?: { text: string; for?: string; due?: string },
): Promise<Answer | Back> {
  const { min, max } = profile.process.actionSteps;
  if (q.index === 0)
    asker.say(
      `\nAction steps: ${min === max ? min : `${min} to ${max}`} steps that will move your practice toward the target.`,
    );
  // An answered step shows its text as the default (Enter keeps it), so removing one needs its own key.
  const finish = !q.optional ? '' : cur ? ' (- to remove this step)' : ' (Enter with no text to finish)';
  const text = await asker.input({
    message: `Action step ${q.index + 1}: what will you do?${finish}`,
    default: cur?.text,
    back: true,
    validate: (s) => (s || q.optional ? true : 'Please describe the step (a sentence is enough).'),
  });
  if (text === BACK) return BACK;
  if (!text || (q.optional && text === '-')) return { kind: 'step', step: null };
  const items = ratedItems(profile);
  const prios = (d.rec.priorities ?? []).map((p) => items.find((i) => i.id === p)!).filter(Boolean);
  let forId: string | undefined;
  if (prios.length) {
    const choices: Choice<string>[] = [
      ...prios.map((i) => ({ value: i.id, label: itemLabel(i) })),
      { value: '', label: '(not linked to one priority)' },
    ];
    const got = await asker.select({
      message: 'Which priority does it address?',
      choices,
      default: cur?.for ?? prios[q.index % prios.length].id,
      back: true,
    });
    if (got === BACK) return BACK;
    forId = got || undefined;
  }
  const due = await asker.input({
    message: 'Due date (YYYY-MM-DD, optional)',
    default: cur?.due,
    validate: (s) => (!s || s === '-' || isValidDay(s) ? true : 'A date looks like 2026-01-31 (or leave it empty).'),
  });
  if (due === BACK) return BACK;
  return { kind: 'step', step: { text, for: forId, due: due && due !== '-' ? due : undefined } };
}

/** "2025-09-14, 2025-26 baseline": when the record --from starts from was made. */
function lastWhen(l: LastTime): string {
  return l.cycle ? `${l.date}, ${l.cycle}` : l.date;
}
