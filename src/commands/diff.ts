// `profile diff A B`: what changed between two profile versions, and what records of A become under B.
import { Command, Option } from 'commander';
import { globalOpts, writeOut } from './shared.js';
import { helpText } from './help-text.js';

export function diffCommand(): Command {
  return new Command('diff')
    .description('what changed between two profile versions, and what records of the first become under the second')
    .argument('<a>', 'the earlier profile: id@version, or a profile file')
    .argument('<b>', 'the later profile: id@version, or a profile file (e.g. the new version you are editing)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .addHelpText(
      'after',
      helpText(`
Items and levels added, removed, renamed (through the crosswalk, over every version in between) and reworded (word by word: [-removed-]{+added+}). When B does not replace A, ids are compared as they are.
Exit codes: 0 shown (whether or not they differ), 2 a profile not found or not valid.

Examples:
  $ profile diff sbic@2014 sbic@2024
  $ profile diff sbic@2024 my-profiles/sbic/2026.yaml --format md > CHANGES.md
  $ profile diff sbic@2014 sbic@2024 --format json`),
    )
    .action(async (a: string, b: string, opts: { format: 'text' | 'md' | 'json' }, cmd: Command) => {
      const { loadProfileArg } = await import('../profile/arg.js');
      const { loadRegistry, findByRef } = await import('../profile/registry.js');
      const { profileRef } = await import('../profile/model.js');
      const { diffProfiles } = await import('../diff/profile-diff.js');
      const reg = loadRegistry(globalOpts(cmd));
      const pa = loadProfileArg(reg, a);
      const pb = loadProfileArg(reg, b);
      // Files named on the command line take part in the chain, ahead of the registry's copies.
      const named = new Map([pa, pb].map((p) => [profileRef(p), p]));
      const d = diffProfiles(pa, pb, (ref) => named.get(ref) ?? findByRef(reg, ref)?.profile);
      if (opts.format === 'json') return writeOut(`${JSON.stringify(d, null, 2)}\n`);
      const { recordLines, profileDiffText } = await import('../ui/profile-diff-text.js');
      if (opts.format === 'md') {
        const { profileDiffMarkdown } = await import('../render/profile-diff-md.js');
        return writeOut(profileDiffMarkdown(d, recordLines(d)));
      }
      writeOut(profileDiffText(d));
    });
}
