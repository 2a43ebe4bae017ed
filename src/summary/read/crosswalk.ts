// `--as sbic@2024`: carry records of earlier versions over to the target version. The mapping itself is
// src/profile/crosswalk.ts (shared with assess --from and validate); this adapts it to the reader's context.
import { crosswalkChain as versionChain, type IdMap } from '../../profile/crosswalk.js';
import { levelById } from '../../profile/model.js';
import type { Profile } from '../../profile/schema.js';

export type { IdMap };

/** For each earlier version reachable through `replaces`, the composed item and level maps to `target`. */
export function crosswalkChain(target: Profile, byRef: Map<string, Profile>): Map<string, IdMap & { level: IdMap }> {
  const chain = versionChain(target, (r) => byRef.get(r));
  return new Map([...chain].map(([ref, m]) => [ref, Object.assign((id: string) => m.item(id), { level: m.level })]));
}

export function hasLevel(p: Profile, id: string): boolean {
  return levelById(p, id) !== undefined;
}
