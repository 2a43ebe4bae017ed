// `--from`: turn an earlier record (maybe of an older profile version) into defaults for a new assessment.
import { improvementAreaIds, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import type { AreaAnswer, Defaults } from './flow.js';

/**
 * Map an old item id into `profile`: through its crosswalk when the record is of the version it replaces
 * (null = no counterpart, dropped), else kept only if the id still exists.
 */
export function mapItemId(profile: Profile, fromRef: string, id: string): string | undefined {
  const walk = fromRef === profile.replaces ? profile.crosswalk : undefined;
  const mapped = walk && id in walk ? walk[id] : id;
  if (!mapped) return undefined;
  return ratedItems(profile).some((i) => i.id === mapped) ? mapped : undefined;
}

/** Defaults from an earlier record. `older` is the earlier record's profile, to keep dropped areas as own text. */
export function defaultsFromRecord(profile: Profile, prev: PracticeRecord, older?: Profile): Defaults {
  const map = (id: string) => mapItemId(profile, prev.profile, id);
  const levels = new Set(profile.scale.levels.map((l) => l.id));
  const d: Defaults = { ratings: {}, notes: {} };
  if (prev.group) d.group = { ...prev.group };
  for (const [item, level] of Object.entries(prev.ratings)) {
    const to = map(item);
    if (to && levels.has(level)) d.ratings![to] = level;
  }
  for (const [item, note] of Object.entries(prev.notes ?? {})) {
    const to = map(item);
    if (to) d.notes![to] = note;
  }
  if (prev.improvementAreas) {
    const known = improvementAreaIds(profile);
    const oldAreas = new Map(older?.sections.flatMap((s) => s.improvementAreas.map((a) => [a.id, a.text] as const)) ?? []);
    d.improvementAreas = prev.improvementAreas.flatMap((a): AreaAnswer[] => {
      if (typeof a !== 'string') return [{ text: a.text }];
      if (known.has(a)) return [a];
      const text = oldAreas.get(a);
      return text ? [{ text }] : [];
    });
  }
  if (prev.priorities) d.priorities = prev.priorities.flatMap((p) => map(p) ?? []);
  d.lastTime = { date: prev.date, cycle: prev.cycle, ratings: { ...d.ratings }, priorities: [...(d.priorities ?? [])] };
  if (prev.actionSteps) {
    // Last year's unfinished steps as a starting point: same words and link, no old due date. Steps
    // marked done stay in last year's record: they are not this year's plan.
    d.actionSteps = prev.actionSteps.filter((s) => s.status !== 'done').map((s) => ({ text: s.text, for: s.for ? map(s.for) : undefined }));
  }
  return d;
}
