// Cross-check a record against its profile: every rated item, level and improvement area must exist.
import { didYouMean } from '../suggest.js';
import { silentChanges } from '../input-guard.js';
import { diagnosticAt, type Diagnostic, type YamlSource } from '../yaml-source.js';
import { improvementAreaIds, isAtOrAboveTarget, levelById, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from './schema.js';

export function checkRecordAgainstProfile(rec: PracticeRecord, profile: Profile, src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: PropertyKey[], message: string, preferKey = false) =>
    out.push(diagnosticAt(src, path, message, { preferKey, code: 'record-reference' }));
  // Warnings: the record is still usable (e.g. a maintainer later added items to a partial profile).
  const warn = (path: PropertyKey[], message: string) =>
    out.push(diagnosticAt(src, path, message, { preferKey: true, severity: 'warning', code: 'record-incomplete' }));
  const items = new Set(ratedItems(profile).map((i) => i.id));
  const levels = profile.scale.levels.map((l) => l.id);
  for (const [item, level] of Object.entries(rec.ratings)) {
    if (!items.has(item))
      err(['ratings', item], `"${item}" is not a rated item of ${rec.profile}${didYouMean(item, items)}`, true);
    else if (!levelById(profile, level))
      err(
        ['ratings', item],
        `"${level}" is not a level of ${rec.profile} (levels: ${levels.join(', ')})${didYouMean(level, levels)}`,
      );
  }
  for (const item of Object.keys(rec.notes ?? {})) {
    if (!items.has(item)) err(['notes', item], `note for "${item}", which is not a rated item of ${rec.profile}`, true);
  }
  const areas = improvementAreaIds(profile);
  (rec.improvementAreas ?? []).forEach((a, i) => {
    if (typeof a === 'string' && !areas.has(a))
      err(
        ['improvementAreas', i],
        `"${a}" is not an improvement area of ${rec.profile}${didYouMean(a, areas)} (own areas are written as "- text: ...")`,
      );
  });
  const seen = new Set<string>();
  (rec.priorities ?? []).forEach((p, i) => {
    if (!items.has(p))
      err(['priorities', i], `priority "${p}" is not a rated item of ${rec.profile}${didYouMean(p, items)}`);
    else if (seen.has(p)) err(['priorities', i], `priority "${p}" is listed twice`);
    else if (rec.ratings[p] && levelById(profile, rec.ratings[p]) && isAtOrAboveTarget(profile, rec.ratings[p])) {
      warn(['priorities', i], `priority "${p}" is rated ${rec.ratings[p]}, which is already at target`);
    }
    seen.add(p);
  });
  (rec.actionSteps ?? []).forEach((s, i) => {
    if (s.for && !items.has(s.for))
      err(
        ['actionSteps', i, 'for'],
        `action step ${i + 1} is linked to "${s.for}", which is not a rated item of ${rec.profile}${didYouMean(s.for, items)}`,
      );
  });
  if (rec.status === 'complete') {
    const missing = [...items].filter((i) => !(i in rec.ratings));
    if (missing.length) warn(['ratings'], `a complete record rates every item; missing: ${missing.join(', ')}`);
    // The maximum counts open steps: a coach adds a new step once others are done.
    const n = rec.actionSteps?.length ?? 0;
    const open = (rec.actionSteps ?? []).filter((s) => s.status !== 'done').length;
    const { min, max } = profile.process.actionSteps;
    if (n < min)
      warn(['actionSteps'], `${n} action step(s); ${rec.profile} asks for ${min === max ? min : `${min} to ${max}`}`);
    else if (open > max)
      warn(['actionSteps'], `${open} open action steps; ${rec.profile} asks for at most ${max} open at a time`);
  }
  // What reading the file dropped or changed without a word (a __proto__ key, group: 0x1F).
  out.push(...silentChanges(src));
  return out;
}
