import { Command } from 'commander';

export function assessCommand(): Command {
  return new Command('assess').description('(not built yet)');
}
