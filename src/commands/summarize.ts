import { Command } from 'commander';

export function summarizeCommand(): Command {
  return new Command('summarize').description('(not built yet)');
}
