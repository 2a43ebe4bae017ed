// Types for corpus.mjs (plain JS so the benchmark can use it without a build).
export interface CorpusRecord {
  id: string;
  profile: string;
  date: string;
  cycle: string;
  group: Record<string, string>;
  respondent: string;
  ratings: Record<string, string>;
  notes: Record<string, string>;
  improvementAreas: Array<string | { text: string }>;
  priorities: string[];
  actionSteps: Array<{ text: string; status: 'planned' | 'in-progress' | 'done' }>;
}
export function prng(seed: number): () => number;
export const PROFILES: Record<string, { levels: string[]; items: string[]; areas: string[] }>;
export const TARGET_RANK: Record<string, number>;
export function makeRecord(rng: () => number, i: number): CorpusRecord;
export function recordYaml(r: CorpusRecord, status?: string): string;
export function writeCorpus(dir: string, n: number, seed: number, keep?: (r: CorpusRecord) => void): void;
