// Which records `profile history` shows: the complete records of one profile in a folder, one person's only.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mapItemId } from '../assess/from.js';
import { CliError, EXIT, fsErrorText } from '../errors.js';
import { profileRef } from '../profile/model.js';
import { compareVersions, findByRef, type Registry } from '../profile/registry.js';
import type { Profile } from '../profile/schema.js';
import { checkRecordAgainstProfile } from '../record/check.js';
import { readRecordFile } from '../record/read.js';
import { answersKey, type HistoryInput, type MapItem } from './model.js';

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

/** "district A · building X: 2 records (a.yaml, b.yaml); district B · building Y: 1 (c.yaml)". */
export function contextList(inputs: HistoryInput[]): string {
  const by = new Map<string, string[]>();
  for (const x of inputs) {
    const k = contextText(x.rec.group);
    by.set(k, [...(by.get(k) ?? []), x.file]);
  }
  return [...by]
    .map(
      ([k, files], i) =>
        `${k}: ${files.length}${i === 0 ? (files.length === 1 ? ' record' : ' records') : ''} (${files.map((f) => basename(f)).join(', ')})`,
    )
    .join('; ');
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

/** A record's context (its `group`) in words: "district A · building X", or "no context given". */
export function contextText(group: Record<string, string> | undefined): string {
  const e = Object.entries(group ?? {});
  return e.length ? e.map(([k, v]) => `${k} ${v}`).join(' · ') : 'no context given';
}

const norm = (s: string) => s.trim().toLowerCase();

/** Two contexts conflict when a key both give has different values (a key only one gives is no conflict). */
export function contextsConflict(a?: Record<string, string>, b?: Record<string, string>): boolean {
  if (!a || !b) return false;
  return Object.keys(a).some((k) => {
    const bk = Object.keys(b).find((x) => norm(x) === norm(k));
    return bk !== undefined && norm(String(a[k])) !== norm(String(b[bk]));
  });
}

/** `--group district=A`: "district" -> "A"; refuses anything else. */
export function parseGroupFilter(items: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const it of items) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s*(.+?)\s*$/.exec(it);
    if (!m)
      throw new CliError(
        `--group ${it}: give a key and a value, e.g. --group district=Lincoln`,
        EXIT.usage,
        undefined,
        'The keys are those under group: in your records (state, region, district, building...).',
      );
    out[m[1]] = m[2];
  }
  return out;
}

export interface HistoryPick {
  profile?: string;
  respondent?: string;
  /** `--group key=value`: only the records whose group says so. */
  group?: Record<string, string>;
  /** `--same-person`: the records with no respondent are one person's even where their context differs. */
  samePerson?: boolean;
}

export function collectHistory(dir: string, reg: Registry, opts: HistoryPick): Collected {
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
  const counts = { drafts: 0, broken: 0, unknown: 0, others: 0, people: 0, context: 0 };
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
    mine = mine.filter((x) => (unnamed ? who(x) === undefined : norm(who(x) ?? '') === norm(want)));
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
  if (opts.group && Object.keys(opts.group).length) {
    const want = opts.group;
    const before = mine.length;
    mine = mine.filter((x) =>
      Object.entries(want).every(([k, v]) => {
        const g = x.rec.group ?? {};
        const key = Object.keys(g).find((gk) => norm(gk) === norm(k));
        return key !== undefined && norm(String(g[key])) === norm(v);
      }),
    );
    counts.context = before - mine.length;
    if (!mine.length)
      throw new CliError(
        `no complete ${id} records with ${contextText(want)} in ${dir}`,
        EXIT.usage,
        undefined,
        `Records there are from: ${contextList(complete.filter((x) => x.profile.id === id))}.`,
      );
  }
  // Records with no respondent (profile assess asks no name) may still be two people's: a colleague's copied
  // file with another district or building is not taken for the coach's own.
  const unnamedOnes = mine.filter((x) => who(x) === undefined);
  if (
    !opts.samePerson &&
    unnamedOnes.some((a, i) => unnamedOnes.slice(i + 1).some((b) => contextsConflict(a.rec.group, b.rec.group)))
  ) {
    const keys = Object.keys(unnamedOnes.find((x) => x.rec.group && Object.keys(x.rec.group).length)?.rec.group ?? {});
    const first = unnamedOnes.find((x) => x.rec.group)?.rec.group ?? {};
    const example = keys.at(-1) ? `${keys.at(-1)}=${first[keys.at(-1)!]}` : 'district=NAME';
    throw new CliError(
      `these ${id} records have no respondent and come from different places, so they may be by more than one person: ${contextList(unnamedOnes)}. History shows one person's growth, so it does not mix them`,
      EXIT.usage,
      undefined,
      `Pick yours with --group, e.g. profile history ${dir} --group "${example}" (or move the other files out of the folder). ` +
        `If they are all yours (your school or district changed between years), say so: profile history ${dir} --same-person`,
    );
  }
  // Two reviews of one cycle with different answers: one may be a colleague's (same place, no name). A trend
  // built on it would tell the coach they slipped, so history asks rather than guesses.
  if (!opts.samePerson) {
    const byCycle = new Map<string, HistoryInput[]>();
    for (const x of mine) {
      const c = x.rec.cycle?.trim().toLowerCase();
      if (c) byCycle.set(c, [...(byCycle.get(c) ?? []), x]);
    }
    for (const list of byCycle.values()) {
      const differ = list.filter((x) => answersKey(x.rec) !== answersKey(list[0].rec));
      if (!differ.length) continue;
      const files = [list[0], ...differ].map((x) => basename(x.file)).join(', ');
      throw new CliError(
        `${list.length} ${id} reviews of the cycle "${list[0].rec.cycle}" have different answers (${files}), so one may be someone else's. History shows one person's growth, so it does not guess which`,
        EXIT.usage,
        undefined,
        `Move the files that are not yours out of ${dir}, or, if they are all yours (a review done again), say so: profile history ${dir} --same-person`,
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
    counts.context ? `${counts.context} from another place (--group)` : '',
    counts.unknown ? `${counts.unknown} of a profile not available here` : '',
    counts.broken ? `${counts.broken} with errors (profile validate shows them)` : '',
  ].filter(Boolean);
  return { target, inputs: mine, skipped };
}
