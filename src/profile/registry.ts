// Find profile files (package, --profiles DIR, PROFILE_PATH) and resolve "id" or "id@version".
import { existsSync, readdirSync, statSync } from 'node:fs';
import { canonicalJson } from '../canonical-json.js';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError, EXIT } from '../errors.js';
import { checkFork, checkProfileLinks } from '../validate/profile-links.js';
import { didYouMean } from '../suggest.js';
import type { Diagnostic, YamlSource } from '../yaml-source.js';
import { loadProfileInFolder } from './load.js';
import { compareVersions, profileRef, ratedItems } from './model.js';
import type { Profile } from './schema.js';
import { stderrWidth, wrapMessage } from '../ui/wrap.js';

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
  /** Profile files not used because `validate` rejects them (the file, or a check against other versions). */
  skipped: SkippedProfile[];
}

export interface SkippedProfile {
  file: string;
  /** The id@version the file stands for: its own when it could be read, else from `<id>/<version>.yaml`. */
  ref: string;
  /** The profile, when only a check against other versions rejects it (so validate can still compare). */
  profile?: Profile;
  /** Its first error, and how many there are. */
  first: Diagnostic;
  errors: number;
}

export interface RegistryOptions {
  profiles?: string;
  env?: NodeJS.ProcessEnv;
  /** Do not warn on stderr about skipped files (list and validate report them themselves; worker threads). */
  quiet?: boolean;
}

/** Search order: --profiles, then PROFILE_PATH, then the profiles shipped with the package. */
export function profileDirs(opts: RegistryOptions = {}): string[] {
  const env = opts.env ?? process.env;
  const dirs: string[] = [];
  if (opts.profiles) {
    if (!existsSync(opts.profiles)) throw new CliError(`--profiles: folder not found: ${opts.profiles}`, EXIT.usage);
    checkProfileFolder(opts.profiles, '--profiles');
    dirs.push(resolve(opts.profiles));
  }
  for (const d of (env.PROFILE_PATH ?? '').split(delimiter)) {
    if (!d.trim()) continue;
    // A folder that is not there is a usage error, as for --profiles: a typo would otherwise hide the
    // organisation's profiles while every command quietly used the shipped ones.
    if (!existsSync(d.trim()))
      throw new CliError(
        `PROFILE_PATH: folder not found: ${d.trim()}`,
        EXIT.usage,
        undefined,
        `PROFILE_PATH lists profile folders separated by "${delimiter}"; ${LAYOUT}. Fix or unset it (unset PROFILE_PATH).`,
      );
    checkProfileFolder(d.trim(), 'PROFILE_PATH');
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
      `Looks like one profile's id folder: give the folder above it, ${what === 'PROFILE_PATH' ? `PROFILE_PATH=${relativeOrAbsolute(parent)}` : `--profiles ${relativeOrAbsolute(parent)}`}`,
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

export { compareVersions };

export function loadRegistry(opts: RegistryOptions = {}): Registry {
  const dirs = profileDirs(opts);
  const problems: Diagnostic[] = [];
  const skipped: SkippedProfile[] = [];
  const skip = (file: string, ref: string, errors: Diagnostic[], profile?: Profile) => {
    problems.push(...errors);
    skipped.push({ file, ref, profile, first: errors[0], errors: errors.length });
  };
  const shadowed = new Map<string, string[]>();
  // Every readable file of each id@version, in search order (--profiles, PROFILE_PATH, shipped).
  const copies = new Map<string, Array<RegistryEntry & { source: YamlSource }>>();
  for (const dir of dirs) {
    for (const file of profileFilesIn(dir)) {
      const r = loadProfileInFolder(file);
      if (!r.profile || !r.source) {
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        skip(file, refFromPath(file), errors.length ? errors : r.diagnostics);
        continue;
      }
      const ref = profileRef(r.profile);
      copies.set(ref, [...(copies.get(ref) ?? []), { ref, file, profile: r.profile, source: r.source }]);
    }
  }
  // A published id@version means one thing: a copy that says something else (an edited copy of
  // sbic/2024.yaml) would change what every record of that version says. It is rejected; the last file
  // in search order (the shipped one, when there is one) is the version as published.
  const candidates: Array<RegistryEntry & { source: YamlSource }> = [];
  for (const [ref, list] of copies) {
    const base = list[list.length - 1];
    const same = list.filter((c) => c === base || sameProfile(c.profile, base.profile));
    for (const c of list)
      if (!same.includes(c))
        skip(c.file, ref, [
          {
            file: c.file,
            line: 1,
            col: 1,
            message: `${ref} is already published in ${displayPath(base.file)}, and this file says something else; records of ${ref} were made on the published text, so a change needs a new version`,
            severity: 'error',
            code: 'published-version-changed',
          },
        ]);
    candidates.push(same[0]);
    for (const c of same.slice(1)) {
      // An earlier folder overrides the same id@version: say so, a silent choice surprises.
      shadowed.set(ref, [...(shadowed.get(ref) ?? []), c.file]);
      problems.push({
        file: c.file,
        line: 1,
        col: 1,
        message: `${ref} is also in ${same[0].file}, which comes first in the search order; this file is not used`,
        severity: 'warning',
        code: 'shadowed-profile',
      });
    }
  }
  // What `validate` checks across versions (the crosswalk against the replaced version, a fork in the
  // chain): a profile it rejects is skipped like an invalid file, so no record is written on it.
  const byRef = new Map(candidates.map((c) => [c.ref, c.profile]));
  const known = candidates.map((c) => ({ profile: c.profile, file: c.file, checked: true }));
  const entries: RegistryEntry[] = [];
  for (const c of candidates) {
    const errors = [
      ...checkProfileLinks(
        c.profile,
        c.source,
        (ref) => byRef.get(ref),
        [...candidates.map((o) => o.ref), ...skipped.map((s) => s.ref)]
          .filter((r) => r.split('@')[0] === c.profile.id)
          .map((r) => r.split('@')[1]),
      ),
      ...checkFork(c.profile, c.source, known),
    ].filter((d) => d.severity === 'error');
    if (errors.length) skip(c.file, c.ref, errors, c.profile);
    else entries.push({ ref: c.ref, file: c.file, profile: c.profile });
  }
  entries.sort(
    (a, b) => a.profile.id.localeCompare(b.profile.id) || compareVersions(a.profile.version, b.profile.version),
  );
  const reg = { entries, problems, dirs, shadowed, skipped };
  if (!opts.quiet) {
    warnSkipped(reg);
    warnShadowed(reg);
  }
  return reg;
}

/** Two files of one id@version say the same thing (comments and layout aside). */
export function sameProfile(a: Profile, b: Profile): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** `<folder>/sbic/2026.yaml` -> sbic@2026. */
function refFromPath(file: string): string {
  return `${basename(dirname(file))}@${basename(file).replace(/\.ya?ml$/i, '')}`;
}

const warned = new Set<string>();

/** A warning on stderr: one line for a pipe or a log, wrapped by words on a terminal. */
function warn(text: string): void {
  process.stderr.write(`${wrapMessage(text, stderrWidth())}\n`);
}

/**
 * One line on stderr per skipped profile file, once per run: a command that quietly used the previous
 * version (or said "no such version") would hide that the file the maintainer just wrote is not in use.
 */
export function warnSkipped(reg: Registry, except: Iterable<string> = []): void {
  const not = new Set([...except].map((f) => resolve(f)));
  for (const s of reg.skipped) {
    const key = resolve(s.file);
    if (warned.has(key) || not.has(key)) continue;
    warned.add(key);
    const used = reg.entries.find((e) => e.ref === s.ref);
    const skipped = used ? `it is not used (${s.ref} comes from ${displayPath(used.file)})` : `${s.ref} is skipped`;
    warn(
      `warning: ${displayPath(s.file)} is not a valid profile, so ${skipped}: ${why(s)}; see every problem with: profile validate ${displayPath(s.file)}`,
    );
  }
}

/**
 * One line on stderr per id@version found in two folders, once per run: an edited copy of a published
 * version in the maintainer's folder is otherwise used silently instead of the published one (or the
 * other way round).
 */
export function warnShadowed(reg: Registry): void {
  for (const [ref, files] of reg.shadowed) {
    const used = reg.entries.find((e) => e.ref === ref);
    if (!used) continue; // the file that would be used is skipped: warnSkipped says so
    const key = `shadowed:${ref}`;
    if (warned.has(key)) continue;
    warned.add(key);
    warn(
      `warning: ${ref} is in more than one profile folder: using ${displayPath(used.file)}, not ${files.map(displayPath).join(', ')} (--profiles comes first, then PROFILE_PATH, then the shipped profiles); give one of them another version, or remove it`,
    );
  }
}

/** "line 25:11: released: not a calendar date ... (and 2 more)" */
function why(s: SkippedProfile): string {
  const at = s.first.line === undefined ? '' : `line ${s.first.line}:${s.first.col ?? 1}: `;
  return `${at}${s.first.message}${s.errors > 1 ? ` (and ${s.errors - 1} more)` : ''}`;
}

function displayPath(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel === '' || rel.startsWith('..') ? p : rel;
}

/** The skipped file that would have been `ref` (or, with no version, the latest of that id), if any. */
export function skippedFor(reg: Registry, id: string, version?: string): SkippedProfile | undefined {
  const same = reg.skipped.filter((s) => s.ref.split('@')[0] === id);
  if (version === undefined) return same[same.length - 1];
  return same.find((s) => s.ref === `${id}@${version}`);
}

function invalidError(s: SkippedProfile): CliError {
  const file = displayPath(s.file);
  return new CliError(
    `${s.ref} is in ${file}, which is not a valid profile, so it is not used (${why(s)})`,
    EXIT.usage,
    undefined,
    `Run \`profile validate ${file}\` to see every problem, fix them, then try again.`,
  );
}

/** "sbic" -> latest sbic; "sbic@2014" -> that version. Unknown -> CliError listing what exists. */
export function resolveProfile(reg: Registry, spec: string): RegistryEntry {
  const [id, version] = spec.split('@');
  const sameId = reg.entries.filter((e) => e.profile.id === id);
  if (sameId.length === 0) {
    const invalid = skippedFor(reg, id, version);
    if (invalid) throw invalidError(invalid);
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
    const invalid = skippedFor(reg, id, version);
    if (invalid) throw invalidError(invalid);
    const versions = sameId.map((e) => e.profile.version);
    throw new CliError(
      `profile "${id}" has no version "${version}"${didYouMean(version, versions)}; versions: ${versions.join(', ')}`,
      EXIT.usage,
      undefined,
      `Versions are searched in --profiles DIR, then the folders in PROFILE_PATH, then the shipped profiles${reg.dirs.length > 1 ? ` (here: ${reg.dirs.map(displayPath).join(', ')})` : ''}. If ${id}@${version} is in another folder, give it with --profiles DIR or PROFILE_PATH.`,
    );
  }
  return hit;
}

/**
 * `--as my-profiles/sbic/2026.yaml`: a profile file, as `diff` takes one. Every thread of a summary reads
 * profiles from the folders searched, so the file must be one of them (the one in use); otherwise a usage
 * error says which --profiles and id@version to give.
 */
export function resolveProfileOrFile(reg: Registry, spec: string, what: string): RegistryEntry {
  const looksLikeFile = /\.ya?ml$/i.test(spec) || spec.includes('/') || spec.includes('\\');
  if (!looksLikeFile) return resolveProfile(reg, spec);
  if (!existsSync(spec) || !statSync(spec).isFile()) throw new CliError(`${what} ${spec}: file not found`, EXIT.usage);
  const me = resolve(spec);
  const hit = reg.entries.find((e) => resolve(e.file) === me);
  if (hit) return hit;
  const invalid = reg.skipped.find((s) => resolve(s.file) === me);
  if (invalid) throw invalidError(invalid);
  const ref = [...reg.shadowed].find(([, files]) => files.some((f) => resolve(f) === me))?.[0];
  if (ref) {
    const used = reg.entries.find((e) => e.ref === ref);
    throw new CliError(
      `${what} ${spec}: ${ref} is also in ${used ? displayPath(used.file) : 'another folder'}, which comes first in the search order, so this file is not used`,
      EXIT.usage,
      undefined,
      'Give this file another version (or id), or remove the other copy.',
    );
  }
  const loaded = loadProfileInFolder(spec);
  const named = loaded.profile ? profileRef(loaded.profile) : refFromPath(spec);
  const id = named.split('@')[0];
  // Only a file in its id's folder (<folder>/<id>/<version>.yaml) can be found through --profiles.
  const inIdFolder = loaded.profile && basename(dirname(me)) === id;
  throw new CliError(
    `${what} ${spec}: this file is not in the profile folders searched (${reg.dirs.map(displayPath).join(', ')})`,
    EXIT.usage,
    undefined,
    inIdFolder
      ? `Give its profile folder and the version: --profiles ${relativeOrAbsolute(dirname(dirname(me)))} ${what} ${named}`
      : `Profiles are found as <folder>/<id>/<version>.yaml: put it at <folder>/${loaded.profile ? `${id}/${loaded.profile.version}` : '<id>/<version>'}.yaml, then give --profiles <folder> ${what} ${loaded.profile ? named : '<id>@<version>'}`,
  );
}

export function findByRef(reg: Registry, ref: string): RegistryEntry | undefined {
  return reg.entries.find((e) => e.ref === ref);
}

export function countRatedItems(p: Profile): number {
  return ratedItems(p).length;
}
