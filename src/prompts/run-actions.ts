// `profile actions`: show a record's action steps and change them, by flags or interactively.
import { cleanStepText, draftProblem, maxSteps, saveChanges, type ActionChange, type StepStatus } from '../assess/actions.js';
import { isValidDay } from '../assess/flow.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { readRecordText } from '../input-guard.js';
import { safeLine } from '../text-safety.js';
import { ratedItems } from '../profile/model.js';
import { loadRegistry, resolveProfile } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { parseRecordText } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { actionsList } from '../ui/actions-view.js';
import { colours } from '../ui/colour.js';
import { BACK, type Asker } from './asker.js';

export interface ActionsOptions {
  file: string;
  profiles?: string;
  done?: number[];
  start?: number[];
  plan?: number[];
  add?: string;
  for?: string;
  due?: string;
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
  const changes: ActionChange[] = [
    ...(o.start ?? []).map((step) => ({ kind: 'status' as const, step, status: 'in-progress' as StepStatus })),
    ...(o.done ?? []).map((step) => ({ kind: 'status' as const, step, status: 'done' as StepStatus })),
    ...(o.plan ?? []).map((step) => ({ kind: 'status' as const, step, status: 'planned' as StepStatus })),
  ];
  if (o.add !== undefined) changes.push({ kind: 'add', step: { text: o.add, for: o.for, due: o.due } });
  else if (o.for !== undefined || o.due !== undefined) throw new CliError('--for and --due go with --add "text"', EXIT.usage);

  const write = (cs: ActionChange[]) => {
    if (cs.some((c) => c.kind === 'add') && !profile) throw problem;
    rec = saveChanges(o.file, profile, cs).record;
  };
  if (changes.length) {
    write(changes);
    process.stdout.write(`Updated ${o.file}\n\n${actionsList(rec, items, ch)}`);
    return;
  }
  process.stdout.write(actionsList(rec, items, ch));
  if (!o.asker && !process.stdin.isTTY) return; // a script just wanted the list

  const a = o.asker ?? (await (await import('./inquirer-asker.js')).createInquirerAsker(ch));
  let saved = 0;
  try {
    for (;;) {
      const steps = rec.actionSteps ?? [];
      const max = maxSteps(profile);
      const full = max !== undefined && steps.length >= max;
      const pick = await a.select({
        message: full ? `Change a step? (${max} steps, the most this profile allows)` : 'Change a step?',
        choices: [
          ...steps.map((s, i) => ({ value: String(i + 1), label: `${i + 1}. ${safeLine(s.text)} (${s.status.replace('-', ' ')})` })),
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
          a.say(`This record already has ${steps.length} action steps, the most ${rec.profile} allows.`);
          continue;
        }
        const t = await a.input({ message: 'What will you do?', back: true });
        if (t === BACK || !cleanStepText(t)) continue;
        let forId: string | undefined;
        const prios = (rec.priorities ?? []).map((p) => items.find((i) => i.id === p)).filter((i) => i !== undefined);
        if (prios.length) {
          const f = await a.select({ message: 'Which priority does it address?', choices: [...prios.map((i) => ({ value: i.id, label: i.title })), { value: '', label: '(not linked)' }] });
          forId = f === BACK || !f ? undefined : f;
        }
        const due = await a.input({ message: 'Due date (YYYY-MM-DD, optional)', validate: (s) => (!s || isValidDay(s) ? true : 'A date looks like 2026-01-31.') });
        change = { kind: 'add', step: { text: t, for: forId, due: due === BACK || !due ? undefined : due } };
      } else {
        const step = Number(pick);
        const status = await a.select<StepStatus>({
          message: `Step ${step} is now`,
          choices: [{ value: 'planned', label: 'planned' }, { value: 'in-progress', label: 'in progress' }, { value: 'done', label: 'done' }],
          default: steps[step - 1].status,
          back: true,
        });
        if (status === BACK) continue;
        change = { kind: 'status', step, status };
      }
      try {
        write([change]); // each change is saved at once, so stopping later loses nothing
        saved++;
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        a.say(`Not saved: ${err.message}`);
        continue;
      }
      process.stdout.write(`\n${actionsList(rec, items, ch)}`);
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
