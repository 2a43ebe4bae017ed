// The commander program. Command files stay light: heavy modules load inside each action.
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { actionsCommand } from './commands/actions.js';
import { assessCommand } from './commands/assess.js';
import { reportCommand } from './commands/report.js';
import { historyCommand } from './commands/history.js';
import { diffCommand } from './commands/diff.js';
import { listCommand } from './commands/list.js';
import { schemaCommand } from './commands/schema.js';
import { showCommand } from './commands/show.js';
import { summarizeCommand } from './commands/summarize.js';
import { validateCommand } from './commands/validate.js';
import { helpText } from './commands/help-text.js';
import { withOptionSuggestions } from './commands/option-suggest.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function createProgram(): Command {
  const program = new Command('profile')
    .description(
      'Practice profiles for coaching: self-assess in the terminal, summarize anonymously, maintain profiles as YAML.',
    )
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--profiles <dir>', 'also look for profiles in this folder (before PROFILE_PATH and the shipped ones)')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR does the same)')
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false, showGlobalOptions: true })
    .addHelpText(
      'after',
      helpText(`
Examples:
  $ profile list                          the profiles you can use
  $ profile assess sbic                   rate your coaching practice on the latest SBIC profile
  $ profile report records/2025-09-14_sbic-2024_3f2b8c1e.yaml
                                          your filled-in profile, to print or share
  $ profile history records/              your reviews side by side, oldest first
  $ profile summarize records/ --by region,district
                                          anonymous summary of a folder of records
  $ profile validate profiles/ records/   check profile and record files
  $ profile diff sbic@2014 sbic@2024      what changed between two versions

Exit codes: 0 ok, 1 problems found, 2 usage error or missing input.`),
    )
    .hook('preAction', (cmd) => {
      if (cmd.opts().color === false) process.env.NO_COLOR = '1';
    });
  program.exitOverride();
  withOptionSuggestions(program);
  for (const make of [
    assessCommand,
    actionsCommand,
    reportCommand,
    historyCommand,
    summarizeCommand,
    listCommand,
    showCommand,
    diffCommand,
    validateCommand,
    schemaCommand,
  ]) {
    const sub = make();
    sub.exitOverride();
    sub.showHelpAfterError('(run with --help for usage)');
    withOptionSuggestions(sub);
    program.addCommand(sub);
  }
  return program;
}
