import { Command } from 'commander';

export function schemaCommand(): Command {
  return new Command('schema').description('(not built yet)');
}
