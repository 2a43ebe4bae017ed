// Read-only views over a validated profile: what gets rated, the scale order, descriptors per level.
import type { Criterion, DescriptorT, Level, Profile, Section } from './schema.js';

export interface RatedItem {
  id: string;
  /** "1", "I.3" ... for display */
  number?: string;
  title: string;
  section: Section;
  criterion?: Criterion;
}

/** "3.9" before "3.15", "2014" before "2024". */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function profileRef(p: Pick<Profile, 'id' | 'version'>): string {
  return `${p.id}@${p.version}`;
}

/** "essential function" / "criterion": what one rated item is called, in the source's words. */
export function ratedUnit(p: Profile): string {
  if (p.process.rate === 'criterion') return 'criterion';
  return (p.sections[0]?.kind ?? 'section').toLowerCase();
}

/** The items a coach rates, in form order: sections or criteria, as the profile's process says. */
export function ratedItems(p: Profile): RatedItem[] {
  if (p.process.rate === 'section') {
    return p.sections.map((s) => ({ id: s.id, number: num(s.number), title: s.title, section: s }));
  }
  return p.sections.flatMap((s) =>
    s.criteria.map((c) => ({ id: c.id, number: num(c.number), title: c.text, section: s, criterion: c })),
  );
}

function num(n: string | number | undefined): string | undefined {
  return n === undefined ? undefined : String(n);
}

export function levelById(p: Profile, id: string): Level | undefined {
  return p.scale.levels.find((l) => l.id === id);
}

/** Index of a level in the scale (0 = highest). */
export function levelRank(p: Profile, id: string): number {
  return p.scale.levels.findIndex((l) => l.id === id);
}

export function isAtOrAboveTarget(p: Profile, levelId: string): boolean {
  const r = levelRank(p, levelId);
  return r >= 0 && r <= levelRank(p, p.scale.target);
}

export function improvementAreaIds(p: Profile): Set<string> {
  return new Set(p.sections.flatMap((s) => s.improvementAreas.map((a) => a.id)));
}

export interface ResolvedDescriptor {
  level: Level;
  stem?: string;
  items: string[];
  /** True when the profile gives no text for this cell and the scale's generic meaning is shown. */
  generic: boolean;
  /** A rubric cell the source should have but does not (generic shown in a rubric that has other cells). */
  missing: boolean;
  sameAs?: Level;
  note?: string;
}

/** The rubric cells of a rated item, one per level, falling back to the level's generic meaning. */
export function descriptorsFor(p: Profile, item: RatedItem): ResolvedDescriptor[] {
  const cells = item.criterion?.descriptors ?? (item.criterion ? undefined : item.section.descriptors) ?? {};
  const rubric = Object.keys(cells).length > 0;
  return p.scale.levels.map((level) => {
    const d = resolveCell(p, cells, level, new Set());
    return { ...d, missing: rubric && d.generic };
  });
}

function resolveCell(
  p: Profile,
  cells: Record<string, DescriptorT>,
  level: Level,
  seen: Set<string>,
): Omit<ResolvedDescriptor, 'missing'> {
  const cell = cells[level.id];
  const generic = { level, items: level.description ? [level.description] : [], generic: true };
  if (cell === undefined) return generic;
  if (Array.isArray(cell)) return { level, items: cell, generic: false };
  if (cell.sameAs && !seen.has(cell.sameAs)) {
    const other = levelById(p, cell.sameAs);
    if (other) {
      seen.add(level.id);
      const base = resolveCell(p, cells, other, seen);
      return { ...base, level, sameAs: other, note: cell.note ?? base.note };
    }
  }
  if (!cell.items || cell.items.length === 0) return { ...generic, note: cell.note, stem: cell.stem };
  return { level, items: cell.items, stem: cell.stem, generic: false, note: cell.note };
}
