// Validate profile and record files (kind detected from `kind:`), with cross-checks between them.
import { fsErrorText } from '../errors.js';
import { statSync } from 'node:fs';
import { checkYamlSize, readTextFile } from '../input-guard.js';
import { basename, dirname, resolve } from 'node:path';
import { validateProfileValue } from '../profile/load.js';
import { compareVersions, findByRef, type Registry } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { itemIds, levelIds } from '../profile/crosswalk.js';
import { profileRef } from '../profile/model.js';
import { closest, didYouMean } from '../suggest.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { detectKind, validateRecordValue } from '../record/read.js';
import { gluedComments } from '../yaml-explain.js';
import { diagnosticAt, MAX_FILE_BYTES, parseYaml, type Diagnostic, type YamlSource } from '../yaml-source.js';

export interface FileResult {
  file: string;
  kind: 'profile' | 'record' | 'unknown';
  diagnostics: Diagnostic[];
}

export interface ValidateResult {
  files: FileResult[];
  errors: number;
  warnings: number;
}

interface Parsed {
  file: string;
  src?: YamlSource;
  kind: FileResult['kind'];
  diagnostics: Diagnostic[];
  profile?: Profile;
}

export function validateFiles(files: string[], registry: Registry): ValidateResult {
  const parsed = files.map(parseOne);
  // Profiles named on the command line take part in cross-checks, ahead of the registry's copies.
  const local = new Map<string, Profile>();
  for (const p of parsed) if (p.profile) local.set(profileRef(p.profile), p.profile);
  const lookup = (ref: string) => local.get(ref) ?? findByRef(registry, ref)?.profile;

  // Every profile version known to this run, with its file: the ones named first, then the registry's.
  const known = new Map<string, { profile: Profile; file: string; checked: boolean }>();
  for (const p of parsed)
    if (p.profile) known.set(profileRef(p.profile), { profile: p.profile, file: p.file, checked: true });
  for (const e of registry.entries)
    if (!known.has(e.ref)) known.set(e.ref, { profile: e.profile, file: e.file, checked: false });

  const results: FileResult[] = parsed.map((p) => {
    const diagnostics = [...p.diagnostics];
    if (p.src && p.kind === 'profile' && p.profile) {
      diagnostics.push(...checkProfileLinks(p.profile, p.src, lookup));
      diagnostics.push(...checkFork(p.profile, p.src, [...known.values()]));
    }
    if (p.src && p.kind === 'record' && !diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(...checkRecord(p.src, lookup, () => [...local.keys(), ...registry.entries.map((e) => e.ref)]));
    if (p.src && p.profile) diagnostics.push(...shadowed(p, parsed, registry));
    return { file: p.file, kind: p.kind, diagnostics };
  });
  const all = results.flatMap((r) => r.diagnostics);
  return {
    files: results,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}

function parseOne(file: string): Parsed {
  let text: string;
  let warnings: Diagnostic[];
  try {
    if (statSync(file).size > MAX_FILE_BYTES) {
      return {
        file,
        kind: 'unknown',
        diagnostics: [
          {
            file,
            message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; not a profile or record`,
            severity: 'error',
            code: 'too-large',
          },
        ],
      };
    }
    ({ text, warnings } = readTextFile(file, { maxBytes: MAX_FILE_BYTES, invalidUtf8: 'warn' }));
  } catch (err) {
    return {
      file,
      kind: 'unknown',
      diagnostics: [{ file, message: `cannot read: ${fsErrorText(err)}`, severity: 'error', code: 'unreadable' }],
    };
  }
  const tooBig = checkYamlSize(text, file);
  if (tooBig) return { file, kind: 'unknown', diagnostics: [tooBig] };
  const p = parseText(text, file);
  return { ...p, diagnostics: [...warnings, ...p.diagnostics] };
}

function parseText(text: string, file: string): Parsed {
  const src = parseYaml(text, file);
  if (src.diagnostics.length) return { file, src, kind: 'unknown', diagnostics: src.diagnostics };
  const glued = gluedComments(src.doc, src.lineCounter).map(
    (w): Diagnostic => ({
      file,
      line: w.line,
      col: w.col,
      message: w.message,
      hint: w.hint,
      severity: 'warning',
      code: 'comment-in-text',
    }),
  );
  const kind = detectKind(src.value);
  if (kind === 'unknown') {
    const has = src.value && typeof src.value === 'object' && 'kind' in (src.value as object);
    const message = has
      ? 'unknown kind; expected "practice-profile" or "practice-profile-record"'
      : 'no "kind:" field; a profile starts with "kind: practice-profile", a record with "kind: practice-profile-record"';
    return {
      file,
      src,
      kind,
      diagnostics: [diagnosticAt(src, has ? ['kind'] : [], message, { code: 'unknown-kind' })],
    };
  }
  if (kind === 'record') return { file, src, kind, diagnostics: glued };
  const r = validateProfileValue(src);
  const diagnostics = [...r.diagnostics, ...(r.profile ? checkFileName(r.profile, src) : []), ...glued];
  return { file, src, kind, diagnostics, profile: r.profile };
}

/** Profiles live at `<id>/<version>.yaml`; a mismatch means the registry would file it wrongly. */
function checkFileName(p: Profile, src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const version = basename(src.file).replace(/\.ya?ml$/i, '');
  if (version !== p.version)
    out.push(
      diagnosticAt(
        src,
        ['version'],
        `version "${p.version}" does not match the file name "${basename(src.file)}" (expected ${p.version}.yaml)`,
        { severity: 'warning', code: 'file-name' },
      ),
    );
  const id = basename(dirname(src.file));
  if (id !== p.id)
    out.push(
      diagnosticAt(
        src,
        ['id'],
        `id "${p.id}" does not match the folder "${id}" (profiles live at <id>/<version>.yaml)`,
        { severity: 'warning', code: 'file-name' },
      ),
    );
  return out;
}

/**
 * A later version's crosswalk must map ids that exist in the version it replaces, and must account for
 * every id of that version (items and levels) that is not in this one: a rename without a crosswalk entry
 * would silently turn old ratings into "not rated". `null` says "no counterpart" on purpose.
 */
function checkProfileLinks(p: Profile, src: YamlSource, lookup: (ref: string) => Profile | undefined): Diagnostic[] {
  if (!p.replaces) return [];
  const older = lookup(p.replaces);
  if (!older)
    return [
      diagnosticAt(src, ['replaces'], `replaces "${p.replaces}", which was not found`, {
        severity: 'warning',
        code: 'replaces-not-found',
        hint: 'Validate both versions together, e.g. `profile validate <folder>`, or put the earlier version in --profiles.',
      }),
    ];
  if (older.id !== p.id)
    return [
      diagnosticAt(src, ['replaces'], `replaces "${p.replaces}", a different profile id`, {
        severity: 'warning',
        code: 'replaces-other-profile',
      }),
    ];
  const out: Diagnostic[] = [];
  const check = (
    field: 'crosswalk' | 'levelCrosswalk',
    what: 'id' | 'level',
    oldIds: Set<string>,
    newIds: Set<string>,
  ) => {
    const walk = p[field] ?? {};
    for (const [from, to] of Object.entries(walk)) {
      // An id still in this version mapped elsewhere is already an error (crosswalk-existing-id).
      if (!oldIds.has(from) && !(newIds.has(from) && to !== from))
        out.push(
          diagnosticAt(
            src,
            [field, from],
            `${field} maps "${from}", which is not ${what === 'id' ? 'an id' : 'a level'} in ${p.replaces}${didYouMean(from, oldIds)}`,
            { preferKey: true, code: 'crosswalk-unknown-id' },
          ),
        );
    }
    const added = [...newIds].filter((id) => !oldIds.has(id));
    for (const id of oldIds) {
      if (newIds.has(id) || Object.hasOwn(walk, id)) continue;
      const guess = closest(id, added);
      const hint = `Add it under "${field}:" in this file: "${id}: ${guess ?? '<new id>'}", or "${id}: null" if it has no counterpart (its ratings are then dropped on purpose).`;
      out.push(
        diagnosticAt(
          src,
          p[field] ? [field] : ['replaces'],
          `${what} "${id}" of ${p.replaces} is not in ${profileRef(p)} and not in its ${field}${guess ? ` (renamed to "${guess}"?)` : ''}: records of ${p.replaces} would lose it`,
          { code: 'crosswalk-unmapped', hint, preferKey: true },
        ),
      );
    }
  };
  check('crosswalk', 'id', itemIds(older), itemIds(p));
  check('levelCrosswalk', 'level', levelIds(older), levelIds(p));
  return out;
}

/**
 * Two versions of one profile that replace the same version fork the chain: records of one can never be
 * counted as the other (`summarize --as`, `assess --from`). The usual cause is a copied file whose
 * `replaces:` was not updated, so the newer version is named as the likely culprit: it should replace the
 * latest version older than itself.
 */
function checkFork(
  p: Profile,
  src: YamlSource,
  known: Array<{ profile: Profile; file: string; checked: boolean }>,
): Diagnostic[] {
  if (!p.replaces) return [];
  const me = profileRef(p);
  const others = known.filter(
    (k) => k.profile.id === p.id && k.profile.replaces === p.replaces && profileRef(k.profile) !== me,
  );
  if (!others.length) return [];
  const older = others.filter((k) => compareVersions(k.profile.version, p.version) < 0);
  const fork = (k: { profile: Profile; file: string }) => `${profileRef(k.profile)} (${k.file})`;
  const refs = (ks: Array<{ profile: Profile }>) => ks.map((k) => profileRef(k.profile)).join(', ');
  // What a version should replace: the latest version of its profile older than itself.
  const before = (v: Profile) =>
    known
      .filter((k) => k.profile.id === v.id && compareVersions(k.profile.version, v.version) < 0)
      .map((k) => k.profile)
      .sort((a, b) => compareVersions(a.version, b.version))
      .pop();
  if (older.length) {
    // This file is the newer one: it should replace the latest version older than itself.
    const should = profileRef(before(p)!);
    return [
      diagnosticAt(
        src,
        ['replaces'],
        `${me} replaces ${p.replaces}, and so does ${older.map(fork).join(', ')}: the version chain forks, and records of ${refs(older)} cannot be counted as ${me}. This "replaces:" is probably wrong: a newer version replaces the latest older one, ${should}`,
        {
          code: 'replaces-fork',
          hint: `Write "replaces: ${should}" here, then validate again: it lists the ids of ${should} that the crosswalk must map.`,
        },
      ),
    ];
  }
  // This file is the older one, so the newer file is probably wrong. Said here only when that file is not
  // checked in this run (otherwise its own error says it, and once is enough).
  const newer = others.filter((k) => !k.checked);
  if (!newer.length) return [];
  const n = newer[0];
  return [
    diagnosticAt(
      src,
      ['replaces'],
      `${newer.map(fork).join(', ')} also replaces ${p.replaces}: the version chain forks, and records of ${me} cannot be counted as ${refs(newer)}. The "replaces:" in ${n.file} is probably wrong: it should be "replaces: ${profileRef(before(n.profile)!)}"`,
      { code: 'replaces-fork', hint: `Validate that file too: profile validate ${n.file}` },
    ),
  ];
}

/** The same id@version in two files: the registry uses the first it meets and would ignore the other silently. */
function shadowed(p: Parsed, all: Parsed[], registry: Registry): Diagnostic[] {
  const ref = profileRef(p.profile!);
  const me = resolve(p.file);
  const before = all.slice(0, all.indexOf(p)).find((o) => o.profile && profileRef(o.profile) === ref);
  const inUse = findByRef(registry, ref);
  const unused = (registry.shadowed?.get(ref) ?? []).filter((f) => resolve(f) !== me);
  const other = before ? before.file : inUse && resolve(inUse.file) !== me ? inUse.file : unused[0];
  if (!other) return [];
  const used = inUse
    ? resolve(inUse.file) === me
      ? 'this file is the one in use'
      : `${inUse.file} is the one in use (--profiles, then PROFILE_PATH, then the shipped profiles)`
    : 'only one of them can be used';
  return [
    diagnosticAt(p.src!, ['version'], `${ref} is also defined in ${other}; ${used}`, {
      severity: 'warning',
      code: 'shadowed-profile',
      hint: 'Give one of them another version (or id), or remove it.',
    }),
  ];
}

function checkRecord(
  src: YamlSource,
  lookup: (ref: string) => Profile | undefined,
  known: () => string[],
): Diagnostic[] {
  const r = validateRecordValue(src);
  if (!r.record) return r.diagnostics;
  const profile = lookup(r.record.profile);
  if (!profile)
    return [
      diagnosticAt(
        src,
        ['profile'],
        `unknown profile "${r.record.profile}"${didYouMean(r.record.profile, known())} (run \`profile list\` to see the profiles)`,
        { code: 'unknown-profile' },
      ),
    ];
  return checkRecordAgainstProfile(r.record, profile, src);
}
