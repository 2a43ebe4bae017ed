// Worker thread: reads, parses and checks batches of record files; sends back only small results.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistry } from '../../profile/registry.js';
import { makeReadContext, readRecordResult, type ReadOptions } from './read-record.js';

export interface WorkerInit {
  profilesDir?: string;
  opts: ReadOptions;
}
export interface BatchRequest {
  batch: number;
  files: string[];
}

const init = workerData as WorkerInit;
const ctx = makeReadContext(
  loadRegistry({ profiles: init.profilesDir, quiet: true }).entries.map((e) => e.profile),
  init.opts,
);

parentPort?.on('message', (msg: BatchRequest) => {
  const results = msg.files.map((f) => readRecordResult(f, ctx));
  parentPort?.postMessage({ batch: msg.batch, results });
});
