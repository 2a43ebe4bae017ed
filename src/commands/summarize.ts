// `profile summarize <folder...>`: anonymous summary of a folder of records (logic in src/summary/).
import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { globalOpts, writeErr, writeOut } from './shared.js';
import { helpText } from './help-text.js';

const FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;

// zod loads inside the action so that `profile --version` does not pay for it.
const optionsSchema = (z: typeof import('zod').z) =>
  z.strictObject({
    by: z.array(z.string()).default([]),
    cycle: z.array(z.string()).default([]),
    growth: z.string().optional(),
    as: z.string().optional(),
    minN: z.string().default('5'),
    includeText: z.boolean().default(false),
    format: z.enum(FORMATS).default('table'),
    title: z.string().optional(),
    out: z.string().optional(),
    force: z.boolean().default(false),
    strict: z.boolean().default(false),
    workers: z.boolean().optional(),
  });

const collect = (v: string, acc: string[]) => [...acc, v];

export function summarizeCommand(): Command {
  return new Command('summarize')
    .description('anonymous summary of a folder of records, by profile version and group')
    .argument('<folder...>', 'folders of record files (read recursively)')
    .option(
      '--by <keys>',
      'group by these keys, nested (region,district); "cycle" is the record\'s cycle; repeat for more tables',
      collect,
      [],
    )
    .option(
      '--cycle <label>',
      'only records of this cycle (repeat for more); without it, each cycle gets its own report',
      collect,
      [],
    )
    .option('--growth <from..to>', 'compare two cycles: share at or above target in each, and the change')
    .option(
      '--as <profile>',
      'count earlier versions as this one, through its crosswalk: id@version (e.g. sbic@2024) or its file in a profile folder',
    )
    .option('--min-n <n>', 'smallest group or count shown; smaller ones are suppressed (at least 3)', '5')
    .option('--include-text', 'also list own improvement areas and action-step texts (groups of at least --min-n only)')
    .addOption(
      new Option('--format <format>', 'output format (with --out, taken from the file name when not given)')
        .choices([...FORMATS])
        .default('table'),
    )
    .option('--title <text>', 'title of an HTML or Markdown report, e.g. "SBIC 2025-26 baseline, state report"')
    .option('--out <file>', 'write the summary to this file instead of stdout')
    .option('--force', 'let --out replace an existing file')
    .option('--strict', 'exit 1 if any file was skipped (invalid, draft, duplicate, conflict, ...)')
    .addOption(new Option('--workers', 'always read on worker threads (for testing)').hideHelp())
    .addOption(new Option('--no-workers', 'read in one thread (for testing)').hideHelp())
    .addHelpText(
      'after',
      helpText(`
Examples:
  $ profile summarize records/                           one table per profile version
  $ profile summarize records/ --by region,district      nested groups with totals
  $ profile summarize records/ --by region --by region,district   two tables, protected together
  $ profile summarize records/ --cycle "2025-26 baseline"          one cycle only
  $ profile summarize records/ --growth "2025-26 baseline..2025-26 end of year" --by region
  $ profile summarize records/ --as sbic@2024            count sbic@2014 records as 2024 (crosswalk)
  $ profile summarize records/ --format json --out summary.json
  $ profile summarize a/ b/ --format html --out report.html --include-text

Cycles: a folder holding several cycles (e.g. a baseline and an end-of-year review) gets one report per cycle, so no coach is counted twice; --by cycle puts them in one table instead. Within a cycle, several records of one respondent count once, as the latest.

Anonymity: no names, record ids, notes, file names or dates appear in a summary. Groups of fewer than --min-n people (default 5) are withheld ("–", JSON null, with the reason), and a few more numbers are withheld or shown as a range so that none can be worked out by subtraction. All tables of one run are protected together; separate runs are not: publish one run. Files not counted are listed on stderr.

Exit codes: 0 ok; 1 with --strict when any file was not counted; 2 usage error.`),
    )
    .action(async (folders: string[], raw: Record<string, unknown>, cmd: Command) => {
      const { z } = await import('zod');
      const opts = optionsSchema(z).parse(raw);
      // A plain whole number only: Number() would also take "0x5", "1e1", " 5 " or "".
      const minN = /^[0-9]+$/.test(opts.minN) ? Number(opts.minN) : NaN;
      if (!Number.isSafeInteger(minN) || minN < 3)
        throw new CliError(`--min-n must be a whole number of at least 3 (got ${opts.minN})`, EXIT.usage);
      // --out report.html without --format: the file name says which format is wanted (the rule report follows).
      if (opts.out) {
        const { formatForOut } = await import('../out-format.js');
        opts.format = formatForOut<typeof opts.format>(
          opts.out,
          cmd.getOptionValueSource('format') === 'cli' ? opts.format : undefined,
          { json: 'json', csv: 'csv', md: 'md', markdown: 'md', html: 'html', htm: 'html', txt: 'table' },
          'table',
          '.html (opens in a browser, prints to PDF), .csv (opens in Excel or Sheets), .md, .json, or .txt',
        );
      }
      const by = opts.by
        .map((b) =>
          b
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        )
        .filter((b) => b.length);
      for (const b of by) {
        const twice = b.find((k, i) => b.indexOf(k) !== i);
        if (twice) throw new CliError(`--by ${b.join(',')} names "${twice}" twice`, EXIT.usage);
      }
      let growth: [string, string] | undefined;
      if (opts.growth !== undefined) {
        const parts = opts.growth.split('..').map((x) => x.trim());
        if (parts.length !== 2 || !parts[0] || !parts[1])
          throw new CliError(
            `--growth takes two cycle labels joined by "..", e.g. "2025-26 baseline..2025-26 end of year" (got ${opts.growth})`,
            EXIT.usage,
          );
        growth = [parts[0], parts[1]];
      }
      if (opts.out && existsSync(opts.out) && !opts.force) {
        throw new CliError(
          `${opts.out} exists; not replacing it`,
          EXIT.usage,
          undefined,
          'Use --force to replace it, or choose another --out file.',
        );
      }
      const [{ runSummarize }, { formatProblem, formatCountsLine, ConversionWarnings }, { progressBar }] =
        await Promise.all([
          import('../summary/run.js'),
          import('../ui/summary-problems.js'),
          import('../ui/progress.js'),
        ]);
      const bar = progressBar('reading records');
      // Warnings (the record is still counted) can be many in a large folder: the first ones show the
      // pattern, the rest are counted. Every file that is not counted is always listed.
      const MAX_WARNINGS = 3;
      let warnings = 0;
      // With --as: conversion warnings (which validate cannot list) are summed up per kind instead.
      const conversion = new ConversionWarnings();
      const { summary, counts, notes } = await runSummarize({
        folders,
        by,
        cycles: opts.cycle,
        growth,
        as: opts.as,
        minN,
        includeText: opts.includeText,
        profilesDir: globalOpts(cmd).profiles,
        workers: opts.workers,
        onProblem: (p) => {
          if (conversion.add(p)) return;
          if (p.reason === 'warning' && ++warnings > MAX_WARNINGS) return;
          bar.stop();
          writeErr(formatProblem(p));
        },
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.stop();
      const text = await renderSummary(summary, opts.format, Boolean(opts.out), opts.title);
      if (opts.out) {
        const { replaceFileAtomic, writeNewFileAtomic } = await import('../atomic-write.js');
        // A report is meant to be shared: 0644. Without --force, link() keeps even a racing file safe.
        try {
          (opts.force ? replaceFileAtomic : writeNewFileAtomic)(opts.out, text, { mode: 0o644 });
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
            throw new CliError(
              `${opts.out} exists; not replacing it`,
              EXIT.usage,
              undefined,
              'Use --force to replace it, or choose another --out file.',
            );
          }
          throw new CliError(`cannot write ${opts.out}: ${fsErrorText(err)}`, EXIT.problems); // full disk, read-only folder
        }
        writeErr(`wrote ${opts.out}\n`);
      } else writeOut(text);
      writeErr(conversion.format(opts.as ?? ''));
      if (warnings > MAX_WARNINGS) {
        writeErr(
          `… and ${warnings - MAX_WARNINGS} more warning(s) about records that were counted all the same; \`profile validate ${folders.join(' ')}\` lists them all\n`,
        );
      }
      const { unusedByKeys } = await import('../summary/format/walk.js');
      const { didYouMean } = await import('../suggest.js');
      for (const key of unusedByKeys(summary)) {
        const known = notes.keysSeen.length ? ` Keys in the records: ${notes.keysSeen.slice(0, 8).join(', ')}.` : '';
        writeErr(
          `warning: no counted record has a group value for "${key}" (--by)${didYouMean(key, notes.keysSeen)}: every record is in "(not given)". Check the spelling; keys are case-sensitive.${known}\n`,
        );
      }
      const { formatRunNotes } = await import('../ui/summary-problems.js');
      writeErr(formatRunNotes(notes, counts, summary, growth));
      // When a report's total is withheld, the number of records counted would give it away.
      writeErr(formatCountsLine(counts, summary.files.counted === null));
      const notCounted = Object.values(counts.skipped).reduce((a, b) => a + b, 0);
      if (opts.strict && notCounted > 0) process.exitCode = EXIT.problems;
    });
}

async function renderSummary(
  summary: import('../summary/model.js').Summary,
  format: (typeof FORMATS)[number],
  toFile: boolean,
  title?: string,
): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(summary, null, 2)}\n`;
    case 'csv':
      return (await import('../summary/format/csv.js')).formatCsv(summary);
    case 'md':
      return (await import('../summary/format/md.js')).formatMarkdown(summary, title);
    case 'html':
      return (await import('../summary/format/html.js')).formatHtml(summary, { title });
    case 'table':
      return (await import('../ui/summary-table.js')).renderSummaryTable(summary, { colour: !toFile });
  }
}
