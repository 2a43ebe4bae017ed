// `profile report`: read the record and its profile, build the model, render it, write it where asked.
import { Chalk } from 'chalk';
import { basename } from 'node:path';
import { replaceFileAtomic, writeNewFileAtomic } from '../atomic-write.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { loadRegistry } from '../profile/registry.js';
import { reportHtml } from '../report/format-html.js';
import { reportMarkdown } from '../report/format-md.js';
import { loadOwnRecord } from '../report/load.js';
import { buildReport } from '../report/model.js';
import { colours } from '../ui/colour.js';
import { reportText } from '../ui/report-view.js';
import { terminalWidth, wrap } from '../ui/wrap.js';

export interface ReportOptions {
  file: string;
  format?: 'terminal' | 'md' | 'html';
  out?: string;
  /** Let the output file replace an existing one. */
  force?: boolean;
  profiles?: string;
  /** The terminal format in words alone, no ■ marks or bullets (screen readers); also with TERM=dumb. */
  plain?: boolean;
  /** false (--no-notes): the coach's private notes beside each rating are left out (a report to share). */
  notes?: boolean;
}

export function runReport(o: ReportOptions): void {
  const { rec, profile } = loadOwnRecord(o.file, loadRegistry({ profiles: o.profiles }));
  const m = buildReport(profile, rec);
  if (o.notes === false) for (const it of m.items) delete it.note;
  const format = o.format ?? 'terminal';
  // A file gets no colour codes; the screen gets them only where colours() allows, and never in plain mode.
  const plain = Boolean(o.plain) || process.env.TERM === 'dumb';
  const text =
    format === 'md'
      ? reportMarkdown(m)
      : format === 'html'
        ? reportHtml(m)
        : reportText(m, o.out || plain ? new Chalk({ level: 0 }) : colours().out, terminalWidth(), plain);
  // A page of HTML on the screen helps no one: without --out it goes to a file named after the record.
  const out =
    o.out ??
    (format === 'html' && process.stdout.isTTY ? `${basename(o.file).replace(/\.ya?ml$/i, '')}.html` : undefined);
  if (!out) {
    process.stdout.write(text);
    return;
  }
  // Never over an existing file unless --force: a notes.md or last year's report may be the coach's own work.
  // link() in writeNewFileAtomic keeps even a file made meanwhile safe.
  try {
    (o.force ? replaceFileAtomic : writeNewFileAtomic)(out, text, { mode: 0o644 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(
        `${out} exists; not replacing it`,
        EXIT.usage,
        undefined,
        `Use --force to replace it, or choose another file with --out, e.g. --out ${otherName(out)}`,
      );
    throw new CliError(`cannot write ${out}: ${fsErrorText(err)}`, EXIT.problems);
  }
  process.stdout.write(
    `${wrap(`Wrote ${out}${format === 'html' ? ' (open it in a browser to read, print or save as PDF)' : ''}`, terminalWidth())}\n`,
  );
}

/** "notes.md" -> "notes-2.md": a name to suggest beside one that exists. */
function otherName(file: string): string {
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(file)!;
  return `${m[1]}-2${m[2] ?? ''}`;
}
