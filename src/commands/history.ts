// `profile history [folder]`: one coach's reviews of a profile side by side, oldest first, with the trend.
import { Command } from 'commander';
import { CliError, EXIT } from '../errors.js';
import { globalOpts } from './shared.js';
import { helpText } from './help-text.js';

async function optionsSchema() {
  const { z } = await import('zod');
  return z.strictObject({
    profile: z.string().min(1).optional(),
    respondent: z.string().min(1).optional(),
    group: z.array(z.string()).optional(),
    samePerson: z.boolean().optional(),
    plain: z.boolean().optional(),
  });
}

export function historyCommand(): Command {
  return new Command('history')
    .description('your growth: your complete records of a profile side by side, oldest first, with the trend')
    .argument('[folder]', 'the folder of your records', 'records')
    .option('--profile <id>', 'which profile, when the folder has records of several (e.g. sbic)')
    .option(
      '--respondent <name>',
      "whose records, when the folder holds more than one person's (none: the records with no name)",
    )
    .option(
      '--group <key=value>',
      'only the records from this place, e.g. --group district=Lincoln (repeat for more keys)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .option('--same-person', 'the records with no name are all yours, even where the district or building differs')
    .option('--plain', 'words only: no ■ marks or arrows (screen readers, logs); also with TERM=dumb')
    .addHelpText(
      'after',
      helpText(`
Each item of the newest version is shown with your level at each review (A, B, C ... oldest first); earlier versions are carried over through the profile's crosswalk, and an item with no counterpart shows as not rated. Its mark says what it compares: "↑ up since A" is your newest level against review A's. Drafts are left out. The steps you marked done are listed under the review they belonged to.
With --plain (or TERM=dumb) the same is said in words alone, for a screen reader: "up since A", "not rated", no ■ marks, arrows or colour.
History never mixes people: if the records have different respondents (a record with no respondent counts as its own), it lists who is there and you pick one with --respondent NAME, or --respondent none for the records with no name. Records with no name (profile assess does not ask for one) whose group differs (another district, building...) may be a colleague's: history lists them by place and stops; pick yours with --group KEY=VALUE, move the other files out, or, if your place changed between years, confirm with --same-person.

Examples:
  $ profile history
  $ profile history records/ --profile sbic
  $ profile history records/ --group district=Lincoln
  $ profile history records/ --same-person
  $ profile history --plain
  $ profile history shared-drive/ --profile ohio-process-coaching --respondent "Jane Doe"

Exit codes: 0 ok, 2 usage (no such folder, no complete records, several profiles or people, --group not KEY=VALUE).`),
    )
    .action(async (folder: string, opts: unknown, cmd: Command) => {
      const parsed = (await optionsSchema()).safeParse(opts);
      if (!parsed.success) throw new CliError(parsed.error.issues[0].message, EXIT.usage);
      const { runHistory } = await import('../prompts/run-history.js');
      const { parseGroupFilter } = await import('../history/collect.js');
      const { group, ...rest } = parsed.data;
      runHistory({
        folder,
        ...rest,
        group: group ? parseGroupFilter(group) : undefined,
        profiles: globalOpts(cmd).profiles,
      });
    });
}
