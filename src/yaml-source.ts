// Parse YAML while keeping positions, so that syntax *and* schema problems point at file:line:col.
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, type Document, type Node } from 'yaml';
import type { Location } from './errors.js';
import { explainYamlError } from './yaml-explain.js';

export interface Diagnostic extends Location {
  message: string;
  severity: 'error' | 'warning' | 'info';
  /** A stable rule name for scripts (`--json`), e.g. "yaml-syntax", "crosswalk-unmapped". */
  code?: string;
  /** What to do about it, in plain words. */
  hint?: string;
}

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JS value, or undefined when the YAML did not parse. */
  value: unknown;
  /** The text that was parsed (without a BOM), for hints that quote the line. */
  text?: string;
  diagnostics: Diagnostic[];
}

// Limits that keep a hostile or broken file from eating memory: an alias bomb expands to millions of
// nodes, and very deep nesting overflows the stack.
const MAX_ALIAS_COUNT = 100;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function parseYaml(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM from Windows editors
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (err) {
    // The parser reports problems as doc.errors; a throw here is a resource limit (stack) on odd input.
    doc = parseDocument('', { lineCounter: new LineCounter() });
    diagnostics.push({ file, line: 1, col: 1, message: cleanYamlMessage((err as Error).message), severity: 'error' });
    return { file, doc, lineCounter, value: undefined, diagnostics };
  }
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  if (doc.errors.length) {
    // One error, in plain words, at its likely cause: the parser's later messages mostly follow from it.
    const e = doc.errors[0];
    const p = at(e.pos[0]);
    if (cleanYamlMessage(e.message) === 'nesting is too deep to read') {
      diagnostics.push({ file, ...p, message: 'nesting is too deep to read', severity: 'error', code: 'yaml-syntax' });
      return { file, doc, lineCounter, value: undefined, diagnostics, text };
    }
    const plain = explainYamlError(text, {
      code: e.code,
      message: cleanYamlMessage(e.message),
      line: p.line,
      col: p.col,
    });
    const more = doc.errors.length - 1;
    const d: Diagnostic = {
      file,
      line: plain.line,
      col: plain.col,
      message: plain.message,
      severity: 'error',
      code: 'yaml-syntax',
    };
    const hint = [
      plain.hint,
      more ? `The parser reported ${more} more problem(s) after this one; most go away once it is fixed.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    if (hint) d.hint = hint;
    diagnostics.push(d);
  }
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      const message = /alias/i.test(msg)
        ? 'too many aliases (possible alias bomb); refusing to expand'
        : cleanYamlMessage(msg);
      diagnostics.push({ file, line: 1, col: 1, message, severity: 'error' });
    }
  }
  return { file, doc, lineCounter, value, diagnostics, text };
}

function cleanYamlMessage(msg: string): string {
  if (/call stack/i.test(msg)) return 'nesting is too deep to read';
  // yaml appends "at line X, column Y:" plus a code excerpt; we print our own position.
  return msg.split(/ at line \d+, column \d+/)[0].trim();
}

/** The position of the node at `path` (object keys / array indexes), or of its nearest existing parent. */
export function locate(src: YamlSource, path: ReadonlyArray<PropertyKey>, preferKey = false): Location {
  let node: unknown = src.doc.contents;
  let range: [number, number, number] | undefined = (node as Node | null)?.range ?? undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const key = pair.key as Node;
      const val = pair.value as Node | null;
      range = val?.range ?? key.range ?? range;
      if (preferKey && seg === path[path.length - 1]) range = key.range ?? range;
      node = val;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      range = item.range ?? range;
      node = item;
    } else {
      break;
    }
  }
  const pos = src.lineCounter.linePos(range ? range[0] : 0);
  return { file: src.file, line: pos.line, col: pos.col };
}

export function diagnosticAt(
  src: YamlSource,
  path: ReadonlyArray<PropertyKey>,
  message: string,
  opts: { preferKey?: boolean; severity?: Diagnostic['severity']; code?: string; hint?: string } = {},
): Diagnostic {
  const d: Diagnostic = { ...locate(src, path, opts.preferKey), message, severity: opts.severity ?? 'error' };
  if (opts.code) d.code = opts.code;
  if (opts.hint) d.hint = opts.hint;
  return d;
}
