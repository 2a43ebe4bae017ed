// One file in, one small result out: read, parse, validate, check against its profile, and reduce a
// valid record to the few numbers a summary needs. Runs on the main thread or in a worker.
import { fsErrorText } from '../../errors.js';
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { checkRecordAgainstProfile } from '../../record/check.js';
import { detectKind, parseRecordText } from '../../record/read.js';
import type { PracticeRecord } from '../../record/schema.js';
import { isAtOrAboveTarget, profileRef } from '../../profile/model.js';
import type { Profile } from '../../profile/schema.js';
import { LineCounter } from 'yaml';
import type { Diagnostic, YamlSource } from '../../yaml-source.js';
import { RecordSchema } from '../../record/schema.js';
import { fastParseYaml } from './fast-yaml.js';
import { canonicalJson } from '../../canonical-json.js';
import { checkYamlSize, decodeText, encodingProblem, hasNumberGroup } from '../../input-guard.js';
import { crosswalkChain, hasLevel, type IdMap } from './crosswalk.js';

/** Bigger than any real record by far; such a file is reported, never read into memory. */
export const MAX_RECORD_BYTES = 1024 * 1024;

export const STATUSES = ['planned', 'in-progress', 'done'] as const;

/** What one valid record adds to a summary (already mapped with --as). */
export interface Contribution {
  /** The version the record is counted as (the --as target when it was converted). */
  profile: string;
  /** The version the record was written for, when it differs from `profile`. */
  from?: string;
  /** The record's value for each of the run's group keys (ReadOptions.keys), null where it has none. */
  groups: Array<string | null>;
  /** The record's cycle label, null where it has none. */
  cycle: string | null;
  /** Who answered (used only to count a person once per cycle; never reported). */
  respondent: string | null;
  /** The record's day (YYYY-MM-DD): which of one person's records in a cycle is the latest. */
  date: string;
  /** The record's own group keys, only when it lacks one the run groups by (for "did you mean"). */
  groupKeys?: string[];
  ratings: Array<[item: string, level: string, atOrAbove: boolean]>;
  /** With --as: ratings at a level the crosswalk drops on purpose (counted as "Not rated"), when any. */
  levelDropped?: number;
  priorities: string[];
  areas: string[];
  steps: [planned: number, inProgress: number, done: number];
  ownAreas?: string[];
  stepTexts?: string[];
}

export type FileResult =
  | {
      kind: 'record';
      file: string;
      id: string;
      hash: string;
      updated: string | null;
      contrib: Contribution;
      warnings: Diagnostic[];
    }
  | { kind: 'draft'; file: string }
  | { kind: 'invalid'; file: string; diagnostics: Diagnostic[] }
  | { kind: 'not-record'; file: string; message: string }
  | { kind: 'too-large'; file: string; size: number }
  | { kind: 'unreadable'; file: string; message: string };

export interface ReadOptions {
  /** Every group key any --by of the run uses (no "cycle": that is a record field). */
  keys: string[];
  as?: string;
  includeText: boolean;
}

export interface ReadContext extends ReadOptions {
  profiles: Map<string, Profile>;
  target?: Profile;
  chain: Map<string, IdMap & { level: IdMap }>;
}

export function makeReadContext(profiles: Profile[], opts: ReadOptions): ReadContext {
  const byRef = new Map(profiles.map((p) => [profileRef(p), p]));
  const target = opts.as ? byRef.get(opts.as) : undefined;
  return { ...opts, profiles: byRef, target, chain: target ? crosswalkChain(target, byRef) : new Map() };
}

function readSmallFile(file: string): { text?: string; size?: number; error?: string; warnings?: Diagnostic[] } {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO put in place of a record must not hang the run (no effect on regular files).
    fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return { error: 'not a regular file' };
    const size = st.size;
    if (size > MAX_RECORD_BYTES) return { size };
    const buf = Buffer.allocUnsafe(size);
    let off = 0;
    while (off < size) {
      const got = readSync(fd, buf, off, size - off, off);
      if (got === 0) break;
      off += got;
    }
    const encoding = encodingProblem(buf.subarray(0, off)); // UTF-16 and binary files: say so, not "no kind:"
    if (encoding) return { error: encoding };
    // Invalid UTF-8 (a file saved as Latin-1, say) is still read, with a warning naming the first bad byte.
    return decodeText(buf.subarray(0, off), file, 'warn');
  } catch (err) {
    return { error: fsErrorText(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Never throws: whatever goes wrong with one file is that file's result, and the run goes on. */
export function readRecordResult(file: string, ctx: ReadContext): FileResult {
  try {
    return readRecord(file, ctx);
  } catch (err) {
    return {
      kind: 'invalid',
      file,
      diagnostics: [
        {
          file,
          line: 1,
          col: 1,
          message: `could not be read: ${(err as Error)?.message ?? String(err)}`,
          severity: 'error',
        },
      ],
    };
  }
}

function readRecord(file: string, ctx: ReadContext): FileResult {
  const { text, size, error, warnings: encodingWarnings = [] } = readSmallFile(file);
  if (error !== undefined)
    return { kind: 'unreadable', file, message: error === 'not a regular file' ? error : `cannot read: ${error}` };
  if (text === undefined) return { kind: 'too-large', file, size: size ?? 0 };
  const flood = checkYamlSize(text, file); // a key or line flood would stall either parser
  if (flood) return { kind: 'invalid', file, diagnostics: [flood] };
  const quick = readFast(text, file, ctx);
  if (quick) return withWarnings(quick, encodingWarnings);
  const deep = tooDeep(text, file);
  if (deep) return { kind: 'invalid', file, diagnostics: [deep] };
  let load: ReturnType<typeof parseRecordText>;
  try {
    load = parseRecordText(text, file);
  } catch (err) {
    // The parser should report, not throw; if it does (e.g. pathological input), the file is still reported.
    return {
      kind: 'invalid',
      file,
      diagnostics: [{ file, line: 1, col: 1, message: `cannot parse: ${(err as Error).message}`, severity: 'error' }],
    };
  }
  const value = load.source?.value;
  if (!load.record) {
    if (load.source && load.source.diagnostics.length === 0) {
      const kind = detectKind(value);
      if (kind === 'profile') return { kind: 'not-record', file, message: 'a practice profile, not a record' };
      if (kind === 'unknown')
        return { kind: 'not-record', file, message: 'not a record (no "kind: practice-profile-record")' };
    }
    return { kind: 'invalid', file, diagnostics: firstDistinct(load.diagnostics) };
  }
  const rec = load.record;
  if (rec.status === 'draft') return { kind: 'draft', file };
  const profile = ctx.profiles.get(rec.profile);
  if (!profile || !load.source) {
    const message = `unknown profile "${rec.profile}" (known: ${[...ctx.profiles.keys()].join(', ')})`;
    return { kind: 'invalid', file, diagnostics: [{ file, ...profileLine(text), message, severity: 'error' }] };
  }
  const checks = [...encodingWarnings, ...checkRecordAgainstProfile(rec, profile, load.source)];
  const errors = checks.filter((d) => d.severity === 'error');
  if (errors.length) return { kind: 'invalid', file, diagnostics: firstDistinct(errors) };
  const { contrib, notes } = contribute(rec, profile, ctx);
  return {
    kind: 'record',
    file,
    id: rec.id.toLowerCase(),
    hash: hashRecord(rec),
    updated: rec.updated ?? null,
    contrib,
    warnings: [...checks.filter((d) => d.severity === 'warning'), ...notes.map((message) => asWarning(file, message))],
  };
}

/**
 * The common case, without the full YAML parser: a clean record in the usual plain layout. Any doubt
 * (unusual YAML, a schema or profile problem) returns undefined and the full, positioned path runs, so
 * problems are still reported at file:line:col.
 */
function readFast(text: string, file: string, ctx: ReadContext): FileResult | undefined {
  const value = fastParseYaml(text);
  if (value === undefined) return undefined;
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const rec = parsed.data;
  if (rec.status === 'draft') return { kind: 'draft', file };
  const profile = ctx.profiles.get(rec.profile);
  if (!profile) return undefined;
  if (hasNumberGroup(value)) return undefined; // `region: 007` reads as 7: the full path warns about it
  // Positions are only needed if there is something to report; then the full path finds them.
  const stub: YamlSource = {
    file,
    doc: { contents: null } as unknown as YamlSource['doc'],
    lineCounter: new LineCounter(),
    value,
    diagnostics: [],
  };
  if (checkRecordAgainstProfile(rec, profile, stub).length) return undefined;
  const { contrib, notes } = contribute(rec, profile, ctx);
  return {
    kind: 'record',
    file,
    id: rec.id.toLowerCase(),
    hash: hashRecord(rec),
    updated: rec.updated ?? null,
    contrib,
    warnings: notes.map((message) => asWarning(file, message)),
  };
}

/** Deeper than any record; the parser's own limit is the stack, which differs between threads. */
export const MAX_FLOW_DEPTH = 64;

/** Flow nesting (`[[[[...`) beyond MAX_FLOW_DEPTH, found before the recursive parser runs out of stack. */
function tooDeep(text: string, file: string): Diagnostic | undefined {
  let depth = 0;
  let line = 1;
  let col = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    col++;
    if (c === '\n') {
      line++;
      col = 0;
      quote = quote === '"' ? quote : ''; // single-quoted and plain text end at the line for this purpose
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      col += (nl < 0 ? text.length : nl) - i - 1;
      i = (nl < 0 ? text.length : nl) - 1;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH)
        return {
          file,
          line,
          col,
          message: `nested more than ${MAX_FLOW_DEPTH} levels deep; not a record`,
          severity: 'error',
        };
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}

/** A broken file can yield hundreds of the same message (deep nesting): a few distinct ones say enough. */
function firstDistinct(ds: Diagnostic[], max = 5): Diagnostic[] {
  const seen = new Set<string>();
  return ds
    .filter((d) => {
      const k = `${d.line}:${d.col}:${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, max);
}

function profileLine(text: string): { line: number; col: number } {
  const m = /^profile\s*:/m.exec(text);
  return { line: m ? text.slice(0, m.index).split('\n').length : 1, col: 1 };
}

/**
 * Same content = same hash: computed from the validated record, not the text, so a forwarded copy that
 * differs only in comments, quoting, key order, indentation, line endings, a BOM or the case of its id
 * is a duplicate (counted once); any difference in what the record says is a conflict.
 */
export function hashRecord(rec: PracticeRecord): string {
  return createHash('sha1')
    .update(canonicalJson({ ...rec, id: rec.id.toLowerCase() }))
    .digest('hex')
    .slice(0, 16);
}

/** Adds warnings found before parsing (the file's encoding) to a record's own. */
function withWarnings(r: FileResult, warnings: Diagnostic[]): FileResult {
  return warnings.length && r.kind === 'record' ? { ...r, warnings: [...warnings, ...r.warnings] } : r;
}

/** A note from converting with --as (only `summarize --as` sees it: validate does not): code "conversion". */
const asWarning = (file: string, message: string): Diagnostic => ({
  file,
  message,
  severity: 'warning',
  code: 'conversion',
});

/** What the record adds, and notes on anything of it that could not be carried over with --as. */
function contribute(rec: PracticeRecord, own: Profile, ctx: ReadContext): { contrib: Contribution; notes: string[] } {
  const map = ctx.chain.get(rec.profile);
  const profile = map && ctx.target ? ctx.target : own;
  const id: IdMap = map ?? ((x) => x);
  const lvl: IdMap = map?.level ?? ((x) => x);
  const notes: string[] = [];
  const ratings: Contribution['ratings'] = [];
  const rated = new Map<string, string>();
  let levelDropped = 0;
  // Items whose rating was at a level dropped on purpose: the priority built on that rating goes with it,
  // or "Prioritised" would count people the item's levels show as not rated (and below-target no longer holds).
  const droppedItems = new Set<string>();
  for (const [item, level] of Object.entries(rec.ratings)) {
    const to = id(item);
    if (to === null) continue; // the crosswalk maps it to nothing: no counterpart, by design
    const first = rated.get(to);
    if (first !== undefined) {
      notes.push(
        `ratings of "${first}" and "${item}" both map to "${to}" in ${profileRef(profile)}; only the rating of "${first}" is counted for it`,
      );
      continue;
    }
    const mapped = lvl(level);
    // A level the crosswalk drops on purpose: not counted, and counted as such (the summary says how many).
    if (mapped === null && map && hasLevel(own, level)) {
      levelDropped++;
      droppedItems.add(to);
      continue;
    }
    const lv = mapped ?? level;
    if (!hasLevel(profile, lv)) {
      notes.push(
        `level "${level}" (rating of "${item}") is not a level of ${profileRef(profile)}; that rating is not counted`,
      );
      continue;
    }
    rated.set(to, item);
    ratings.push([to, lv, isAtOrAboveTarget(profile, lv)]);
  }
  const uniq = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => x !== null))];
  const areas = uniq((rec.improvementAreas ?? []).map((a) => (typeof a === 'string' ? id(a) : null)));
  const steps: Contribution['steps'] = [0, 0, 0];
  for (const s of rec.actionSteps ?? []) steps[STATUSES.indexOf(s.status)]++;
  const c: Contribution = {
    profile: profileRef(profile),
    ...(profile !== own ? { from: profileRef(own) } : {}),
    // Own keys only: "--by constructor" must not find Object.prototype.constructor.
    groups: ctx.keys.map((k) => (rec.group && Object.hasOwn(rec.group, k) ? rec.group[k] : null)),
    ...(ctx.keys.some((k) => !rec.group || !Object.hasOwn(rec.group, k))
      ? { groupKeys: Object.keys(rec.group ?? {}) }
      : {}),
    cycle: rec.cycle ?? null,
    respondent: rec.respondent ?? null,
    date: rec.date,
    ratings,
    ...(levelDropped ? { levelDropped } : {}),
    priorities: uniq((rec.priorities ?? []).map(id)).filter((p) => !droppedItems.has(p)),
    areas,
    steps,
  };
  if (ctx.includeText) {
    c.ownAreas = (rec.improvementAreas ?? []).flatMap((a) => (typeof a === 'string' ? [] : [a.text.trim()]));
    c.stepTexts = (rec.actionSteps ?? []).map((s) => s.text.trim());
  }
  return { contrib: c, notes };
}
