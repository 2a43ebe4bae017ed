// A record file together with its profile, for the coach's own views (report, history).
import { CliError, EXIT } from '../errors.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { isNotRecord, readRecordFile } from '../record/read.js';
import type { PracticeRecord } from '../record/schema.js';
import { findByRef, type Registry } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';

export function loadOwnRecord(file: string, reg: Registry): { rec: PracticeRecord; profile: Profile } {
  const load = readRecordFile(file);
  if (!load.record) {
    const first = load.diagnostics[0];
    throw new CliError(
      first?.message ?? 'not a record',
      // Not there, or not a record at all (a report, a profile): a wrong argument. A broken record: a problem.
      first?.message.startsWith('cannot read') || isNotRecord(load) ? EXIT.usage : EXIT.problems,
      first ?? { file },
    );
  }
  const entry = findByRef(reg, load.record.profile);
  if (!entry)
    throw new CliError(
      `profile ${load.record.profile} (used by ${file}) is not available`,
      EXIT.usage,
      undefined,
      'Run `profile list`, or pass --profiles <folder>.',
    );
  const bad =
    load.source &&
    checkRecordAgainstProfile(load.record, entry.profile, load.source).find((d) => d.severity === 'error');
  if (bad) throw new CliError(bad.message, EXIT.problems, bad, `Check the file with: profile validate ${file}`);
  return { rec: load.record, profile: entry.profile };
}
