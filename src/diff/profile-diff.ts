// What changed between two profile versions: items and levels added, removed, renamed (through the
// crosswalk) and reworded (word by word), and what records of the first become under the second.
import { diffArrays, diffWords } from 'diff';
import {
  conversionReport,
  crosswalkTo,
  itemIds,
  type ConversionReport,
  type ProfileLookup,
  type VersionMap,
} from '../profile/crosswalk.js';
import { profileRef, ratedItems } from '../profile/model.js';
import type { DescriptorT, Profile } from '../profile/schema.js';

export type ItemKind = 'section' | 'criterion' | 'improvement area';

export interface WordChange {
  /** "same", "removed" or "added" text, in reading order. */
  op: 'same' | 'removed' | 'added';
  text: string;
}

export interface LineChange {
  /** A list entry (a rubric cell's line) kept, removed, added, or changed in a few words. */
  op: 'same' | 'removed' | 'added' | 'changed';
  text: string;
  /** For "changed": the words, as in `words`. */
  words?: WordChange[];
}

export interface Rewording {
  /** The id in the second version (the first version's id is `from` when it was renamed). */
  id: string;
  from?: string;
  /** What was reworded: "title", "text", "stem", "descriptor: exemplary", "label", ... */
  field: string;
  before: string;
  after: string;
  words: WordChange[];
  /** For lists (rubric cells, evidence): line by line, so one changed line is not lost in a whole cell. */
  lines?: LineChange[];
}

export interface ItemRef {
  id: string;
  kind: ItemKind;
  text: string;
}

export interface ProfileDiff {
  from: string;
  to: string;
  /** True when the second version replaces the first (directly or through versions in between). */
  linked: boolean;
  /** True when it is the other way round: the first version replaces the second (swap them). */
  reversed?: boolean;
  via: string[];
  items: {
    added: ItemRef[];
    /** Ids of the first version with no counterpart (crosswalk null, or not in the second version). */
    removed: ItemRef[];
    renamed: Array<{ from: string; to: string; kind: ItemKind }>;
    reworded: Rewording[];
  };
  levels: {
    added: string[];
    removed: string[];
    renamed: Array<{ from: string; to: string }>;
    reworded: Rewording[];
    target: { from: string; to: string } | null;
  };
  /** Other fields whose text changed: title, purpose, foundation, action-step range. */
  profile: Rewording[];
  /** What records of the first version become under the second. */
  records: ConversionReport & {
    /** Rated items of the second version that no rating of the first maps to: unrated after conversion. */
    unrated: string[];
  };
}

interface Entry {
  kind: ItemKind;
  texts: Record<string, string>;
  /** The same fields as lists, where the field is a list (rubric cells, evidence). */
  lists: Record<string, string[]>;
}

const LIST_SEP = ' / ';

/** Every id of a profile with its kind and the texts a reader sees for it. */
function entries(p: Profile): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const s of p.sections) {
    const texts: Record<string, string> = { title: s.title };
    if (s.stem) texts.stem = s.stem;
    const lists = cellLists(s.descriptors);
    if (s.evidence?.length) lists.evidence = s.evidence;
    for (const [k, v] of Object.entries(lists)) texts[k] = v.join(LIST_SEP);
    out.set(s.id, { kind: 'section', texts, lists });
    for (const c of s.criteria) {
      const t: Record<string, string> = { text: c.text };
      if (c.stem && s.stems?.[c.stem]) t.stem = s.stems[c.stem];
      if (c.calibration) t.calibration = c.calibration;
      const cl = cellLists(c.descriptors);
      for (const [k, v] of Object.entries(cl)) t[k] = v.join(LIST_SEP);
      out.set(c.id, { kind: 'criterion', texts: t, lists: cl });
    }
    for (const a of s.improvementAreas) out.set(a.id, { kind: 'improvement area', texts: { text: a.text }, lists: {} });
  }
  return out;
}

function cellLists(cells: Record<string, DescriptorT> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [level, cell] of Object.entries(cells ?? {})) {
    if (Array.isArray(cell)) out[`descriptor: ${level}`] = cell;
    else if (cell.sameAs) out[`descriptor: ${level}`] = [`(same as ${cell.sameAs})`];
    else if (cell.items?.length || cell.stem)
      out[`descriptor: ${level}`] = [cell.stem, ...(cell.items ?? [])].filter((x): x is string => Boolean(x));
  }
  return out;
}

/** Line by line: kept lines, removed and added ones, and a removed line followed by a similar added
 * one shown as changed in a few words. */
export function lineDiff(before: string[], after: string[]): LineChange[] {
  const out: LineChange[] = [];
  const parts = diffArrays(before, after);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const next = parts[i + 1];
    if (p.removed && next?.added) {
      const [rem, add] = [p.value, next.value];
      const n = Math.min(rem.length, add.length);
      for (let k = 0; k < n; k++) {
        const words = wordDiff(rem[k], add[k]);
        const kept = words.filter((w) => w.op === 'same').reduce((a, w) => a + w.text.trim().length, 0);
        if (kept >= Math.max(rem[k].length, add[k].length) / 2) out.push({ op: 'changed', text: add[k], words });
        else out.push({ op: 'removed', text: rem[k] }, { op: 'added', text: add[k] });
      }
      for (const t of rem.slice(n)) out.push({ op: 'removed', text: t });
      for (const t of add.slice(n)) out.push({ op: 'added', text: t });
      i++;
      continue;
    }
    for (const t of p.value) out.push({ op: p.added ? 'added' : p.removed ? 'removed' : 'same', text: t });
  }
  return out;
}

export function wordDiff(before: string, after: string): WordChange[] {
  return diffWords(before, after).map((c) => ({
    op: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value,
  }));
}

function reword(
  id: string,
  from: string | undefined,
  field: string,
  before: string | undefined,
  after: string | undefined,
): Rewording | undefined {
  if ((before ?? '') === (after ?? '')) return undefined;
  const r: Rewording = {
    id,
    field,
    before: before ?? '',
    after: after ?? '',
    words: wordDiff(before ?? '', after ?? ''),
  };
  if (from !== undefined && from !== id) r.from = from;
  return r;
}

/**
 * Compare `a` with `b`. When `b` replaces `a` (through `replaces`, maybe several versions on), ids follow
 * the crosswalk; otherwise ids are compared as they are.
 */
export function diffProfiles(a: Profile, b: Profile, lookup: ProfileLookup): ProfileDiff {
  const chain = crosswalkTo(b, profileRef(a), lookup);
  const map: VersionMap = chain ?? {
    from: profileRef(a),
    to: profileRef(b),
    via: [],
    item: (id) => (itemIds(b).has(id) ? id : null),
    level: (id) => (b.scale.levels.some((l) => l.id === id) ? id : null),
  };
  const ea = entries(a);
  const eb = entries(b);
  const report = conversionReport(a, map);
  const reached = new Set<string>();
  const removed: ItemRef[] = [];
  const renamed: ProfileDiff['items']['renamed'] = [];
  const reworded: Rewording[] = [];
  for (const [id, e] of ea) {
    const to = map.item(id);
    if (to === null || !eb.has(to)) {
      removed.push({ id, kind: e.kind, text: e.texts.title ?? e.texts.text ?? '' });
      continue;
    }
    reached.add(to);
    if (to !== id) renamed.push({ from: id, to, kind: e.kind });
    const nb = eb.get(to)!;
    for (const field of new Set([...Object.keys(e.texts), ...Object.keys(nb.texts)])) {
      const r = reword(to, id, field, e.texts[field], nb.texts[field]);
      if (!r) continue;
      if (e.lists[field] || nb.lists[field]) r.lines = lineDiff(e.lists[field] ?? [], nb.lists[field] ?? []);
      reworded.push(r);
    }
  }
  const added = [...eb]
    .filter(([id]) => !reached.has(id))
    .map(([id, e]) => ({ id, kind: e.kind, text: e.texts.title ?? e.texts.text ?? '' }));

  const la = new Map(a.scale.levels.map((l) => [l.id, l]));
  const lb = new Map(b.scale.levels.map((l) => [l.id, l]));
  const levelsReached = new Set<string>();
  const levels: ProfileDiff['levels'] = { added: [], removed: [], renamed: [], reworded: [], target: null };
  for (const [id, l] of la) {
    const to = map.level(id);
    if (to === null || !lb.has(to)) {
      levels.removed.push(id);
      continue;
    }
    if (to !== id) levels.renamed.push({ from: id, to });
    if (levelsReached.has(to)) continue; // a merge: reworded is judged on the first level that lands here
    levelsReached.add(to);
    const nl = lb.get(to)!;
    for (const field of ['label', 'description'] as const) {
      const r = reword(to, id, field, l[field], nl[field]);
      if (r) levels.reworded.push(r);
    }
  }
  levels.added = [...lb.keys()].filter((id) => !levelsReached.has(id));
  if (map.level(a.scale.target) !== b.scale.target) levels.target = { from: a.scale.target, to: b.scale.target };

  const profile: Rewording[] = [];
  for (const field of ['title', 'subtitle', 'purpose', 'foundation'] as const) {
    const r = reword(field, undefined, field, a[field], b[field]);
    if (r) profile.push(r);
  }
  const steps = (p: Profile) =>
    `${p.process.actionSteps.min}-${p.process.actionSteps.max} action steps, rated per ${p.process.rate}`;
  const r = reword('process', undefined, 'process', steps(a), steps(b));
  if (r) profile.push(r);

  const ratedA = new Set(
    ratedItems(a)
      .map((i) => map.item(i.id))
      .filter((x): x is string => x !== null),
  );
  const unrated = ratedItems(b)
    .map((i) => i.id)
    .filter((id) => !ratedA.has(id));
  return {
    from: profileRef(a),
    to: profileRef(b),
    linked: chain !== undefined,
    ...(chain === undefined && profileRef(a) !== profileRef(b) && crosswalkTo(a, profileRef(b), lookup)
      ? { reversed: true }
      : {}),
    via: map.via,
    items: { added, removed, renamed, reworded },
    levels,
    profile,
    records: { ...report, unrated },
  };
}

/** True when nothing differs (the two versions read the same). */
export function isEmptyDiff(d: ProfileDiff): boolean {
  const { items, levels } = d;
  return (
    [
      items.added,
      items.removed,
      items.renamed,
      items.reworded,
      levels.added,
      levels.removed,
      levels.renamed,
      levels.reworded,
      d.profile,
    ].every((x) => x.length === 0) && levels.target === null
  );
}

/** Shorten long unchanged stretches to their ends ("... "), so a one-word change in a long cell stands out. */
export function condense(words: WordChange[], keep = 40): WordChange[] {
  return words.map((w, i) => {
    if (w.op !== 'same' || w.text.length <= keep * 2 + 5) return w;
    const head = i === 0 ? '' : w.text.slice(0, keep).replace(/\S*$/, '');
    const tail = i === words.length - 1 ? '' : w.text.slice(-keep).replace(/^\S*/, '');
    return { op: 'same', text: `${head}… ${tail}`.replace(/^… /, '…').trimStart() };
  });
}
