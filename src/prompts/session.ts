// The interactive loop: ask the first unanswered question, autosave after every answer, review, finish.
import type { ChalkInstance } from 'chalk';
import {
  applyAnswer,
  isAnswered,
  nextQuestion,
  previousQuestion,
  questionList,
  sameQuestion,
  stepsNotInPlan,
  type Answer,
  type Draft,
  type Question,
} from '../assess/flow.js';
import { ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import { itemLabel, plainItemLabel, reviewList, reviewTable } from '../ui/assess-view.js';
import { askQuestion } from './ask-question.js';
import { terminalWidth, wrap } from '../ui/wrap.js';
import { BACK, type Asker, type Choice } from './asker.js';

/**
 * Told to `pendingNote` while the improvement areas are being added to (the ticks saved, the question not
 * over): a session stopped there is resumed at the areas, not at the question after. Never an item id.
 */
export const AREAS_OPEN = ':areas';
/** The same for the priorities: each pick is saved as it is made. */
export const PRIORITIES_OPEN = ':priorities';
/** The same for an action step (":step:1" = the second): its text saved, its link or due date not yet. */
export const STEP_OPEN = ':step:';

export interface SessionOptions {
  profile: Profile;
  draft: Draft;
  asker: Asker;
  /** Called after every answer with the record so far; returns the file it is in. */
  save: (rec: PracticeRecord) => string;
  ch: ChalkInstance;
  /** Where to start instead of the first unanswered question (a note left open by a crash). */
  start?: Question;
  /**
   * Told when a rating is saved before its note is answered (item), when ticks are saved before the own
   * areas are (AREAS_OPEN), and when that is over (undefined).
   */
  pendingNote?: (item: string | undefined) => void;
}

export async function runSession(o: SessionOptions): Promise<Draft> {
  const { profile, asker, ch } = o;
  let d = o.draft;
  let q: Question = o.start ?? nextQuestion(profile, d);
  // A question left with Back after a part-answer was kept (ticks): come back to it, though it counts as answered.
  let returnTo: Question | undefined;
  // Back goes to the question just before, at its last part: the context at its last field (the cycle), a
  // rating at its note (its level is one more "<" away).
  // Where the coach was when they first went back: going forward again walks through the questions in between
  // (each with its answer as the default) until it gets there, instead of jumping past them.
  let frontier: Question | undefined;
  const back = (from: Question): Question => {
    frontier ??= from;
    const p = previousQuestion(profile, d, from) ?? from;
    if (p.kind === 'context' && from.kind !== 'context') return { kind: 'context', fromEnd: true };
    if (p.kind === 'rating' && p !== from && p.item in d.rec.ratings) return { ...p, atNote: true };
    if (p.kind === 'step' && p !== from && d.rec.actionSteps?.[p.index]) return { ...p, atDue: true };
    if (p.kind === 'priorities' && p !== from && d.rec.priorities?.length) return { ...p, atEnd: true };
    return p;
  };
  const next = (answered?: Question): Question => {
    const qs = questionList(profile, d);
    if (frontier && answered) {
      const i = qs.findIndex((x) => sameQuestion(x, answered));
      const following = i >= 0 ? qs[i + 1] : undefined;
      if (following && !sameQuestion(following, frontier) && isAnswered(profile, d, following)) {
        if (returnTo && sameQuestion(following, returnTo)) {
          const r = returnTo;
          returnTo = undefined;
          return r;
        }
        return following;
      }
      frontier = undefined;
    }
    const at = qs.find((x) => !isAnswered(profile, d, x) || (returnTo && sameQuestion(x, returnTo)));
    if (at && returnTo && sameQuestion(at, returnTo)) {
      const r = returnTo; // as it was left: a rating whose note is still open comes back at its note
      returnTo = undefined;
      return r;
    }
    return at ?? nextQuestion(profile, d);
  };
  for (;;) {
    if (q.kind === 'review') {
      const edit = await askReview(asker, profile, d, ch);
      if (edit === 'save') {
        d = applyAnswer(profile, d, q, { kind: 'review' });
        o.save(d.rec);
        return d;
      }
      if (edit === BACK) {
        q = back(q);
        continue;
      }
      q = edit;
      continue;
    }
    const before = d;
    // A rating whose level is saved here but whose note is left with "<" (or was open when the last session
    // stopped) is come back to at its note when going forward again, not skipped as answered.
    const wasAnswered = isAnswered(profile, d, q) && !(q.kind === 'rating' && q.noteOpen);
    let part: Answer | undefined;
    const a = await askQuestion(asker, profile, d, q, ch, (p) => {
      part = p;
      o.save(applyAnswer(profile, before, q, p).rec);
      if (q.kind === 'rating') o.pendingNote?.(q.item);
      if (q.kind === 'areas') o.pendingNote?.(AREAS_OPEN);
      if (q.kind === 'priorities') o.pendingNote?.(PRIORITIES_OPEN);
      if (q.kind === 'step') o.pendingNote?.(`${STEP_OPEN}${q.index}`);
    });
    const noteLeftOpen = a === BACK && q.kind === 'rating' && part !== undefined && !wasAnswered;
    if ((q.kind === 'rating' && !noteLeftOpen) || q.kind === 'areas' || q.kind === 'priorities' || q.kind === 'step')
      o.pendingNote?.(undefined);
    if (a === BACK) {
      if (noteLeftOpen && q.kind === 'rating') {
        d = applyAnswer(profile, d, q, part!);
        returnTo = { ...q, noteOpen: true, atNote: undefined };
      }
      q = back(q);
      continue;
    }
    if ('back' in a) {
      d = applyAnswer(profile, d, q, a.keep);
      o.save(d.rec);
      returnTo = q;
      q = back(q);
      continue;
    }
    const linksBefore = (d.rec.actionSteps ?? []).map((s) => s.for);
    d = applyAnswer(profile, d, q, a);
    o.save(d.rec);
    // New priorities can unlink a step from an item that is no longer one: say so, nothing silent.
    (d.rec.actionSteps ?? []).forEach((s, i) => {
      if (linksBefore[i] && !s.for)
        asker.say(
          ch.dim(
            `Action step ${i + 1} ("${s.text}") is no longer linked to a priority; you can link it again in the review.`,
          ),
        );
    });
    q = next(q);
  }
}

type ReviewPick = 'save' | Question | typeof BACK;

async function askReview(asker: Asker, profile: Profile, d: Draft, ch: ChalkInstance): Promise<ReviewPick> {
  const width = terminalWidth();
  asker.say(
    `\nReview your answers\n${asker.plain ? reviewList(profile, d.rec, width) : reviewTable(profile, d.rec, ch, width)}`,
  );
  // Last time's unfinished steps that are not in this plan (left out, or no room): named before saving.
  const notIn = stepsNotInPlan(d);
  if (notIn.length)
    asker.say(
      [
        wrap(
          `Last time's unfinished step${notIn.length === 1 ? '' : 's'} not in this plan (${notIn.length === 1 ? 'it stays' : 'they stay'} in last time's record):`,
          width,
        ),
        ...notIn.map((t) => wrap(t, width, '  - ', '    ')),
      ].join('\n'),
    );
  const items = ratedItems(profile);
  const steps = d.rec.actionSteps ?? [];
  const { min, max } = profile.process.actionSteps;
  const choices: Choice<string>[] = [
    { value: 'save', label: 'Save and finish', ends: true },
    { value: 'context', label: 'Change the context' },
    ...items.map((i, k) => ({
      value: `rating:${k}`,
      label: `Change rating: ${asker.plain ? plainItemLabel(i) : itemLabel(i)}`,
    })),
    { value: 'areas', label: 'Change improvement areas' },
  ];
  if (d.rec.priorities?.length) choices.push({ value: 'priorities', label: 'Change priorities' });
  steps.forEach((_, k) =>
    choices.push({ value: `step:${k}`, label: `Change action step ${k + 1}${k >= min ? ' (or remove it)' : ''}` }),
  );
  if (steps.length < max) choices.push({ value: `step:${steps.length}`, label: 'Add another action step' });
  const got = await asker.select({ message: 'Save, or change an answer?', choices, default: 'save', back: true });
  if (got === BACK || got === 'save') return got;
  const [kind, n] = got.split(':');
  if (kind === 'rating') return { kind: 'rating', item: items[Number(n)].id, index: Number(n), total: items.length };
  if (kind === 'step') return { kind: 'step', index: Number(n), optional: Number(n) >= min };
  return { kind } as Question;
}
