// The format a command writes to `--out FILE`, taken from the file's extension when --format is not given
// (the rule `summarize --out` follows: .html/.htm, .md/.markdown, .txt ...). Shared so commands agree.
import { basename } from 'node:path';
import { CliError, EXIT } from './errors.js';

/**
 * `byExt` maps lower-case extensions to formats. Returns the format to write: the one given, or the one the
 * extension names, or `fallback` for a name without an extension. An unknown extension without --format,
 * or a --format the extension contradicts, is a usage error that names the formats.
 */
export function formatForOut<F extends string>(
  out: string,
  given: F | undefined,
  byExt: Record<string, F>,
  fallback: F,
  formats: string,
): F {
  const ext = /\.([A-Za-z0-9]+)$/.exec(basename(out))?.[1].toLowerCase();
  if (ext === undefined) return given ?? fallback;
  const named = Object.hasOwn(byExt, ext) ? byExt[ext] : undefined;
  if (given === undefined) {
    if (named !== undefined) return named;
    throw new CliError(
      `cannot tell which format to write to ${out}: .${ext} is not a known extension`,
      EXIT.usage,
      undefined,
      `Use ${formats}, or say --format.`,
    );
  }
  if (named !== undefined && named !== given)
    throw new CliError(
      `--format ${given} and --out ${out} disagree: a .${ext} file holds ${named}`,
      EXIT.usage,
      undefined,
      `Drop --format (the extension says it), or name the file for ${given}.`,
    );
  return given;
}
