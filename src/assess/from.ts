// `--from`: turn an earlier record (maybe of an older profile version) into defaults for a new assessment.
import { crosswalkTo, type ProfileLookup } from '../profile/crosswalk.js';
import { improvementAreaIds, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import type { AreaAnswer, Defaults } from './flow.js';

/**
 * Map an old item id into `profile` through the whole `replaces` chain (src/profile/crosswalk.ts); null in
 * a crosswalk = no counterpart, dropped. A record of another profile keeps only ids that still exist.
 */
export function mapItemId(
  profile: Profile,
  fromRef: string,
  id: string,
  lookup: ProfileLookup = () => undefined,
): string | undefined {
  const mapped = (crosswalkTo(profile, fromRef, lookup)?.item ?? ((x: string) => x))(id);
  if (!mapped) return undefined;
  return ratedItems(profile).some((i) => i.id === mapped) ? mapped : undefined;
}

/** Defaults from an earlier record. `older` is the earlier record's profile, to keep dropped areas as own
 * text; `lookup` finds the versions in between, so a record two versions back maps like `summarize --as`. */
export function defaultsFromRecord(
  profile: Profile,
  prev: PracticeRecord,
  older?: Profile,
  lookup?: ProfileLookup,
): Defaults {
  const find: ProfileLookup = (ref) => lookup?.(ref) ?? (older && profileRef(older) === ref ? older : undefined);
  const walk = crosswalkTo(profile, prev.profile, find);
  const map = (id: string) => mapItemId(profile, prev.profile, id, find);
  const mapLevel = walk?.level ?? ((x: string) => x);
  const levels = new Set(profile.scale.levels.map((l) => l.id));
  const d: Defaults = { ratings: {}, notes: {} };
  if (prev.group) d.group = { ...prev.group };
  for (const [item, level] of Object.entries(prev.ratings)) {
    const to = map(item);
    const lv = mapLevel(level);
    if (to && lv && levels.has(lv)) d.ratings![to] = lv;
  }
  for (const [item, note] of Object.entries(prev.notes ?? {})) {
    const to = map(item);
    if (to) d.notes![to] = note;
  }
  if (prev.improvementAreas) {
    const known = improvementAreaIds(profile);
    const oldAreas = new Map(
      older?.sections.flatMap((s) => s.improvementAreas.map((a) => [a.id, a.text] as const)) ?? [],
    );
    d.improvementAreas = prev.improvementAreas.flatMap((a): AreaAnswer[] => {
      if (typeof a !== 'string') return [{ text: a.text }];
      const mapped = walk ? walk.item(a) : a;
      if (mapped && known.has(mapped)) return [mapped];
      const text = oldAreas.get(a);
      return text ? [{ text }] : [];
    });
  }
  if (prev.priorities) d.priorities = prev.priorities.flatMap((p) => map(p) ?? []);
  const oldName = (id: string) => {
    const it = older && ratedItems(older).find((i) => i.id === id);
    return it ? `${it.number ? `${it.number}. ` : ''}${it.title}` : id;
  };
  d.lastTime = {
    date: prev.date,
    cycle: prev.cycle,
    profile: prev.profile,
    mapped: Object.keys(prev.ratings).flatMap((id) => map(id) ?? []),
    ratings: { ...d.ratings },
    priorities: [...(d.priorities ?? [])],
    priorityList: (prev.priorities ?? []).map((p) => ({ id: map(p), was: oldName(p) })),
  };
  if (prev.actionSteps) {
    // Last year's unfinished steps as a starting point: same words and link, no old due date. Steps
    // marked done stay in last year's record: they are not this year's plan. A step whose item has no
    // counterpart stays unlinked: `for: ''` is the "Not linked to a priority" answer, so the question
    // offers that, not some other priority that happens to come first.
    d.actionSteps = prev.actionSteps
      .filter((s) => s.status !== 'done')
      .map((s) => ({
        text: s.text,
        for: s.for ? (map(s.for) ?? '') : undefined,
        ...(s.for && !map(s.for) ? { wasFor: oldName(s.for) } : {}),
        was: { status: s.status === 'in-progress' ? 'in-progress' : 'planned', notes: s.progress?.length ?? 0 },
      }));
  }
  return d;
}

/** What `--from` could not carry over as it was: said before the first question, never silently. */
export interface CarryOver {
  from: string;
  to: string;
  /** Rated items renamed on the way (old id -> new id). */
  renamed: Array<[string, string]>;
  /** Rated items with no counterpart: their ratings, notes and priorities are not carried over. */
  dropped: string[];
  /** Ratings whose level has no counterpart in the new scale (item, level). */
  levelDropped: Array<[string, string]>;
  /** Unfinished action steps whose item has no counterpart: carried over, unlinked (text, old item). */
  unlinkedSteps: Array<[string, string]>;
  /**
   * Unfinished steps that come along as this time's plan: how many, how many were in progress or had a due
   * date, and how many progress notes they had (those stay in last time's record).
   */
  steps: { carried: number; inProgress: number; due: number; notes: number };
}

export function carryOverReport(
  profile: Profile,
  prev: PracticeRecord,
  older?: Profile,
  lookup?: ProfileLookup,
): CarryOver {
  const find: ProfileLookup = (ref) => lookup?.(ref) ?? (older && profileRef(older) === ref ? older : undefined);
  const walk = crosswalkTo(profile, prev.profile, find);
  const map = (id: string) => mapItemId(profile, prev.profile, id, find);
  const levels = new Set(profile.scale.levels.map((l) => l.id));
  const out: CarryOver = {
    from: prev.profile,
    to: profileRef(profile),
    renamed: [],
    dropped: [],
    levelDropped: [],
    unlinkedSteps: [],
    steps: { carried: 0, inProgress: 0, due: 0, notes: 0 },
  };
  const seen = new Set<string>();
  const item = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const to = map(id);
    if (!to) out.dropped.push(id);
    else if (to !== id) out.renamed.push([id, to]);
  };
  for (const [id, level] of Object.entries(prev.ratings)) {
    item(id);
    const lv = (walk?.level ?? ((x: string) => x))(level);
    if (map(id) && !(lv && levels.has(lv))) out.levelDropped.push([id, level]);
  }
  for (const id of prev.priorities ?? []) item(id);
  for (const s of prev.actionSteps ?? []) {
    if (s.status === 'done') continue;
    out.steps.carried++;
    if (s.status === 'in-progress') out.steps.inProgress++;
    if (s.due) out.steps.due++;
    out.steps.notes += s.progress?.length ?? 0;
    if (s.for && !map(s.for)) out.unlinkedSteps.push([s.text, s.for]);
  }
  return out;
}
