// `profile show <id>[@version]`: a profile as a person reads it (terminal, Markdown) or as data (JSON).
import { Command, Option } from 'commander';
import { globalOpts, writeOut } from './shared.js';
import { helpText } from './help-text.js';

export function showCommand(): Command {
  return new Command('show')
    .description('show a profile like the paper form (latest version unless id@version)')
    .argument('<profile>', 'profile id, optionally @version (e.g. sbic, sbic@2014)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'md', 'json']).default('text'))
    .addHelpText(
      'after',
      helpText(`
Formats: text (terminal), md (Markdown: a rubric table like the paper form), json (the normalised model).

Examples:
  $ profile show sbic
  $ profile show sbic@2014 --format md > sbic-2014.md
  $ profile show ohio-process-coaching --format json`),
    )
    .action(async (spec: string, opts: { format: 'text' | 'md' | 'json' }, cmd: Command) => {
      const { loadRegistry, resolveProfile } = await import('../profile/registry.js');
      const { profile } = resolveProfile(loadRegistry(globalOpts(cmd)), spec);
      if (opts.format === 'json') return writeOut(`${JSON.stringify(profile, null, 2)}\n`);
      if (opts.format === 'md') {
        const { profileMarkdown } = await import('../render/profile-md.js');
        return writeOut(profileMarkdown(profile));
      }
      const { profileText } = await import('../ui/profile-text.js');
      writeOut(profileText(profile));
    });
}
