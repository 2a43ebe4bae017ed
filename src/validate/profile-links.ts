// Checks of a profile against the other versions of its profile: the crosswalk against the version it
// replaces, and a fork in the `replaces` chain. Shared by `validate` and the registry (a profile that fails
// them is skipped by every command, as an invalid file is), so the two cannot disagree. Kept light: the
// registry loads it at start-up.
import { distance } from 'fastest-levenshtein';
import { itemIds, levelIds } from '../profile/crosswalk.js';
import { compareVersions, profileRef } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import { closest, didYouMean } from '../suggest.js';
import { diagnosticAt, type Diagnostic, type YamlSource } from '../yaml-source.js';

/**
 * A later version's crosswalk must map ids that exist in the version it replaces, and must account for
 * every id of that version (items and levels) that is not in this one: a rename without a crosswalk entry
 * would silently turn old ratings into "not rated". `null` says "no counterpart" on purpose.
 */
export function checkProfileLinks(
  p: Profile,
  src: YamlSource,
  lookup: (ref: string) => Profile | undefined,
  /** The versions of this profile's id known to the run, valid or not (for "did you mean"). */
  versions: string[] = [],
): Diagnostic[] {
  if (!p.replaces) return [];
  const order = checkReplacesOrder(p, src);
  if (order) return [order];
  const older = lookup(p.replaces);
  // Other versions of this id exist, so a "replaces:" naming none of them is a typo, not a version kept
  // elsewhere: an error, or the crosswalk would go unchecked and records of the real one not converted.
  const earlier = versions
    .filter((v) => v !== p.version && compareVersions(v, p.version) < 0)
    .sort(compareVersions)
    .pop();
  const [rid, rversion] = p.replaces.split('@');
  if (!older && rid === p.id && earlier !== undefined && !versions.includes(rversion))
    return [
      diagnosticAt(
        src,
        ['replaces'],
        `replaces "${p.replaces}", which does not exist (did you mean ${p.id}@${earlier}?); versions of ${p.id}: ${[...new Set(versions)].sort(compareVersions).join(', ')}`,
        {
          code: 'replaces-not-found',
          hint: `Write "replaces: ${p.id}@${earlier}" (the latest version before ${p.version}), then validate again: it lists the ids of ${p.id}@${earlier} that the crosswalk must map.`,
        },
      ),
    ];
  if (!older)
    return [
      diagnosticAt(src, ['replaces'], `replaces "${p.replaces}", which was not found`, {
        severity: 'warning',
        code: 'replaces-not-found',
        hint: 'Validate both versions together, e.g. `profile validate <folder>`, or put the earlier version in --profiles.',
      }),
    ];
  if (older.id !== p.id)
    return [
      diagnosticAt(src, ['replaces'], `replaces "${p.replaces}", a different profile id`, {
        severity: 'warning',
        code: 'replaces-other-profile',
      }),
    ];
  const out: Diagnostic[] = [];
  const check = (
    field: 'crosswalk' | 'levelCrosswalk',
    what: 'id' | 'level',
    oldIds: Set<string>,
    newIds: Set<string>,
  ) => {
    const walk = p[field] ?? {};
    for (const [from, to] of Object.entries(walk)) {
      // An id still in this version mapped elsewhere is already an error (crosswalk-existing-id).
      if (!oldIds.has(from) && !(newIds.has(from) && to !== from))
        out.push(
          diagnosticAt(
            src,
            [field, from],
            `${field} maps "${from}", which is not ${what === 'id' ? 'an id' : 'a level'} in ${p.replaces}${didYouMean(from, oldIds)}`,
            { preferKey: true, code: 'crosswalk-unknown-id' },
          ),
        );
    }
    const added = [...newIds].filter((id) => !oldIds.has(id));
    for (const id of oldIds) {
      if (newIds.has(id) || Object.hasOwn(walk, id)) continue;
      const guess = closest(id, added);
      // A near miss ("close-to-proficent" for "close-to-proficient") is more likely a typo in this version
      // than a rename: say so first, at the mistyped id, so the fix is not a crosswalk that keeps the typo.
      const typoAt = guess !== undefined && distance(id, guess) <= 2 ? idPath(p, guess) : undefined;
      if (guess !== undefined && typoAt) {
        out.push(
          diagnosticAt(
            src,
            typoAt,
            `${what} "${guess}": did you mean "${id}"? ${p.replaces} has "${id}", which is not in ${profileRef(p)} and not in its ${field}: records of ${p.replaces} would lose it`,
            {
              code: 'crosswalk-unmapped',
              hint: `If "${guess}" is a typo, write "${id}" here. Only if the new spelling is meant, add under "${field}:" in this file: "${id}: ${guess}".`,
            },
          ),
        );
        continue;
      }
      const hint = `Add it under "${field}:" in this file: "${id}: ${guess ?? '<new id>'}", or "${id}: null" if it has no counterpart (its ratings are then dropped on purpose).`;
      out.push(
        diagnosticAt(
          src,
          p[field] ? [field] : ['replaces'],
          `${what} "${id}" of ${p.replaces} is not in ${profileRef(p)} and not in its ${field}${guess ? ` (renamed to "${guess}"?)` : ''}: records of ${p.replaces} would lose it`,
          { code: 'crosswalk-unmapped', hint, preferKey: true },
        ),
      );
    }
  };
  check('crosswalk', 'id', itemIds(older), itemIds(p));
  check('levelCrosswalk', 'level', levelIds(older), levelIds(p));
  out.push(...checkMerges(p, src, older));
  out.push(...droppedLevels(p, src, older));
  return out;
}

/**
 * "latest" (show, assess, summarize --as sbic) is the highest version: a version that replaces a later one
 * (sbic/2023.yaml with replaces: sbic@2024) would never be the latest, and the chain would run backwards.
 */
function replacesOrder(p: Profile): 'itself' | 'later' | undefined {
  const [id, version] = (p.replaces ?? '').split('@');
  if (id !== p.id || version === undefined) return undefined;
  if (version === p.version) return 'itself';
  return compareVersions(version, p.version) > 0 ? 'later' : undefined;
}

function checkReplacesOrder(p: Profile, src: YamlSource): Diagnostic | undefined {
  const order = replacesOrder(p);
  const version = (p.replaces ?? '').split('@')[1];
  if (order === 'itself')
    return diagnosticAt(
      src,
      ['replaces'],
      `replaces "${p.replaces}", its own version: a version cannot replace itself`,
      {
        code: 'replaces-order',
        hint: `Write the version this one follows, e.g. "replaces: ${p.id}@<earlier version>", or remove "replaces:" if it is the first.`,
      },
    );
  if (order === 'later')
    return diagnosticAt(
      src,
      ['replaces'],
      `${profileRef(p)} replaces ${p.replaces}, a later version: "latest" (show, assess, summarize --as ${p.id}) is chosen by version order, so ${p.replaces} would stay the latest and this version would never be used as it`,
      {
        code: 'replaces-order',
        hint: `A new version needs a version that sorts after ${version} (e.g. rename this file and its version:), or, if ${p.replaces} is meant to follow this one, move the "replaces:" to ${p.replaces}.`,
      },
    );
  return undefined;
}

/**
 * Two ids of the replaced version that land on one id (`coaching-plan: monitoring` and `progress-monitoring:
 * monitoring`, or a crosswalk line onto an id kept as it is): a record holds one rating per item, so one of
 * the two ratings could not be counted. Said at the second crosswalk line, naming both ids.
 */
function checkMerges(p: Profile, src: YamlSource, older: Profile): Diagnostic[] {
  const walk = p.crosswalk ?? {};
  const kept = itemIds(p);
  const oldIds = itemIds(older);
  const landing = new Map<string, string>();
  // Ids kept as they are land first: the crosswalk line onto one of them is the second.
  for (const id of oldIds) if (kept.has(id)) landing.set(id, id);
  const out: Diagnostic[] = [];
  for (const [from, to] of Object.entries(walk)) {
    if (to === null || !oldIds.has(from) || kept.has(from)) continue;
    const first = landing.get(to);
    if (first === undefined) {
      landing.set(to, from);
      continue;
    }
    const firstSaid = first === to ? `"${to}" (kept as it is)` : `"${first}"`;
    out.push(
      diagnosticAt(
        src,
        ['crosswalk', from],
        `crosswalk maps "${from}" to "${to}", and ${firstSaid} also lands on "${to}": a record of ${p.replaces} rating both would carry two ratings for one item of ${profileRef(p)}`,
        {
          code: 'crosswalk-merge',
          preferKey: true,
          hint: `Map one of them to null on purpose ("${from}: null"; its ratings are then dropped, and reported as dropped), or keep both items in ${profileRef(p)}.`,
        },
      ),
    );
  }
  return out;
}

/**
 * A level mapped to null on purpose: ratings at that level count as "Not rated" under this version, which
 * leaves them out of every share (the "at or above target" share rises). Allowed, and said as a note:
 * the null is written on purpose, so it does not fail `validate --strict`.
 */
function droppedLevels(p: Profile, src: YamlSource, older: Profile): Diagnostic[] {
  const walk = p.levelCrosswalk ?? {};
  const oldLevels = levelIds(older);
  return Object.entries(walk)
    .filter(([from, to]) => to === null && oldLevels.has(from) && !levelIds(p).has(from))
    .map(([from]) =>
      diagnosticAt(
        src,
        ['levelCrosswalk', from],
        `levelCrosswalk drops level "${from}" of ${p.replaces}: ratings at "${from}" will not be counted under ${profileRef(p)} (they appear as "Not rated" and are left out of the shares, which changes the share at or above target)`,
        {
          severity: 'info',
          code: 'level-dropped',
          preferKey: true,
          hint: `If "${from}" has a counterpart in ${profileRef(p)}, map it ("${from}: <level>"); summaries say how many ratings were at a dropped level.`,
        },
      ),
    );
}

/**
 * Two versions of one profile that replace the same version fork the chain: records of one can never be
 * counted as the other (`summarize --as`, `assess --from`). The usual cause is a copied file whose
 * `replaces:` was not updated, so the newer version is named as the likely culprit: it should replace the
 * latest version older than itself.
 */
export function checkFork(
  p: Profile,
  src: YamlSource,
  known: Array<{ profile: Profile; file: string; checked: boolean }>,
): Diagnostic[] {
  // A "replaces:" naming this version or a later one is its own error (replaces-order); a fork follows from it.
  if (!p.replaces || replacesOrder(p)) return [];
  const me = profileRef(p);
  const others = known.filter(
    (k) => k.profile.id === p.id && k.profile.replaces === p.replaces && profileRef(k.profile) !== me,
  );
  if (!others.length) return [];
  const older = others.filter((k) => compareVersions(k.profile.version, p.version) < 0);
  const fork = (k: { profile: Profile; file: string }) => `${profileRef(k.profile)} (${k.file})`;
  const refs = (ks: Array<{ profile: Profile }>) => ks.map((k) => profileRef(k.profile)).join(', ');
  // What a version should replace: the latest version of its profile older than itself.
  const before = (v: Profile) =>
    known
      .filter((k) => k.profile.id === v.id && compareVersions(k.profile.version, v.version) < 0)
      .map((k) => k.profile)
      .sort((a, b) => compareVersions(a.version, b.version))
      .pop();
  if (older.length) {
    // This file is the newer one: it should replace the latest version older than itself.
    const should = profileRef(before(p)!);
    return [
      diagnosticAt(
        src,
        ['replaces'],
        `${me} replaces ${p.replaces}, and so does ${older.map(fork).join(', ')}: the version chain forks, and records of ${refs(older)} cannot be counted as ${me}. This "replaces:" is probably wrong: a newer version replaces the latest older one, ${should}`,
        {
          code: 'replaces-fork',
          hint: `Write "replaces: ${should}" here, then validate again: it lists the ids of ${should} that the crosswalk must map.`,
        },
      ),
    ];
  }
  // This file is the older one, so the newer file is probably wrong. Said here only when that file is not
  // checked in this run (otherwise its own error says it, and once is enough).
  const newer = others.filter((k) => !k.checked);
  if (!newer.length) return [];
  const n = newer[0];
  return [
    diagnosticAt(
      src,
      ['replaces'],
      `${newer.map(fork).join(', ')} also replaces ${p.replaces}: the version chain forks, and records of ${me} cannot be counted as ${refs(newer)}. The "replaces:" in ${n.file} is probably wrong: it should be "replaces: ${profileRef(before(n.profile)!)}"`,
      { code: 'replaces-fork', hint: `Validate that file too: profile validate ${n.file}` },
    ),
  ];
}

/** Where an id (section, criterion, improvement area or level) is written in the profile. */
function idPath(p: Profile, id: string): PropertyKey[] | undefined {
  const li = p.scale.levels.findIndex((l) => l.id === id);
  if (li >= 0) return ['scale', 'levels', li, 'id'];
  for (const [si, s] of p.sections.entries()) {
    if (s.id === id) return ['sections', si, 'id'];
    const ci = s.criteria.findIndex((c) => c.id === id);
    if (ci >= 0) return ['sections', si, 'criteria', ci, 'id'];
    const ai = s.improvementAreas.findIndex((a) => a.id === id);
    if (ai >= 0) return ['sections', si, 'improvementAreas', ai, 'id'];
  }
  return undefined;
}
