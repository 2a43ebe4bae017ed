// Types for privacy-audit.mjs (plain JS so the audit script can use it without a build).
import type { GroupSummary, Summary } from '../../src/summary/model.js';

export interface Leak {
  report: string;
  cycle: string | null;
  set: string;
  what: string;
  value: number | null;
}
export function auditSummary(
  summary: Summary,
  opts?: { openStepsMax?: number },
): Promise<{ leaks: Leak[]; checked: number; zeroPins: number; notes: string[] }>;
export function utility(
  summary: Summary,
  classify: (g: GroupSummary, depth: number, by: string[]) => string | undefined,
): Map<string, { rows: number; shown: number }>;
