// Read many files on both cores: a small pool of worker threads takes batches of paths and returns
// per-file results, which are handed on in file order so the outcome is the same as reading in one thread.
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readRecordResult, type FileResult, type ReadContext } from './read-record.js';
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

export async function readFiles(
  files: string[],
  ctx: ReadContext,
  opts: ReadFilesOptions,
  onResult: (r: FileResult) => void,
): Promise<void> {
  const useWorkers = opts.workers ?? workersPay(files.length);
  if (!useWorkers) {
    for (const f of files) onResult(readRecordResult(f, ctx));
    return;
  }
  const init: WorkerInit = { profilesDir: opts.profilesDir, opts: { by: ctx.by, as: ctx.as, includeText: ctx.includeText } };
  const count = Math.max(1, Math.min(2, availableParallelism()));
  const workers = Array.from({ length: count }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: init }));
  const batches = Math.ceil(files.length / BATCH);
  const done = new Map<number, FileResult[]>(); // finished out of order, waiting for their turn
  let nextToSend = 0;
  let nextToEmit = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      const send = (w: Worker) => {
        if (nextToSend >= batches) return;
        const batch = nextToSend++;
        const msg: BatchRequest = { batch, files: files.slice(batch * BATCH, (batch + 1) * BATCH) };
        w.postMessage(msg);
      };
      for (const w of workers) {
        w.on('message', (m: { batch: number; results: FileResult[] }) => {
          done.set(m.batch, m.results);
          try {
            while (done.has(nextToEmit)) {
              for (const r of done.get(nextToEmit)!) onResult(r);
              done.delete(nextToEmit++);
            }
          } catch (err) {
            reject(err);
            return;
          }
          if (nextToEmit >= batches) resolve();
          else send(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0 && nextToEmit < batches) reject(new Error(`a reader thread stopped (exit code ${code})`));
        });
        // Two batches in flight per worker keep it busy while the main thread aggregates.
        send(w);
        send(w);
      }
      if (batches === 0) resolve();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
