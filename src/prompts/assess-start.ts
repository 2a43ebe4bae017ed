// Where `profile assess` starts: the record --from starts from (checked, turned into last time's answers),
// a draft to resume, or a profile to pick.
import { defaultsFromRecord } from '../assess/from.js';
import type { Defaults } from '../assess/flow.js';
import type { DraftOnDisk, loadRecord } from '../assess/store.js';
import { CliError, EXIT } from '../errors.js';
import { crosswalkTo } from '../profile/crosswalk.js';
import { findByRef, type Registry, type RegistryEntry } from '../profile/registry.js';
import type { Asker } from './asker.js';
import { show } from './show-path.js';

/**
 * `--from` starts from the coach's earlier record of this profile (or of a version it replaces): a record of
 * another profile has no counterparts to carry, and a draft is not finished yet. Both are refused (exit 2).
 */
export function checkFromRecord(
  reg: Registry,
  entry: RegistryEntry,
  prev: ReturnType<typeof loadRecord>,
  file: string,
): void {
  const lookup = (ref: string) => findByRef(reg, ref)?.profile;
  const sameChain = prev.profile.split('@')[0] === entry.profile.id || crosswalkTo(entry.profile, prev.profile, lookup);
  if (!sameChain)
    throw new CliError(
      `${show(file)} is a record of ${prev.profile}, not of ${entry.profile.id}: --from starts from an earlier record of the same profile (or of a version it replaces)`,
      EXIT.usage,
      undefined,
      `To start from that record: profile assess --from ${show(file)} (its own profile). To start ${entry.ref} without last time: profile assess ${entry.ref}`,
    );
  // Forward only: a newer version's record would be crosswalked backwards, dropping what the old one lacks.
  const at = (ref: string) => reg.entries.findIndex((e) => e.ref === ref);
  if (prev.profile.split('@')[0] === entry.profile.id && at(prev.profile) > at(entry.ref))
    throw new CliError(
      `${show(file)} is a record of ${prev.profile}, newer than ${entry.ref}: --from starts from an earlier version, not a later one`,
      EXIT.usage,
      undefined,
      `To start from it: profile assess --from ${show(file)} (its own version, ${prev.profile}).`,
    );
  if (prev.status === 'draft')
    throw new CliError(
      `${show(file)} is an unfinished draft: finish it first, then start a new assessment from it`,
      EXIT.usage,
      undefined,
      `To finish it: profile assess --resume ${show(file)}`,
    );
}

/** Last time's answers from `prev`, mapped into `entry`'s profile through the crosswalk. */
export function fromDefaults(reg: Registry, entry: RegistryEntry, prev: ReturnType<typeof loadRecord>): Defaults {
  return defaultsFromRecord(
    entry.profile,
    prev,
    findByRef(reg, prev.profile)?.profile,
    (ref) => findByRef(reg, ref)?.profile,
  );
}

export async function pickDraft(
  drafts: DraftOnDisk[],
  asked: boolean,
  interactive: boolean,
  getAsker: () => Promise<Asker>,
): Promise<string | undefined> {
  const label = (x: DraftOnDisk) =>
    `${show(x.file)}  (${x.record.profile}, ${x.record.date}, ${Object.keys(x.record.ratings).length} rated)`;
  if (asked && drafts.length === 1) return drafts[0].file;
  if (!interactive) {
    throw new CliError(
      `several drafts in the folder; say which one:\n  ${drafts.map(label).join('\n  ')}`,
      EXIT.usage,
      undefined,
      'profile assess --resume <file>',
    );
  }
  const a = await getAsker();
  const choices = drafts.map((x) => ({ value: x.file, label: `Resume ${label(x)}` }));
  if (!asked) choices.push({ value: '', label: 'Start a new assessment' });
  // A question that names its two ways ("resume it, or start a new one?"), not a yes/no one ("Resume it?"): a
  // "yes" would only mean something with one draft, and the answer is a choice of the list in any case
  // (its number, or "resume", "start" or "new" in --plain).
  const several = drafts.length > 1;
  const got = await a.select({
    message: asked
      ? 'Which draft?'
      : `You have ${several ? `${drafts.length} unfinished assessments: resume one` : 'an unfinished assessment: resume it'}, or start a new one?`,
    choices,
    default: drafts[0].file,
  });
  return typeof got === 'string' && got ? got : undefined;
}

export async function pickProfile(reg: Registry, a: Asker): Promise<string> {
  const latest = new Map(reg.entries.map((e) => [e.profile.id, e] as const)); // entries are sorted, last = latest
  const got = await a.select({
    message: 'Which practice profile?',
    choices: [...latest.values()].map((e) => ({ value: e.ref, label: `${e.profile.title} (${e.ref})` })),
  });
  if (typeof got !== 'string') throw new CliError('no profile chosen', EXIT.usage);
  return got;
}
