// The assessment as pure data: the questions a profile asks, which is next, and how an answer changes the draft.
import { randomUUID } from 'node:crypto';
import {
  improvementAreaIds,
  isAtOrAboveTarget,
  levelById,
  profileRef,
  ratedItems,
  type RatedItem,
} from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { ActionStepT, PracticeRecord } from '../record/schema.js';
import { dayProblem, isValidDay } from '../record/day.js';

export { isValidDay };

export type AreaAnswer = string | { text: string };
export interface StepAnswer {
  text: string;
  for?: string;
  due?: string;
  /** From an answers file (a paper profile transcribed): the day a step was done, and its notes. */
  done?: string;
  progress?: { date: string; text: string }[];
}

/**
 * What a new assessment starts with besides its own answers. The context (group, cycle) is offered as the
 * Enter value. Everything else here is what the record `--from` starts from said ("last time"): shown,
 * labelled, beside each question, never the value Enter picks for a rating, an area tick or a priority.
 */
export interface Defaults {
  group?: Record<string, string>;
  cycle?: string;
  /** Last time's, mapped into this profile (--from). */
  ratings?: Record<string, string>;
  notes?: Record<string, string>;
  improvementAreas?: AreaAnswer[];
  priorities?: string[];
  /** `wasFor`: the item last time's step was for, named, when it has no counterpart here (so it is unlinked). */
  actionSteps?: (StepAnswer & { was?: LastStepState; wasFor?: string })[];
  /** When the record that `--from` starts from was made, and what it rated, shown as "last time". */
  lastTime?: LastTime;
  /** This session's own priorities, kept in order when a changed rating asks them again. */
  keptPriorities?: string[];
  /** The cycle of the coach's last session (remembered), shown beside the question, never the answer. */
  rememberedCycle?: string;
}

/** What last time's unfinished step was (`--from`): said when it is offered, as its notes stay behind. */
export interface LastStepState {
  status: 'planned' | 'in-progress';
  /** How many progress notes it had (they stay in last time's record). */
  notes: number;
}

export interface LastTime {
  date: string;
  cycle?: string;
  /** The version that record is of ("sbic@2014"), and the items here its ratings map onto (any level). */
  profile?: string;
  mapped?: string[];
  /** Item id (in this profile) -> level id, only where the level exists in this profile. */
  ratings: Record<string, string>;
  priorities: string[];
  /**
   * Last time's priorities in their own order and numbers: `id` in this profile, or none (no counterpart),
   * `was` the item as last time's version named it. Shown as they were, never renumbered.
   */
  priorityList?: { id?: string; was: string }[];
}

/**
 * A record being built. "Answered" = the step's field is present in `rec` (`improvementAreas: []` is
 * answered with none). Two steps can't say so with a field alone, hence the flags: an empty context, and
 * "no more action steps" once the minimum is reached. Neither flag is written to the file.
 */
export interface Draft {
  rec: PracticeRecord;
  contextDone?: boolean;
  stepsDone?: boolean;
  /** Last time's unfinished steps (texts) the coach left out of this plan with "-": not offered again. */
  leftOutSteps?: { text: string; at: number }[];
  defaults?: Defaults;
}

export type Question =
  /** `fromEnd`: reached with Back from the question after it, so its last field (the cycle) comes first. */
  | { kind: 'context'; fromEnd?: boolean }
  /**
   * `noteOpen`: the level is saved but its note was never answered (a session stopped in it). `atNote`: come
   * back to with "<" from the question after it, so its last part (the note) is asked first.
   */
  | { kind: 'rating'; item: string; index: number; total: number; noteOpen?: boolean; atNote?: boolean }
  | { kind: 'areas' }
  /**
   * `resumed`: the last session stopped while picking: the picks saved so far are kept. `atEnd`: come back
   * to with "<" from the question after it: every pick is kept, "<" undoes the last one.
   */
  | { kind: 'priorities'; resumed?: boolean; atEnd?: boolean }
  /**
   * `atDue`: come back to with "<" from the question after it, so its last part (the due date) comes first.
   * `atLink`: its text is saved but the session stopped before its link and due date: asked from the link.
   */
  | { kind: 'step'; index: number; optional: boolean; atDue?: boolean; atLink?: boolean }
  | { kind: 'review' };

export type Answer =
  | { kind: 'context'; group?: Record<string, string>; cycle?: string }
  | { kind: 'rating'; level: string; note?: string }
  | { kind: 'areas'; areas: AreaAnswer[] }
  | { kind: 'priorities'; priorities: string[] }
  /**
   * `leaveOut`: last time's step (its text) left out of this plan; the same step is asked again.
   * `undoLeaveOut`: "<" right after one: the step left out at this place is offered again.
   */
  | { kind: 'step'; step: StepAnswer | null; leaveOut?: string; undoLeaveOut?: boolean }
  | { kind: 'review' };

export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function newDraft(
  profile: Profile,
  opts: { date?: string; respondent?: string; defaults?: Defaults } = {},
): Draft {
  const rec: PracticeRecord = {
    kind: 'practice-profile-record',
    format: 1,
    id: randomUUID(),
    profile: profileRef(profile),
    status: 'draft',
    date: opts.date ?? today(),
    ratings: {},
  };
  if (opts.respondent) rec.respondent = opts.respondent;
  return { rec, defaults: opts.defaults };
}

/** Rated items whose rating is below the target level, in form order: the only ones to prioritise. */
export function belowTarget(profile: Profile, rec: Pick<PracticeRecord, 'ratings'>): RatedItem[] {
  return ratedItems(profile).filter((i) => {
    const level = rec.ratings[i.id];
    return level !== undefined && !isAtOrAboveTarget(profile, level);
  });
}

/** Every question of this profile, in order. Priorities only when something is below target. */
export function questionList(profile: Profile, draft: Draft): Question[] {
  const items = ratedItems(profile);
  const qs: Question[] = [{ kind: 'context' }];
  items.forEach((it, index) => qs.push({ kind: 'rating', item: it.id, index, total: items.length }));
  qs.push({ kind: 'areas' });
  if (belowTarget(profile, draft.rec).length > 0 || !allRated(profile, draft)) qs.push({ kind: 'priorities' });
  const { min, max } = profile.process.actionSteps;
  for (let i = 0; i < max; i++) qs.push({ kind: 'step', index: i, optional: i >= min });
  qs.push({ kind: 'review' });
  return qs;
}

function allRated(profile: Profile, draft: Draft): boolean {
  return ratedItems(profile).every((i) => i.id in draft.rec.ratings);
}

export function isAnswered(profile: Profile, draft: Draft, q: Question): boolean {
  const r = draft.rec;
  const steps = r.actionSteps?.length ?? 0;
  switch (q.kind) {
    case 'context':
      return Boolean(draft.contextDone || r.group || r.cycle || Object.keys(r.ratings).length > 0);
    case 'rating':
      return q.item in r.ratings;
    case 'areas':
      return r.improvementAreas !== undefined;
    case 'priorities':
      return r.priorities !== undefined || (allRated(profile, draft) && belowTarget(profile, r).length === 0);
    case 'step':
      return steps > q.index || (q.optional && Boolean(draft.stepsDone));
    case 'review':
      return r.status === 'complete';
  }
}

/** The first unanswered question: where a new, resumed or edited assessment carries on. */
export function nextQuestion(profile: Profile, draft: Draft): Question {
  const q = questionList(profile, draft).find((x) => !isAnswered(profile, draft, x));
  return q ?? { kind: 'review' };
}

/** The question before `q` (for "← Back"), or undefined at the start. */
export function previousQuestion(profile: Profile, draft: Draft, q: Question): Question | undefined {
  const qs = questionList(profile, draft);
  const i = qs.findIndex((x) => sameQuestion(x, q));
  return i > 0 ? qs[i - 1] : undefined;
}

export function sameQuestion(a: Question, b: Question): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'rating' && b.kind === 'rating') return a.item === b.item;
  if (a.kind === 'step' && b.kind === 'step') return a.index === b.index;
  return true;
}

/**
 * The answer given in this assessment so far (a question asked again), for a prompt's default. Last
 * time's answers (`--from`) are not in it: see lastTimeValue, shown beside the question instead.
 */
export function currentValue(profile: Profile, draft: Draft, q: Question): Answer | undefined {
  const r = draft.rec;
  const d = draft.defaults ?? {};
  switch (q.kind) {
    case 'context':
      return { kind: 'context', group: r.group ?? d.group, cycle: r.cycle ?? d.cycle };
    case 'rating': {
      const level = r.ratings[q.item];
      return level ? { kind: 'rating', level, note: r.notes?.[q.item] } : undefined;
    }
    case 'areas':
      return r.improvementAreas ? { kind: 'areas', areas: r.improvementAreas } : undefined;
    case 'priorities': {
      const offered = new Set(belowTarget(profile, r).map((i) => i.id));
      const p = (r.priorities ?? d.keptPriorities ?? []).filter((x) => offered.has(x));
      return p.length ? { kind: 'priorities', priorities: p } : undefined;
    }
    case 'step': {
      const s = r.actionSteps?.[q.index];
      return s ? { kind: 'step', step: { text: s.text, for: s.for, due: s.due } } : undefined;
    }
    case 'review':
      return undefined;
  }
}

/** What the record `--from` starts from answered to `q` (mapped into this profile), or undefined. */
export function lastTimeValue(profile: Profile, draft: Draft, q: Question): Answer | undefined {
  const d = draft.defaults ?? {};
  if (!d.lastTime) return undefined;
  switch (q.kind) {
    case 'rating': {
      const level = d.ratings?.[q.item];
      return level ? { kind: 'rating', level, note: d.notes?.[q.item] } : undefined;
    }
    case 'areas':
      return d.improvementAreas?.length ? { kind: 'areas', areas: d.improvementAreas } : undefined;
    case 'priorities': {
      const offered = new Set(belowTarget(profile, draft.rec).map((i) => i.id));
      const p = (d.priorities ?? []).filter((x) => offered.has(x));
      return p.length ? { kind: 'priorities', priorities: p } : undefined;
    }
    case 'step': {
      // The first of last time's unfinished steps not already in this plan (as another step): a step typed
      // anew does not use one up, so it is offered at the next step.
      const taken = new Set((draft.rec.actionSteps ?? []).filter((_, i) => i !== q.index).map((s) => s.text));
      for (const t of draft.leftOutSteps ?? []) taken.add(t.text);
      const s = d.actionSteps?.find((x) => !taken.has(x.text.trim()));
      return s ? { kind: 'step', step: { text: s.text, for: s.for, due: s.due } } : undefined;
    }
    default:
      return undefined;
  }
}

/** Last time's unfinished steps (`--from`) that are not in this plan: said before saving, never dropped unseen. */
export function stepsNotInPlan(draft: Draft): string[] {
  const inPlan = new Set((draft.rec.actionSteps ?? []).map((s) => s.text.trim()));
  return (draft.defaults?.actionSteps ?? []).map((s) => s.text).filter((t) => !inPlan.has(t.trim()));
}

/** The draft after one answer. Throws on an answer the question could not have offered. */
export function applyAnswer(profile: Profile, draft: Draft, q: Question, a: Answer): Draft {
  if (q.kind !== a.kind) throw new Error(`answer of kind ${a.kind} for a ${q.kind} question`);
  const next: Draft = structuredClone(draft);
  const r = next.rec;
  if (q.kind === 'context' && a.kind === 'context') {
    const group = Object.fromEntries(Object.entries(a.group ?? {}).filter(([, v]) => v.trim() !== ''));
    if (Object.keys(group).length) r.group = group;
    else delete r.group;
    if (a.cycle?.trim()) r.cycle = a.cycle.trim();
    else delete r.cycle;
    next.contextDone = true;
  } else if (q.kind === 'rating' && a.kind === 'rating') {
    if (!levelById(profile, a.level)) throw new Error(`"${a.level}" is not a level of ${profileRef(profile)}`);
    const before = belowTarget(profile, r)
      .map((i) => i.id)
      .join();
    r.ratings = { ...r.ratings, [q.item]: a.level };
    const notes = { ...(r.notes ?? {}) };
    if (a.note?.trim()) notes[q.item] = a.note.trim();
    else delete notes[q.item];
    if (Object.keys(notes).length) r.notes = notes;
    else delete r.notes;
    // A changed rating changes what can be prioritised: ask the priorities again, keeping the old order.
    if (
      r.priorities !== undefined &&
      belowTarget(profile, r)
        .map((i) => i.id)
        .join() !== before
    ) {
      next.defaults = { ...(next.defaults ?? {}), keptPriorities: r.priorities };
      delete r.priorities;
    }
  } else if (q.kind === 'areas' && a.kind === 'areas') {
    const known = improvementAreaIds(profile);
    const bad = a.areas.filter((x): x is string => typeof x === 'string' && !known.has(x));
    if (bad.length)
      throw new Error(
        `not an improvement area of ${profileRef(profile)}: ${bad.join(', ')} (own areas are written as "- text: ...")`,
      );
    r.improvementAreas = a.areas.filter((x) => typeof x === 'string' || x.text.trim() !== '');
  } else if (q.kind === 'priorities' && a.kind === 'priorities') {
    const offered = new Set(belowTarget(profile, r).map((i) => i.id));
    const bad = a.priorities.filter((p) => !offered.has(p));
    if (bad.length) throw new Error(`only items rated below target can be priorities: ${bad.join(', ')}`);
    if (new Set(a.priorities).size !== a.priorities.length) throw new Error('a priority is listed twice');
    r.priorities = a.priorities;
    // A step stays linked only to an item that is still a priority (its text is kept either way).
    r.actionSteps = r.actionSteps?.map(({ for: item, ...step }) =>
      item && !a.priorities.includes(item) ? step : { ...step, ...(item ? { for: item } : {}) },
    );
  } else if (q.kind === 'step' && a.kind === 'step' && a.leaveOut !== undefined) {
    next.leftOutSteps = [...(next.leftOutSteps ?? []), { text: a.leaveOut.trim(), at: q.index }];
  } else if (q.kind === 'step' && a.kind === 'step' && a.undoLeaveOut) {
    next.leftOutSteps = next.leftOutSteps?.slice(0, -1);
  } else if (q.kind === 'step' && a.kind === 'step') {
    applyStep(profile, next, q.index, a.step);
  } else if (q.kind === 'review') {
    const missing = missingAnswers(profile, next);
    if (missing.length) throw new Error(`not finished yet: ${missing.join('; ')}`);
    r.status = 'complete';
  }
  return next;
}

function applyStep(profile: Profile, d: Draft, index: number, step: StepAnswer | null): void {
  const { min, max } = profile.process.actionSteps;
  const steps: ActionStepT[] = [...(d.rec.actionSteps ?? [])];
  if (step === null) {
    if (index < min) throw new Error(`at least ${min} action steps are needed`);
    steps.splice(index); // "no more steps" here also drops any later ones
    d.stepsDone = true;
  } else {
    if (index >= max) throw new Error(`at most ${max} action steps`);
    if (index > steps.length) throw new Error(`action step ${index + 1} comes after step ${steps.length + 1}`);
    const dueWrong = step.due !== undefined ? dueDateProblem(step.due, d.rec.date) : undefined;
    if (dueWrong) throw new Error(`action step ${index + 1}: ${dueWrong}`);
    if (step.done !== undefined) {
      const doneWrong = !isValidDay(step.done)
        ? dayProblem(step.done)
        : step.done < d.rec.date
          ? `done ${step.done} is before this record's date (${d.rec.date})`
          : step.done > today()
            ? `done ${step.done} is in the future`
            : undefined;
      if (doneWrong) throw new Error(`action step ${index + 1}: ${doneWrong}`);
    }
    const text = step.text.trim();
    if (!text) throw new Error('an action step needs some text');
    if (step.for && !ratedItems(profile).some((i) => i.id === step.for))
      throw new Error(`action step linked to "${step.for}", which is not a rated item of ${profileRef(profile)}`);
    // Key order as in the record contract: text, for, due, status.
    const clean: ActionStepT = {
      text,
      ...(step.for ? { for: step.for } : {}),
      ...(step.due ? { due: step.due } : {}),
      status: step.done ? 'done' : (steps[index]?.status ?? 'planned'),
    };
    const done = step.done ?? steps[index]?.done;
    const progress = step.progress ?? steps[index]?.progress;
    if (done) clean.done = done;
    if (progress?.length) clean.progress = progress;
    steps[index] = clean;
    if (steps.length >= max) d.stepsDone = true;
  }
  d.rec.actionSteps = steps;
}

/**
 * Why `due` cannot be a step's due date in a record dated `recDate`, or undefined. A due date before the
 * record's own day is a slip (a wrong year), as `profile actions` refuses a done day before it.
 */
export function dueDateProblem(due: string, recDate: string): string | undefined {
  const notDay = dayProblem(due);
  if (notDay) return notDay;
  if (due < recDate)
    return `due date ${due} is before this record's date (${recDate}); a step is due after the plan is made (check the year)`;
  return undefined;
}

/** Why `day` cannot be a record's date (a real day, not in the future), or undefined. */
export function recordDateProblem(day: string, now = today()): string | undefined {
  const notDay = dayProblem(day, '2024-09-14');
  if (notDay) return notDay;
  if (day > now) return `${day} is in the future (today is ${now}); a record is dated the day of the review`;
  return undefined;
}

/** What a complete record still lacks, one line per kind ("ratings missing for: a, b"). */
export function missingAnswers(profile: Profile, draft: Draft): string[] {
  const r = draft.rec;
  const out: string[] = [];
  const unrated = ratedItems(profile)
    .filter((i) => !(i.id in r.ratings))
    .map((i) => i.id);
  if (unrated.length) out.push(`ratings missing for: ${unrated.join(', ')}`);
  const n = r.actionSteps?.length ?? 0;
  const { min, max } = profile.process.actionSteps;
  if (n < min) out.push(`action steps: ${n} given, at least ${min} needed`);
  if (n > max) out.push(`action steps: ${n} given, at most ${max} allowed`);
  return out;
}
