// Validate profile and record files (kind detected from `kind:`), with cross-checks between them.
import { fsErrorText } from '../errors.js';
import { existsSync, statSync } from 'node:fs';
import { checkYamlSize, readTextFile } from '../input-guard.js';
import { dirname, isAbsolute, resolve } from 'node:path';
import { checkFileName, validateProfileValue } from '../profile/load.js';
import { findByRef, sameProfile, skippedFor, type Registry } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { profileRef } from '../profile/model.js';
import { didYouMean } from '../suggest.js';
import { checkFork, checkProfileLinks } from './profile-links.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { detectKind, reportNotRecord, validateRecordValue } from '../record/read.js';
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
  /** Read by the schema though a check across its fields failed: the checks against other versions still run. */
  parsed?: Profile;
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
  for (const e of [...registry.entries, ...registry.skipped])
    if (e.profile && !known.has(e.ref)) known.set(e.ref, { profile: e.profile, file: e.file, checked: false });

  // A folder named for one of these ids is that profile's folder (sbic/2026.yaml saying id "sbci").
  const knownIds = new Set([...known.keys(), ...registry.skipped.map((s) => s.ref)].map((r) => r.split('@')[0]));
  const results: FileResult[] = parsed.map((p) => {
    const diagnostics = [...p.diagnostics];
    if (p.src && p.profile) diagnostics.unshift(...checkFileName(p.profile, p.src, false, knownIds));
    // All in one run: a file whose fields disagree (crosswalk-existing-id) still gets the checks against
    // other versions (crosswalk-merge, level-dropped ...), so a maintainer does not fix it in rounds.
    const readable = p.profile ?? p.parsed;
    if (p.src && p.kind === 'profile' && readable) {
      const id = readable.id;
      const versions = [...known.values()].filter((k) => k.profile.id === id).map((k) => k.profile.version);
      const seen = new Set(diagnostics.map((d) => `${d.line}:${d.col}:${d.message}`));
      const more = [
        ...checkProfileLinks(readable, p.src, lookup, versions),
        ...checkFork(readable, p.src, [...known.values()]),
      ];
      diagnostics.push(...more.filter((d) => !seen.has(`${d.line}:${d.col}:${d.message}`)));
    }
    if (p.src && p.kind === 'record' && !diagnostics.some((d) => d.severity === 'error'))
      diagnostics.push(
        ...checkRecord(registry, p.src, lookup, () => [...local.keys(), ...registry.entries.map((e) => e.ref)]),
      );
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
  // A report (HTML or Markdown) is named as one, not explained line by line as broken YAML.
  const report = reportNotRecord(text, src.diagnostics.length === 0);
  if (report)
    return { file, kind: 'unknown', diagnostics: [{ file, message: report, severity: 'error', code: 'schema' }] };
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
  glued.push(...schemaModeline(text, file, kind));
  if (kind === 'record') return { file, src, kind, diagnostics: glued };
  const r = validateProfileValue(src);
  // The file name is checked in validateFiles, which knows the other profiles.
  const diagnostics = [...r.diagnostics, ...glued];
  return { file, src, kind, diagnostics, profile: r.profile, parsed: r.parsed };
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
  // A copy that says something else than the published version: every record of it would change meaning.
  const otherProfile = before?.profile ?? (inUse && resolve(inUse.file) !== me ? inUse.profile : undefined);
  const published = inUse && resolve(inUse.file) !== me ? inUse.file : other;
  if (otherProfile && !sameProfile(p.profile!, otherProfile))
    return [
      diagnosticAt(
        p.src!,
        ['version'],
        `${ref} is already published in ${published}, and this file says something else; records of ${ref} were made on the published text`,
        {
          severity: 'error',
          code: 'published-version-changed',
          hint: 'Give this file a new version (with replaces: and a crosswalk), or make it an exact copy.',
        },
      ),
    ];
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
  registry: Registry,
  src: YamlSource,
  lookup: (ref: string) => Profile | undefined,
  known: () => string[],
): Diagnostic[] {
  const r = validateRecordValue(src);
  if (!r.record) return r.diagnostics;
  const profile = lookup(r.record.profile);
  const [id, version] = r.record.profile.split('@');
  const invalid = profile ? undefined : skippedFor(registry, id, version ?? '');
  if (invalid)
    return [
      diagnosticAt(
        src,
        ['profile'],
        `profile "${r.record.profile}" is in ${invalid.file}, which is not a valid profile (${invalid.first.message}), so this record cannot be checked`,
        { code: 'invalid-profile', hint: `Run \`profile validate ${invalid.file}\` and fix it first.` },
      ),
    ];
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

/**
 * `# yaml-language-server: $schema=../../templates/schema/profile.schema.json`, kept in a copy of a shipped
 * profile, points nowhere in a maintainer's own repository: the editor then checks nothing, silently.
 */
function schemaModeline(text: string, file: string, kind: 'profile' | 'record'): Diagnostic[] {
  const lines = text.split(/\r?\n/, 20);
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*#\s*yaml-language-server:\s*\$schema=)(\S+)/.exec(lines[i]);
    if (!m) continue;
    const target = m[2];
    // An address (https:, file:) or an absolute path is the editor's business; a relative path must resolve.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || isAbsolute(target)) return [];
    if (existsSync(resolve(dirname(file), target))) return [];
    const name = `${kind}.schema.json`;
    return [
      {
        file,
        line: i + 1,
        col: m[1].length + 1,
        severity: 'warning',
        code: 'schema-modeline',
        message: `the editor's schema line points to ${target}, which does not exist from this file's folder, so editors check nothing`,
        hint:
          kind === 'profile'
            ? `Run \`profile schema --write <profiles folder>/schema\` once, then make the first line  # yaml-language-server: $schema=../schema/${name}  (the file is <profiles folder>/<id>/<version>.yaml).`
            : `Run \`profile schema --write <folder>\` once, then make this line point to <folder>/${name}, relative to this file.`,
      },
    ];
  }
  return [];
}
