// A profile named on the command line: "sbic", "sbic@2014", or the path of a profile file.
import { existsSync, statSync } from 'node:fs';
import { CliError, EXIT, formatLocation } from '../errors.js';
import { loadProfileFile } from './load.js';
import { resolveProfile, type Registry } from './registry.js';
import type { Profile } from './schema.js';

export function loadProfileArg(reg: Registry, arg: string): Profile {
  const looksLikeFile = /\.ya?ml$/i.test(arg) || arg.includes('/') || arg.includes('\\');
  if (!looksLikeFile || !(existsSync(arg) && statSync(arg).isFile())) {
    if (looksLikeFile) throw new CliError(`not found: ${arg}`, EXIT.usage);
    return resolveProfile(reg, arg).profile;
  }
  const r = loadProfileFile(arg);
  if (!r.profile) {
    const first = r.diagnostics.find((d) => d.severity === 'error');
    throw new CliError(
      `${arg} is not a valid profile${first ? `: ${first.message}` : ''}`,
      EXIT.usage,
      first,
      `Run \`profile validate ${arg}\` to see every problem.${first ? ` First at ${formatLocation(first)}.` : ''}`,
    );
  }
  return r.profile;
}
