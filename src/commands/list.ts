// `profile list`: every profile and version available, with its title and number of rated items.
import { Command } from 'commander';
import { globalOpts, writeOut } from './shared.js';

export function listCommand(): Command {
  return new Command('list')
    .description('list every profile and version (shipped, --profiles, PROFILE_PATH)')
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  $ profile list\n  $ profile list --json\n  $ PROFILE_PATH=~/our-profiles profile list',
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { loadRegistry, countRatedItems } = await import('../profile/registry.js');
      const { ratedUnit } = await import('../profile/model.js');
      // Skipped files are listed below the profiles (and in the JSON), not warned on stderr too.
      const reg = loadRegistry({ ...globalOpts(cmd), quiet: true });
      const rows = reg.entries.map((e) => ({
        ref: e.ref,
        id: e.profile.id,
        version: e.profile.version,
        title: e.profile.title,
        status: e.profile.status,
        rate: e.profile.process.rate,
        unit: ratedUnit(e.profile),
        ratedItems: countRatedItems(e.profile),
        file: e.file,
      }));
      if (opts.json) return writeOut(`${JSON.stringify({ profiles: rows, problems: reg.problems }, null, 2)}\n`);
      const { renderProfileList } = await import('../ui/profile-list.js');
      const { terminalWidth } = await import('../ui/wrap.js');
      // On a terminal, wrapped by words at its width; piped, one line per profile, as scripts expect.
      writeOut(renderProfileList(rows, reg.problems, process.stdout.isTTY ? terminalWidth() : undefined));
    });
}
