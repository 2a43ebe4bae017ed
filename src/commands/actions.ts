// `profile actions <record>`: later, keep the action plan up: status, done date, text, due date, progress
// notes, new and removed steps. Work is in src/prompts/run-actions.ts.
import { Command, InvalidArgumentError } from 'commander';
import { globalOpts } from './shared.js';
import { helpText } from './help-text.js';

function stepNumbers(v: string, prev: number[] = []): number[] {
  const ns = v.split(',').map((x) => Number(x.trim()));
  if (!ns.every((n) => Number.isInteger(n) && n > 0)) throw new InvalidArgumentError('a step number, e.g. 1 (or 1,2)');
  return [...prev, ...ns];
}

function stepNumber(v: string): number {
  const n = Number(v.trim());
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a step number, e.g. 2');
  return n;
}

export function actionsCommand(): Command {
  return new Command('actions')
    .description(
      'keep your action plan up: mark steps in progress or done, edit, add a progress note, add or remove a step',
    )
    .argument('<record>', 'a record file written by profile assess')
    .option('--start <n>', 'mark step n in progress (repeatable, or 1,2)', stepNumbers)
    .option('--done <n>', 'mark step n done, with the date (today, or --on)', stepNumbers)
    .option('--plan <n>', 'mark step n planned again', stepNumbers)
    .option('--remove <n>', 'remove step n (repeatable, or 1,2)', stepNumbers)
    .option('--step <n>', 'the step that --text, --due or --note change', stepNumber)
    .option('--text <text>', 'with --step: the new text of the step')
    .option('--note <text>', 'with --step: add a dated progress note')
    .option('--add <text>', 'add a step (status planned)')
    .option(
      '--for <item>',
      'with --add: the priority it addresses: its number as shown (6), its title or a word in it, or its id',
    )
    .option('--due <date>', 'with --add or --step: due date, YYYY-MM-DD (with --step, - removes it)')
    .option('--on <date>', 'the date for --done and --note (default: today; not after today)')
    .option('--yes', 'with --remove: also remove steps that are done (your done work)')
    .option('--plain', 'numbered menu lines, each change said back (screen readers, logs); also with TERM=dumb')
    .addHelpText(
      'after',
      helpText(`
Without options, on a terminal, you pick a step and what to do with it (and, for done work and notes, the day).

Each change goes to the step you picked, even if another window changed the list meanwhile; if that step is gone, nothing is saved and the list is shown again. Each change is saved at once, atomically; comments, key order and everything else in the record stay. Dates are written quoted ("2026-01-31"), so any YAML reader takes them as text. Steps past their due date and not done are marked OVERDUE.

If a newer review in the same folder (profile assess --from) carries this record's unfinished steps on, that is said first, with the command for this year's plan; this record is still changed as asked.

The profile's maximum (3 for the shipped profiles) counts open steps: once a step is done you can add a new one. A draft must be finished first with profile assess --resume <file>. Done dates and notes cannot be after today; --done on a step already done changes its done date (and says so). A due date cannot be before the record's own date. Removing a done step needs --yes.

Examples:
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --done 1 --start 2
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --done 1 --on 2026-01-12
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --step 2 --text "Observe two meetings" --due 2026-03-01
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --step 2 --note "Met with two teachers"
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --remove 3
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --plain
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --add "Visit a peer coach" --for 6 --due 2026-01-31

Exit codes: 0 ok, 1 the record file is broken, 2 usage (e.g. no such step, a draft, too many open steps, a report or a profile instead of a record).`),
    )
    .action(async (file: string, opts: Record<string, unknown>, cmd: Command) => {
      const { runActions } = await import('../prompts/run-actions.js');
      await runActions({ file, ...opts, profiles: globalOpts(cmd).profiles });
    });
}
