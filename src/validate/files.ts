// Find the YAML files below the paths a user names (folders recursively, links not followed out).
import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';

const YAML_FILE = /\.ya?ml$/i;

export function expandPaths(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new CliError(`not found: ${p}`, EXIT.usage);
    if (statSync(p).isDirectory()) walk(p, files, new Set());
    else files.push(p);
  }
  return files;
}

function walk(dir: string, out: string[], seen: Set<string>): void {
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    const st = lstatSync(full);
    if (st.isSymbolicLink()) continue; // never follow links: no loops, nothing outside the folder
    if (st.isDirectory()) walk(full, out, seen);
    else if (st.isFile() && YAML_FILE.test(name)) out.push(full);
  }
}
