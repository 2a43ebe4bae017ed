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
 * Wrap each over-long line of a text by words, keeping its leading indent; lines already short enough,
 * and lines with colour codes (laid out by their maker), are left alone.
 */
export function wrapLines(text: string, width = terminalWidth()): string {
  return text
    .split('\n')
    .map((l) => {
      if (l.length <= width || l.includes('\x1b[')) return l;
      const indent = /^\s*/.exec(l)![0];
      return wrap(l.slice(indent.length), width, indent, indent);
    })
    .join('\n');
}
