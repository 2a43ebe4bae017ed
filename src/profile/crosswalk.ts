// Carry ids of an earlier version over to a later one through each version's `replaces` + crosswalk,
// following the whole chain (2014 -> 2024 -> 2026). The one mapping used by `summarize --as`,
// `assess --from`, `diff` and `validate`, so they cannot disagree.
import { CliError, EXIT } from '../errors.js';
import { improvementAreaIds, profileRef, ratedItems } from './model.js';
import type { Profile } from './schema.js';

/** Maps an id of an earlier version to the later one; null = no counterpart (dropped). */
export type IdMap = (id: string) => string | null;

export interface VersionMap {
  /** The earlier version, e.g. sbic@2014. */
  from: string;
  /** The later version the ids are carried to. */
  to: string;
  /** The versions in between, oldest first (empty for a direct `replaces`). */
  via: string[];
  /** Section, criterion and improvement-area ids. */
  item: IdMap;
  /** Level ids of the scale. */
  level: IdMap;
}

export type ProfileLookup = (ref: string) => Profile | undefined;

/** Every id that can appear in a record: sections, criteria, improvement areas. */
export function itemIds(p: Profile): Set<string> {
  const ids = new Set<string>(ratedItems(p).map((i) => i.id));
  for (const s of p.sections) {
    ids.add(s.id);
    for (const c of s.criteria) ids.add(c.id);
  }
  for (const a of improvementAreaIds(p)) ids.add(a);
  return ids;
}

export function levelIds(p: Profile): Set<string> {
  return new Set(p.scale.levels.map((l) => l.id));
}

/** One step: ids of `newer.replaces` into `newer`. An id that is still in `newer` keeps its id, whatever
 * the crosswalk says (`validate` rejects such a crosswalk line: `crosswalk-existing-id`); other listed ids
 * follow the crosswalk (null = dropped); an unlisted id that is gone has no counterpart. */
export function stepMaps(newer: Profile): { item: IdMap; level: IdMap } {
  const make =
    (walk: Record<string, string | null> | undefined, ids: Set<string>): IdMap =>
    (id) => {
      if (ids.has(id)) return id;
      if (walk && Object.hasOwn(walk, id)) return walk[id];
      return null;
    };
  return { item: make(newer.crosswalk, itemIds(newer)), level: make(newer.levelCrosswalk, levelIds(newer)) };
}

/** The earlier versions of `target` through `replaces`, newest first (a cycle or a missing link ends it). */
export function earlierVersions(target: Profile, lookup: ProfileLookup): string[] {
  const out: string[] = [];
  const seen = new Set([profileRef(target)]);
  let p: Profile | undefined = target;
  while (p?.replaces && !seen.has(p.replaces)) {
    out.push(p.replaces);
    seen.add(p.replaces);
    p = lookup(p.replaces);
  }
  return out;
}

/** For each earlier version reachable from `target`, the composed map to `target`. Keys are refs. */
export function crosswalkChain(target: Profile, lookup: ProfileLookup): Map<string, VersionMap> {
  const out = new Map<string, VersionMap>();
  const to = profileRef(target);
  let item: IdMap = (id) => id;
  let level: IdMap = (id) => id;
  const via: string[] = [];
  let newer: Profile | undefined = target;
  const seen = new Set([to]);
  while (newer?.replaces && !seen.has(newer.replaces)) {
    const from = newer.replaces;
    seen.add(from);
    const step = stepMaps(newer);
    const [nextItem, nextLevel] = [item, level];
    item = (id) => {
      const m = step.item(id);
      return m === null ? null : nextItem(m);
    };
    level = (id) => {
      const m = step.level(id);
      return m === null ? null : nextLevel(m);
    };
    out.set(from, { from, to, via: [...via].reverse(), item, level });
    via.push(from);
    newer = lookup(from);
  }
  return out;
}

/** The map from `fromRef` to `target`: identity for the same version, undefined when `fromRef` is not an
 * earlier version in `target`'s chain (another profile, a later version, a broken link). */
export function crosswalkTo(target: Profile, fromRef: string, lookup: ProfileLookup): VersionMap | undefined {
  const to = profileRef(target);
  if (fromRef === to) return { from: to, to, via: [], item: (id) => id, level: (id) => id };
  return crosswalkChain(target, lookup).get(fromRef);
}

/**
 * `--as <ref>` only makes sense for a version that replaces an earlier one it can find: counting records
 * "as" a first version, or as an unrelated profile, converts nothing while the header says it did.
 * Returns the target's ref; throws a usage error (exit 2) otherwise.
 */
export function checkConversionTarget(target: Profile, profiles: Profile[]): string {
  const byRef = new Map(profiles.map((p) => [profileRef(p), p]));
  const ref = profileRef(target);
  const earlier = earlierVersions(target, (r) => byRef.get(r)).filter((r) => byRef.has(r));
  if (earlier.length > 0) return ref;
  const targets = profiles
    .filter((p) => earlierVersions(p, (r) => byRef.get(r)).some((r) => byRef.has(r)))
    .map(profileRef);
  const later = profiles
    .filter((p) => p.id === target.id && p.replaces && crosswalkTo(p, ref, (r) => byRef.get(r)))
    .map(profileRef);
  const hint = later.length
    ? `${ref} is an earlier version: records are carried forward only. Try --as ${later[later.length - 1]}.`
    : targets.length
      ? `Versions that replace an earlier one: ${targets.join(', ')}.`
      : 'No profile in use replaces an earlier version.';
  throw new CliError(
    `--as ${ref}: ${ref} replaces no earlier version, so there is nothing to count as it`,
    EXIT.usage,
    undefined,
    hint,
  );
}

export interface ConversionReport {
  from: string;
  to: string;
  via: string[];
  /** Ids whose id changes (old -> new). */
  renamed: Array<[string, string]>;
  /** Ids with no counterpart: ratings, priorities, areas of these are not carried over. */
  dropped: string[];
  /** Several old ids that land on one new id (validate rejects this: crosswalk-merge). */
  merged: Array<[string[], string]>;
  levelsRenamed: Array<[string, string]>;
  levelsDropped: string[];
}

/** What records of `from` become under `to`: for `diff`, and for summaries that say what was mapped. */
export function conversionReport(older: Profile, map: VersionMap): ConversionReport {
  const renamed: Array<[string, string]> = [];
  const dropped: string[] = [];
  const landing = new Map<string, string[]>();
  for (const id of itemIds(older)) {
    const to = map.item(id);
    if (to === null) dropped.push(id);
    else {
      if (to !== id) renamed.push([id, to]);
      landing.set(to, [...(landing.get(to) ?? []), id]);
    }
  }
  const levelsRenamed: Array<[string, string]> = [];
  const levelsDropped: string[] = [];
  for (const id of levelIds(older)) {
    const to = map.level(id);
    if (to === null) levelsDropped.push(id);
    else if (to !== id) levelsRenamed.push([id, to]);
  }
  const merged = [...landing].filter(([, olds]) => olds.length > 1).map(([to, olds]): [string[], string] => [olds, to]);
  return { from: map.from, to: map.to, via: map.via, renamed, dropped, merged, levelsRenamed, levelsDropped };
}
