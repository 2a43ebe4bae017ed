// Load one profile file: parse with positions, validate with zod, then cross-check what a schema can't.
import { basename, dirname } from 'node:path';
import { fsErrorText } from '../errors.js';
import { isScalar } from 'yaml';
import { readProfileText } from '../input-guard.js';
import { parseYaml, diagnosticAt, locate, type Diagnostic, type YamlSource } from '../yaml-source.js';
import { didYouMean } from '../suggest.js';
import { zodDiagnostics } from '../zod-diagnostics.js';
import { ProfileSchema, type Profile } from './schema.js';

export interface ProfileLoad {
  file: string;
  profile?: Profile;
  /** The profile as the schema read it, even when a check across its fields failed (validate's other checks use it). */
  parsed?: Profile;
  diagnostics: Diagnostic[];
  source?: YamlSource;
}

export function loadProfileFile(file: string): ProfileLoad {
  let text: string;
  try {
    text = readProfileText(file);
  } catch (err) {
    return { file, diagnostics: [{ file, message: `cannot read: ${fsErrorText(err)}`, severity: 'error' }] };
  }
  return loadProfileText(text, file);
}

/** A profile file in a profile folder, as the registry reads it: also checked against its file name. */
export function loadProfileInFolder(file: string): ProfileLoad {
  const r = loadProfileFile(file);
  if (!r.profile || !r.source) return r;
  const named = checkFileName(r.profile, r.source, true);
  const diagnostics = [...r.diagnostics, ...named];
  return { ...r, diagnostics, profile: named.some((d) => d.severity === 'error') ? undefined : r.profile };
}

/**
 * Profiles live at `<id>/<version>.yaml`. In place (in its id's folder, or read from a profile folder), a
 * version that is not the file's name is an error: the file would be published as that other version
 * (sbic/2026.yaml saying version "2025" is sbic@2025). A draft elsewhere (templates/profile.yaml) is not
 * in place yet: both names are warnings.
 */
export function checkFileName(
  p: Profile,
  src: YamlSource,
  inProfileFolder = false,
  /** Ids of the other profiles known to the run: a folder named for one of them is an id folder. */
  knownIds: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = basename(src.file);
  const version = name.replace(/\.ya?ml$/i, '');
  const id = basename(dirname(src.file));
  const inPlace = inProfileFolder || id === p.id;
  if (version !== p.version && inPlace)
    out.push(
      diagnosticAt(
        src,
        ['version'],
        `version "${p.version}" does not match the file name "${name}": this file would be ${p.id}@${p.version}, not ${p.id}@${version}`,
        {
          code: 'file-name',
          hint: `Write version: "${version}" if this is version ${version}; if it is version ${p.version}, name the file ${p.version}.yaml.`,
        },
      ),
    );
  else if (version !== p.version)
    out.push(
      diagnosticAt(
        src,
        ['version'],
        `version "${p.version}" does not match the file name "${name}" (expected ${p.version}.yaml)`,
        { severity: 'warning', code: 'file-name' },
      ),
    );
  // In a profile folder, or in a folder named for a known profile id (sbic/2026.yaml saying id "sbci"), the
  // file would publish a new profile (sbci@2026) beside the one meant: an error, as for the version.
  if (id !== p.id && (inProfileFolder || knownIds.has(id)))
    out.push(
      diagnosticAt(
        src,
        ['id'],
        `id "${p.id}" does not match the folder "${id}": this file would be ${p.id}@${p.version}, a profile of its own, not ${id}@${p.version} (profiles live at <id>/<version>.yaml)`,
        {
          code: 'file-name',
          hint: `Write id: ${id} if this is a version of ${id}; if it is a new profile, move it to ${p.id}/${name}.`,
        },
      ),
    );
  else if (id !== p.id)
    out.push(
      diagnosticAt(
        src,
        ['id'],
        `id "${p.id}" does not match the folder "${id}" (profiles live at <id>/<version>.yaml)`,
        { severity: 'warning', code: 'file-name' },
      ),
    );
  return out;
}

export function loadProfileText(text: string, file: string): ProfileLoad {
  const src = parseYaml(text, file);
  if (src.diagnostics.length) return { file, diagnostics: src.diagnostics, source: src };
  return validateProfileValue(src);
}

export function validateProfileValue(src: YamlSource): ProfileLoad {
  const parsed = ProfileSchema.safeParse(src.value);
  if (!parsed.success) {
    // Report duplicate ids now too, not only after the schema errors are fixed: they are read defensively.
    const diagnostics = [...zodDiagnostics(src, parsed.error, ProfileSchema), ...duplicateIds(src).diagnostics];
    diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
    return { file: src.file, diagnostics, source: src };
  }
  const diagnostics = crossCheckProfile(parsed.data, src);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { file: src.file, profile: ok ? parsed.data : undefined, parsed: parsed.data, diagnostics, source: src };
}

/** Checks across fields: unique ids, references to levels and stems, the action-step range. */
export function crossCheckProfile(p: Profile, src: YamlSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const err = (path: PropertyKey[], message: string, code = 'profile-reference') =>
    out.push(diagnosticAt(src, path, message, { code }));
  const levelIds = new Set<string>();
  p.scale.levels.forEach((l, i) => {
    if (levelIds.has(l.id)) err(['scale', 'levels', i, 'id'], `duplicate level id "${l.id}"`, 'duplicate-id');
    levelIds.add(l.id);
  });
  if (!levelIds.has(p.scale.target)) {
    err(
      ['scale', 'target'],
      `target "${p.scale.target}" is not one of the levels (${[...levelIds].join(', ')})${didYouMean(p.scale.target, levelIds)}`,
    );
  }
  const checkCells = (cells: Record<string, unknown> | undefined, path: PropertyKey[]) => {
    for (const [lvl, cell] of Object.entries(cells ?? {})) {
      if (!levelIds.has(lvl))
        err([...path, lvl], `"${lvl}" is not a level of this profile's scale${didYouMean(lvl, levelIds)}`);
      const sameAs = (cell as { sameAs?: string } | null)?.sameAs;
      if (sameAs && !levelIds.has(sameAs))
        err([...path, lvl, 'sameAs'], `sameAs "${sameAs}" is not a level${didYouMean(sameAs, levelIds)}`);
    }
  };
  const { ids, diagnostics } = duplicateIds(src);
  out.push(...diagnostics);
  out.push(...numericVersion(src));
  p.sections.forEach((s, si) => {
    const sp = ['sections', si];
    checkCells(s.descriptors, [...sp, 'descriptors']);
    s.criteria.forEach((c, ci) => {
      const cp = [...sp, 'criteria', ci];
      if (c.stem && !(s.stems && c.stem in s.stems))
        err(
          [...cp, 'stem'],
          `stem "${c.stem}" is not defined in this section's stems${didYouMean(c.stem, Object.keys(s.stems ?? {}))}`,
        );
      checkCells(c.descriptors, [...cp, 'descriptors']);
    });
  });
  if (p.process.rate === 'criterion') {
    p.sections.forEach((s, si) => {
      if (s.criteria.length === 0)
        err(
          ['sections', si],
          `section "${s.id}" has no criteria, but the profile is rated per criterion`,
          'no-criteria',
        );
    });
  }
  if (p.process.actionSteps.min > p.process.actionSteps.max) {
    err(
      ['process', 'actionSteps'],
      `actionSteps: min (${p.process.actionSteps.min}) is more than max (${p.process.actionSteps.max})`,
      'action-steps-range',
    );
  }
  if (p.crosswalk && !p.replaces)
    err(
      ['crosswalk'],
      'a crosswalk needs "replaces: <id>@<version>" to say which version it maps from',
      'crosswalk-without-replaces',
    );
  const ref = `${p.id}@${p.version}`;
  const stillHere = (field: 'crosswalk' | 'levelCrosswalk', what: string, from: string, to: string | null) =>
    out.push(
      diagnosticAt(
        src,
        [field, from],
        `${field} maps "${from}" to ${to === null ? 'null' : `"${to}"`}, but "${from}" is still ${what} in ${ref}: records keep their "${from}" ratings, so this line would ${to === null ? 'drop' : 'move'} them for nothing`,
        {
          preferKey: true,
          code: 'crosswalk-existing-id',
          hint: `Remove the line "${from}: ${to}": a ${field} lists only the ids of ${p.replaces ?? 'the earlier version'} that are not in this version.${to === null ? ` To drop "${from}" on purpose, remove it from this version too.` : ''}`,
        },
      ),
    );
  for (const [from, to] of Object.entries(p.crosswalk ?? {})) {
    // Mapping an id to itself is redundant but harmless (it says "this one carries over"): not reported.
    if (ids.has(from) && to !== from) stillHere('crosswalk', 'an id', from, to);
    if (to !== null && !ids.has(to))
      err(['crosswalk', from], `crosswalk target "${to}" is not an id in this profile${didYouMean(to, ids)}`);
  }
  if (p.levelCrosswalk && !p.replaces)
    err(
      ['levelCrosswalk'],
      'a levelCrosswalk needs "replaces: <id>@<version>" to say which version it maps from',
      'crosswalk-without-replaces',
    );
  for (const [from, to] of Object.entries(p.levelCrosswalk ?? {})) {
    if (levelIds.has(from) && to !== from) stillHere('levelCrosswalk', 'a level', from, to);
    if (to !== null && !levelIds.has(to))
      err(
        ['levelCrosswalk', from],
        `levelCrosswalk target "${to}" is not a level of this profile${didYouMean(to, levelIds)}`,
      );
  }
  return out;
}

/** Section, criterion and improvement-area ids must be unique across the profile. Reads the raw YAML value,
 * so it also works on a file that has schema errors elsewhere. */
function duplicateIds(src: YamlSource): { ids: Set<string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<string, string>();
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const claim = (node: unknown, path: PropertyKey[], what: string) => {
    const id = (node as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    const seen = first.get(id);
    if (seen)
      diagnostics.push(
        diagnosticAt(src, [...path, 'id'], `duplicate id "${id}" (${what}); first used by ${seen}`, {
          code: 'duplicate-id',
        }),
      );
    else first.set(id, `the ${what} at line ${locate(src, [...path, 'id']).line}`);
  };
  list((src.value as { sections?: unknown } | null)?.sections).forEach((s, si) => {
    const sp = ['sections', si];
    claim(s, sp, 'section');
    const sec = s as { criteria?: unknown; improvementAreas?: unknown } | null;
    list(sec?.criteria).forEach((c, ci) => claim(c, [...sp, 'criteria', ci], 'criterion'));
    list(sec?.improvementAreas).forEach((a, ai) => claim(a, [...sp, 'improvementAreas', ai], 'improvement area'));
  });
  return { ids: new Set(first.keys()), diagnostics };
}

/**
 * `version: 3.10` is the number 3.1 to YAML: the file then claims another version than its author meant,
 * an error (it would be listed, and replaced, as 3.1). `version: 2024` reads back the same: a warning.
 * Either way there is one piece of advice, to quote it; the file-name check stays quiet about it.
 */
function numericVersion(src: YamlSource): Diagnostic[] {
  const node = src.doc.get('version', true);
  if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return [];
  const written = src.text?.slice(node.range[0], node.range[1]).trim() ?? String(node.value);
  const read = String(node.value);
  const message =
    written === read
      ? `version ${written} is a number in YAML; quote it as text: version: "${written}"`
      : `version ${written} is read as the number ${read}, so this profile would be version ${read}, not ${written}; quote it: version: "${written}"`;
  return [
    diagnosticAt(src, ['version'], message, {
      severity: written === read ? 'warning' : 'error',
      code: 'numeric-version',
      hint: `Write version: "${written}" (with the quotes).`,
    }),
  ];
}
