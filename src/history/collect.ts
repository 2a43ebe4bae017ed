// Which records `profile history` shows: the complete records of one profile in a folder, one person's only.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mapItemId } from '../assess/from.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { profileRef } from '../profile/model.js';
import { compareVersions, findByRef, type Registry } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { readRecordFile } from '../record/read.js';
import type { HistoryInput, MapItem } from './model.js';

/** `--respondent none`: the records that have no respondent. */
export const NO_NAME_FLAG = 'none';

/** "(no name) 3 records, Pat Lee 1", the unnamed first, then by name. */
export function peopleList(people: (string | undefined)[]): string {
  const n = new Map<string | undefined, number>();
  for (const p of people) n.set(p, (n.get(p) ?? 0) + 1);
  // (sort() would put undefined last whatever the comparator says)
  const named = [...n.keys()].filter((k): k is string => k !== undefined).sort((a, b) => a.localeCompare(b));
  const keys = [...(n.has(undefined) ? [undefined] : []), ...named];
  return keys
    .map((k, i) => `${k ?? '(no name)'} ${n.get(k)}${i === 0 ? (n.get(k) === 1 ? ' record' : ' records') : ''}`)
    .join(', ');
}

export interface Collected {
  target: Profile;
  inputs: HistoryInput[];
  /** Files passed over, in words ("3 drafts", "1 of another profile"). */
  skipped: string[];
}

/**
 * Carry an item id of an earlier version to `target` through each version's `replaces` + `crosswalk`.
 * The one place history meets the crosswalk, so a shared mapping function can replace it.
 */
export function crosswalkMapper(target: Profile, reg: Registry): MapItem {
  return (fromRef, id) => {
    const newer: Profile[] = [];
    for (
      let p: Profile | undefined = target;
      p && newer.length < 50;
      p = p.replaces ? findByRef(reg, p.replaces)?.profile : undefined
    ) {
      newer.unshift(p);
      if (p.replaces === fromRef) break;
    }
    if (newer[0]?.replaces !== fromRef) return undefined;
    let ref = fromRef;
    let cur: string | undefined = id;
    for (const p of newer) {
      cur = cur && mapItemId(p, ref, cur);
      ref = profileRef(p);
    }
    return cur;
  };
}

export function collectHistory(dir: string, reg: Registry, opts: { profile?: string; respondent?: string }): Collected {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new CliError(`not a folder: ${dir}`, EXIT.usage);
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'))
      .sort();
  } catch (err) {
    if (err instanceof CliError) throw err;
    const why =
      (err as NodeJS.ErrnoException)?.code === 'ENOENT'
        ? `there is no folder ${dir} here`
        : `cannot read the folder ${dir}: ${fsErrorText(err)}`;
    throw new CliError(
      why,
      EXIT.usage,
      undefined,
      'Give the folder your records are in, e.g. profile history records/ (profile assess saves them in records/).',
    );
  }
  const counts = { drafts: 0, broken: 0, unknown: 0, others: 0, people: 0 };
  const complete: HistoryInput[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const load = readRecordFile(file);
    const rec = load.record;
    if (!rec) counts.broken++;
    else if (rec.status === 'draft') counts.drafts++;
    else {
      const entry = findByRef(reg, rec.profile);
      if (!entry) counts.unknown++;
      else if (
        load.source &&
        checkRecordAgainstProfile(rec, entry.profile, load.source).some((d) => d.severity === 'error')
      )
        counts.broken++;
      else complete.push({ rec, profile: entry.profile, file });
    }
  }
  const ids = [...new Set(complete.map((x) => x.profile.id))].sort();
  const id = opts.profile?.split('@')[0] ?? (ids.length === 1 ? ids[0] : undefined);
  if (!complete.length) {
    // `profile history .` from the folder that holds records/: point there rather than say "none".
    const sub = join(dir, 'records');
    const nested = existsSync(sub) && statSync(sub).isDirectory();
    throw new CliError(
      nested ? `no records here in ${dir}; did you mean ${sub}/?` : `no complete records in ${dir}`,
      EXIT.usage,
      undefined,
      nested
        ? `profile assess saves records in records/: profile history ${sub}/ (or just profile history)`
        : 'Records are written by profile assess; history shows complete ones.',
    );
  }
  if (!id) {
    const list = ids.map((i) => `${i} (${complete.filter((x) => x.profile.id === i).length})`).join(', ');
    throw new CliError(
      `records of several profiles in ${dir}: ${list}; say which with --profile`,
      EXIT.usage,
      undefined,
      `e.g. profile history ${dir} --profile ${ids[0]}`,
    );
  }
  let mine = complete.filter((x) => x.profile.id === id);
  counts.others = complete.length - mine.length;
  if (!mine.length)
    throw new CliError(`no complete records of ${id} in ${dir} (profiles there: ${ids.join(', ')})`, EXIT.usage);
  // A folder may hold other people's records (a shared drive, a colleague's copied file): never mix two
  // people into one line of growth. No respondent is a value of its own: it may be anyone, so it is not
  // guessed to be the named person (nor the named person to be "me").
  const who = (x: HistoryInput) => x.rec.respondent?.trim() || undefined;
  if (opts.respondent !== undefined) {
    const want = opts.respondent.trim();
    const unnamed = want.toLowerCase() === NO_NAME_FLAG;
    const before = mine.length;
    mine = mine.filter((x) => (unnamed ? who(x) === undefined : who(x) === want));
    counts.people = before - mine.length;
    if (!mine.length)
      throw new CliError(
        unnamed
          ? `no complete ${id} records without a respondent in ${dir}`
          : `no complete ${id} records with respondent "${want}" in ${dir}`,
        EXIT.usage,
        undefined,
        `Records there are by: ${peopleList(complete.filter((x) => x.profile.id === id).map(who))}.`,
      );
  } else {
    const people = new Set(mine.map(who));
    if (people.size > 1) {
      const named = [...people].filter((p): p is string => p !== undefined).sort();
      const example = named[0] ?? NO_NAME_FLAG;
      throw new CliError(
        `these ${id} records are by more than one person: ${peopleList(mine.map(who))}. History shows one person's growth, so it does not mix them`,
        EXIT.usage,
        undefined,
        `Say whose with --respondent NAME, e.g. profile history ${dir} --respondent "${example}"` +
          (people.has(undefined) ? `; for the records with no name: --respondent ${NO_NAME_FLAG}` : '') +
          ". (A record's respondent is the name given when it was made: profile assess --respondent.)",
      );
    }
  }
  const target = mine
    .map((x) => x.profile)
    .sort((a, b) => compareVersions(a.version, b.version))
    .at(-1)!;
  const skipped = [
    counts.drafts ? `${counts.drafts} draft${counts.drafts === 1 ? '' : 's'}` : '',
    counts.others ? `${counts.others} of another profile` : '',
    counts.people ? `${counts.people} by someone else` : '',
    counts.unknown ? `${counts.unknown} of a profile not available here` : '',
    counts.broken ? `${counts.broken} with errors (profile validate shows them)` : '',
  ].filter(Boolean);
  return { target, inputs: mine, skipped };
}
