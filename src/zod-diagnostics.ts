// Turn zod issues into positioned diagnostics.
import type { z } from 'zod';
import { didYouMean } from './suggest.js';
import { diagnosticAt, type Diagnostic, type YamlSource } from './yaml-source.js';

/** `schema` (the one that failed) lets an unknown field suggest the nearest known one. */
export function zodDiagnostics(src: YamlSource, error: z.ZodError, schema?: z.ZodType): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues.flatMap(unwrapUnion)) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? fieldsAt(schema, path) : [];
      for (const key of issue.keys) {
        out.push(
          diagnosticAt(src, [...path, key], `unknown field "${key}"${where(path)}${didYouMean(key, known)}`, {
            preferKey: true,
            code: 'unknown-field',
          }),
        );
      }
      continue;
    }
    const at = valueAt(src.value, path);
    const d = diagnosticAt(src, path, describeIssue(issue, path, at), { code: 'schema' });
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

function where(path: PropertyKey[]): string {
  return path.length ? ` in ${path.map(String).join('.')}` : '';
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

function describeIssue(issue: z.core.$ZodIssue, path: PropertyKey[], at: { found: boolean; value?: unknown }): string {
  const field = path.length ? path.map(String).join('.') : 'the file';
  if (issue.code === 'invalid_type') {
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    if (!at.found || at.value === undefined) return `${field}: missing (expected ${expected})`;
    const got = at.value;
    return `${field}: expected ${expected}, got ${describeValue(got)}`;
  }
  if (issue.code === 'invalid_value') {
    const values = (issue as { values: unknown[] }).values;
    return `${field}: must be ${values.map((v) => JSON.stringify(v)).join(' or ')}`;
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

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}
