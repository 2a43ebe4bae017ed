// Turn zod issues into positioned diagnostics.
import type { z } from 'zod';
import { didYouMean } from './suggest.js';
import { diagnosticAt, type Diagnostic, type YamlSource } from './yaml-source.js';

/** How a field is named in a message: by default its path, dotted ("scale.levels.2"). */
export type PlaceName = (path: readonly PropertyKey[]) => string | undefined;
const dotted: PlaceName = (path) => (path.length ? path.map(String).join('.') : undefined);

/**
 * `schema` (the one that failed) lets an unknown field suggest the nearest known one; `place` names a field
 * as the reader knows it (a record's "action step 3, status", see record/places.ts).
 */
export function zodDiagnostics(
  src: YamlSource,
  error: z.ZodError,
  schema?: z.ZodType,
  place: PlaceName = dotted,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues.flatMap(unwrapUnion)) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? fieldsAt(schema, path) : [];
      for (const key of issue.keys) {
        out.push(
          diagnosticAt(src, [...path, key], `unknown field "${key}"${where(path, place)}${didYouMean(key, known)}`, {
            preferKey: true,
            code: 'unknown-field',
          }),
        );
      }
      continue;
    }
    const at = valueAt(src.value, path);
    const d = diagnosticAt(src, path, describeIssue(issue, path, at, place), { code: 'schema' });
    const hint = textHint(issue, at, src, d.line);
    if (hint) d.hint = hint;
    out.push(d);
  }
  return out;
}

/**
 * "not a valid value here" for a union says little. When exactly one branch got past the value's own type
 * (a list of texts where one item is a mapping), report that branch's issues, at their own paths.
 */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const branches = ((issue as { errors?: z.core.$ZodIssue[][] }).errors ?? []).filter(
    (b) => b.length > 0 && b.every((i) => i.path.length > 0),
  );
  if (branches.length !== 1) return [issue];
  return branches[0].flatMap((i) => unwrapUnion({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

/** Where text was expected, the usual reasons YAML read something else: an unquoted ': ' or ' #'. */
function textHint(
  issue: z.core.$ZodIssue,
  at: { found: boolean; value?: unknown },
  src: YamlSource,
  line?: number,
): string | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'string' || !at.found) return undefined;
  if (at.value !== null && typeof at.value === 'object' && !Array.isArray(at.value)) {
    return 'If this is text that contains ": ", YAML read it as a key and a value: put the whole text in double quotes.';
  }
  const l = line !== undefined ? src.text?.split(/\r?\n/)[line - 1] : undefined;
  if (at.value === null && l !== undefined && /(^|\s)#/.test(l)) {
    return 'Text after " #" is a comment in YAML, so this value is empty: put the whole text in double quotes if # belongs to it.';
  }
  return undefined;
}

/** The field names a strict object at `path` accepts (through arrays, records, optionals and unions). */
function fieldsAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let cur: unknown = schema;
  const unwrap = (t: unknown): unknown => {
    for (let i = 0; i < 10; i++) {
      const def = (t as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
      if (!def) return t;
      if (def.innerType) t = def.innerType;
      else if (def.type === 'pipe') t = def.in;
      else return t;
    }
    return t;
  };
  const objectIn = (t: unknown): Record<string, unknown> | undefined => {
    const def = (
      unwrap(t) as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } } }
    )?._zod?.def;
    if (def?.type === 'object') return def.shape;
    if (def?.type === 'union') for (const o of def.options ?? []) if (objectIn(o)) return objectIn(o);
    return undefined;
  };
  for (const seg of path) {
    const t = unwrap(cur);
    const def = (t as { _zod?: { def?: { type?: string; element?: unknown; valueType?: unknown } } })?._zod?.def;
    if (typeof seg === 'number' && def?.type === 'array') cur = def.element;
    else if (def?.type === 'record') cur = def.valueType;
    else cur = objectIn(t)?.[String(seg)];
    if (cur === undefined) return [];
  }
  return Object.keys(objectIn(cur) ?? {});
}

function where(path: PropertyKey[], place: PlaceName): string {
  const p = place(path);
  return p ? ` in ${p}` : '';
}

/** zod does not keep the input in its issues, so look the value up in the parsed YAML. */
function valueAt(root: unknown, path: PropertyKey[]): { found: boolean; value?: unknown } {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !(String(seg) in (v as object))) return { found: false };
    v = (v as Record<string, unknown>)[String(seg)];
  }
  return { found: true, value: v };
}

const EXPECTED: Record<string, string> = {
  record: 'a mapping (key: value lines)',
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'text',
  number: 'a number',
};

function describeIssue(
  issue: z.core.$ZodIssue,
  path: PropertyKey[],
  at: { found: boolean; value?: unknown },
  place: PlaceName,
): string {
  const field = place(path) ?? 'the file';
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    if (!at.found || at.value === undefined) return `${field}: missing (expected ${expected})`;
    const got = at.value;
    return `${field}: expected ${expected}, got ${describeValue(got)}`;
  }
  if (issue.code === 'invalid_value') {
    // "Done" or "dne" for done: the value it most likely means (case, a typo), as for a misspelled level.
    const values = (issue as { values: unknown[] }).values;
    const words = values.filter((v): v is string => typeof v === 'string');
    const typed = typeof at.value === 'string' ? at.value.trim() : undefined;
    const mean = typed ? didYouMean(typed, words) : '';
    return `${field}: must be ${orList(values.map((v) => JSON.stringify(v)))}${mean}`;
  }
  if (issue.code === 'invalid_union') {
    return `${field}: ${issue.message === 'Invalid input' ? 'not a valid value here' : issue.message}`;
  }
  // "close to proficient" for close-to-proficient: say the id it most likely means.
  const id = issue.code === 'invalid_format' && typeof at.value === 'string' ? asId(at.value) : undefined;
  if (id && id !== at.value && issue.message.startsWith('an id'))
    return `${field}: "${at.value}" is not an id; did you mean ${id}? (${issue.message})`;
  return `${field}: ${issue.message}`;
}

/** The id a label most likely stands for ("Close to proficient" -> close-to-proficient), if it makes one. */
function asId(v: string): string | undefined {
  const id = v
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/.test(id) ? id : undefined;
}

/** "a", "b" or "c". */
function orList(xs: string[]): string {
  return xs.length > 1 ? `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}` : (xs[0] ?? '');
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}
