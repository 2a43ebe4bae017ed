// `profile actions`: show a record's action steps and change them, by flags or interactively.
import {
  cleanStepText,
  draftProblem,
  maxSteps,
  openSteps,
  saveChanges,
  type ActionChange,
  type StepStatus,
} from '../assess/actions.js';
import type { ActionStepT } from '../record/schema.js';
import { isValidDay, today as todayDay } from '../assess/flow.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { readRecordText } from '../input-guard.js';
import { safeLine } from '../text-safety.js';
import { ratedItems } from '../profile/model.js';
import { loadRegistry, resolveProfile } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { parseRecordText } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { isOverdue } from '../report/model.js';
import { actionsList } from '../ui/actions-view.js';
import { colours } from '../ui/colour.js';
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
  /** The day for done dates, notes and "overdue" (tests); by default today. */
  today?: string;
  /** Questions for the interactive picker (tests); by default inquirer, on a terminal only. */
  asker?: Asker;
}

function load(file: string): { rec: PracticeRecord } {
  let text: string;
  try {
    text = readRecordText(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}`, EXIT.usage);
  }
  const r = parseRecordText(text, file);
  if (!r.record) {
    const d = r.diagnostics[0];
    throw new CliError(d?.message ?? 'not a record', EXIT.problems, d, d?.hint);
  }
  return { rec: r.record };
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
  const ch = colours().out;
  let { rec } = load(o.file);
  const draft = draftProblem(rec, o.file);
  if (draft) throw draft;
  const { profile, problem } = findProfile(rec, o.profiles);
  const items = profile ? ratedItems(profile) : [];
  const today = o.today ?? todayDay();
  const changes = changesFromFlags(o, today);
  const max = maxSteps(profile);
  const list = () => actionsList(rec, items, ch, today, max);

  const write = (cs: ActionChange[]) => {
    if (cs.some((c) => c.kind === 'add') && !profile) throw problem;
    rec = saveChanges(o.file, profile, cs, today).record;
  };
  if (changes.length) {
    write(changes);
    process.stdout.write(`Updated ${o.file}\n\n${list()}`);
    return;
  }
  process.stdout.write(list());
  if (!o.asker && !process.stdin.isTTY) return; // a script just wanted the list

  const a = o.asker ?? (await (await import('./inquirer-asker.js')).createInquirerAsker(ch));
  let saved = 0;
  try {
    for (;;) {
      const steps = rec.actionSteps ?? [];
      const full = max !== undefined && openSteps(steps) >= max;
      const pick = await a.select({
        message: full ? `Change a step? (${max} open steps, the most this profile allows at a time)` : 'Change a step?',
        choices: [
          ...steps.map((s, i) => ({
            value: String(i + 1),
            label: `${i + 1}. ${safeLine(s.text)} (${s.status.replace('-', ' ')}${isOverdue(s, today) ? ', OVERDUE' : ''})`,
          })),
          ...(full ? [] : [{ value: 'add', label: 'Add a step' }]),
          { value: 'quit', label: 'Done' },
        ],
        default: String(steps.findIndex((x) => x.status !== 'done') + 1 || 'quit'), // the first open step
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
        const t = await a.input({ message: 'What will you do?', back: true });
        if (t === BACK || !cleanStepText(t)) continue;
        let forId: string | undefined;
        const prios = (rec.priorities ?? []).map((p) => items.find((i) => i.id === p)).filter((i) => i !== undefined);
        if (prios.length) {
          const f = await a.select({
            message: 'Which priority does it address?',
            choices: [...prios.map((i) => ({ value: i.id, label: i.title })), { value: '', label: '(not linked)' }],
          });
          forId = f === BACK || !f ? undefined : f;
        }
        const due = await a.input({
          message: 'Due date (YYYY-MM-DD, optional)',
          validate: (s) => (!s || isValidDay(s) ? true : 'A date looks like 2026-01-31.'),
        });
        change = { kind: 'add', step: { text: t, for: forId, due: due === BACK || !due ? undefined : due } };
      } else {
        const got = await askStepChange(a, Number(pick), steps[Number(pick) - 1], today);
        if (got === BACK) continue;
        change = got;
      }
      try {
        write([change]); // each change is saved at once, so stopping later loses nothing
        saved++;
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        a.say(`Not saved: ${err.message}`);
        continue;
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
function changesFromFlags(o: ActionsOptions, today: string): ActionChange[] {
  const changes: ActionChange[] = [
    ...(o.start ?? []).map((step) => ({ kind: 'status' as const, step, status: 'in-progress' as StepStatus })),
    ...(o.done ?? []).map((step) => ({ kind: 'status' as const, step, status: 'done' as StepStatus, on: o.on })),
    ...(o.plan ?? []).map((step) => ({ kind: 'status' as const, step, status: 'planned' as StepStatus })),
  ];
  if (o.add !== undefined && o.step !== undefined)
    throw new CliError('--add makes a new step and --step changes one: use one at a time', EXIT.usage);
  if (o.add !== undefined) changes.push({ kind: 'add', step: { text: o.add, for: o.for, due: o.due } });
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

/** What to do with one picked step: a new status, or an edit. */
async function askStepChange(
  a: Asker,
  step: number,
  s: ActionStepT,
  today: string,
): Promise<ActionChange | typeof BACK> {
  const what = await a.select<string>({
    message: `Step ${step}: ${safeLine(s.text)}`,
    choices: [
      { value: 'planned', label: `Mark planned${s.status === 'planned' ? ' (now)' : ''}` },
      { value: 'in-progress', label: `Mark in progress${s.status === 'in-progress' ? ' (now)' : ''}` },
      { value: 'done', label: `Mark done, today (${today})${s.status === 'done' ? ' (now)' : ''}` },
      { value: 'note', label: 'Add a progress note' },
      { value: 'text', label: 'Edit the text' },
      { value: 'due', label: s.due ? `Change the due date (${s.due})` : 'Set a due date' },
      { value: 'remove', label: 'Remove this step' },
    ],
    default: s.status === 'planned' ? 'in-progress' : s.status === 'in-progress' ? 'done' : 'note',
    back: true,
  });
  if (what === BACK) return BACK;
  if (what === 'planned' || what === 'in-progress' || what === 'done') return { kind: 'status', step, status: what };
  if (what === 'note') {
    const t = await a.input({ message: `Progress note for ${today}`, back: true });
    return t === BACK || !cleanStepText(t) ? BACK : { kind: 'note', step, text: t, on: today };
  }
  if (what === 'text') {
    const t = await a.input({ message: 'New text', default: s.text, back: true });
    return t === BACK || !cleanStepText(t) ? BACK : { kind: 'text', step, text: t };
  }
  if (what === 'due') {
    const d = await a.input({
      message: `Due date (YYYY-MM-DD${s.due ? ', - to remove it' : ''})`,
      default: s.due,
      back: true,
      validate: (x) => (!x || x === '-' || isValidDay(x) ? true : 'A date looks like 2026-01-31.'),
    });
    if (d === BACK || (!d && !s.due)) return BACK;
    return { kind: 'due', step, due: d === '-' || !d ? null : d };
  }
  const sure = await a.select({
    message: `Remove step ${step} ("${safeLine(s.text)}")?`,
    choices: [
      { value: 'no', label: 'No, keep it' },
      { value: 'yes', label: 'Yes, remove it' },
    ],
    default: 'no',
  });
  return sure === 'yes' ? { kind: 'remove', step } : BACK;
}
