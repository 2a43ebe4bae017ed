// The run's smallest cells: records counted per report section (profile version, and cycle when the
// report is split by cycle) and per combination of every group value the run's --by options use.
// Every table of the run is built from these cells, so all tables add up to the same records. Memory
// grows with the number of cells, not of records.
import type { Contribution } from '../read/read-record.js';
import { addRecord, newCounters, type Counters } from './counters.js';

/** The key under which --by finds a record's cycle label (a record field, not a group key). */
export const CYCLE_KEY = 'cycle';

/**
 * Group values that differ only by case, spacing or Unicode form ("Example R-I", "example  r-i") are one
 * group: a facilitator means one district, and a one-record spelling of it must not become a group of its
 * own that hides its neighbours. Each such merge is reported (see `variants`).
 */
export function normValue(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

export interface Cell {
  /** Its key in the table (section and values). */
  key: string;
  section: string;
  /** Normalized value per run key (RunKeys.keys), null where the record has none. */
  values: Array<string | null>;
  counters: Counters;
}

export interface Section {
  key: string;
  profile: string;
  /** Normalized cycle, when the report is split by cycle; null = records with no cycle label. */
  cycle: string | null;
}

export class CellTable {
  readonly cells = new Map<string, Cell>();
  readonly sections = new Map<string, Section>();
  /** key -> normalized value -> spelling -> records, to show the commonest spelling and report variants. */
  private readonly spellings = new Map<string, Map<string, Map<string, number>>>();

  /**
   * @param keys every key the run groups by, in order of first use ("cycle" included when asked for)
   * @param readKeys the group keys the reader extracted (Contribution.groups), in their order
   * @param splitByCycle one report section per cycle
   */
  constructor(
    readonly keys: string[],
    private readonly readKeys: string[],
    readonly splitByCycle: boolean,
  ) {}

  private spell(key: string, raw: string, sign: number): string {
    const norm = normValue(raw);
    let byNorm = this.spellings.get(key);
    if (!byNorm) this.spellings.set(key, (byNorm = new Map()));
    let m = byNorm.get(norm);
    if (!m) byNorm.set(norm, (m = new Map()));
    const v = (m.get(raw) ?? 0) + sign;
    if (v === 0) m.delete(raw);
    else m.set(raw, v);
    return norm;
  }

  /** Where a record goes: its section and cell keys, and its normalized values. */
  place(c: Pick<Contribution, 'profile' | 'cycle' | 'groups'>): {
    sectionKey: string;
    cycle: string | null;
    values: Array<string | null>;
    key: string;
  } {
    const cycle = c.cycle === null ? null : normValue(c.cycle);
    const sectionKey = this.splitByCycle ? `${c.profile}\u0000${cycle ?? '\u0001'}` : c.profile;
    const values = this.keys.map((k) => {
      if (k === CYCLE_KEY) return cycle;
      const raw = c.groups[this.readKeys.indexOf(k)];
      return raw === null || raw === undefined ? null : normValue(raw);
    });
    return { sectionKey, cycle, values, key: `${sectionKey}\u0002${values.map((v) => v ?? '\u0001').join('\u0002')}` };
  }

  add(c: Contribution, sign: 1 | -1 = 1): void {
    if (c.cycle !== null) this.spell(CYCLE_KEY, c.cycle, sign);
    this.keys.forEach((k) => {
      const raw = k === CYCLE_KEY ? undefined : c.groups[this.readKeys.indexOf(k)];
      if (raw !== null && raw !== undefined) this.spell(k, raw, sign);
    });
    const { sectionKey, cycle, values, key } = this.place(c);
    if (!this.sections.has(sectionKey))
      this.sections.set(sectionKey, { key: sectionKey, profile: c.profile, cycle: this.splitByCycle ? cycle : null });
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { key, section: sectionKey, values, counters: newCounters() }));
    addRecord(cell.counters, c, sign);
    if (cell.counters.n === 0) this.cells.delete(key);
  }

  /** Take a cell out of the run (records left out of the report); returns it. */
  remove(cell: Cell): void {
    for (const [k, c] of this.cells) if (c === cell) this.cells.delete(k);
  }

  /** Drop sections that subtraction emptied. */
  prune(): void {
    const used = new Set([...this.cells.values()].map((c) => c.section));
    for (const k of [...this.sections.keys()]) if (!used.has(k)) this.sections.delete(k);
  }

  /** The spelling shown for a group: the commonest, then the one with fewer capitals ("Cape R-II", not "CAPE R-II"), then sort order. */
  display(key: string, norm: string): string {
    const m = this.spellings.get(key)?.get(norm);
    if (!m || m.size === 0) return norm;
    const caps = (s: string) => s.replace(/[^A-Z]/g, '').length;
    return [...m].sort(
      (a, b) => b[1] - a[1] || caps(a[0]) - caps(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    )[0][0];
  }

  /** The cycle labels of the counted records, as shown. */
  cycles(): string[] {
    return [...(this.spellings.get(CYCLE_KEY)?.keys() ?? [])].map((norm) => this.display(CYCLE_KEY, norm));
  }

  /** Group values written more than one way, for the stderr report: key, shown spelling, the others. */
  variants(): Array<{ key: string; shown: string; others: Array<{ spelling: string; records: number }> }> {
    const out = [];
    for (const [key, byNorm] of this.spellings) {
      for (const [norm, m] of byNorm) {
        if (m.size < 2) continue;
        const shown = this.display(key, norm);
        out.push({
          key,
          shown,
          others: [...m].filter(([s]) => s !== shown).map(([spelling, records]) => ({ spelling, records })),
        });
      }
    }
    return out;
  }
}
