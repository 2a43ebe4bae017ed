// Entry point: build the program, run it, and turn every error into one message and one exit code.
import { CommanderError } from 'commander';
import { CliError, EXIT, formatLocation } from './errors.js';
import { createProgram } from './cli.js';
import { safeLine, safeText } from './text-safety.js';
import { stderrWidth, wrapMessage } from './ui/wrap.js';
import type { ChalkInstance } from 'chalk';

export async function main(argv: string[]): Promise<void> {
  // A closed pipe (`profile show sbic | head`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
  });
  try {
    await createProgram().parseAsync(argv);
  } catch (err) {
    // chalk loads only when there is an error to colour: start-up stays light.
    const { colours } = await import('./ui/colour.js');
    process.exitCode = reportError(err, colours().err);
  }
}

/**
 * On a terminal, a message is wrapped by words to its width, so the terminal never breaks a word or a file
 * name (a path is one word: it moves to the next line whole). A pipe or a log gets the lines as they are.
 */
export function fitToTerminal(text: string, width = stderrWidth(), lead = ''): string {
  return wrapMessage(text, width, lead);
}

export function reportError(err: unknown, c: ChalkInstance): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage; // commander already printed
  if (err instanceof CliError) {
    // Messages quote file names and file contents: no control character reaches the terminal.
    const where = err.location ? `${safeLine(formatLocation(err.location))}: ` : '';
    // The location ("My Records/a b.yaml:3:5: ") is kept whole on one line, even with spaces in its path.
    const text = fitToTerminal(`error: ${where}${safeText(err.message)}`, stderrWidth(), `error: ${where}`);
    process.stderr.write(`${c.red('error')}${text.slice('error'.length)}\n`);
    if (err.hint) process.stderr.write(`${c.dim(fitToTerminal(safeText(err.hint)))}\n`);
    return err.exitCode;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    const hint = (err as Error & { resumeHint?: string }).resumeHint; // set by assess: the draft's path
    process.stderr.write(hint ? fitToTerminal(safeText(hint)) : '\nStopped; nothing was changed.\n');
    return 130;
  }
  const e = err as Error;
  const text = fitToTerminal(`error: ${safeText(e?.message ?? String(err))}`);
  process.stderr.write(`${c.red('error')}${text.slice('error'.length)}\n`);
  if (process.env.DEBUG) process.stderr.write(`${e?.stack}\n`);
  else process.stderr.write(c.dim('This is a bug in practice-profile. Run again with DEBUG=1 for details.\n'));
  return 70;
}
