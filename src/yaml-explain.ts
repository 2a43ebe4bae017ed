// The first YAML syntax error in plain words, with the likely cause and a fix: coaches and maintainers
// edit these files by hand, and "Nested mappings are not allowed in compact mappings" helps neither.
// Used by every reader through parseYaml (validate, assess, the summary's slow path).
import { isScalar, visit, type Document, type LineCounter } from 'yaml';

export interface YamlErrorIn {
  /** The parser's code, e.g. BLOCK_AS_IMPLICIT_KEY, TAB_AS_INDENT, MISSING_CHAR. */
  code: string;
  message: string;
  line: number;
  col: number;
}

export interface PlainYamlError {
  line: number;
  col: number;
  /** "line 21: this text contains ': ', so it needs quotes (parser: ...)". */
  message: string;
  hint?: string;
}

const leading = (l: string) => /^[ \t]*/.exec(l)![0];
const indentOf = (l: string) => leading(l).length;

/** `key: value` or `- key: value`: the column where the value starts, and the value (undefined if none). */
function splitKeyValue(l: string): { key: string; valueCol: number; value: string } | undefined {
  const m = /^([ \t]*(?:- +)?)([^\s#"'{[-][^:#]*?|"[^"]*"|'[^']*'):( +)(\S.*)?$/.exec(l);
  if (!m || m[4] === undefined) return undefined;
  return { key: m[2], valueCol: m[1].length + m[2].length + 1 + m[3].length, value: m[4] };
}

const isQuoted = (v: string) => /^["'|>[{&*!]/.test(v);

function quoteLine(l: string, kv: { valueCol: number; value: string }): string {
  const body = kv.value.replace(/\s+#\s.*$/, '');
  return `${l.slice(0, kv.valueCol)}"${body.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`.trim();
}

/** Explain `first` (the parser's first error) from the text around it. */
export function explainYamlError(text: string, first: YamlErrorIn): PlainYamlError {
  const lines = text.split(/\r?\n/);
  const detail = ` (parser: ${first.message})`;
  const at = (line: number, col: number, plain: string, hint?: string): PlainYamlError => ({
    line,
    col,
    message: `line ${line}: ${plain}${detail}`,
    hint,
  });
  const lineText = (n: number) => lines[n - 1] ?? '';

  // A tab anywhere in the indentation up to the error: the parser may notice it a line or two later.
  for (let n = 1; n <= Math.min(first.line, lines.length); n++) {
    if (leading(lineText(n)).includes('\t')) {
      return at(
        n,
        leading(lineText(n)).indexOf('\t') + 1,
        'this line is indented with a tab; YAML indents with spaces only',
        `Replace the tab at the start of line ${n} with spaces (2 per level, lined up with the lines around it).`,
      );
    }
  }

  if (first.code === 'MISSING_CHAR' && /closing "?'?quote/i.test(first.message)) {
    const q = /"quote/.test(first.message) ? '"' : "'";
    // The parser reports where it gave up (often the end of the file); the cause is the last line above
    // with an odd number of that quote.
    for (let n = Math.min(first.line, lines.length); n >= 1; n--) {
      const count = (lineText(n).replace(/\\"/g, '').match(new RegExp(q, 'g')) ?? []).length;
      if (count % 2 === 1) {
        return at(
          n,
          lineText(n).indexOf(q) + 1,
          `the quoted text that starts here is never closed (no matching ${q} on this line)`,
          `End the text with ${q} on line ${n}; if the text itself contains ${q}, put it in ${q === '"' ? "single quotes ('...')" : 'double quotes ("...")'} instead.`,
        );
      }
    }
  }

  if (first.code === 'DUPLICATE_KEY') {
    const key = /^[ \t]*(?:- +)?([^:]+):/.exec(lineText(first.line))?.[1]?.trim();
    const ind = indentOf(lineText(first.line));
    let earlier = -1;
    for (let n = first.line - 1; key && n >= 1 && earlier < 0; n--) {
      const l = lineText(n);
      if (indentOf(l) === ind && /^[ \t]*(?:- +)?([^:]+):/.exec(l)?.[1]?.trim() === key) earlier = n - 1;
    }
    return at(
      first.line,
      first.col,
      `the key "${key ?? '?'}" is used twice in the same mapping${earlier >= 0 ? ` (first on line ${earlier + 1})` : ''}`,
      'Keep one of the two, or rename one: a key may appear only once at one level.',
    );
  }

  // "text: Note: this" -> the value holds ': ', which YAML reads as a nested key.
  for (const n of [first.line, first.line + 1]) {
    const l = lineText(n);
    const kv = splitKeyValue(l);
    const body = kv?.value.replace(/\s#.*$/, '').trimEnd() ?? '';
    if (kv && !isQuoted(kv.value) && /:\s/.test(body)) {
      return at(n, kv.valueCol + 1, 'this text contains ": ", so it needs quotes', `Write it as  ${quoteLine(l, kv)}`);
    }
    // "stem: Effective coaches ... by:": a text ending in ":" reads as a key of a nested mapping.
    if (kv && !isQuoted(kv.value) && body.endsWith(':')) {
      return at(n, kv.valueCol + 1, 'this text ends with ":", so it needs quotes', `Write it as  ${quoteLine(l, kv)}`);
    }
  }

  if (first.code === 'BAD_SCALAR_START') {
    const kv = splitKeyValue(lineText(first.line));
    const ch = kv?.value[0] ?? '';
    return at(
      first.line,
      first.col,
      `a text cannot start with ${ch || 'this character'} unless it is in quotes`,
      kv ? `Write it as  ${quoteLine(lineText(first.line), kv)}` : 'Put the text in double quotes.',
    );
  }

  if (first.code === 'UNEXPECTED_TOKEN' && /^[ \t]*(?:- +)?[^:]+: *["'][^"']*["'] *[^\s#]/.test(lineText(first.line))) {
    const kv = splitKeyValue(lineText(first.line));
    return at(
      first.line,
      first.col,
      'the text goes on after its closing quote',
      kv
        ? `Put the whole text inside the quotes, e.g.  ${kv.key}: '${kv.value.replace(/'/g, "''")}'`
        : 'Put the whole text inside the quotes.',
    );
  }

  // Indentation: a line indented deeper than a line that already has a value, or not lined up with its siblings.
  const bad = findBadIndent(lines, first.line);
  if (bad) return at(bad.line, bad.col, bad.plain, bad.hint);

  // "- item" moved left to its key's column under a list that started deeper: YAML then sees a new list
  // where a key should be ("A block sequence may not be used as an implicit map key").
  if (
    first.code === 'BLOCK_AS_IMPLICIT_KEY' ||
    /block sequence may not be used as an implicit map key/i.test(first.message)
  ) {
    const blank = (l: string) => l.trim() === '' || /^\s*#/.test(l);
    for (const n of [first.line, first.line - 1, first.line + 1]) {
      const l = lineText(n);
      if (!isDash(l)) continue;
      for (let q = n - 1; q >= 1; q--) {
        const s = lineText(q);
        if (blank(s)) continue;
        if (isDash(s) && indentOf(s) !== indentOf(l))
          return at(
            n,
            indentOf(l) + 1,
            `this list item starts at column ${indentOf(l) + 1}, not lined up with the items above it (column ${indentOf(s) + 1})`,
            `Items of one list start in the same column: indent line ${n} with ${indentOf(s)} spaces, as line ${q}.`,
          );
        break;
      }
    }
  }

  if (/flow (sequence|mapping)/i.test(first.message)) {
    // The parser notices on the next line; the cause is the last line above with an unclosed [ or {.
    const unquoted = (l: string) => l.replace(/"[^"]*"|'[^']*'/g, '');
    for (let n = Math.min(first.line, lines.length); n >= Math.max(1, first.line - 20); n--) {
      const l = unquoted(lineText(n));
      const open = (ch: string, close: string) => l.split(ch).length - l.split(close).length;
      if (open('[', ']') > 0 || open('{', '}') > 0) {
        const col = Math.max(lineText(n).lastIndexOf('['), lineText(n).lastIndexOf('{')) + 1;
        return at(
          n,
          col,
          'this [ list ] or { mapping } is not closed on its line',
          `Close it with ] or } on line ${n}, or, if the [ or { is part of a text, put the text in quotes.`,
        );
      }
    }
    return at(
      first.line,
      first.col,
      'a [ list ] or { mapping } is not closed on this line or the ones before it',
      'Close it with ] or }, or write the items as a block list ("- item" on each line).',
    );
  }
  return at(
    first.line,
    first.col,
    'YAML cannot read this line',
    'Check the quotes, the colons and the indentation (spaces only) on this line and the one above it.',
  );
}

const isDash = (l: string) => /^\s*-( |$)/.test(l);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

function findBadIndent(
  lines: string[],
  errLine: number,
): { line: number; col: number; plain: string; hint: string } | undefined {
  const content = (n: number) => {
    const l = lines[n - 1] ?? '';
    return l.trim() === '' || /^\s*#/.test(l) ? undefined : l;
  };
  const above = (n: number) => {
    let p = n - 1;
    while (p >= 1 && content(p) === undefined) p--;
    return p;
  };
  /** The indent step the file uses (2 in the shipped profiles), leaving out the lines in question; 0 if unclear. */
  const unit = (skip: number[]) => {
    let g = 0;
    for (let n = 1; n <= lines.length; n++) {
      const l = content(n);
      if (l !== undefined && !skip.includes(n) && indentOf(l) > 0) g = gcd(indentOf(l), g);
    }
    return g > 1 ? g : 0;
  };
  /**
   * A line that starts left of the line above it must start where an enclosing block's items start. Under
   * "- id: x" those are the column of the "-" (another item) and the column of "id" (another key).
   */
  const dedented = (n: number) => {
    const l = content(n);
    const p = above(n);
    const prev = content(p);
    if (l === undefined || prev === undefined) return undefined;
    // A key right under "- id: x" starts where "id" starts, not at the "-".
    if (indentOf(l) >= indentOf(prev) + (isDash(prev) && !isDash(l) && indentOf(l) === indentOf(prev) ? 1 : 0))
      return undefined;
    const ind = indentOf(l);
    const starts = new Set<number>();
    const add = (s: string) => {
      if (isDash(s)) {
        if (isDash(l)) starts.add(indentOf(s));
        starts.add(indentOf(s) + 2);
      } else starts.add(indentOf(s));
    };
    add(prev);
    let min = indentOf(prev);
    for (let q = p - 1; q >= 1 && min > 0; q--) {
      const s = content(q);
      if (s === undefined || indentOf(s) >= min) continue;
      min = indentOf(s);
      add(s);
      // A list may sit at its key's own column ("sections:" then "- id: x"), so the key's column takes a "-".
      if (isDash(l) && !isDash(s)) starts.add(indentOf(s));
    }
    if (starts.has(ind)) return undefined;
    const cols = [...starts].sort((a, b) => a - b);
    // The nearest start; between two, the deeper one (an outdented key is more often a slip of a space or two).
    const want = cols.reduce((a, b) => (Math.abs(b - ind) <= Math.abs(a - ind) ? b : a));
    return {
      line: n,
      col: ind + 1,
      plain: `this line is not lined up with the lines above it (it starts at column ${ind + 1}; they start at column ${cols.map((x) => x + 1).join(' or ')})`,
      hint: `Items of one list or mapping start in the same column: indent line ${n} with ${want} spaces, as the item it belongs with.`,
    };
  };
  // Look at the error line and the ones just around it: the parser reports where a block broke, which is
  // sometimes the line before the mis-indented one, sometimes the line after.
  for (let n = Math.max(2, errLine - 1); n <= Math.min(lines.length, errLine + 1); n++) {
    const l = content(n);
    if (l === undefined) continue;
    const p = above(n);
    const prev = content(p);
    if (prev === undefined) continue;
    const kv = splitKeyValue(prev);
    const value = kv?.value ?? '';
    const continues = value === '' || /^[|>]/.test(value);
    if (kv && !continues && indentOf(l) > indentOf(prev) + (isDash(prev) ? 2 : 0)) {
      // Line n looks indented too far, but the mistake may be line p, moved left: then p is the one out of
      // line (with its own siblings above, or off the indent steps the rest of the file uses), and the hint
      // must move p, not the correct line n.
      const outdented = dedented(p);
      if (outdented) return outdented;
      // "exemplary:" then "stem: ..." moved left to its column: the block "exemplary:" opened is empty, and
      // line n, meant as stem's sibling, seems indented too far.
      const pp = above(p);
      const opener = content(pp);
      const openerKv = opener === undefined ? undefined : /^[ \t]*(?:- +)?([^\s#][^:#]*):\s*(#.*)?$/.exec(opener);
      if (opener !== undefined && openerKv && indentOf(opener) === indentOf(prev) && indentOf(l) > indentOf(prev))
        return {
          line: p,
          col: indentOf(prev) + 1,
          plain: `this line is not indented under line ${pp} ("${openerKv[1].trim()}:"), which opens a block, so line ${n} below it seems indented too far`,
          hint: `Indent line ${p} with ${indentOf(l)} spaces, lined up with line ${n} (column ${indentOf(l) + 1}).`,
        };
      const step = unit([p, n]);
      if (step && indentOf(prev) % step !== 0 && indentOf(l) % step === 0)
        return {
          line: p,
          col: indentOf(prev) + 1,
          plain: `this line starts at column ${indentOf(prev) + 1}, off the ${step}-space steps the rest of the file is indented by, so line ${n} below it seems indented too far`,
          hint: `Indent line ${p} with ${indentOf(l)} spaces, lined up with line ${n} (column ${indentOf(l) + 1}).`,
        };
      return {
        line: n,
        col: indentOf(l) + 1,
        plain: `this line is indented more than line ${p}, which already has a value`,
        hint: `Line it up with line ${p} (column ${indentOf(prev) + 1}) if it is the next field; if it continues the text of line ${p}, put that whole text in quotes.`,
      };
    }
    const out = dedented(n);
    if (out) return out;
  }
  return undefined;
}

export interface CommentWarning {
  line: number;
  col: number;
  message: string;
  hint: string;
}

/**
 * `text: Notes #1` is the text "Notes" and a comment "1": YAML reads " #" as the start of a comment. A
 * comment glued to its "#" ("#1", "#hashtags") was almost always meant as part of the text.
 */
export function gluedComments(doc: Document, lineCounter: LineCounter): CommentWarning[] {
  const out: CommentWarning[] = [];
  visit(doc, {
    Scalar(key, node) {
      if (
        key === 'key' ||
        !isScalar(node) ||
        node.type !== 'PLAIN' ||
        !node.comment ||
        /^\s/.test(node.comment) ||
        !node.range
      )
        return;
      const p = lineCounter.linePos(node.range[1]);
      out.push({
        line: p.line,
        col: p.col,
        message: `"#${node.comment.split('\n')[0]}" is read as a comment, so the text ends at "${String(node.value)}"`,
        hint: 'Put the whole text in double quotes if # belongs to it; a comment is written " # like this" (with a space).',
      });
    },
  });
  return out;
}
