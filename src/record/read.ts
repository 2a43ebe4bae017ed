// Read a record file: parse with positions and validate format 1. Cross-checks need the profile (check.ts).
import { fsErrorText } from '../errors.js';
import { readRecordText } from '../input-guard.js';
import { zodDiagnostics } from '../zod-diagnostics.js';
import { diagnosticAt, parseYaml, type Diagnostic, type YamlSource } from '../yaml-source.js';
import { RecordSchema, type PracticeRecord } from './schema.js';

export interface RecordLoad {
  file: string;
  record?: PracticeRecord;
  diagnostics: Diagnostic[];
  source?: YamlSource;
}

export function readRecordFile(file: string): RecordLoad {
  let text: string;
  try {
    text = readRecordText(file);
  } catch (err) {
    return { file, diagnostics: [{ file, message: `cannot read: ${fsErrorText(err)}`, severity: 'error' }] };
  }
  return parseRecordText(text, file);
}

export function parseRecordText(text: string, file: string): RecordLoad {
  const src = parseYaml(text, file);
  if (src.diagnostics.length) return { file, diagnostics: src.diagnostics, source: src };
  return validateRecordValue(src);
}

export function validateRecordValue(src: YamlSource): RecordLoad {
  // A file without `kind:` (an answers file for assess --answers, a profile) is not a record at all: say so,
  // rather than "kind: must be ..." as if one field were wrong.
  const v = src.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && (v as { kind?: unknown }).kind === undefined) {
    const message =
      'not a record file: a record, as profile assess writes it, starts with "kind: practice-profile-record" (then format, id, profile, status, date, ratings, ...); this file has no "kind:" line (an answers file for profile assess --answers looks like this)';
    return { file: src.file, diagnostics: [diagnosticAt(src, [], message, { code: 'schema' })], source: src };
  }
  const parsed = RecordSchema.safeParse(src.value);
  if (!parsed.success)
    return { file: src.file, diagnostics: zodDiagnostics(src, parsed.error, RecordSchema), source: src };
  return { file: src.file, record: parsed.data, diagnostics: [], source: src };
}

/** What kind of file this YAML value claims to be, from its `kind:` field. */
export function detectKind(value: unknown): 'profile' | 'record' | 'unknown' {
  const kind =
    value && typeof value === 'object' && !Array.isArray(value) ? (value as { kind?: unknown }).kind : undefined;
  if (kind === 'practice-profile') return 'profile';
  if (kind === 'practice-profile-record') return 'record';
  return 'unknown';
}
