// One question of the assessment asked through an Asker; returns an Answer for the pure flow, or BACK.
import type { ChalkInstance } from 'chalk';
import {
  belowTarget,
  currentValue,
  dueDateProblem,
  lastTimeValue,
  type AreaAnswer,
  type Answer,
  type Draft,
  type LastTime,
  type Question,
} from '../assess/flow.js';
import { descriptorsFor, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { itemCard, itemLabel } from '../ui/assess-view.js';
import { BACK, isBackWithTicks, type Asker, type Back, type Choice } from './asker.js';
import { terminalWidth, wrap } from '../ui/wrap.js';

const USUAL_GROUP_KEYS = ['state', 'region', 'district', 'building'];
/** Typed at a note to keep last time's note (`--from`): Enter alone skips, as everywhere else. */
const SAME = 'same';

/** Back, but save this part-answer first (ticks made before "<"), so going back loses nothing. */
export interface BackKeeping {
  back: Back;
  keep: Answer;
}

/**
 * `commit` saves a part-answer at once (a rating before its optional note), so Ctrl-C loses nothing chosen.
 * Last time's answers (`--from`) are shown, labelled, beside each question; a rating, an area tick or a
 * priority is never taken from them by Enter alone. Texts (a note, a step) are offered with "Enter keeps
 * last time's", said in the question.
 */
export async function askQuestion(
  asker: Asker,
  profile: Profile,
  d: Draft,
  q: Question,
  ch: ChalkInstance,
  commit?: (a: Answer) => void,
): Promise<Answer | Back | BackKeeping> {
  const cur = currentValue(profile, d, q);
  const then = lastTimeValue(profile, d, q);
  switch (q.kind) {
    case 'context':
      return askContext(
        asker,
        cur?.kind === 'context' ? cur : undefined,
        d.defaults?.lastTime?.cycle ?? d.defaults?.rememberedCycle,
        q.fromEnd,
      );
    case 'rating': {
      const item = ratedItems(profile).find((i) => i.id === q.item)!;
      const last = d.defaults?.lastTime;
      const lastLevel = last?.ratings[q.item];
      // The heading ("Rating 4 of 5") and last time's level before every asking, a re-asked one too ("<").
      const heading = () => {
        asker.say(itemCard(item, q.index, q.total, ch));
        if (last && lastLevel)
          asker.say(`Last time (${lastWhen(last)}): ${levelById(profile, lastLevel)?.label ?? lastLevel}`);
      };
      const choices: Choice<string>[] = descriptorsFor(profile, item).map((desc) => ({
        value: desc.level.id,
        label: desc.level.label,
        tag:
          [
            desc.level.id === lastLevel ? '(last time)' : '',
            cur?.kind === 'rating' && desc.level.id === cur.level ? '(your answer)' : '',
          ]
            .filter(Boolean)
            .join(' ') || undefined,
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
      // Only this assessment's own answer (a question asked again) puts the cursor on a level.
      const prev = cur?.kind === 'rating' ? cur : undefined;
      // Last time's note is offered while this time's note is unanswered: a new question, or one whose note
      // was open when the last session stopped (its level saved, its note never given).
      const lastNote = (!prev || (q.noteOpen && !prev.note)) && then?.kind === 'rating' ? then.note : undefined;
      let def = prev?.level;
      // A session stopped in this note (its level saved), or "<" from the question after: the note is asked
      // straight away; "<" goes on to the level.
      let noteFirst = Boolean((q.noteOpen || q.atNote) && prev);
      for (;;) {
        heading();
        let level: string | Back;
        if (noteFirst && prev) {
          noteFirst = false;
          level = prev.level;
          const label = levelById(profile, level)?.label ?? level;
          asker.say(q.noteOpen ? `Your rating (saved): ${label}` : `Your rating: ${label} (< to change it)`);
        } else {
          level = await asker.select({
            message: 'Where is your practice now?',
            choices,
            default: def,
            defaultTag: prev ? '(your answer)' : undefined,
            back: true,
            said: (c) => `Rated: ${c.label}`,
          });
          if (level === BACK) return BACK;
        }
        commit?.({ kind: 'rating', level, note: prev?.note });
        if (lastNote) asker.say(wrap(`Last time's note: "${lastNote}"`, terminalWidth(), '', '  '));
        // Enter skips a note, as at every other item: last time's note is kept only when asked for ("same").
        const note = await asker.input({
          message: lastNote
            ? `Private note (optional; Enter to skip, type ${SAME} to keep last time's note)`
            : `Private note (optional, Enter to ${prev?.note ? 'keep, - to clear' : 'skip'})`,
          default: prev?.note,
          back: true,
        });
        if (note === BACK) {
          def = level; // back from the note: the level of this item again
          continue;
        }
        if (lastNote && note.trim().toLowerCase() === SAME) {
          asker.say("Kept last time's note.");
          return { kind: 'rating', level, note: lastNote };
        }
        return { kind: 'rating', level, note: note === '-' ? undefined : note };
      }
    }
    case 'areas':
      return askAreas(
        asker,
        profile,
        cur?.kind === 'areas' ? cur.areas : undefined,
        then?.kind === 'areas' ? then.areas : [],
        commit,
      );
    case 'priorities':
      return askPriorities(asker, profile, d, cur?.kind === 'priorities' ? cur.priorities : []);
    case 'step':
      return askStep(
        asker,
        profile,
        d,
        q,
        cur?.kind === 'step' ? (cur.step ?? undefined) : undefined,
        then?.kind === 'step' ? (then.step ?? undefined) : undefined,
      );
    case 'review':
      throw new Error('the review is asked by the session');
  }
}

async function askContext(
  asker: Asker,
  cur?: { group?: Record<string, string>; cycle?: string },
  lastCycle?: string,
  fromEnd?: boolean,
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
  for (let i = fromEnd ? fields.length - 1 : 0; i < fields.length; ) {
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

/** Last time's areas (`--from`) are marked "(last time)", not ticked: the coach ticks what applies now. */
async function askAreas(
  asker: Asker,
  profile: Profile,
  saved: AreaAnswer[] | undefined,
  last: AreaAnswer[] = [],
  commit?: (a: Answer) => void,
): Promise<Answer | Back | BackKeeping> {
  const cur = saved ?? [];
  const key = (a: AreaAnswer) => (typeof a === 'string' ? a : `text:${a.text}`);
  const lastKeys = new Set(last.map(key));
  const tag = (k: string) => (lastKeys.has(k) ? '(last time)' : undefined);
  const listed: Choice<string>[] = profile.sections.flatMap((s) =>
    s.improvementAreas.map((a) => ({ value: a.id, label: a.text, tag: tag(a.id) })),
  );
  const toAreas = (vs: string[]): AreaAnswer[] => vs.map((v) => (v.startsWith('text:') ? { text: v.slice(5) } : v));
  // "<" in an own area goes back to the ticks (kept, with the areas added so far), or to the question before.
  for (let current = cur; ; ) {
    const own = current.filter((a): a is { text: string } => typeof a !== 'string');
    const lastOwn = last.filter(
      (a): a is { text: string } => typeof a !== 'string' && !own.some((o) => o.text === a.text),
    );
    const choices = [
      ...listed,
      ...own.map((a) => ({ value: key(a), label: `${a.text} (your own)`, tag: tag(key(a)) })),
      ...lastOwn.map((a) => ({ value: key(a), label: `${a.text} (your own)`, tag: '(last time)' })),
    ];
    let picked: string[] = [];
    if (choices.length) {
      asker.say('\nImprovement areas: which may need attention to reach the target?');
      if (lastKeys.size) asker.say('Areas marked (last time) were ticked last time: tick the ones that apply now.');
      const got = await asker.checkbox({
        message: 'Tick those that apply',
        choices,
        checked: current.map(key),
        back: true,
      });
      if (isBackWithTicks(got)) {
        // Ticks (and own areas added) on this screen are kept (saved), then back to the question before.
        // Compared with what is saved, not with this screen's start: a return from the own areas is unsaved.
        const ticked = toAreas(got.ticked);
        const same = JSON.stringify(ticked) === JSON.stringify(saved ?? []);
        return !same ? { back: BACK, keep: { kind: 'areas', areas: ticked } } : BACK;
      }
      picked = got;
      // Saved as soon as the list is answered, each own area as soon as it is entered: Ctrl-C loses none.
      commit?.({ kind: 'areas', areas: toAreas(picked) });
    } else {
      asker.say('\nImprovement areas: this profile lists none, so add your own (or none).');
    }
    const areas: AreaAnswer[] = toAreas(picked);
    let back = false;
    for (;;) {
      const t = await asker.input({ message: 'Add an improvement area of your own (Enter when done)', back: true });
      if (t === BACK) back = true;
      if (t === BACK || !t) break;
      areas.push({ text: t });
      // Nothing is redrawn in --plain: the area is said back, as a tick or a choice is.
      if (asker.plain) asker.say(`Added: ${t}`);
      commit?.({ kind: 'areas', areas: [...areas] });
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
    // Last time's numbers kept: priority 2 stays "2)" when priority 1 has no counterpart in this version.
    const list = last.priorityList ?? last.priorities.map((id) => ({ id, was: id }));
    const was = list.map((p, i) => {
      const it = p.id ? items.find((x) => x.id === p.id) : undefined;
      if (!p.id || !it) return `  ${i + 1}) ${p.was} (not in ${profileRef(profile)}: it could not come along)`;
      const level = last.ratings[p.id] ? levelById(profile, last.ratings[p.id])?.label : undefined;
      return `  ${i + 1}) ${asker.plain ? it.title : itemLabel(it)}${level ? ` (then ${level})` : ''}`;
    });
    asker.say(
      was.length
        ? `Last time (${lastWhen(last)}) your priorities were:\n${was.join('\n')}`
        : `Last time (${lastWhen(last)}) you set no priorities.`,
    );
  }
  const levelOf = (id: string) => levelById(profile, d.rec.ratings[id])?.label;
  const chosen: string[] = [];
  const label = (i: (typeof offered)[number]) => `${itemLabel(i)} (${levelOf(i.id)})`;
  for (;;) {
    const left = offered.filter((i) => !chosen.includes(i.id));
    if (!left.length) break;
    // --plain: every item keeps its number for the whole question (a screen-reader user remembers "3"), a
    // picked one says so; "That is all" comes last, once something is picked. Enter alone never picks.
    // On a terminal the list shrinks as items are picked: the cursor, not numbers, does the choosing.
    const choices: Choice<string>[] = asker.plain
      ? offered.map((i) => {
          const at = chosen.indexOf(i.id);
          return { value: i.id, label: `${label(i)}${at >= 0 ? ` (already priority ${at + 1})` : ''}` };
        })
      : left.map((i) => ({ value: i.id, label: label(i) }));
    if (chosen.length) choices.push({ value: '', label: 'That is all my priorities' });
    const def = cur.find((p) => !chosen.includes(p)) ?? (chosen.length && cur.length ? '' : left[0].id);
    const got = await asker.select({
      message: `Priority ${chosen.length + 1}`,
      choices,
      default: asker.plain ? undefined : def,
      back: true,
      // One already picked is refused below, and only the refusal is said (a screen reader hears no "accepted").
      said: (c) =>
        chosen.includes(c.value)
          ? undefined
          : c.value
            ? `Priority ${chosen.length + 1}: ${c.label}`
            : 'No more priorities.',
    });
    if (got === BACK) {
      if (!chosen.length) return BACK;
      chosen.pop(); // back undoes the last pick before leaving the question
      continue;
    }
    if (!got) break;
    if (chosen.includes(got)) {
      asker.say(`That one is already priority ${chosen.indexOf(got) + 1}; pick another, or "That is all".`);
      continue;
    }
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
  last?: { text: string; for?: string; due?: string },
): Promise<Answer | Back> {
  const { min, max } = profile.process.actionSteps;
  if (q.index === 0)
    asker.say(
      `\nAction steps: ${min === max ? min : `${min} to ${max}`} steps that will move your practice toward the target.`,
    );
  // Last time's unfinished step is offered by name; Enter keeps it, as the question says.
  const offer = cur ? undefined : last;
  if (offer) {
    // An in-progress step restarts as planned; its progress notes stay in last time's record: said here.
    const was = d.defaults?.actionSteps?.find((x) => x.text === offer.text)?.was;
    const state = [
      was?.status === 'in-progress' ? 'it was in progress' : '',
      was?.notes
        ? `its ${was.notes === 1 ? 'progress note stays' : `${was.notes} progress notes stay`} in last time's record`
        : '',
    ].filter(Boolean);
    asker.say(
      wrap(
        `Last time's step, not done yet${state.length ? ` (${state.join('; ')})` : ''}: "${offer.text}"`,
        terminalWidth(),
        '',
        '  ',
      ),
    );
  }
  // An answered step shows its text as the default (Enter keeps it), so removing one needs its own key.
  const finish = offer
    ? q.optional
      ? " (Enter keeps last time's step, - to leave it out)"
      : " (Enter keeps last time's step, or type a new one)"
    : !q.optional
      ? ''
      : cur
        ? ' (- to remove this step)'
        : ' (Enter with no text to finish)';
  // This session's own link ("" = not linked), undefined until the step is answered here.
  let forId: string | undefined = cur ? (cur.for ?? '') : undefined;
  cur ??= offer;
  const items = ratedItems(profile);
  const prios = (d.rec.priorities ?? []).map((p) => items.find((i) => i.id === p)!).filter(Boolean);
  // Three parts, each with "<" to the one before: the text, the priority it addresses, the due date.
  let text: string | undefined;
  for (let part: 'text' | 'link' | 'due' = 'text'; ; ) {
    if (part === 'text') {
      const got = await asker.input({
        message: `Action step ${q.index + 1}: what will you do?${finish}`,
        default: text ?? cur?.text,
        back: true,
        validate: (s) => (s || q.optional ? true : 'Please describe the step (a sentence is enough).'),
      });
      if (got === BACK) return BACK;
      if (!got || (q.optional && got === '-')) return { kind: 'step', step: null };
      text = got;
      // A new text does not use up last time's step: said, and it is offered again at the next step.
      if (offer && got.trim() !== offer.text.trim())
        asker.say(
          wrap(
            `Last time's step "${offer.text}" is not in this plan${q.index + 1 < max ? '; it is offered again at the next step' : ''}.`,
            terminalWidth(),
          ),
        );
      part = prios.length ? 'link' : 'due';
    } else if (part === 'link') {
      // Last time's link only for last time's own step, never for a new text typed in its place.
      const same = offer && text?.trim() === offer.text.trim();
      const link = stepLink(profile, prios, forId, same ? { for: offer.for } : undefined);
      if (link.said) asker.say(link.said);
      const got = await asker.select({
        message: 'Which priority does it address?',
        choices: [
          ...prios.map((i) => ({ value: i.id, label: itemLabel(i) })),
          { value: '', label: '(not linked to one priority)' },
        ],
        default: link.default,
        back: true,
        said: (c) => `Linked: ${c.label}`,
      });
      if (got === BACK) {
        part = 'text';
        continue;
      }
      forId = got;
      part = 'due';
    } else {
      const due = await asker.input({
        message: 'Due date (YYYY-MM-DD, optional)',
        default: cur?.due,
        back: true,
        validate: (s) => (!s || s === '-' ? true : (dueDateProblem(s, d.rec.date) ?? true)),
      });
      if (due === BACK) {
        part = prios.length ? 'link' : 'text';
        continue;
      }
      return {
        kind: 'step',
        step: {
          text: text ?? '',
          for: prios.length ? forId || undefined : undefined,
          due: due && due !== '-' ? due : undefined,
        },
      };
    }
  }
}

/**
 * Where the "Which priority" cursor starts, and what to say above it. This session's own answer first
 * ("" = not linked, kept as such); for last time's step (--from), last time's link when that item is among
 * this time's priorities, else "(not linked)", never some other priority picked by position.
 */
export function stepLink(
  profile: Profile,
  prios: { id: string }[],
  current: string | undefined,
  last: { for?: string } | undefined,
): { default: string; said?: string } {
  const among = (id: string | undefined): id is string => id === '' || prios.some((p) => p.id === id);
  const lastItem = last?.for ? ratedItems(profile).find((i) => i.id === last.for) : undefined;
  const said = !last
    ? undefined
    : lastItem
      ? `Last time: for ${itemLabel(lastItem)}${among(last.for) ? '' : ' (not among your priorities this time)'}`
      : 'Last time: not linked to a priority';
  if (current !== undefined) return { default: among(current) ? current : '', said };
  if (last) return { default: among(last.for) ? last.for : '', said };
  return { default: prios.length ? prios[0].id : '' }; // the first priority, whichever step this is
}

/** "2025-09-14, 2025-26 baseline": when the record --from starts from was made. */
function lastWhen(l: LastTime): string {
  return l.cycle ? `${l.date}, ${l.cycle}` : l.date;
}
