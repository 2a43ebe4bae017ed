// `profile actions`: show a record's action steps and change them, by flags or interactively.
import { readFileSync } from 'node:fs';
import { applyChanges, checkChange, type ActionChange, type StepStatus } from '../assess/actions.js';
import { isValidDay } from '../assess/flow.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { ratedItems } from '../profile/model.js';
import { findByRef, loadRegistry } from '../profile/registry.js';
import { parseRecordText } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { replaceFileAtomic } from '../record/write.js';
import { actionsList } from '../ui/actions-view.js';
import { colours } from '../ui/colour.js';
import { BACK } from './asker.js';

export interface ActionsOptions {
  file: string;
  profiles?: string;
  done?: number[];
  start?: number[];
  plan?: number[];
  add?: string;
  for?: string;
  due?: string;
}

function load(file: string): { text: string; rec: PracticeRecord } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${fsErrorText(err)}`, EXIT.usage);
  }
  const r = parseRecordText(text, file);
  if (!r.record) {
    const d = r.diagnostics[0];
    throw new CliError(d?.message ?? 'not a record', EXIT.problems, d);
  }
  return { text, rec: r.record };
}

export async function runActions(o: ActionsOptions): Promise<void> {
  const ch = colours().out;
  let { text, rec } = load(o.file);
  const profile = findByRef(loadRegistry({ profiles: o.profiles }), rec.profile)?.profile;
  const items = profile ? ratedItems(profile) : [];
  const changes: ActionChange[] = [
    ...(o.start ?? []).map((step) => ({ kind: 'status' as const, step, status: 'in-progress' as StepStatus })),
    ...(o.done ?? []).map((step) => ({ kind: 'status' as const, step, status: 'done' as StepStatus })),
    ...(o.plan ?? []).map((step) => ({ kind: 'status' as const, step, status: 'planned' as StepStatus })),
  ];
  if (o.add !== undefined) changes.push({ kind: 'add', step: { text: o.add, for: o.for, due: o.due } });
  else if (o.for || o.due) throw new CliError('--for and --due go with --add "text"', EXIT.usage);

  const write = (cs: ActionChange[]) => {
    cs.forEach((c) => checkChange(rec, profile, c));
    text = applyChanges(text, cs);
    replaceFileAtomic(o.file, text);
    rec = load(o.file).rec;
  };
  if (changes.length) {
    write(changes);
    process.stdout.write(`Updated ${o.file}\n\n${actionsList(rec, items, ch)}`);
    return;
  }
  process.stdout.write(actionsList(rec, items, ch));
  if (!process.stdin.isTTY) return; // a script just wanted the list

  const { createInquirerAsker } = await import('./inquirer-asker.js');
  const a = await createInquirerAsker(ch);
  for (;;) {
    const steps = rec.actionSteps ?? [];
    const pick = await a.select({
      message: 'Change a step?',
      choices: [...steps.map((s, i) => ({ value: String(i + 1), label: `${i + 1}. ${s.text} (${s.status})` })), { value: 'add', label: 'Add a step' }, { value: 'quit', label: 'Done' }],
      default: String(steps.findIndex((x) => x.status !== 'done') + 1 || 'quit'), // the first open step
    });
    if (pick === BACK || pick === 'quit') return;
    if (pick === 'add') {
      const t = await a.input({ message: 'What will you do?', back: true });
      if (t === BACK || !t) continue;
      let forId: string | undefined;
      const prios = (rec.priorities ?? []).map((p) => items.find((i) => i.id === p)).filter((i) => i !== undefined);
      if (prios.length) {
        const f = await a.select({ message: 'Which priority does it address?', choices: [...prios.map((i) => ({ value: i.id, label: i.title })), { value: '', label: '(not linked)' }] });
        forId = f === BACK || !f ? undefined : f;
      }
      const due = await a.input({ message: 'Due date (YYYY-MM-DD, optional)', validate: (s) => (!s || isValidDay(s) ? true : 'A date looks like 2026-01-31.') });
      write([{ kind: 'add', step: { text: t, for: forId, due: due === BACK || !due ? undefined : due } }]);
    } else {
      const step = Number(pick);
      const status = await a.select<StepStatus>({
        message: `Step ${step} is now`,
        choices: [{ value: 'planned', label: 'planned' }, { value: 'in-progress', label: 'in progress' }, { value: 'done', label: 'done' }],
        default: steps[step - 1].status,
        back: true,
      });
      if (status === BACK) continue;
      write([{ kind: 'status', step, status }]);
    }
    process.stdout.write(`\n${actionsList(rec, items, ch)}`);
  }
}
