// Word-wrap for terminal output, with a hanging indent.

export function terminalWidth(): number {
  const cols = process.stdout.columns;
  return Math.max(40, Math.min(cols && cols > 0 ? cols : 100, 120));
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
