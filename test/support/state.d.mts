// Types for state.mjs.
import type { CorpusRecord } from './corpus.mjs';

export const CYCLES: string[];
export function writeState(
  dir: string,
  opts?: { seed?: number; kind?: 'realistic' | 'small' },
): { coaches: Array<{ name: string; region: string; district?: string; profile: string }>; records: CorpusRecord[] };
