// Find the record files below the given folders: recursive, sorted, never leaving the folders through a
// link and never looping. Streams paths (a list of 100,000 paths would be most of the memory of a run);
// what is passed over is reported, so nothing is dropped silently.
import { type Dirent, lstatSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { CliError, EXIT, fsErrorText } from './errors.js';

export interface ScanSkip {
  file: string;
  reason: 'link-outside' | 'link-broken' | 'same-file' | 'unreadable';
  message: string;
}

/** A YAML file to read, or something passed over, in a stable order. */
export type ScanItem = { file: string; skip?: undefined } | { skip: ScanSkip; file?: undefined };

export const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !rel.startsWith(sep));
}

/** The real paths of the folders; a usage error (exit 2) if one is missing or not a folder. */
export function checkFolders(roots: string[]): string[] {
  if (roots.length === 0) throw new CliError('give at least one folder of record files', EXIT.usage);
  return roots.map((r) => {
    let st: Stats;
    try {
      st = statSync(r);
    } catch {
      throw new CliError(`folder not found: ${r}`, EXIT.usage);
    }
    if (!st.isDirectory()) throw new CliError(`not a folder: ${r}`, EXIT.usage);
    return realpathSync(r);
  });
}

const notRegular = (file: string): ScanSkip => ({
  file,
  reason: 'unreadable',
  message: 'not a regular file (a FIFO, socket or device); not read',
});

/** Every `.yaml`/`.yml` file below `roots` (and every link passed over), in a stable order. */
export function* walkFolders(roots: string[]): Generator<ScanItem> {
  const realRoots = checkFolders(roots);
  // Real paths of folders already visited: a link to one of them (a loop, or a second way in) is not
  // followed again. Files need no such set (it would grow with the number of records): a file inside
  // the folders is always reached through its real folder, so a link to it is simply not read.
  const seenDirs = new Set<string>();
  const within = (real: string) => realRoots.some((root) => inside(root, real));

  function* walk(dir: string, realDir: string): Generator<ScanItem> {
    if (seenDirs.has(realDir)) return;
    seenDirs.add(realDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      yield { skip: { file: dir, reason: 'unreadable', message: `cannot read folder: ${fsErrorText(err)}` } };
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      // Plain concatenation, not path.join: join's result keeps ~300 bytes of hidden string slices
      // alive per path.
      const path = dir.endsWith(sep) ? dir + e.name : dir + sep + e.name;
      if (e.isDirectory()) yield* walk(path, realDir + sep + e.name);
      else if (e.isFile()) {
        if (isYamlName(e.name)) yield { file: path };
      } else if (e.isSymbolicLink()) yield* link(path, e.name);
      // A FIFO, socket or device with a record's name: reported, never opened (a FIFO would block).
      else if (isYamlName(e.name)) yield { skip: notRegular(path) };
    }
  }

  function* link(path: string, name: string): Generator<ScanItem> {
    let real: string;
    let st: Stats;
    try {
      real = realpathSync(path);
      st = lstatSync(real);
    } catch {
      if (isYamlName(name))
        yield { skip: { file: path, reason: 'link-broken', message: 'a link that leads nowhere (or loops)' } };
      return;
    }
    if (!st.isDirectory() && !isYamlName(name)) return; // not a folder or a YAML file: ignored
    if (!within(real)) {
      yield {
        skip: {
          file: path,
          reason: 'link-outside',
          message: 'a link that leads outside the folders given; not followed',
        },
      };
    } else if (!st.isDirectory() && !st.isFile()) {
      yield { skip: notRegular(path) };
    } else if (st.isFile()) {
      yield {
        skip: {
          file: path,
          reason: 'same-file',
          message: 'a link to a file inside the folders, which is read as itself',
        },
      };
    } else if (seenDirs.has(real)) {
      yield {
        skip: {
          file: path,
          reason: 'same-file',
          message: 'a link to a folder that is already read (a loop?); not followed again',
        },
      };
    } else {
      yield* walk(path, real);
    }
  }

  for (let i = 0; i < roots.length; i++) yield* walk(roots[i], realRoots[i]);
}

/** How many files a walk will yield (for the progress bar and the choice of threads); cheap, no stat. */
export function countFiles(roots: string[]): number {
  let n = 0;
  for (const item of walkFolders(roots)) if (item.file !== undefined) n++;
  return n;
}

/** The paths of the files at these positions of a walk (the walk is stable, so a second one agrees). */
export function filesAt(roots: string[], indices: Set<number>): Map<number, string> {
  const out = new Map<number, string>();
  if (indices.size === 0) return out;
  let i = 0;
  for (const item of walkFolders(roots)) {
    if (item.file === undefined) continue;
    if (indices.has(i)) out.set(i, item.file);
    if (out.size === indices.size) break;
    i++;
  }
  return out;
}
