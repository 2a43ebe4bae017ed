// One error type for the whole CLI: a message, an exit code scripts can rely on, and where it happened.

import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export interface Location {
  file: string;
  line?: number;
  col?: number;
}

export function formatLocation(loc: Location): string {
  if (loc.line === undefined) return loc.file;
  return `${loc.file}:${loc.line}:${loc.col ?? 1}`;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
    readonly location?: Location,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** A file-system error in plain words ("file not found"), not Node's "ENOENT: no such file or directory, open ...". */
/**
 * "; did you mean records/NAME?" when `file` is not there but records/NAME is (a record named without its
 * folder), or "" when not.
 */
export function didYouMeanRecords(file: string, err?: unknown): string {
  if (err !== undefined && (err as NodeJS.ErrnoException)?.code !== 'ENOENT') return '';
  const guess = join('records', basename(file));
  if (guess === file || existsSync(file) || !existsSync(guess)) return '';
  return `; did you mean ${guess}?`;
}

export function fsErrorText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the drive is read-only';
    default:
      return (err as Error)?.message ?? String(err);
  }
}
