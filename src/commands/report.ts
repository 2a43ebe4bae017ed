// `profile report <record>`: the coach's own filled-in profile, to read, print or share with a coaching partner.
import { Command, Option } from 'commander';
import { CliError, EXIT } from '../errors.js';
import { globalOpts } from './shared.js';
import { helpText } from './help-text.js';

async function optionsSchema() {
  const { z } = await import('zod');
  return z.strictObject({
    format: z.enum(['terminal', 'md', 'html']).optional(),
    out: z.string().min(1).optional(),
    force: z.boolean().optional(),
    plain: z.boolean().optional(),
    notes: z.boolean().optional(),
  });
}

export function reportCommand(): Command {
  return new Command('report')
    .description('your filled-in profile (levels, rubric text, notes, priorities, action plan) to read, print or share')
    .argument('<record>', 'a record file written by profile assess')
    .addOption(
      new Option(
        '-f, --format <format>',
        'terminal, md (Markdown) or html (a page to print or open on a phone)',
      ).choices(['terminal', 'md', 'html']),
    )
    .option(
      '-o, --out <file>',
      'write to this file instead of the screen; its extension (.html, .md, .txt) gives the format (html without --out: next to you, as <record>.html)',
    )
    .option('--force', 'let the report replace an existing file (--out, or the .html next to you)')
    .option(
      '--plain',
      'the text report in words only: no ■ marks or bullets (screen readers, logs); also with TERM=dumb',
    )
    .option('--no-notes', 'leave your private notes (the ones beside each rating) out, e.g. to share the report')
    .addHelpText(
      'after',
      helpText(`
The report is yours: it shows your private notes and name, unlike a summary. Share it only with whom you choose, or leave the notes out with --no-notes. Steps past their due date and not done are marked overdue.
An existing file is never replaced unless you add --force.
With --plain (or TERM=dumb) the text report says each level in words ("Level: Green - fully practising") with no ■ marks, bullets or colour, for a screen reader; Markdown and HTML are the same either way.

Examples:
  $ profile report records/2025-09-14_sbic-2024_3f2b8c1e.yaml
  $ profile report records/2025-09-14_sbic-2024_3f2b8c1e.yaml --format md > my-profile.md
  $ profile report records/2025-09-14_sbic-2024_3f2b8c1e.yaml --format html    writes 2025-09-14_sbic-2024_3f2b8c1e.html
  $ profile report records/2025-09-14_sbic-2024_3f2b8c1e.yaml --out partner.html --no-notes
  $ profile report records/2025-09-14_sbic-2024_3f2b8c1e.yaml --plain

Exit codes: 0 ok, 1 the record is broken, 2 usage (no such file, not a record (a report or a profile), unknown profile, the output file exists).`),
    )
    .action(async (file: string, opts: unknown, cmd: Command) => {
      const parsed = (await optionsSchema()).safeParse(opts);
      if (!parsed.success) throw new CliError(parsed.error.issues[0].message, EXIT.usage);
      if (parsed.data.out) {
        const { formatForOut } = await import('../out-format.js');
        parsed.data.format = formatForOut<'terminal' | 'md' | 'html'>(
          parsed.data.out,
          parsed.data.format,
          { html: 'html', htm: 'html', md: 'md', markdown: 'md', txt: 'terminal' },
          'terminal',
          '.html (a page to open in a browser, print or save as PDF), .md (Markdown) or .txt (text)',
        );
      }
      const { runReport } = await import('../prompts/run-report.js');
      runReport({ file, ...parsed.data, profiles: globalOpts(cmd).profiles });
    });
}
