// Answers given up front (`--answers` file, `--group`, `--cycle`) and the no-prompt path that must not guess.
import { z } from 'zod';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { readRecordText, silentChanges } from '../input-guard.js';
import { zodDiagnostics } from '../zod-diagnostics.js';
import { recordPlace } from '../record/places.js';
import { ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { ActionStep, ImprovementAreaAnswer, RecordSchema } from '../record/schema.js';
import { parseYaml } from '../yaml-source.js';
import {
  applyAnswer,
  belowTarget,
  currentValue,
  isAnswered,
  lastTimeValue,
  missingAnswers,
  questionList,
  recordDateProblem,
  type Answer,
  type Draft,
  type Question,
} from './flow.js';

// The record's own fields, all optional; kind/format/id/status are the tool's to set and ignored. `date`
// is honoured (the day of a review transcribed later), as are a step's `done` day and progress notes.
const AnswersSchema = RecordSchema.extend({
  kind: z.literal('practice-profile-record').optional(),
  format: z.literal(1).optional(),
  id: z.string().optional(),
  profile: z.string().optional(),
  status: z.string().optional(),
  date: z.string().optional(),
  ratings: z.record(z.string(), z.string()).optional(),
  improvementAreas: z.array(ImprovementAreaAnswer).optional(),
  // No default status here: a step with only a done day is done (the record's own default is planned).
  actionSteps: z.array(ActionStep.extend({ status: z.enum(['planned', 'in-progress', 'done']).optional() })).optional(),
}).partial();
type Answers = z.output<typeof AnswersSchema>;

export function readAnswersFile(file: string): Answers & { file: string } {
  let text: string;
  try {
    text = readRecordText(file);
  } catch (err) {
    throw new CliError(`--answers: cannot read ${file}: ${fsErrorText(err)}`, EXIT.usage);
  }
  const src = parseYaml(text, file);
  // A __proto__ key would be dropped by the reader with its value: an answer lost without a word.
  const first = src.diagnostics[0];
  if (first) throw new CliError(first.message, EXIT.usage, first, first.hint);
  // A __proto__ key would be dropped by the reader with its value: an answer lost without a word.
  const lost = silentChanges(src).find((d) => d.severity === 'error');
  if (lost) throw new CliError(`--answers: ${lost.message}`, EXIT.usage, lost);
  const parsed = AnswersSchema.safeParse(src.value ?? {});
  if (!parsed.success) {
    const d = zodDiagnostics(src, parsed.error, undefined, recordPlace)[0];
    throw new CliError(`--answers: ${d.message}`, EXIT.usage, d);
  }
  return { ...parsed.data, file };
}

/** Parse repeated `--group key=value` flags. */
export function parseGroupFlags(values: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const m = /^([A-Za-z][A-Za-z0-9_-]*)=(.*)$/.exec(v);
    if (!m?.[2].trim())
      throw new CliError(`--group "${v}": expected key=value, e.g. --group district="Example R-I"`, EXIT.usage);
    out[m[1]] = m[2].trim();
  }
  return out;
}

/** Apply known answers through the same rules as typed ones, so a bad answers file fails the same way. */
export function applyKnownAnswers(profile: Profile, draft: Draft, a: Partial<Answers>, where = '--answers'): Draft {
  let d = draft;
  const run = (q: Question, ans: Answer) => {
    try {
      d = applyAnswer(profile, d, q, ans);
    } catch (err) {
      throw new CliError(`${where}: ${(err as Error).message}`, EXIT.usage);
    }
  };
  if (a.respondent) d = { ...d, rec: { ...d.rec, respondent: a.respondent } };
  // The day of the review (a paper profile transcribed later): a real day, not in the future; set before
  // the steps, whose due and done days are checked against it.
  if (a.date !== undefined && a.date !== d.rec.date) {
    const wrong = recordDateProblem(a.date);
    if (wrong) throw new CliError(`${where}: date: ${wrong}`, EXIT.usage);
    d = { ...d, rec: { ...d.rec, date: a.date } };
  }
  const items = ratedItems(profile);
  const ratingQuestion = (item: string): Question => {
    const i = items.findIndex((x) => x.id === item);
    if (i < 0)
      throw new CliError(
        `${where}: "${item}" is not a rated item of ${d.rec.profile} (items: ${items.map((x) => x.id).join(', ')})`,
        EXIT.usage,
      );
    return { kind: 'rating', item, index: i, total: items.length };
  };
  const rates = Object.keys(a.ratings ?? {}).length > 0;
  // Answering later steps answers the context too (see isAnswered): so settle it first, keeping what an
  // earlier record or the remembered context offers, with the flags and the file on top.
  if (a.group || a.cycle || (rates && !isAnswered(profile, d, { kind: 'context' }))) {
    const offered = d.defaults ?? {};
    run(
      { kind: 'context' },
      {
        kind: 'context',
        group: { ...(offered.group ?? {}), ...(d.rec.group ?? {}), ...(a.group ?? {}) },
        cycle: a.cycle ?? d.rec.cycle ?? offered.cycle,
      },
    );
  }
  for (const [item, level] of Object.entries(a.ratings ?? {})) {
    run(ratingQuestion(item), { kind: 'rating', level, note: a.notes?.[item] ?? d.rec.notes?.[item] });
  }
  // A note for an item rated elsewhere (a resumed draft, --from): attach it to that rating.
  for (const [item, note] of Object.entries(a.notes ?? {})) {
    const q = ratingQuestion(item);
    if (a.ratings?.[item]) continue;
    const level = d.rec.ratings[item];
    if (!level)
      throw new CliError(
        `${where}: a note for "${item}", which has no rating; add it under ratings${keepHint(d, item)}`,
        EXIT.usage,
      );
    run(q, { kind: 'rating', level, note });
  }
  if (a.improvementAreas) run({ kind: 'areas' }, { kind: 'areas', areas: a.improvementAreas });
  if (a.priorities) {
    // Priorities are checked against this time's ratings; last time's (--from) count only if kept (--keep-ratings).
    for (const item of a.priorities) {
      ratingQuestion(item);
      if (!(item in d.rec.ratings))
        throw new CliError(
          `${where}: priority "${item}" has no rating this time; add it under ratings${keepHint(d, item)}`,
          EXIT.usage,
        );
    }
    const below = belowTarget(profile, d.rec);
    if (a.priorities.length === 0 && below.length > 0) {
      throw new CliError(
        `${where}: priorities is empty, but ${below.length === 1 ? '1 item is' : `${below.length} items are`} below target; list at least one (most important first)`,
        EXIT.usage,
      );
    }
    run({ kind: 'priorities' }, { kind: 'priorities', priorities: a.priorities });
  }
  const { min, max } = profile.process.actionSteps;
  if (a.actionSteps) {
    if (a.actionSteps.length > max)
      throw new CliError(
        `${where}: ${a.actionSteps.length} action steps; ${d.rec.profile} allows at most ${max}`,
        EXIT.usage,
      );
    a.actionSteps.forEach((s, index) =>
      run({ kind: 'step', index, optional: index >= min }, { kind: 'step', step: s }),
    );
    // Keep a status given in the file (e.g. a step already in progress); a done day needs status done.
    a.actionSteps.forEach((s, i) => {
      if (s.done && s.status && s.status !== 'done')
        throw new CliError(
          `${where}: action step ${i + 1} has done: ${s.done} but status: ${s.status}; a done day goes with status: done`,
          EXIT.usage,
        );
    });
    d.rec.actionSteps = d.rec.actionSteps?.map((s, i) => ({ ...s, status: a.actionSteps?.[i]?.status ?? s.status }));
    if (a.actionSteps.length >= min) d = { ...d, stepsDone: true };
  }
  return d;
}

/** "(or --keep-ratings ...)" when the record --from starts from rated `item`. */
function keepHint(d: Draft, item: string): string {
  return d.defaults?.ratings?.[item] ? " (or pass --keep-ratings to keep last time's ratings)" : '';
}

/** Last time's ratings (and their notes) from `--from`, as answers the coach gave with --keep-ratings. */
export function keepLastRatings(profile: Profile, draft: Draft): Draft {
  // Ratings only: last time's notes were about last time (a terminal offers them, one by one, to keep).
  const ratings = { ...(draft.defaults?.ratings ?? {}) };
  return applyKnownAnswers(profile, draft, { ratings }, '--keep-ratings');
}

/**
 * No prompts: take what is known and last time's unfinished steps (`--from`) for what is still open, then
 * finish or list exactly what is missing (exit 2). Unlisted areas are none; unlisted priorities default to
 * every below-target item in form order (last time's are not this time's answers).
 */
export function completeWithoutPrompts(profile: Profile, draft: Draft): Draft {
  let d = draft;
  for (const q of questionList(profile, d)) {
    if (q.kind === 'review' || isAnswered(profile, d, q)) continue;
    // As on a terminal, where Enter keeps last time's unfinished step but never ticks last time's areas or
    // picks its priorities: only steps carry over from --from (said on stderr by the caller). A rating
    // nobody chose this time is missing (--keep-ratings gives them as answers before this).
    const v = currentValue(profile, d, q) ?? (q.kind === 'step' ? lastTimeValue(profile, d, q) : undefined);
    if (q.kind === 'context') d = applyAnswer(profile, d, q, v ?? { kind: 'context' });
    else if (q.kind === 'areas') d = applyAnswer(profile, d, q, v ?? { kind: 'areas', areas: [] });
    else if (q.kind === 'priorities' && belowTarget(profile, d.rec).length) {
      d = applyAnswer(
        profile,
        d,
        q,
        v ?? { kind: 'priorities', priorities: belowTarget(profile, d.rec).map((i) => i.id) },
      );
    } else if (v && (q.kind === 'rating' || q.kind === 'step')) d = applyAnswer(profile, d, q, v);
    else if (q.kind === 'step' && q.optional) d = applyAnswer(profile, d, q, { kind: 'step', step: null });
  }
  const missing = missingRatingsByName(profile, d, missingAnswers(profile, d));
  if (missing.length) {
    throw new CliError(
      `cannot finish the assessment without asking:\n  - ${missing.join('\n  - ')}`,
      EXIT.usage,
      undefined,
      `Give them in --answers <file.yaml> (the record's shape), or run \`profile assess\` in a terminal to be asked.${
        ratedItems(profile).some((i) => !(i.id in d.rec.ratings) && d.defaults?.ratings?.[i.id])
          ? "\nTo keep last time's ratings unchanged instead, add --keep-ratings."
          : ''
      }`,
    );
  }
  return applyAnswer(profile, d, { kind: 'review' }, { kind: 'review' });
}

/**
 * The missing ratings as the coach knows the items, by number and title ("3. Develop a strategic and
 * differentiated coaching plan"), with the id an --answers file uses in brackets, one item a line; in place of
 * missingAnswers' line of ids. The other lines (action steps) are kept as they are.
 */
function missingRatingsByName(profile: Profile, d: Draft, lines: string[]): string[] {
  const unrated = ratedItems(profile).filter((i) => !(i.id in d.rec.ratings));
  const name = (i: (typeof unrated)[number]) => `${i.number ? `${i.number}. ` : ''}${i.title} [${i.id}]`;
  const ratings =
    unrated.length === 1
      ? `a rating for ${name(unrated[0])}`
      : `ratings for ${unrated.length} items (in --answers, each goes under ratings: by the id in brackets):${unrated.map((i) => `\n      ${name(i)}`).join('')}`;
  const others = lines.filter((l) => !l.startsWith('ratings missing for: '));
  return unrated.length ? [ratings, ...others] : others;
}
