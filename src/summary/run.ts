// `profile summarize` without the terminal: scan, read (on workers when it pays), aggregate, suppress.
import { loadRegistry, resolveProfile } from '../profile/registry.js';
import { checkConversionTarget } from '../profile/crosswalk.js';
import { Aggregator } from './aggregate.js';
import { buildSummary } from './build.js';
import { Collector, type FileCounts, type Problem } from './collect.js';
import type { Summary } from './model.js';
import { readFiles } from './pool.js';
import { makeReadContext, readRecordResult } from './read-record.js';
import { checkFolders, countFiles, filesAt, walkFolders } from '../scan.js';

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
  const as = opts.as ? checkConversionTarget(resolveProfile(reg, opts.as).profile, reg.entries.map((e) => e.profile)) : undefined;
  checkFolders(opts.folders);
  const ctx = makeReadContext(reg.entries.map((e) => e.profile), { by: opts.by, as, includeText: opts.includeText });
  const agg = new Aggregator();
  const report = opts.onProblem ?? (() => {});
  // A first, cheap walk counts the files: for the progress bar, the choice of threads, the id table.
  const total = countFiles(opts.folders);
  const collector = new Collector(agg, (f) => readRecordResult(f, ctx), report, total);
  let done = 0;
  await readFiles(walkFolders(opts.folders), total, ctx, { workers: opts.workers, profilesDir: opts.profilesDir }, (item) => {
    if (item.skip) return collector.acceptScanSkip(item.skip);
    collector.accept(item.result);
    if (++done % 256 === 0 || done === total) opts.onProgress?.(done, total);
  });
  collector.finish((indices) => filesAt(opts.folders, indices));
  agg.prune();
  const summary = buildSummary(agg, ctx.profiles, collector.counts, { minN: opts.minN, by: opts.by, as, includeText: opts.includeText });
  return { summary, counts: collector.counts };
}
