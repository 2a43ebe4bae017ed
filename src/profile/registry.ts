// Find profile files (package, --profiles DIR, PROFILE_PATH) and resolve "id" or "id@version".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, EXIT } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Diagnostic } from '../yaml-source.js';
import { loadProfileFile } from './load.js';
import { profileRef, ratedItems } from './model.js';
import type { Profile } from './schema.js';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKAGE_PROFILES = join(PACKAGE_ROOT, 'profiles');

export interface RegistryEntry {
  ref: string;
  file: string;
  profile: Profile;
}

export interface Registry {
  entries: RegistryEntry[];
  /** Problems in profile files found while scanning (a broken or shadowed file is skipped, not fatal). */
  problems: Diagnostic[];
  dirs: string[];
  /** id@version -> files with the same id@version that are not used (an earlier folder wins). */
  shadowed: Map<string, string[]>;
}

/** Search order: --profiles, then PROFILE_PATH, then the profiles shipped with the package. */
export function profileDirs(opts: { profiles?: string; env?: NodeJS.ProcessEnv } = {}): string[] {
  const env = opts.env ?? process.env;
  const dirs: string[] = [];
  if (opts.profiles) {
    if (!existsSync(opts.profiles)) throw new CliError(`--profiles: folder not found: ${opts.profiles}`, EXIT.usage);
    checkProfileFolder(opts.profiles, '--profiles');
    dirs.push(resolve(opts.profiles));
  }
  for (const d of (env.PROFILE_PATH ?? '').split(delimiter)) {
    if (!d.trim()) continue;
    if (existsSync(d.trim())) checkProfileFolder(d.trim(), 'PROFILE_PATH');
    dirs.push(resolve(d.trim()));
  }
  dirs.push(PACKAGE_PROFILES);
  return [...new Set(dirs)];
}

const LAYOUT =
  'a profile folder holds one folder per profile id, each with one file per version: <folder>/<id>/<version>.yaml';

/**
 * A file, or a profile's own id folder (`profiles/sbic`), would be searched for `<id>/<version>.yaml` and
 * found empty: every command would then quietly miss the profiles (while `validate` checked the files).
 */
function checkProfileFolder(dir: string, what: string): void {
  if (!statSync(dir).isDirectory())
    throw new CliError(
      `${what}: ${dir} is a file, not a folder`,
      EXIT.usage,
      undefined,
      `${LAYOUT[0].toUpperCase()}${LAYOUT.slice(1)}. To check one file: profile validate ${dir}`,
    );
  const entries = readdirSync(dir);
  const direct = entries.filter((f) => /\.ya?ml$/i.test(f));
  if (direct.length && profileFilesIn(dir).length === 0) {
    const parent = dirname(resolve(dir));
    throw new CliError(
      `${what}: ${dir} holds ${direct.join(', ')} directly, so no profile would be found in it (${LAYOUT})`,
      EXIT.usage,
      undefined,
      `Looks like one profile's id folder: give the folder above it, --profiles ${relativeOrAbsolute(parent)}`,
    );
  }
}

function relativeOrAbsolute(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel;
}

/** `<dir>/<id>/<version>.yaml` files below one folder. */
export function profileFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const id of readdirSync(dir).sort()) {
    const sub = join(dir, id);
    if (id.startsWith('.') || !statSync(sub).isDirectory()) continue;
    for (const f of readdirSync(sub).sort()) if (/\.ya?ml$/.test(f)) files.push(join(sub, f));
  }
  return files;
}

export function loadRegistry(opts: { profiles?: string; env?: NodeJS.ProcessEnv } = {}): Registry {
  const dirs = profileDirs(opts);
  const entries: RegistryEntry[] = [];
  const problems: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const shadowed = new Map<string, string[]>();
  for (const dir of dirs) {
    for (const file of profileFilesIn(dir)) {
      const r = loadProfileFile(file);
      problems.push(...r.diagnostics.filter((d) => d.severity === 'error'));
      if (!r.profile) continue;
      const ref = profileRef(r.profile);
      const first = seen.get(ref);
      if (first !== undefined) {
        // An earlier folder overrides the same id@version: say so, a silent choice surprises.
        shadowed.set(ref, [...(shadowed.get(ref) ?? []), file]);
        problems.push({
          file,
          line: 1,
          col: 1,
          message: `${ref} is also in ${first}, which comes first in the search order; this file is not used`,
          severity: 'warning',
          code: 'shadowed-profile',
        });
        continue;
      }
      seen.set(ref, file);
      entries.push({ ref, file, profile: r.profile });
    }
  }
  entries.sort(
    (a, b) => a.profile.id.localeCompare(b.profile.id) || compareVersions(a.profile.version, b.profile.version),
  );
  return { entries, problems, dirs, shadowed };
}

export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** "sbic" -> latest sbic; "sbic@2014" -> that version. Unknown -> CliError listing what exists. */
export function resolveProfile(reg: Registry, spec: string): RegistryEntry {
  const [id, version] = spec.split('@');
  const sameId = reg.entries.filter((e) => e.profile.id === id);
  if (sameId.length === 0) {
    const ids = [...new Set(reg.entries.map((e) => e.profile.id))];
    throw new CliError(
      `unknown profile "${id}"${didYouMean(id, ids)}; known profiles: ${ids.join(', ') || 'none'}`,
      EXIT.usage,
      undefined,
      'Run `profile list` to see every profile and version.',
    );
  }
  if (version === undefined) return sameId[sameId.length - 1];
  const hit = sameId.find((e) => e.profile.version === version);
  if (!hit) {
    const versions = sameId.map((e) => e.profile.version);
    throw new CliError(
      `profile "${id}" has no version "${version}"${didYouMean(version, versions)}; versions: ${versions.join(', ')}`,
      EXIT.usage,
    );
  }
  return hit;
}

export function findByRef(reg: Registry, ref: string): RegistryEntry | undefined {
  return reg.entries.find((e) => e.ref === ref);
}

export function countRatedItems(p: Profile): number {
  return ratedItems(p).length;
}
