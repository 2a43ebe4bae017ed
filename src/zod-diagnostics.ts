// Turn zod issues into positioned diagnostics.
import type { z } from 'zod';
import { diagnosticAt, type Diagnostic, type YamlSource } from './yaml-source.js';

export function zodDiagnostics(src: YamlSource, error: z.ZodError): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(diagnosticAt(src, [...path, key], `unknown field "${key}"${where(path)}`, { preferKey: true }));
      }
      continue;
    }
    out.push(diagnosticAt(src, path, describeIssue(issue, path, valueAt(src.value, path))));
  }
  return out;
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

const EXPECTED: Record<string, string> = { record: 'a mapping (key: value lines)', object: 'a mapping (key: value lines)', array: 'a list', string: 'text', number: 'a number' };

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
  return `${field}: ${issue.message}`;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}
