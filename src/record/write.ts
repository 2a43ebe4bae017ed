// Record files: contract key order, names without personal data, never overwriting another submission.

export { replaceFileAtomic, writeNewFileAtomic };
import { join } from 'node:path';
import { Document, parse, parseDocument, Scalar, visit, type Node } from 'yaml';
import { replaceFileAtomic, writeNewFileAtomic } from '../atomic-write.js';
import { RECORD_FORMAT, RECORD_KIND, type PracticeRecord, type RecordInput } from './schema.js';

const KEY_ORDER = [
  'kind',
  'format',
  'id',
  'profile',
  'status',
  'date',
  'cycle',
  'group',
  'respondent',
  'updated',
  'ratings',
  'notes',
  'improvementAreas',
  'priorities',
  'actionSteps',
];

/** Record YAML with the contract's key order, so files diff well and read the same every time. */
export function serializeRecord(rec: RecordInput | PracticeRecord): string {
  const ordered: Record<string, unknown> = {};
  for (const k of KEY_ORDER) {
    const v = (rec as Record<string, unknown>)[k];
    if (v !== undefined) ordered[k] = v;
  }
  ordered.kind = RECORD_KIND;
  ordered.format = RECORD_FORMAT;
  return recordDocText(new Document(ordered));
}

/**
 * A day as a YAML node every reader takes as text: `"2026-11-25"`. Unquoted, YAML 1.1 readers (js-yaml,
 * PyYAML, many editors and CI tools) turn it into a timestamp, and a schema check then fails.
 */
export function yamlDay(day: string): Scalar {
  const node = new Scalar(day);
  node.type = 'QUOTE_DOUBLE';
  return node;
}

/** Would a YAML 1.1 reader see something other than this text if it were written plain? (dates, yes/no, 3.10, 1:20, 010) */
export function misreadBy11(text: string): boolean {
  try {
    return parse(text, { version: '1.1' }) !== text;
  } catch {
    return true;
  }
}

/** Quote every plain text value a YAML 1.1 reader would misread (dates above all), keeping the rest as is. */
export function quoteAmbiguousScalars(doc: Document | Node): void {
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string') return;
      if ((node.type === undefined || node.type === 'PLAIN') && misreadBy11(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
}

/**
 * The same quoting done on the text itself: only the ambiguous plain values change (to "..."), every other
 * byte (comments, flow lists, spacing) stays as the coach left it. For tools that edit a file in place.
 */
export function quoteAmbiguousInText(text: string): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return text;
  const edits: [number, number, string][] = [];
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || typeof node.value !== 'string' || node.type !== 'PLAIN' || !node.range) return;
      if (misreadBy11(node.value)) edits.push([node.range[0], node.range[1], JSON.stringify(node.value)]);
    },
  });
  for (const [start, end, q] of edits.sort((a, b) => b[0] - a[0])) text = text.slice(0, start) + q + text.slice(end);
  return text;
}

/** The text of a record document, as every record writer should produce it: ambiguous values quoted, no wrapping. */
export function recordDocText(doc: Document): string {
  quoteAmbiguousScalars(doc);
  return doc.toString({ lineWidth: 0 });
}

/** File name with no personal data: date, profile, start of the id. */
export function recordFileName(rec: Pick<PracticeRecord, 'date' | 'profile' | 'id'>): string {
  return `${rec.date}_${rec.profile.replace('@', '-')}_${rec.id.slice(0, 8)}.yaml`;
}

/** Write a new record file in `dir`; if the name is taken (same day, same id prefix), add a counter. */
export function writeNewRecord(dir: string, rec: PracticeRecord, text = serializeRecord(rec)): string {
  const base = recordFileName(rec).replace(/\.yaml$/, '');
  for (let n = 1; n < 1000; n++) {
    const file = join(dir, n === 1 ? `${base}.yaml` : `${base}-${n}.yaml`);
    try {
      writeNewFileAtomic(file, text);
      return file;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`could not find a free file name for ${base} in ${dir}`);
}
