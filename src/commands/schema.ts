// `profile schema profile|record`: the JSON Schema editors use to check files while typing; `--write DIR`
// puts both into a maintainer's own repository, where a copied template's modeline finds them.
import { Command, Argument } from 'commander';
import { CliError, EXIT } from '../errors.js';
import { writeOut } from './shared.js';
import { helpText } from './help-text.js';

export function schemaCommand(): Command {
  return new Command('schema')
    .description(
      'print the JSON Schema of profile or record files, or write both into a folder (for editors such as VS Code)',
    )
    .addArgument(new Argument('[kind]', 'which schema to print').choices(['profile', 'record']))
    .option('--write <dir>', 'write profile.schema.json and record.schema.json into this folder (made if missing)')
    .addHelpText(
      'after',
      helpText(`
The schema checks structure (fields, types, id spelling) while you type. It does not check what needs more than one file or field: unique ids, levels and stems that exist, crosswalks against the earlier version, records against their profile. \`profile validate\` does.

In your own profiles repository, write the schemas next to the profile folders:
  $ profile schema --write schema
and start each <id>/<version>.yaml with (as templates/profile.yaml does):
  # yaml-language-server: $schema=../schema/profile.schema.json

Examples:
  $ profile schema profile > profile.schema.json
  $ profile schema --write .vscode/schema`),
    )
    .action(async (kind: 'profile' | 'record' | undefined, opts: { write?: string }) => {
      const { jsonSchemaText, SCHEMA_KINDS } = await import('../json-schema.js');
      if (opts.write) {
        const { writeSchemas } = await import('../schema-files.js');
        for (const file of writeSchemas(opts.write, kind ? [kind] : [...SCHEMA_KINDS])) writeOut(`wrote ${file}\n`);
        return;
      }
      if (!kind) throw new CliError('say which schema to print (profile or record), or use --write <dir>', EXIT.usage);
      writeOut(jsonSchemaText(kind));
    });
}
