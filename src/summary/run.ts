// `profile summarize` without the terminal: scan, read (on workers when it pays), aggregate, suppress.
import { loadRegistry, resolveProfile } from '../profile/registry.js';
import { Aggregator } from './aggregate.js';
import { buildSummary } from './build.js';
import { Collector, type FileCounts, type Problem } from './collect.js';
import type { Summary } from './model.js';
import { readFiles } from './pool.js';
import { makeReadContext, readRecordResult } from './read-record.js';
import { scanFolders } from './scan.js';

export interface SummarizeOptions {
  folders: string[];
  by: string[];
  as?: string;
  minN: number;
  includeText: boolean;
  profilesDir?: string;
  /** Force or forbid worker threads (tests); by default they start for many files. */
  workers?: boolean;
  onProblem?: (p: Problem) => void;
  onProgress?: (done: number, total: number) => void;
}

/** The summary (safe to publish) and the true file counts (for the stderr report only). */
export async function runSummarize(opts: SummarizeOptions): Promise<{ summary: Summary; counts: FileCounts }> {
  const reg = loadRegistry({ profiles: opts.profilesDir });
  // Resolve "sbic" to its latest version and fail early (exit 2) on an unknown one.
  const as = opts.as ? resolveProfile(reg, opts.as).ref : undefined;
  const scan = scanFolders(opts.folders);
  const ctx = makeReadContext(reg.entries.map((e) => e.profile), { by: opts.by, as, includeText: opts.includeText });
  const agg = new Aggregator();
  const report = opts.onProblem ?? (() => {});
  const collector = new Collector(agg, scan.files, (f) => readRecordResult(f, ctx), report);
  for (const s of scan.skipped) collector.acceptScanSkip(s);
  const total = scan.files.length;
  let done = 0;
  await readFiles(scan.files, ctx, { workers: opts.workers, profilesDir: opts.profilesDir }, (r) => {
    collector.accept(r);
    if (++done % 256 === 0 || done === total) opts.onProgress?.(done, total);
  });
  agg.prune();
  const summary = buildSummary(agg, ctx.profiles, collector.counts, { minN: opts.minN, by: opts.by, as, includeText: opts.includeText });
  return { summary, counts: collector.counts };
}
