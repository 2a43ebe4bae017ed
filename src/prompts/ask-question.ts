// One question of the assessment asked through an Asker; returns an Answer for the pure flow, or BACK.
import type { ChalkInstance } from 'chalk';
import { currentValue, lastTimeValue, type Answer, type Draft, type Question } from '../assess/flow.js';
import { descriptorsFor, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { itemCard } from '../ui/assess-view.js';
import { BACK, type Asker, type Back, type Choice } from './asker.js';
import { askAreas } from './ask-areas.js';
import { askPriorities } from './ask-priorities.js';
import { askStep } from './ask-step.js';
import { lastWhen } from './last-when.js';
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
        // Nothing to show from last time is said too, with why: an item new in this version, or a level
        // with no counterpart here (never a silent gap beside the other items' "Last time").
        else if (last?.profile)
          asker.say(
            wrap(
              last.mapped?.includes(q.item)
                ? `Last time (${lastWhen(last)}): a level with no counterpart in ${profileRef(profile)}`
                : `Last time (${lastWhen(last)}): not rated (not in ${last.profile})`,
              terminalWidth(),
            ),
          );
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
      // Last time's note is shown, and "same" keeps it, every time this note is asked (first time, after "<",
      // from the review, on --resume): never taken by Enter alone.
      const lastNote = then?.kind === 'rating' ? then.note : undefined;
      // Kept with "same", it says whose words they are wherever it is read (review, report, next year).
      const keptNote = lastNote && last ? keptLastNote(lastNote, last.date) : undefined;
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
          asker.say(
            q.noteOpen ? `Your rating (saved): ${label} (< to change it)` : `Your rating: ${label} (< to change it)`,
          );
        } else {
          let moved = true;
          level = await asker.select({
            message: 'Where is your practice now?',
            choices,
            default: def,
            defaultTag: prev ? '(your answer)' : undefined,
            back: true,
            said: (c) => `Rated: ${c.label}`,
            moved: (m) => {
              moved = m;
            },
          });
          if (level === BACK) return BACK;
          // The cursor starts at the top, never moved to last time's level; when last time's level IS the top
          // one, Enter alone would take it unseen: asked once more, in words, so it is a choice.
          if (!moved && !def && lastLevel && level === lastLevel && choices[0].value === lastLevel) {
            const label = levelById(profile, level)?.label ?? level;
            const sure = await asker.select({
              message: `${label} is also your level from last time. Is it still where your practice is now?`,
              choices: [
                { value: 'yes', label: `Yes, ${label} again` },
                { value: 'no', label: 'No, let me choose again' },
              ],
              back: true,
            });
            if (sure !== 'yes') {
              def = undefined;
              continue;
            }
          }
        }
        commit?.({ kind: 'rating', level, note: prev?.note });
        if (lastNote) asker.say(wrap(`Last time's note: "${lastNote}"`, terminalWidth(), '', '  '));
        // Enter skips a note, as at every other item: last time's note is kept only when asked for ("same").
        const own = prev?.note;
        const note = await asker.input({
          message: noteQuestion(own, keptNote),
          default: own,
          back: true,
        });
        if (note === BACK) {
          def = level; // back from the note: the level of this item again
          continue;
        }
        if (keptNote && isSame(note)) {
          asker.say("Kept last time's note.");
          return { kind: 'rating', level, note: keptNote };
        }
        if (asker.plain && note && note !== '-' && note !== own) asker.say('Note saved.');
        // --plain says back what became of the note, a skipped one too (a screen reader hears no redraw).
        if (asker.plain && (!note || note === '-')) asker.say('No note.');
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
      return askPriorities(
        asker,
        profile,
        d,
        cur?.kind === 'priorities' ? cur.priorities : [],
        commit,
        q.resumed ? 'resumed' : q.atEnd ? 'back' : undefined,
      );
    case 'step':
      return askStep(
        asker,
        profile,
        d,
        q,
        cur?.kind === 'step' ? (cur.step ?? undefined) : undefined,
        then?.kind === 'step' ? (then.step ?? undefined) : undefined,
        commit,
      );
    case 'review':
      throw new Error('the review is asked by the session');
  }
}

/** "same" (any case, a full stop or "!" after it): keep last time's note. */
function isSame(typed: string): boolean {
  return new RegExp(`^${SAME}[.!]?$`, 'i').test(typed.trim());
}

const KEPT = /^Last time's note \(\d{4}-\d{2}-\d{2}\): /;

/**
 * Last time's note as kept this time: "Last time's note (2025-09-14): Teams jump to solutions.", so a
 * coaching partner reading the report never takes it for this year's. A note kept once already keeps its
 * first date (never "Last time's note (…): Last time's note (…): …").
 */
export function keptLastNote(note: string, date: string): string {
  return KEPT.test(note) ? note : `Last time's note (${date}): ${note}`;
}

/** The note question, saying what Enter does here and, with last time's note, how to keep that one. */
export function noteQuestion(own: string | undefined, last: string | undefined): string {
  if (!own)
    return last
      ? `Private note (optional; Enter to skip, type ${SAME} to keep last time's note)`
      : 'Private note (optional, Enter to skip)';
  if (!last) return 'Private note (optional, Enter to keep, - to clear)';
  return own.trim() === last.trim()
    ? "Private note (optional; Enter keeps last time's note, - to clear)"
    : `Private note (optional; Enter keeps yours, - to clear, ${SAME} for last time's)`;
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
