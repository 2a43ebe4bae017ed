import { Command } from 'commander';

export function actionsCommand(): Command {
  return new Command('actions').description('(not built yet)');
}
