// Checks on a file a user names, before its YAML is parsed: only regular files are opened for reading
// (a FIFO or a device would hang the command), text must be UTF-8, and a file with far more keys than a
// record or profile ever has is refused before the full parser (whose duplicate-key check is quadratic).
import { closeSync, constants as fsConstants, fstatSync, openSync, readSync } from 'node:fs';
import { isMap, isPair, isScalar, visit, type Document } from 'yaml';
import { MAX_FILE_BYTES, type Diagnostic, type YamlSource } from './yaml-source.js';

/** A problem with a file's kind, size or encoding; `message` is plain words for the user. */
export class InputError extends Error {
  readonly code = 'EINPUT';
}

export const NOT_REGULAR = 'not a regular file (a FIFO, socket or device); not read';

export interface TextFile {
  text: string;
  warnings: Diagnostic[];
}

export interface ReadTextOptions {
  /** Larger files are refused unread. */
  maxBytes: number;
  /**
   * Invalid UTF-8 is read with U+FFFD in place of the bad bytes: a warning where the text is only read,
   * an error where it would be written back (the original bytes would be lost).
   */
  invalidUtf8: 'warn' | 'error';
}

/**
 * Read a text file for a command that takes one file. Throws InputError for a FIFO, socket or device, a
 * file over the size cap, a UTF-16/UTF-32 or binary file, and (if asked) invalid UTF-8; fs errors
 * (ENOENT, EACCES, EISDIR) are thrown as they are, for fsErrorText.
 */
export function readTextFile(file: string, opts: ReadTextOptions): TextFile {
  // O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting (no effect on files).
  const fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  let buf: Buffer;
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw new InputError(NOT_REGULAR);
    if (st.size > opts.maxBytes) throw new InputError(`larger than ${formatBytes(opts.maxBytes)}; not read`);
    buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const got = readSync(fd, buf, off, st.size - off, off);
      if (got === 0) break;
      off += got;
    }
    buf = buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
  return decodeText(buf, file, opts.invalidUtf8);
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MB` : `${Math.round(n / 1024)} KB`;
}

/** The file's text as UTF-8, or an InputError naming the encoding problem. */
export function decodeText(buf: Uint8Array, file: string, invalidUtf8: 'warn' | 'error' = 'warn'): TextFile {
  const problem = encodingProblem(buf);
  if (problem) throw new InputError(problem);
  const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  if (!text.includes('\ufffd') || isValidUtf8(buf)) return { text, warnings: [] };
  const at = firstBadByte(buf);
  const where = positionOf(buf, at);
  const message = `not valid UTF-8 (byte 0x${buf[at].toString(16).toUpperCase().padStart(2, '0')}): bad bytes are read as "\ufffd"; save the file as UTF-8`;
  if (invalidUtf8 === 'error')
    throw new InputError(`${message}. The file was not changed (writing it back would lose those bytes)`);
  return { text, warnings: [{ file, ...where, message, severity: 'warning' }] };
}

/** UTF-16/32 (with or without a BOM) and binary files, which would otherwise read as garbage or "no kind:". */
export function encodingProblem(buf: Uint8Array): string | undefined {
  const b = (i: number) => buf[i];
  if ((b(0) === 0xff && b(1) === 0xfe) || (b(0) === 0xfe && b(1) === 0xff)) {
    const bits = b(0) === 0xff && b(2) === 0 && b(3) === 0 ? 32 : 16;
    return `encoded as UTF-${bits}, not UTF-8; save the file as UTF-8 (in most editors: Save As, Encoding "UTF-8")`;
  }
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff)
    return 'encoded as UTF-32, not UTF-8; save the file as UTF-8';
  const nul = buf.indexOf(0);
  if (nul < 0) return undefined;
  // ASCII text in UTF-16 without a BOM: every other byte is zero.
  const head = buf.subarray(0, Math.min(buf.length, 64));
  let zeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) zeros++;
  if (zeros >= head.length / 3) return 'looks like UTF-16 or UTF-32 text, not UTF-8; save the file as UTF-8';
  return 'contains NUL bytes: a binary file, not YAML text';
}

function isValidUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that is not part of a valid UTF-8 sequence. */
function firstBadByte(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const c = buf[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    // Overlong forms and surrogates (TextDecoder rejects them too).
    if (len === 3 && ((c === 0xe0 && buf[i + 1] < 0xa0) || (c === 0xed && buf[i + 1] >= 0xa0))) return i;
    if (len === 4 && ((c === 0xf0 && buf[i + 1] < 0x90) || (c === 0xf4 && buf[i + 1] >= 0x90))) return i;
    i += len;
  }
  return Math.max(0, buf.length - 1);
}

function positionOf(buf: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Column in characters, as the YAML positions are.
  const col = Buffer.from(buf.subarray(start, offset)).toString('utf8').length + 1;
  return { line, col };
}

/**
 * The most lines, key separators (`:`, `,`, `?`) and opening brackets a file may have before its YAML is parsed. A record
 * has a few hundred at most; a shipped profile under a thousand. The full parser's duplicate-key check
 * grows with the square of a map's keys: 86,000 keys took minutes, this many stays well under a second.
 */
export const MAX_STRUCTURE = 4000;

/**
 * A cap on the shape of the text, checked in one linear pass before the full YAML parse: every key of a
 * map needs its own line, a `:`, a `?` or a `,`, so their sum bounds the number of keys. Opening brackets
 * count too: deep flow nesting (`[[[[...`) costs the parser its stack.
 */
export function checkYamlSize(text: string, file: string, max = MAX_STRUCTURE): Diagnostic | undefined {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 58 || c === 44 || c === 63 || c === 91 || c === 123) {
      if (++n > max) {
        const line = text.slice(0, i).split('\n').length;
        return {
          file,
          line,
          col: 1,
          message: `more than ${max} lines, keys and brackets by line ${line}, far more than any record or profile has; not read`,
          severity: 'error',
        };
      }
    }
  }
  return undefined;
}

/**
 * The text of a record (or answers) file that a command will turn into a record it writes: a regular
 * file, at most MAX_FILE_BYTES, UTF-8 (bad bytes are an error: they would be written back as U+FFFD),
 * and not so many keys that parsing would stall. Throws InputError (or the fs error) otherwise.
 */
export function readRecordText(file: string): string {
  const { text } = readTextFile(file, { maxBytes: MAX_FILE_BYTES, invalidUtf8: 'error' });
  const tooBig = checkYamlSize(text, file);
  if (tooBig) throw new InputError(tooBig.message);
  return text;
}

/** The text of a profile file: as readRecordText (profiles are loaded by every command, so a FIFO would hang them all). */
export function readProfileText(file: string): string {
  return readRecordText(file);
}

/**
 * What the YAML says that a record would silently lose or change when read: a `__proto__` key (dropped
 * by the reader: an error, that data would be lost), and a group value written as a number in a form
 * other than plain decimal (`0x1F` becomes "31", `1e3` "1000", `007` "7": a warning).
 */
export function silentChanges(src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (offset: number | undefined) => {
    const p = src.lineCounter.linePos(offset ?? 0);
    return { file: src.file, line: p.line, col: p.col };
  };
  const doc = src.doc as Document.Parsed | undefined;
  if (!doc?.contents) return out;
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__') {
        out.push({
          ...at(pair.key.range?.[0]),
          message: 'the key "__proto__" is not allowed (it would be dropped when read, with its value); rename it',
          severity: 'error',
        });
      }
    },
  });
  const group = doc.get('group', true);
  if (isMap(group)) {
    for (const pair of group.items) {
      if (!isPair(pair) || !isScalar(pair.value) || typeof pair.value.value !== 'number' || !pair.value.range) continue;
      // The parsed scalar keeps the text it was read from.
      const written = pair.value.source?.trim();
      const read = String(pair.value.value);
      if (written !== undefined && written !== read) {
        out.push({
          ...at(pair.value.range[0]),
          message: `group ${String((pair.key as { value?: unknown })?.value)}: ${written} is read as the number ${read}; write it in quotes ("${written}") to keep it as written`,
          severity: 'warning',
        });
      }
    }
  }
  return out;
}

/** True when a record value has a group value that YAML read as a number (see silentChanges). */
export function hasNumberGroup(value: unknown): boolean {
  const group = (value as { group?: unknown } | undefined)?.group;
  return group !== null && typeof group === 'object' && Object.values(group).some((v) => typeof v === 'number');
}
