// `profile assess`: the coach's self-assessment. Options are parsed here; the work is in src/prompts/run-assess.ts.
import { Command } from 'commander';
import { CliError, EXIT } from '../errors.js';
import { globalOpts } from './shared.js';
import { helpText } from './help-text.js';

// zod loads inside the action, so `profile --version` does not pay for it.
async function optionsSchema() {
  const { z } = await import('zod');
  return z.strictObject({
    dir: z.string().min(1),
    resume: z.union([z.string().min(1), z.boolean()]).optional(),
    from: z.string().min(1).optional(),
    answers: z.string().min(1).optional(),
    group: z.array(z.string()).optional(),
    cycle: z.string().optional(),
    date: z.string().optional(),
    respondent: z.string().optional(),
    yes: z.boolean().optional(),
    keepRatings: z.boolean().optional(),
    plain: z.boolean().optional(),
  });
}

export function assessCommand(): Command {
  return new Command('assess')
    .description('rate your coaching practice on a profile, step by step; saved as you go, resumable')
    .argument(
      '[profile]',
      'profile id, optionally @version (latest by default), e.g. ohio-process-coaching or sbic@2014',
    )
    .option('--dir <folder>', 'where records are saved', 'records')
    .option('--resume [file]', 'continue a draft (without a file: the newest draft in --dir)')
    .option(
      '--from <record>',
      "start from an earlier record: its answers are shown beside each question as last time's",
    )
    .option(
      '--keep-ratings',
      "with --from: keep last time's ratings unchanged as this time's (not asked again); ratings only, not its notes, areas or priorities",
    )
    .option('--answers <file.yaml>', "answers given up front, in the record's shape (partial is fine)")
    .option(
      '--group <key=value>',
      'a grouping such as region=Southeast (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--cycle <label>', 'cycle label, e.g. "2025-26 baseline"')
    .option(
      '--date <YYYY-MM-DD>',
      'the day of the review, when it is not today (a paper profile typed in later); not in the future',
    )
    .option('--respondent <name>', 'your name in the record (optional; never shown in summaries)')
    .option('-y, --yes', 'never ask: finish from --answers/--from or list what is missing (exit 2)')
    .option(
      '--plain',
      'numbered questions, one line at a time, no redrawing (screen readers, logs); also with TERM=dumb',
    )
    .addHelpText(
      'after',
      helpText(`
Steps: context, rate each item, improvement areas, priorities (items below target), 2-3 action steps, review. Every answer is saved at once as a draft record in --dir; Ctrl-C or a closed terminal loses nothing.

Examples:
  $ profile assess ohio-process-coaching
  $ profile assess sbic --group region=Southeast --group district="Example R-I" --cycle "2025-26"
  $ profile assess --resume                      carry on with the newest draft in records/
  $ profile assess sbic --from records/2024-09-14_sbic-2014_3f2b8c1e.yaml
  $ profile assess --from records/2025-09-14_sbic-2024_5d1e9a20.yaml --keep-ratings --yes
  $ profile assess ohio-process-coaching --answers my-answers.yaml --yes
  $ profile assess ohio-process-coaching --plain
  $ profile assess sbic --date 2024-09-14 --cycle "2024-25 baseline"   a paper profile from then

Without a terminal (or with --yes) nothing is asked; missing answers are listed and the exit code is 2.
--from alone never answers a rating: each is chosen anew (or given in --answers), unless --keep-ratings.
With --yes, last time's unfinished action steps come along; its notes, improvement areas and priorities do not (give this year's in --answers; priorities default to every item below target).
Exit codes: 0 saved, 1 problem writing the record, 2 usage or missing answers, 130 stopped (draft kept).`),
    )
    .action(async (profile: string | undefined, opts: unknown, cmd: Command) => {
      const parsed = (await optionsSchema()).safeParse(opts);
      if (!parsed.success) throw new CliError(parsed.error.issues[0].message, EXIT.usage);
      const { runAssess } = await import('../prompts/run-assess.js');
      await runAssess({ ...parsed.data, profile, profiles: globalOpts(cmd).profiles });
    });
}
