import { Command } from 'commander';

export function showCommand(): Command {
  return new Command('show').description('(not built yet)');
}
