// Small helpers every command uses: global options and output.
import type { Command } from 'commander';

export interface GlobalOpts {
  profiles?: string;
}

export function globalOpts(cmd: Command): GlobalOpts {
  const o = cmd.optsWithGlobals() as GlobalOpts;
  return { profiles: o.profiles };
}

export function writeOut(text: string): void {
  process.stdout.write(text);
}

export function writeErr(text: string): void {
  process.stderr.write(text);
}
