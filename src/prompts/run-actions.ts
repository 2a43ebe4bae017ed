// `profile actions`: show a record's action steps and change them, by flags or interactively.
import { Chalk } from 'chalk';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  checkDoneDay,
  checkDueDay,
  cleanStepText,
  draftProblem,
  maxSteps,
  openSteps,
  overMaxWarning,
  profileProblem,
  resolveFor,
  saveChanges,
  stepName,
  type ActionChange,
  type StepStatus,
} from '../assess/actions.js';
import { findNewerReview, newerReviewNote } from '../assess/newer-review.js';
import type { ActionStepT } from '../record/schema.js';
import { today as todayDay } from '../assess/flow.js';
import { CliError, EXIT, didYouMeanRecords, fsErrorText } from '../errors.js';
import { readRecordText } from '../input-guard.js';
import { safeLine } from '../text-safety.js';
import { ratedItems } from '../profile/model.js';
import { loadRegistry, resolveProfile } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { isNotRecord, parseRecordText } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { isOverdue } from '../report/model.js';
import { actionsList } from '../ui/actions-view.js';
import { itemLabel, plainItemLabel } from '../ui/assess-view.js';
import { colours } from '../ui/colour.js';
import { stderrWidth, terminalWidth, wrap, wrapMessage } from '../ui/wrap.js';
import { BACK, type Asker } from './asker.js';

export interface ActionsOptions {
  file: string;
  profiles?: string;
  done?: number[];
  start?: number[];
  plan?: number[];
  remove?: number[];
  step?: number;
  text?: string;
  note?: string;
  add?: string;
  for?: string;
  due?: string;
  on?: string;
  /** Removing a done step: yes, I mean it. */
  yes?: boolean;
  /** Numbered questions read line by line (screen readers, logs); also with TERM=dumb. */
  plain?: boolean;
  /** The day for done dates, notes and "overdue" (tests); by default today. */
  today?: string;
  /** Questions for the interactive picker (tests); by default inquirer, on a terminal only. */
  asker?: Asker;
}

function load(file: string, profile?: Profile): { rec: PracticeRecord } {
  let text: string;
  try {
    text = readRecordText(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}${didYouMeanRecords(file, err)}`, EXIT.usage);
  }
  const r = parseRecordText(text, file);
  if (!r.record) {
    const d = r.diagnostics[0];
    // A report or a profile where the record goes is a wrong argument (2); a broken record, a problem (1).
    throw new CliError(d?.message ?? 'not a record', isNotRecord(r) ? EXIT.usage : EXIT.problems, d, d?.hint);
  }
  const broken = profileProblem(r, profile, file);
  if (broken) throw broken;
  return { rec: r.record };
}

/** The record's name as the coach can type it again: relative to here when it is below here. */
function shownName(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  const name = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  return /^[\w./@+-]+$/.test(name) ? name : `"${name.replace(/(["\\$`])/g, '\\$1')}"`;
}

/** The record's profile; an unknown profile only matters when a step is added (its maximum and items). */
function findProfile(rec: PracticeRecord, profiles: string | undefined): { profile?: Profile; problem?: unknown } {
  try {
    return { profile: resolveProfile(loadRegistry({ profiles }), rec.profile).profile };
  } catch (problem) {
    return { problem };
  }
}

export async function runActions(o: ActionsOptions): Promise<void> {
  const plain = Boolean(o.plain) || process.env.TERM === 'dumb';
  // Plain mode is for screen readers and logs: no colour codes at all.
  const ch = plain ? new Chalk({ level: 0 }) : colours().out;
  let { rec } = load(o.file);
  const draft = draftProblem(rec, o.file);
  if (draft) throw draft;
  const { profile, problem } = findProfile(rec, o.profiles);
  if (profile) rec = load(o.file, profile).rec; // a misspelled level: refused here, before any question
  const items = profile ? ratedItems(profile) : [];
  const today = o.today ?? todayDay();
  const name = shownName(o.file);
  const warnings: string[] = [];
  const changes = changesFromFlags(o, today, profile, rec, warnings);
  const max = maxSteps(profile);
  const list = () => actionsList(rec, items, ch, today, max, undefined, name, plain);

  const write = (cs: ActionChange[], yes = o.yes, menu = false): string[] => {
    if (cs.some((c) => c.kind === 'add') && !profile) throw problem;
    const r = saveChanges(o.file, profile, cs, today, { yes, menu });
    rec = r.record;
    return r.said;
  };
  const interactive = !changes.length && (Boolean(o.asker) || Boolean(process.stdin.isTTY));
  // Last year's record whose open steps a newer review carries on: said once, first (on screen in the menu, on
  // stderr with flags or a pipe), and the record is still worked on as asked.
  const newer = findNewerReview(o.file, rec);
  if (newer) {
    const note = newerReviewNote(newer, shownName(newer.file));
    if (interactive) process.stdout.write(`${wrap(note, terminalWidth())}\n\n`);
    else process.stderr.write(`${wrapMessage(note, stderrWidth())}\n`);
  }
  if (changes.length) {
    const said = write(changes);
    process.stdout.write(`Updated ${o.file}\n${said.map((l) => `${l}\n`).join('')}\n${list()}`);
  } else process.stdout.write(list());
  // More open steps than the profile allows (added by hand): said once, on the record as it now is.
  const over = overMaxWarning(rec, profile, interactive);
  if (over) warnings.push(over);
  for (const w of warnings) process.stderr.write(`${wrapMessage(w, stderrWidth())}\n`);
  if (!interactive) return; // the flags' changes are made, or a script just wanted the list

  let a: Asker;
  if (o.asker) a = o.asker;
  else if (plain) a = new (await import('./plain-asker.js')).PlainAsker();
  else a = await (await import('./inquirer-asker.js')).createInquirerAsker(ch);
  let saved = 0;
  try {
    for (;;) {
      // Another window (or an edit by hand) may have changed the file since the last list: ask on what is there.
      rec = load(o.file, profile).rec;
      const steps = rec.actionSteps ?? [];
      const open = openSteps(steps);
      const full = max !== undefined && open >= max;
      const pick = await a.select({
        message: !full
          ? 'Change a step?'
          : open > max
            ? `Change a step? (${open} open steps; this profile allows ${max} at a time)`
            : `Change a step? (${max} open steps, the most this profile allows at a time)`,
        // In --plain the lines are numbered already ("4) Visit ..."), so a step's label is its text alone: typing
        // its start ("visit") then finds it. The way out is "Finish", not "Done": "done" typed to mark a step
        // done must not end the session.
        choices: [
          ...steps.map((s, i) => ({
            value: String(i + 1),
            label: `${a.plain ? '' : `${i + 1}. `}${safeLine(s.text)} (${s.status.replace('-', ' ')}${isOverdue(s, today) ? ', OVERDUE' : ''})`,
          })),
          ...(full ? [] : [{ value: 'add', label: 'Add a step' }]),
          { value: 'quit', label: 'Finish', ends: true },
        ],
        default: String(steps.findIndex((x) => x.status !== 'done') + 1 || 'quit'), // the first open step
        said: (c) =>
          c.value === 'quit'
            ? 'Finished.'
            : `Chosen: ${/^\d+$/.test(String(c.value)) ? `${c.value}. ` : ''}${c.label.replace(/^\d+\. /, '')}`,
      });
      if (pick === BACK || pick === 'quit') return;
      let change: ActionChange;
      if (pick === 'add') {
        if (!profile) {
          a.say(`Cannot add a step: ${problem instanceof Error ? problem.message : String(problem)}`);
          continue;
        }
        if (full) {
          a.say(
            `This record already has ${max} open action steps, the most ${rec.profile} allows at a time; mark one done first.`,
          );
          continue;
        }
        const got = await askNewStep(a, rec, items);
        if (got === BACK) continue;
        change = got;
      } else {
        const got = await askStepChange(a, Number(pick), steps[Number(pick) - 1], today, rec);
        if (got === BACK) continue;
        change = got;
      }
      try {
        // Each change is saved at once, so stopping later loses nothing. A removal was confirmed when asked.
        const said = write([change], true, true);
        saved++;
        a.say(said.join('\n'));
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        a.say(`Not saved: ${err.message}${err.hint ? `\n${err.hint}` : ''}`);
        rec = load(o.file, profile).rec;
      }
      process.stdout.write(`\n${list()}`);
    }
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') {
      (err as Error & { resumeHint?: string }).resumeHint = saved
        ? `\nStopped. Changes so far are saved in ${o.file}.\n`
        : `\nStopped; ${o.file} was not changed.\n`;
    }
    throw err;
  } finally {
    a.close?.();
  }
}

/** The changes the flags ask for; --text, --note and a --due without --add belong to --step. */
function changesFromFlags(
  o: ActionsOptions,
  today: string,
  profile: Profile | undefined,
  rec: PracticeRecord,
  warnings: string[],
): ActionChange[] {
  const changes: ActionChange[] = [
    ...(o.start ?? []).map((step) => ({ kind: 'status' as const, step, status: 'in-progress' as StepStatus })),
    ...(o.done ?? []).map((step) => ({ kind: 'status' as const, step, status: 'done' as StepStatus, on: o.on })),
    ...(o.plan ?? []).map((step) => ({ kind: 'status' as const, step, status: 'planned' as StepStatus })),
  ];
  if (o.add !== undefined && o.step !== undefined)
    throw new CliError('--add makes a new step and --step changes one: use one at a time', EXIT.usage);
  let forId = o.for;
  if (o.add !== undefined && o.for !== undefined && profile) {
    // The item as the coach sees it: its number or title (the id works too).
    const f = resolveFor(profile, rec, o.for);
    forId = f.id;
    if (f.warning) warnings.push(f.warning);
  }
  if (o.add !== undefined) changes.push({ kind: 'add', step: { text: o.add, for: forId, due: o.due } });
  else if (o.for !== undefined) throw new CliError('--for goes with --add "text"', EXIT.usage);
  if (o.step !== undefined) {
    const step = o.step;
    if (o.text === undefined && o.note === undefined && o.due === undefined)
      throw new CliError(`--step ${step}: say what to change with --text, --due or --note`, EXIT.usage);
    if (o.text !== undefined) changes.push({ kind: 'text', step, text: o.text });
    if (o.due !== undefined) changes.push({ kind: 'due', step, due: o.due === '-' || o.due === '' ? null : o.due });
    if (o.note !== undefined) changes.push({ kind: 'note', step, text: o.note, on: o.on ?? today });
  } else if (o.add === undefined && (o.text !== undefined || o.note !== undefined || o.due !== undefined)) {
    throw new CliError(
      `${o.text !== undefined ? '--text' : o.note !== undefined ? '--note' : '--due'} goes with --step <n> (which step to change)`,
      EXIT.usage,
    );
  }
  if (o.on !== undefined && !o.done?.length && o.note === undefined)
    throw new CliError('--on goes with --done or --note', EXIT.usage);
  changes.push(...(o.remove ?? []).map((step) => ({ kind: 'remove' as const, step })));
  return changes;
}

/**
 * A new step: its text, the priority it addresses (when the record has priorities), its due date. Back (<) on
 * each question goes to the one before, the answers so far kept; from the text, back to the list.
 */
async function askNewStep(
  a: Asker,
  rec: PracticeRecord,
  items: ReturnType<typeof ratedItems>,
): Promise<ActionChange | typeof BACK> {
  const prios = (rec.priorities ?? []).map((p) => items.find((i) => i.id === p)).filter((i) => i !== undefined);
  let text: string | undefined;
  let linked: string | undefined; // '' = not linked
  let ask: 'text' | 'for' | 'due' = 'text';
  for (;;) {
    if (ask === 'text') {
      const t = await a.input({ message: 'What will you do?', default: text, back: true });
      if (t === BACK || !cleanStepText(t)) return BACK;
      text = t;
      ask = prios.length ? 'for' : 'due';
    } else if (ask === 'for') {
      // --plain: the item's own number after its title ("1) Develop a plan (item 3)", not "1) 3. Develop"),
      // and no brackets on "Not linked to a priority", so its first word can be typed (--plain takes a choice
      // by the start of its name).
      const f = await a.select({
        message: 'Which priority does it address?',
        choices: [
          ...prios.map((i) => ({ value: i.id, label: a.plain ? plainItemLabel(i) : itemLabel(i) })),
          { value: '', label: 'Not linked to a priority' },
        ],
        default: linked,
        back: true,
        said: (c) => (c.value ? `Linked to: ${c.label}` : 'Not linked.'),
      });
      if (f === BACK) ask = 'text';
      else {
        linked = f;
        ask = 'due';
      }
    } else {
      const due = await a.input({
        message: 'Due date (YYYY-MM-DD, optional)',
        back: true,
        validate: (s) => (!s ? true : checkDueDay(rec, s)),
      });
      if (due === BACK) ask = prios.length ? 'for' : 'text';
      else return { kind: 'add', step: { text: text!, for: linked || undefined, due: due || undefined } };
    }
  }
}

/**
 * What to do with one picked step: a new status, or an edit. "<" goes one question back: from a question under
 * the step's menu (new text, due date, progress note, "When?") to the question before it, from the menu to the
 * list of steps.
 */
async function askStepChange(
  a: Asker,
  step: number,
  s: ActionStepT,
  today: string,
  rec: PracticeRecord,
): Promise<ActionChange | typeof BACK> {
  const seen = s.text; // the step the coach chose, found again by its text when the change is saved
  for (;;) {
    const what = await a.select<string>({
      message: `Step ${step}: ${safeLine(s.text)}`,
      choices: [
        { value: 'planned', label: `Mark planned${s.status === 'planned' ? ' (now)' : ''}` },
        { value: 'in-progress', label: `Mark in progress${s.status === 'in-progress' ? ' (now)' : ''}` },
        {
          value: 'done',
          label: `Mark done${s.status === 'done' ? ` (now, since ${s.done ?? 'an unknown day'})` : ''}`,
        },
        { value: 'note', label: 'Add a progress note' },
        { value: 'text', label: 'Edit the text' },
        { value: 'due', label: s.due ? `Change the due date (${s.due})` : 'Set a due date' },
        { value: 'remove', label: 'Remove this step' },
      ],
      // On a terminal the cursor starts on "Add a progress note" for every step, whatever its status: the same
      // keys always do the same thing (Up once is Mark done, twice Mark in progress), and an Enter pressed by
      // habit opens a question ("<" leaves it) instead of changing the record. In --plain nothing here is taken
      // by Enter: an Enter after a refused answer must not start anything unasked.
      default: a.plain ? undefined : 'note',
      back: true,
      said: (c) => `Chosen: ${c.label}`,
    });
    if (what === BACK) return BACK;
    const got = await askStepDetail(a, what, step, s, today, rec, seen);
    if (got === KEPT) return BACK; // "No, keep it": back to the list, as before the step was picked
    if (got !== BACK) return got;
  }
}

/** "No, keep it" at "Remove step N?": nothing to do with this step, so the list is shown again. */
const KEPT: unique symbol = Symbol('kept');

/** The questions under a step's menu choice; BACK (a "<" at its first question, or nothing to change): the menu. */
async function askStepDetail(
  a: Asker,
  what: string,
  step: number,
  s: ActionStepT,
  today: string,
  rec: PracticeRecord,
  seen: string,
): Promise<ActionChange | typeof BACK | typeof KEPT> {
  if (what === 'planned' || what === 'in-progress') return { kind: 'status', step, status: what, seen };
  if (what === 'done') {
    // A step done before today (or a done date to correct): the coach says when; Enter keeps the usual day.
    const usual = s.status === 'done' && s.done ? s.done : today;
    const on = await askDay(
      a,
      `When was it done? (YYYY-MM-DD; Enter = ${usual === today ? `today, ${today}` : `${usual}, as recorded`})`,
      rec,
      today,
    );
    if (on === BACK) return BACK;
    return { kind: 'status', step, status: 'done', on: on || usual, seen };
  }
  if (what === 'note') {
    // "<" at "When?" comes back to the note, the text typed kept for Enter.
    let text: string | undefined;
    for (;;) {
      const t = await a.input({ message: 'Progress note', default: text, back: true });
      if (t === BACK || !cleanStepText(t)) return BACK;
      text = t;
      const on = await askDay(a, `When? (YYYY-MM-DD; Enter = today, ${today})`, rec, today);
      if (on !== BACK) return { kind: 'note', step, text, on: on || today, seen };
    }
  }
  if (what === 'text') {
    const t = await a.input({ message: 'New text', default: s.text, back: true });
    return t === BACK || !cleanStepText(t) ? BACK : { kind: 'text', step, text: t, seen };
  }
  if (what === 'due') {
    const d = await a.input({
      message: `Due date (YYYY-MM-DD${s.due ? ', - to remove it' : ''})`,
      default: s.due,
      back: true,
      validate: (x) => (!x || x === '-' ? true : checkDueDay(rec, x)),
    });
    if (d === BACK || (!d && !s.due)) return BACK;
    return { kind: 'due', step, due: d === '-' || !d ? null : d, seen };
  }
  const sure = await a.select({
    message: `Remove ${stepName(step, safeLine(s.text))}?${s.status === 'done' ? ` It is done${s.done ? ` (${s.done})` : ''}: profile history lists it as your done work.` : ''}`,
    choices: [
      { value: 'no', label: 'No, keep it' },
      { value: 'yes', label: 'Yes, remove it' },
    ],
    default: 'no',
    back: true,
    said: (c) => (c.value === 'no' ? 'Kept.' : 'Removing it.'),
  });
  return sure === 'yes' ? { kind: 'remove', step, seen } : sure === 'no' ? KEPT : BACK;
}

/** A day for done work or a note: empty (the caller's usual day), or a real day from the record's date to today. */
async function askDay(a: Asker, message: string, rec: PracticeRecord, today: string): Promise<string | typeof BACK> {
  const d = await a.input({ message, back: true, validate: (x) => (!x ? true : checkDoneDay(rec, x, today)) });
  return d === BACK ? BACK : d.trim();
}
