// Preload (`node --import ./test/support/fixed-now.mjs bin/profile.js ...`) that makes a run of the CLI
// repeatable, for the README samples (test/support/readme-samples.mjs):
// - "today" is FIXED_NOW: `new Date()` and `Date.now()` start there (the clock still ticks from it, so the
//   lock waits in src/file-lock.ts end); a Date built from a value is an ordinary Date;
// - crypto.randomUUID() gives the same ids in every run of the same command line (a record's id, and so the
//   part of its file name, `records/2026-11-26_..._9e1e0ca3.yaml`), from a generator seeded by the arguments.
// Nothing here changes what the CLI does with a date or an id; it only fixes which ones it gets.
import crypto from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { prng } from './corpus.mjs';

export const FIXED_NOW = '2026-11-26T12:00:00.000Z';

const RealDate = globalThis.Date;
const fixedMs = RealDate.parse(FIXED_NOW);
const startedMs = RealDate.now();
const now = () => fixedMs + (RealDate.now() - startedMs);

class FixedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(now());
    else super(...args);
  }
  static now() {
    return now();
  }
}
globalThis.Date = FixedDate;

// Seeded by a hash of the command line (FNV-1a): the same command gives the same ids.
let seed = 2166136261;
for (const ch of process.argv.slice(2).join('\0')) seed = Math.imul(seed ^ ch.codePointAt(0), 16777619) >>> 0;
const next = prng(seed);
crypto.randomUUID = () => {
  const hex = (n) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  const variant = '89ab'[Math.floor(next() * 4)];
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
};
syncBuiltinESMExports();
