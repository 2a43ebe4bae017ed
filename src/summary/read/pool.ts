// Read many files on both cores: a small pool of worker threads takes batches of paths and returns
// per-file results, which are handed on in file order so the outcome is the same as reading in one thread.
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readRecordResult, type FileResult, type ReadContext } from './read-record.js';
import type { ScanItem, ScanSkip } from '../../scan.js';
import type { BatchRequest, WorkerInit } from './worker.js';

/**
 * Below this, starting workers costs more than it saves: with the fast YAML path one thread reads about
 * 10,000 records a second, and each worker takes ~0.3 s to start.
 */
export const WORKER_THRESHOLD = 5000;

/**
 * Workers pay only when a second core is actually free: measured on a 2-core machine with another
 * process busy on one core, two workers were slower than one thread (they share the one free core and
 * the main thread still has to take their results). So: enough files, and an idle core by load average.
 */
export function workersPay(files: number): boolean {
  const cores = availableParallelism();
  return files > WORKER_THRESHOLD && cores >= 2 && loadavg()[0] < cores - 0.75;
}
const BATCH = 64;

export interface ReadFilesOptions {
  /** Force (true) or forbid (false) workers; by default `workersPay()` decides. */
  workers?: boolean;
  profilesDir?: string;
}

/** A file's result, or an item the walk passed over, in walk order. */
export type ReadItem = { result: FileResult; skip?: undefined } | { skip: ScanSkip; result?: undefined };

export async function readFiles(
  items: Iterable<ScanItem>,
  fileCount: number,
  ctx: ReadContext,
  opts: ReadFilesOptions,
  onItem: (r: ReadItem) => void,
): Promise<void> {
  const useWorkers = opts.workers ?? workersPay(fileCount);
  if (!useWorkers) {
    for (const it of items) onItem(it.skip ? { skip: it.skip } : { result: readRecordResult(it.file!, ctx) });
    return;
  }
  const init: WorkerInit = {
    profilesDir: opts.profilesDir,
    opts: { keys: ctx.keys, as: ctx.as, includeText: ctx.includeText },
  };
  const count = Math.max(1, Math.min(2, availableParallelism()));
  // A small young generation: a worker's garbage is all short-lived, and a big nursery only adds RSS.
  const limits = { maxYoungGenerationSizeMb: 8 };
  const workers = Array.from(
    { length: count },
    () => new Worker(new URL('./worker.js', import.meta.url), { workerData: init, resourceLimits: limits }),
  );
  const iter = items[Symbol.iterator]();
  let exhausted = false;
  // Batches in flight keep their walk items, so skips and results come out in walk order.
  const pending = new Map<number, { items: ScanItem[]; results?: FileResult[] }>();
  let nextToSend = 0;
  let nextToEmit = 0;
  const take = (): ScanItem[] => {
    const batch: ScanItem[] = [];
    let files = 0;
    while (!exhausted && files < BATCH) {
      const n = iter.next();
      if (n.done) exhausted = true;
      else {
        batch.push(n.value);
        if (n.value.file !== undefined) files++;
      }
    }
    return batch;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const finished = () => exhausted && nextToEmit === nextToSend;
      const emit = () => {
        for (let b = pending.get(nextToEmit); b?.results; b = pending.get(nextToEmit)) {
          let k = 0;
          for (const it of b.items) onItem(it.skip ? { skip: it.skip } : { result: b.results[k++] });
          pending.delete(nextToEmit++);
        }
      };
      const send = (w: Worker) => {
        if (exhausted) return;
        const items = take();
        if (items.length === 0) return;
        const batch = nextToSend++;
        pending.set(batch, { items });
        const msg: BatchRequest = { batch, files: items.flatMap((it) => (it.file !== undefined ? [it.file] : [])) };
        w.postMessage(msg);
      };
      for (const w of workers) {
        w.on('message', (m: { batch: number; results: FileResult[] }) => {
          pending.get(m.batch)!.results = m.results;
          try {
            emit();
            send(w);
          } catch (err) {
            reject(err);
            return;
          }
          if (finished()) resolve();
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0 && !finished()) reject(new Error(`a reader thread stopped (exit code ${code})`));
        });
        // Two batches in flight per worker keep it busy while the main thread aggregates.
        send(w);
        send(w);
      }
      if (finished()) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
