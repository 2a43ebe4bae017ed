// Text from files (group values, step texts, file names) shown on a terminal or put in a document: control
// characters could move the cursor, retitle the window, clear the screen or reorder what a reader sees.

// C0 controls except tab and newline, DEL, C1 controls (U+0080-U+009F, 0x9B is a one-byte CSI), and the
// invisible bidi controls: marks (LRM, RLM, ALM), embeddings/overrides U+202A-U+202E, isolates U+2066-U+2069.
// Plus the line and paragraph separators, which some terminals and editors break lines at.
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_LINE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  if (code === 0x1b) return '\\e';
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text safe to print or publish: every control character other than tab and newline (ESC, BEL, a CR,
 * C1 controls) and every bidi override, isolate or mark is replaced by a visible escape such as `\e`,
 * `\r` or `\u202E`, so the text shows what the file holds and cannot act on the terminal or the page.
 * A CR of a CRLF line end is dropped rather than shown.
 */
export function safeText(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(UNSAFE, escapeChar);
}

/**
 * One line of safe text, for places where a line break would forge structure: a file name in a
 * diagnostic, a table cell, a Markdown heading, a CSV field. As safeText, and newlines and tabs are
 * escaped too (`\n`, `\t`).
 */
export function safeLine(s: string): string {
  return s.replace(UNSAFE_LINE, escapeChar);
}

/** True when safeText would change the text (for warnings about a file's contents). */
export function hasUnsafeChars(s: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(s.replace(/\r\n/g, '\n'));
}

/**
 * For published summaries (Markdown, CSV, HTML, the terminal table): the same characters as safeLine
 * (or, with keepLines, as safeText) become one space, which reads better in a document than an escape.
 */
export function blankUnsafe(s: string, keepLines = false): string {
  return s.replace(keepLines ? UNSAFE : UNSAFE_LINE, ' ');
}
