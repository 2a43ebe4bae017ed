// The one place colour is decided: only on a terminal, never with NO_COLOR, forced with FORCE_COLOR.
import { Chalk, type ChalkInstance } from 'chalk';
import { colourHex } from '../palette.js';

export { colourHex };

export function colourEnabled(
  stream: NodeJS.WriteStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

let cached: { out: ChalkInstance; err: ChalkInstance } | undefined;

/** chalk for stdout (`c.out`) and stderr (`c.err`), each honouring its own stream. */
export function colours(): { out: ChalkInstance; err: ChalkInstance } {
  cached ??= {
    out: new Chalk({ level: colourEnabled(process.stdout) ? 2 : 0 }),
    err: new Chalk({ level: colourEnabled(process.stderr) ? 2 : 0 }),
  };
  return cached;
}

export function paint(ch: ChalkInstance, colour: string, text: string): string {
  return ch.hex(colourHex(colour))(text);
}
