// The text after a command's options in --help, wrapped by words to the terminal (80 columns in a pipe, or
// COLUMNS; at most 100, for reading).
// In the source, each paragraph is one line; indented lines (examples, lists) are kept as they are, so a
// command can be copied whole.
import { terminalWidth, wrap } from '../ui/wrap.js';

/** For commander's addHelpText: `text` laid out when help is shown, at the width of that terminal. */
export function helpText(text: string): () => string {
  return () => layoutHelp(text, Math.min(terminalWidth(), 100));
}

export function layoutHelp(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (line === '' || /^\s/.test(line) ? line : wrap(line, width)))
    .join('\n');
}
