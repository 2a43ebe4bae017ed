// A file as the coach typed it: relative to where they are, unless it is elsewhere.
import { relative } from 'node:path';

/** The path relative to the working folder when it is inside it, else as given. */
export function show(file: string): string {
  const r = relative(process.cwd(), file);
  return r && !r.startsWith('..') ? r : file;
}
