// Find the record files below the given folders: recursive, sorted, never leaving the folders through a
// link and never looping. What is passed over is reported, so nothing is dropped silently.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CliError, EXIT } from '../errors.js';

export interface ScanSkip {
  file: string;
  reason: 'link-outside' | 'link-broken' | 'same-file' | 'unreadable';
  message: string;
}

export interface ScanResult {
  files: string[];
  skipped: ScanSkip[];
}

export const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !rel.startsWith(sep));
}

/** Every `.yaml`/`.yml` file below `roots`, in a stable order. Usage errors (missing folder) throw. */
export function scanFolders(roots: string[]): ScanResult {
  if (roots.length === 0) throw new CliError('give at least one folder of record files', EXIT.usage);
  const realRoots: string[] = [];
  for (const r of roots) {
    let st;
    try {
      st = statSync(r);
    } catch {
      throw new CliError(`folder not found: ${r}`, EXIT.usage);
    }
    if (!st.isDirectory()) throw new CliError(`not a folder: ${r}`, EXIT.usage);
    realRoots.push(realpathSync(r));
  }
  const files: string[] = [];
  const skipped: ScanSkip[] = [];
  // Real paths of folders already visited: a link to one of them (a loop, or a second way in) is not
  // followed again. Files need no such set (it would grow with the number of records): a file inside
  // the folders is always reached through its real folder, so a link to it is simply not read.
  const seenDirs = new Set<string>();
  const within = (real: string) => realRoots.some((root) => inside(root, real));

  const walk = (dir: string, realDir: string) => {
    if (seenDirs.has(realDir)) return;
    seenDirs.add(realDir);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ file: dir, reason: 'unreadable', message: `cannot read folder: ${(err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        walk(path, join(realDir, e.name));
      } else if (e.isFile()) {
        if (isYamlName(e.name)) files.push(path);
      } else if (e.isSymbolicLink()) {
        visitLink(path, e.name);
      }
    }
  };

  const visitLink = (path: string, name: string) => {
    let real: string;
    let st;
    try {
      real = realpathSync(path);
      st = lstatSync(real);
    } catch {
      if (isYamlName(name)) skipped.push({ file: path, reason: 'link-broken', message: 'a link that leads nowhere (or loops)' });
      return;
    }
    if (!st.isDirectory() && !(st.isFile() && isYamlName(name))) return; // not a folder or a YAML file: ignored
    if (!within(real)) {
      skipped.push({ file: path, reason: 'link-outside', message: 'a link that leads outside the folders given; not followed' });
      return;
    }
    if (st.isFile()) {
      skipped.push({ file: path, reason: 'same-file', message: 'a link to a file inside the folders, which is read as itself' });
    } else if (seenDirs.has(real)) {
      skipped.push({ file: path, reason: 'same-file', message: 'a link to a folder that is already read (a loop?); not followed again' });
    } else {
      walk(path, real);
    }
  };

  roots.forEach((r, i) => walk(r, realRoots[i]));
  return { files, skipped };
}
