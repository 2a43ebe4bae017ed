// Read a record file: parse with positions and validate format 1. Cross-checks need the profile (check.ts).
import { didYouMeanRecords, fsErrorText } from '../errors.js';
import { readRecordText } from '../input-guard.js';
import { zodDiagnostics } from '../zod-diagnostics.js';
import { diagnosticAt, parseYaml, type Diagnostic, type YamlSource } from '../yaml-source.js';
import { recordPlace } from './places.js';
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
    return {
      file,
      diagnostics: [
        { file, message: `cannot read: ${fsErrorText(err)}${didYouMeanRecords(file, err)}`, severity: 'error' },
      ],
    };
  }
  return parseRecordText(text, file);
}

/** Said instead of YAML's line-by-line complaints when the file is a report page, not a record. */
export const HTML_NOT_RECORD =
  'this looks like an HTML report, not a record (records are the .yaml files profile assess saves in records/)';
export const MD_NOT_RECORD =
  'this looks like a Markdown report (written by profile report --format md), not a record (records are the .yaml files profile assess saves in records/)';
export const PROFILE_NOT_RECORD =
  'this is a practice profile (the questions and levels), not your record (records are the .yaml files profile assess saves in records/)';
/** A YAML file with no `kind:` (an answers file for assess --answers, most often). */
export const NO_KIND_NOT_RECORD =
  'not a record file: a record, as profile assess writes it, starts with "kind: practice-profile-record" (then format, id, profile, status, date, ratings, ...); this file has no "kind:" line (an answers file for profile assess --answers looks like this)';

/**
 * The file is another kind of file (a report, a profile, an answers file), not a record with a mistake in it:
 * a wrong argument, which the commands that take one record (actions, report, assess --from) refuse with exit
 * 2 (usage), as a file that is not there; a broken record is a problem in the file (exit 1).
 */
export function isNotRecord(load: Pick<RecordLoad, 'record' | 'diagnostics'>): boolean {
  const m = load.diagnostics[0]?.message;
  return (
    !load.record &&
    (m === HTML_NOT_RECORD || m === MD_NOT_RECORD || m === PROFILE_NOT_RECORD || m === NO_KIND_NOT_RECORD)
  );
}

/**
 * A report given where a record goes (`profile report` writes HTML and Markdown): what it is, in words, rather
 * than "line 3: this text contains ": ", so it needs quotes". `parsed`: the text did not parse as YAML, so a
 * weaker sign will do (a report whose first lines were edited still has its "## Ratings" and "## Action plan").
 */
export function reportNotRecord(text: string, parsed = true): string | undefined {
  const t = text.replace(/^\uFEFF/, '');
  if (/^\s*(<!doctype html|<html|<head|<body|<meta)/i.test(t)) return HTML_NOT_RECORD;
  // What report --format md writes first: "# Title", a blank line, "Profile `sbic@2024` · date ...".
  if (/^#[ \t]+\S[^\n]*\r?\n(?:[ \t]*\r?\n)*Profile `[^`\n]+`/.test(t)) return MD_NOT_RECORD;
  if (!parsed && /^## Ratings[ \t]*\r?$/m.test(t) && /^## Action plan[ \t]*\r?$/m.test(t)) return MD_NOT_RECORD;
  return undefined;
}

export function parseRecordText(text: string, file: string): RecordLoad {
  const report = reportNotRecord(text);
  if (report) return { file, diagnostics: [{ file, message: report, severity: 'error', code: 'schema' }] };
  const src = parseYaml(text, file);
  if (src.diagnostics.length) {
    const md = reportNotRecord(text, false);
    if (md) return { file, diagnostics: [{ file, message: md, severity: 'error', code: 'schema' }] };
    return { file, diagnostics: src.diagnostics, source: src };
  }
  return validateRecordValue(src);
}

export function validateRecordValue(src: YamlSource): RecordLoad {
  // A file without `kind:` (an answers file for assess --answers, a profile) is not a record at all: say so,
  // rather than "kind: must be ..." as if one field were wrong.
  const v = src.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && (v as { kind?: unknown }).kind === undefined) {
    return {
      file: src.file,
      diagnostics: [diagnosticAt(src, [], NO_KIND_NOT_RECORD, { code: 'schema' })],
      source: src,
    };
  }
  if (detectKind(v) === 'profile')
    return {
      file: src.file,
      diagnostics: [diagnosticAt(src, ['kind'], PROFILE_NOT_RECORD, { code: 'schema' })],
      source: src,
    };
  const parsed = RecordSchema.safeParse(src.value);
  if (!parsed.success)
    return {
      file: src.file,
      diagnostics: zodDiagnostics(src, parsed.error, RecordSchema, recordPlace),
      source: src,
    };
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
