import { Command } from 'commander';

export function validateCommand(): Command {
  return new Command('validate').description('(not built yet)');
}
