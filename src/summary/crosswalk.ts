// `--as sbic@2024`: carry records of earlier versions over to the target version through each
// version's `replaces` + `crosswalk`, so old and new forms can be counted together when asked.
import { improvementAreaIds, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';

/** Maps an id of one earlier version to the target version; null = no counterpart (dropped). */
export type IdMap = (id: string) => string | null;

function allIds(p: Profile): Set<string> {
  const ids = new Set<string>(ratedItems(p).map((i) => i.id));
  for (const s of p.sections) {
    ids.add(s.id);
    for (const c of s.criteria) ids.add(c.id);
  }
  for (const a of improvementAreaIds(p)) ids.add(a);
  return ids;
}

/** For each earlier version reachable through `replaces`, the composed id map to `target`. */
export function crosswalkChain(target: Profile, byRef: Map<string, Profile>): Map<string, IdMap> {
  const out = new Map<string, IdMap>();
  let newer = target;
  let toTarget: IdMap = (id) => id;
  const seen = new Set<string>([profileRef(target)]);
  while (newer.replaces && !seen.has(newer.replaces)) {
    const olderRef = newer.replaces;
    seen.add(olderRef);
    const walk = newer.crosswalk ?? {};
    const ids = allIds(newer);
    const next = toTarget;
    // Listed ids follow the crosswalk (null = dropped); unlisted ids keep their id if it still exists.
    const step: IdMap = (id) => {
      const mapped = Object.prototype.hasOwnProperty.call(walk, id) ? walk[id] : ids.has(id) ? id : null;
      return mapped === null ? null : next(mapped);
    };
    out.set(olderRef, step);
    toTarget = step;
    const older = byRef.get(olderRef);
    if (!older) break;
    newer = older;
  }
  return out;
}

export function hasLevel(p: Profile, id: string): boolean {
  return levelById(p, id) !== undefined;
}
