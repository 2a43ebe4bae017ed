// One error type for the whole CLI: a message, an exit code scripts can rely on, and where it happened.

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
