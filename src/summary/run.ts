// `profile summarize` without the terminal: scan, read (on workers when it pays), count per cell,
// protect, build. The summary is safe to publish; the notes and file counts are for stderr only.
import { loadRegistry, resolveProfileOrFile } from '../profile/registry.js';
import { checkConversionTarget } from '../profile/crosswalk.js';
import { CliError, EXIT } from '../errors.js';
import { buildSummary, type BuildNotes } from './build.js';
import { Collector, type FileCounts, type Problem } from './read/collect.js';
import { CellTable, CYCLE_KEY, normValue } from './count/cells.js';
import type { Summary } from './model.js';
import { readFiles } from './read/pool.js';
import { makeReadContext, readRecordResult } from './read/read-record.js';
import { checkFolders, countFiles, filesAt, walkFolders } from '../scan.js';

export interface SummarizeOptions {
  folders: string[];
  /** One entry per table; [] or [[]] for the total only. */
  by: string[][];
  as?: string;
  /** Keep only these cycles (labels as typed; compared without case and spacing). */
  cycles?: string[];
  /** Compare two cycles: [from, to]. */
  growth?: [string, string];
  minN: number;
  includeText: boolean;
  profilesDir?: string;
  /** Force or forbid worker threads (tests); by default they start for many files. */
  workers?: boolean;
  onProblem?: (p: Problem) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface RunNotes extends Omit<BuildNotes, 'leftOutCells'> {
  /** Group values written more than one way and counted as one group. */
  variants: ReturnType<CellTable['variants']>;
  /** Files of records left out (the first few per key). */
  leftOutFiles: Array<{ key: string; file: string }>;
  /** The first few folded files. */
  foldedFiles: string[];
  /** Group keys found in records that lack a --by key. */
  keysSeen: string[];
}

/** Growth needs both cycles: with --cycle, they must be among those kept. */
function cyclesKept(opts: SummarizeOptions): string[] | undefined {
  if (!opts.cycles?.length) return undefined;
  const kept = [...opts.cycles];
  for (const c of opts.growth ?? []) if (!kept.some((k) => normValue(k) === normValue(c))) kept.push(c);
  return kept;
}

export async function runSummarize(
  opts: SummarizeOptions,
): Promise<{ summary: Summary; counts: FileCounts; notes: RunNotes }> {
  const reg = loadRegistry({ profiles: opts.profilesDir });
  // Resolve "sbic" to its latest version and fail early (exit 2) on an unknown one.
  const as = opts.as
    ? checkConversionTarget(
        resolveProfileOrFile(reg, opts.as, '--as').profile,
        reg.entries.map((e) => e.profile),
      )
    : undefined;
  checkFolders(opts.folders);
  const by = opts.by.filter((b) => b.length).length ? opts.by.filter((b) => b.length) : [[]];
  const keys = [...new Set(by.flat())];
  const perCycle = !keys.includes(CYCLE_KEY);
  if (opts.growth && !perCycle)
    throw new CliError("--growth compares two cycles' reports; it cannot be used with --by cycle", EXIT.usage);
  if (opts.growth && normValue(opts.growth[0]) === normValue(opts.growth[1]))
    throw new CliError(`--growth needs two different cycles (got "${opts.growth[0]}" twice)`, EXIT.usage);
  const cycles = cyclesKept(opts);
  const readKeys = keys.filter((k) => k !== CYCLE_KEY);
  const ctx = makeReadContext(
    reg.entries.map((e) => e.profile),
    { keys: readKeys, as, includeText: opts.includeText },
  );
  const table = new CellTable(keys, readKeys, perCycle);
  const report = opts.onProblem ?? (() => {});
  // A first, cheap walk counts the files: for the progress bar, the choice of threads, the id table.
  const total = countFiles(opts.folders);
  const collector = new Collector(table, (f) => readRecordResult(f, ctx), report, total, {
    cycles: cycles ? new Set(cycles.map(normValue)) : undefined,
  });
  let done = 0;
  await readFiles(
    walkFolders(opts.folders),
    total,
    ctx,
    { workers: opts.workers, profilesDir: opts.profilesDir },
    (item) => {
      if (item.skip) return collector.acceptScanSkip(item.skip);
      collector.accept(item.result);
      if (++done % 256 === 0 || done === total) opts.onProgress?.(done, total);
    },
  );
  collector.finish((indices) => filesAt(opts.folders, indices));
  table.prune();
  // A cycle label that no record has is a typo far more often than a wish for an empty report.
  const found = [...new Set([...table.cycles(), ...collector.counts.otherCycles.keys()])];
  const known = new Set(found.map(normValue));
  for (const c of [...(opts.cycles ?? []), ...(opts.growth ?? [])]) {
    if (!known.has(normValue(c))) {
      const list = found.length
        ? `cycles found: ${found.map((x) => `"${x}"`).join(', ')}`
        : 'no record has a cycle label';
      throw new CliError(
        `no record has cycle "${c}"; ${list}`,
        EXIT.usage,
        undefined,
        'Check the spelling (case and spacing do not matter).',
      );
    }
  }
  const { summary, notes } = buildSummary(table, ctx.profiles, collector.counts, {
    minN: opts.minN,
    by,
    as,
    cycles,
    growth: opts.growth,
    includeText: opts.includeText,
  });
  // Name the files of records left out for want of a group value, so they can be fixed.
  const leftKeys = new Set(notes.leftOutCells.map((c) => c.key));
  const leftOut = collector.missing.filter((m) => leftKeys.has(m.cell));
  const paths = leftOut.length
    ? filesAt(opts.folders, new Set(leftOut.map((m) => m.index)))
    : new Map<number, string>();
  const leftOutFiles = leftOut.flatMap((m) => {
    const file = paths.get(m.index);
    return file && m.key ? [{ key: m.key, file }] : [];
  });
  const { leftOutCells: _cells, ...rest } = notes;
  return {
    summary,
    counts: collector.counts,
    notes: {
      ...rest,
      variants: table.variants(),
      leftOutFiles,
      foldedFiles: collector.counts.foldedFiles,
      keysSeen: [...collector.keysSeen],
    },
  };
}
