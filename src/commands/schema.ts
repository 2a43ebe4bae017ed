// `profile schema profile|record`: print the JSON Schema that editors use to check files while typing.
import { Command, Argument } from 'commander';
import { writeOut } from './shared.js';

export function schemaCommand(): Command {
  return new Command('schema')
    .description('print the JSON Schema of profile or record files (for editors such as VS Code)')
    .addArgument(new Argument('<kind>', 'which schema').choices(['profile', 'record']))
    .addHelpText(
      'after',
      `
Shipped profiles start with a line that points editors (yaml-language-server) at the schema:
  # yaml-language-server: $schema=../../templates/schema/profile.schema.json

Examples:
  $ profile schema profile > profile.schema.json
  $ profile schema record`,
    )
    .action(async (kind: 'profile' | 'record') => {
      const { jsonSchemaText } = await import('../json-schema.js');
      writeOut(jsonSchemaText(kind));
    });
}
