// Take per-file results in file order: count each record once, catch forwarded copies and conflicting
// ids, and tell the caller about everything that was not counted.
import type { Diagnostic } from '../yaml-source.js';
import type { Aggregator } from './aggregate.js';
import type { FileResult } from './read-record.js';
import type { ScanSkip } from './scan.js';

export const SKIP_REASONS = ['invalid', 'draft', 'duplicate', 'conflict', 'not-a-record', 'too-large', 'unreadable', 'link'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface Problem {
  reason: SkipReason | 'warning';
  file: string;
  message: string;
  diagnostics?: Diagnostic[];
}

export interface FileCounts {
  found: number;
  counted: number;
  skipped: Record<SkipReason, number>;
}

/**
 * A UUID as a fresh 16-character string. Besides being small, it must not be a slice of the file's text:
 * V8 keeps the whole text alive for as long as a slice of it is kept, here for the whole run.
 */
function compactId(id: string): string {
  const hex = id.replace(/-/g, '');
  return /^[0-9a-f]{32}$/i.test(hex) ? Buffer.from(hex, 'hex').toString('latin1') : (' ' + id).slice(1);
}

export class Collector {
  readonly counts: FileCounts = { found: 0, counted: 0, skipped: Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number> };
  // The only per-record memory: id -> short content hash + index of the file it was first read from
  // (to name it, or take it back out, when a conflict shows up). Hashes are only ever compared between
  // files with the same id, so 8 characters are plenty.
  private readonly seen = new Map<string, string>();
  private readonly conflicted = new Set<string>();
  private index = -1;

  constructor(
    private readonly agg: Aggregator,
    /** The files being read, in the order their results arrive. */
    private readonly files: readonly string[],
    /** Re-reads a file already counted, to take it out again when a conflict shows up later. */
    private readonly reread: (file: string) => FileResult,
    private readonly report: (p: Problem) => void,
  ) {}

  private skip(reason: SkipReason, file: string, message: string, diagnostics?: Diagnostic[]): void {
    this.counts.skipped[reason]++;
    this.report({ reason, file, message, diagnostics });
  }

  acceptScanSkip(s: ScanSkip): void {
    this.counts.found++;
    this.skip(s.reason === 'unreadable' ? 'unreadable' : 'link', s.file, s.message);
  }

  accept(r: FileResult): void {
    this.counts.found++;
    this.index++;
    switch (r.kind) {
      case 'invalid':
        return this.skip('invalid', r.file, 'invalid record, not counted', r.diagnostics);
      case 'draft':
        return this.skip('draft', r.file, 'a draft (status: draft), not counted');
      case 'not-record':
        return this.skip('not-a-record', r.file, `${r.message}; skipped`);
      case 'too-large':
        return this.skip('too-large', r.file, `too large for a record (${(r.size / 1024 / 1024).toFixed(1)} MB); not read`);
      case 'unreadable':
        return this.skip('unreadable', r.file, r.message);
      case 'record':
        return this.acceptRecord(r);
    }
  }

  private acceptRecord(r: Extract<FileResult, { kind: 'record' }>): void {
    for (const w of r.warnings) this.report({ reason: 'warning', file: r.file, message: w.message, diagnostics: [w] });
    const key = compactId(r.id);
    const hash = r.hash.slice(0, 8);
    const seen = this.seen.get(key);
    if (seen === undefined) {
      this.seen.set(key, hash + this.index.toString(36));
      this.agg.add(r.contrib);
      this.counts.counted++;
      return;
    }
    const first = { hash: seen.slice(0, 8), file: this.files[parseInt(seen.slice(8), 36)] };
    if (this.conflicted.has(key)) {
      return this.skip('conflict', r.file, 'same record id as other files with different content; not counted');
    }
    if (first.hash === hash) {
      return this.skip('duplicate', r.file, `same record as ${first.file} (a copy); counted once`);
    }
    // Which of the two is right cannot be told, so neither is counted: take the first back out.
    this.conflicted.add(key);
    const again = this.reread(first.file);
    if (again.kind === 'record' && again.hash.slice(0, 8) === first.hash) {
      this.agg.add(again.contrib, -1);
      this.counts.counted--;
      this.skip('conflict', first.file, `same record id as ${r.file} but different content; neither is counted`);
    } else {
      // The first file changed while we read; it was counted as it was then, so say so.
      this.report({ reason: 'warning', file: first.file, message: 'changed during the run; counted as first read' });
    }
    this.skip('conflict', r.file, `same record id as ${first.file} but different content; neither is counted`);
  }
}
