// Word-wrap for terminal output, with a hanging indent.

/**
 * The width to lay text out for on `stream` (stdout by default), from 40 to 120: a terminal's own width; when
 * the output is not a terminal (`profile history | less`, `> file`), the COLUMNS variable if set, else 80, the
 * width a pager, a printout or an e-mail expects.
 */
export function terminalWidth(stream: NodeJS.WriteStream = process.stdout): number {
  // Node sets `columns` on a terminal only: a pipe or a file has none.
  const cols = stream.columns || columnsVariable() || 80;
  return Math.max(40, Math.min(cols, 120));
}

/** COLUMNS as a positive whole number, or undefined (unset, empty or not a number). */
function columnsVariable(): number | undefined {
  const v = process.env.COLUMNS?.trim();
  const n = v && /^\d+$/.test(v) ? Number(v) : 0;
  return n > 0 ? n : undefined;
}

/** Wrap `text` to `width`; the first line starts with `first`, the rest with `rest` (plain widths). */
export function wrap(text: string, width: number, first = '', rest = first): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const indent = () => (lines.length === 0 ? first : rest);
  for (const w of words) {
    if (!empty && line.length + 1 + w.length > width) {
      lines.push(line);
      line = rest + w;
    } else {
      line = empty ? indent() + w : `${line} ${w}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/**
 * Wrap each over-long line of a text by words, keeping its leading indent (a list line's next lines hang
 * under its text); lines already short enough,
 * and lines with colour codes (laid out by their maker), are left alone.
 */
export function wrapLines(text: string, width = terminalWidth()): string {
  return text
    .split('\n')
    .map((l) => {
      if (l.length <= width || l.includes('\x1b[')) return l;
      const indent = /^\s*/.exec(l)![0];
      // A numbered or bulleted line ("  1) ...", "- ...") hangs its next lines under its text, not its mark.
      const mark = /^\s*(?:\d+[).]|[-•*])\s+/.exec(l)?.[0];
      if (mark) return wrap(l.slice(mark.length), width, mark, ' '.repeat(mark.length));
      return wrap(l.slice(indent.length), width, indent, indent);
    })
    .join('\n');
}

/** The width to wrap a message on stderr to: the terminal's, or 0 (no wrapping) for a pipe or a log. */
export function stderrWidth(): number {
  return process.stderr.isTTY ? (process.stderr.columns ?? 0) : 0;
}

/**
 * A message for a terminal `width` columns wide (0: as it is, for a pipe or a log, so a script gets one line):
 * each over-long line wrapped by words under a two-space hanging indent, never inside a word or a file name (a
 * path is one word). `lead`, when the message starts with it ("error: My Records/a b.yaml:3:5: "), stays whole
 * on one line even when the path in it has spaces; when it is wider than the terminal, the location goes on a
 * line of its own under "error:".
 */
export function wrapMessage(text: string, width: number, lead = ''): string {
  if (!width || width < 20) return text;
  return text
    .split('\n')
    .map((l, i) => {
      if (l.length <= width) return l;
      const indent = /^\s*/.exec(l)![0];
      const rest = `${indent}  `;
      if (i > 0 || !lead || !l.startsWith(lead)) return wrap(l.slice(indent.length), width, indent, rest);
      const words = l.slice(lead.length);
      const first = words.trimStart().split(/\s+/)[0] ?? '';
      if (lead.length + first.length <= width) return wrap(words, width, lead, rest);
      // Too wide for the message's first word beside it: the lead alone on its line(s), never cut.
      const label = /^\S+:\s/.exec(lead)?.[0] ?? ''; // "error: "
      const where = lead.slice(label.length).trimEnd();
      const head =
        label && label.length + where.length > width ? `${label.trimEnd()}\n${rest}${where}` : lead.trimEnd();
      return `${head}\n${wrap(words, width, rest, rest)}`;
    })
    .join('\n');
}
