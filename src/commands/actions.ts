// `profile actions <record>`: later, mark action steps in progress or done, or add one. Work is in src/prompts/run-actions.ts.
import { Command, InvalidArgumentError } from 'commander';
import { globalOpts } from './shared.js';

function stepNumbers(v: string, prev: number[] = []): number[] {
  const ns = v.split(',').map((x) => Number(x.trim()));
  if (!ns.every((n) => Number.isInteger(n) && n > 0)) throw new InvalidArgumentError('a step number, e.g. 1 (or 1,2)');
  return [...prev, ...ns];
}

export function actionsCommand(): Command {
  return new Command('actions')
    .description("show a record's action steps; mark them in progress or done, or add one")
    .argument('<record>', 'a record file written by profile assess')
    .option('--start <n>', 'mark step n in progress (repeatable, or 1,2)', stepNumbers)
    .option('--done <n>', 'mark step n done (repeatable, or 1,2)', stepNumbers)
    .option('--plan <n>', 'mark step n planned again', stepNumbers)
    .option('--add <text>', 'add a step (status planned)')
    .option('--for <item>', 'with --add: the priority (rated item id) it addresses')
    .option('--due <date>', 'with --add: due date, YYYY-MM-DD')
    .addHelpText(
      'after',
      `
Without options, on a terminal, you pick a step and its new status.
Each change is saved at once, atomically; comments and everything else in the
record stay (spacing may be tidied). A draft must be finished first with
profile assess --resume <file>. --add refuses once the record has as many steps
as its profile allows (3 for the shipped profiles).

Examples:
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --done 1 --start 2
  $ profile actions records/2025-09-14_sbic-2024_3f2b8c1e.yaml --add "Visit a peer coach" --for feedback --due 2026-01-31

Exit codes: 0 ok, 1 the record file is broken, 2 usage (e.g. no such step, a draft, too many steps).`,
    )
    .action(async (file: string, opts: { start?: number[]; done?: number[]; plan?: number[]; add?: string; for?: string; due?: string }, cmd: Command) => {
      const { runActions } = await import('../prompts/run-actions.js');
      await runActions({ file, ...opts, profiles: globalOpts(cmd).profiles });
    });
}
