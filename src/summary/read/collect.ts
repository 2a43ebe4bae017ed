// Take per-file results in file order: count each record once, catch forwarded copies and conflicting
// ids, and tell the caller about everything that was not counted.
import type { Diagnostic } from '../../yaml-source.js';
import { CYCLE_KEY, normValue, type CellTable } from '../count/cells.js';
import type { Contribution, FileResult } from './read-record.js';
import { IdTable } from './id-table.js';
import { PeopleTable } from './people-table.js';
import type { ScanSkip } from '../../scan.js';

export const SKIP_REASONS = [
  'invalid',
  'draft',
  'duplicate',
  'conflict',
  'older-revision',
  'not-a-record',
  'too-large',
  'unreadable',
  'link',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export interface Problem {
  reason: SkipReason | 'warning';
  file: string;
  message: string;
  diagnostics?: Diagnostic[];
}

export interface FileCounts {
  found: number;
  counted: number;
  skipped: Record<SkipReason, number>;
  /** Valid records of cycles that --cycle leaves out, per cycle label as written. */
  otherCycles: Map<string, number>;
  /** Records folded into a later record of the same person in the same cycle (n counts people). */
  folded: number;
  /** The first few folded files, to name on stderr. */
  foldedFiles: string[];
}

/** Which records a run keeps, and how it counts people. */
export interface CollectOptions {
  /** --cycle labels (normalized); undefined = every cycle. */
  cycles?: Set<string>;
}

/**
 * A 53-bit hash of a person's key (two FNV-1a lanes), so the people map holds numbers, not strings:
 * memory stays small at 100,000 records, and two people collide with odds of about 1 in 10^6 there.
 */
export function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

/** Hashes are only compared between files with the same id, so 32 bits are plenty. */
const shortHash = (hex: string): number => parseInt(hex.slice(0, 8), 16) >>> 0;

export class Collector {
  readonly counts: FileCounts = {
    found: 0,
    counted: 0,
    skipped: Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>,
    otherCycles: new Map(),
    folded: 0,
    foldedFiles: [],
  };
  /** Counted records with no value for some --by key (few): where they are, to name them if left out. */
  readonly missing: Array<{ index: number; cell: string; key: string }> = [];
  private readonly foldedIdx: number[] = [];
  /** Group keys of records that lack a --by key: what a mistyped key probably meant. */
  readonly keysSeen = new Set<string>();
  /**
   * One person, one cycle, one report: "section + respondent" -> the record that counts for them now,
   * packed in one number (day as yyyymmdd * 2^26 + file index) to keep this map small.
   */
  private readonly people: PeopleTable;
  /** Files whose record was counted and later replaced by the same person's later record. */
  private readonly replaced: number[] = [];
  /** Files read but never added (folded into a later record from the start). */
  private readonly notAdded = new Set<number>();
  // The only per-record memory: id -> content hash + index of the file it was first read from (to name
  // it, or take it back out, when a conflict shows up).
  private readonly seen: IdTable;
  /** Duplicates and conflicts, reported at the end (they grow with copies found, not with records). */
  private readonly later: Array<{
    reason: 'duplicate' | 'conflict';
    id: string;
    file: string;
    firstIndex: number;
    firstHash: number;
    hash: number;
    updated: string | null;
    contrib?: Contribution;
  }> = [];
  private index = -1;

  constructor(
    private readonly agg: CellTable,
    /** Re-reads a file already counted, to take it out again when a conflict shows up later. */
    private readonly reread: (file: string) => FileResult,
    private readonly report: (p: Problem) => void,
    expectedFiles = 0,
    private readonly opts: CollectOptions = {},
  ) {
    this.seen = new IdTable(expectedFiles);
    this.people = new PeopleTable(expectedFiles);
  }

  private skip(reason: SkipReason, file: string, message: string, diagnostics?: Diagnostic[]): void {
    this.counts.skipped[reason]++;
    this.report({ reason, file, message, diagnostics });
  }

  acceptScanSkip(s: ScanSkip): void {
    this.counts.found++;
    this.skip(s.reason === 'unreadable' ? 'unreadable' : 'link', s.file, s.message);
  }

  accept(r: FileResult): void {
    this.counts.found++;
    this.index++;
    switch (r.kind) {
      case 'invalid':
        return this.skip('invalid', r.file, 'invalid record, not counted', r.diagnostics);
      case 'draft':
        return this.skip('draft', r.file, 'a draft (status: draft), not counted');
      case 'not-record':
        return this.skip('not-a-record', r.file, `${r.message}; skipped`);
      case 'too-large':
        return this.skip(
          'too-large',
          r.file,
          `too large for a record (${(r.size / 1024 / 1024).toFixed(1)} MB); not read`,
        );
      case 'unreadable':
        return this.skip('unreadable', r.file, r.message);
      case 'record':
        return this.acceptRecord(r);
    }
  }

  private acceptRecord(r: Extract<FileResult, { kind: 'record' }>): void {
    const cycle = r.contrib.cycle;
    if (this.opts.cycles && !this.opts.cycles.has(normValue(cycle ?? ''))) {
      const label = cycle ?? '(no cycle)';
      this.counts.otherCycles.set(label, (this.counts.otherCycles.get(label) ?? 0) + 1);
      return;
    }
    for (const w of r.warnings) this.report({ reason: 'warning', file: r.file, message: w.message, diagnostics: [w] });
    const key = r.id.toLowerCase();
    const hash = shortHash(r.hash);
    const first = this.seen.getOrAdd(key, hash, this.index);
    if (first === undefined) {
      this.addPerson(r);
    } else if (first.hash === hash) {
      this.counts.skipped.duplicate++;
      this.later.push({
        reason: 'duplicate',
        id: key,
        file: r.file,
        firstIndex: first.fileIndex,
        firstHash: first.hash,
        hash,
        updated: r.updated,
      });
    } else {
      // Another revision of the record, or a conflict: decided at the end, when every copy is known.
      this.later.push({
        reason: 'conflict',
        id: key,
        file: r.file,
        firstIndex: first.fileIndex,
        firstHash: first.hash,
        hash,
        updated: r.updated,
        contrib: r.contrib,
      });
    }
  }

  /**
   * Copies of one record id with different content. A record resent after `profile actions` carries a
   * later `updated:`: the latest revision counts (once), and stderr says which file won. Without
   * revisions to tell them apart (or two with the same one), neither is counted: a conflict.
   */
  private settleRevisions(copies: Collector['later'], paths: Map<number, string>, gone: Set<number>): void {
    const firstFile = paths.get(copies[0].firstIndex) ?? '(a file that has since gone)';
    const again = paths.has(copies[0].firstIndex) ? this.reread(firstFile) : undefined;
    if (again?.kind !== 'record' || shortHash(again.hash) !== copies[0].firstHash) {
      this.report({ reason: 'warning', file: firstFile, message: 'changed during the run; counted as first read' });
      for (const c of copies)
        this.skip('conflict', c.file, `same record id as ${firstFile} but different content; not counted`);
      return;
    }
    const wasCounted = !gone.has(copies[0].firstIndex) && !this.notAdded.has(copies[0].firstIndex);
    const all = [
      { file: firstFile, hash: copies[0].firstHash, updated: again.updated, contrib: again.contrib, first: true },
      ...copies.map((c) => ({ file: c.file, hash: c.hash, updated: c.updated, contrib: c.contrib!, first: false })),
    ];
    // Copies of the same revision are duplicates of each other; compare the distinct ones.
    const distinct = all.filter((c, i) => all.findIndex((d) => d.hash === c.hash) === i);
    const times = distinct.map((c) => (c.updated ? Date.parse(c.updated) : NaN));
    const latest = Math.max(...times);
    const winners = distinct.filter((_, i) => times[i] === latest);
    if (times.every((t) => !Number.isNaN(t)) && winners.length === 1) {
      const win = winners[0];
      if (!win.first && wasCounted) {
        this.agg.add(again.contrib, -1);
        this.agg.add(win.contrib);
      }
      for (const c of all) {
        if (c === win) continue;
        if (c.hash === win.hash) this.skip('duplicate', c.file, `same record as ${win.file} (a copy); counted once`);
        else
          this.skip(
            'older-revision',
            c.file,
            `an earlier revision of ${win.file} (updated ${win.updated}); the later one is counted`,
          );
      }
      return;
    }
    // Which one is right cannot be told, so none is counted: take the first back out.
    if (wasCounted) {
      this.agg.add(again.contrib, -1);
      this.counts.counted--;
    }
    const why = times.some((t) => Number.isNaN(t))
      ? 'and no updated: to tell which is later'
      : 'and the same updated: time';
    for (const c of all)
      this.skip(
        'conflict',
        c.file,
        `same record id as ${c.first ? copies[0].file : firstFile} but different content, ${why}; none of them is counted`,
      );
  }

  /**
   * n counts people: within one report section (profile version and cycle), records that give the same
   * respondent count once, as the latest (by date, then by the order read).
   */
  private addPerson(r: Extract<FileResult, { kind: 'record' }>): void {
    for (const k of r.contrib.groupKeys ?? []) if (this.keysSeen.size < 100) this.keysSeen.add(k);
    if (r.contrib.groups.includes(null) && this.missing.length < 10_000) {
      const keys = this.agg.keys.filter((k) => k !== CYCLE_KEY);
      this.missing.push({
        index: this.index,
        cell: this.agg.place(r.contrib).key,
        key: keys[r.contrib.groups.indexOf(null)] ?? '',
      });
    }
    const who = r.contrib.respondent;
    if (who === null) {
      this.agg.add(r.contrib);
      this.counts.counted++;
      return;
    }
    const key = hash53(`${r.contrib.profile}\u0000${normValue(r.contrib.cycle ?? '')}\u0000${normValue(who)}`);
    const day = Number(r.contrib.date.replace(/-/g, '')) || 0;
    const packed = day * 2 ** 26 + this.index;
    const prev = this.people.get(key);
    if (prev === undefined) {
      this.people.set(key, packed);
      this.agg.add(r.contrib);
      this.counts.counted++;
      return;
    }
    this.counts.folded++;
    if (this.foldedIdx.length < 5) this.foldedIdx.push(Math.floor(prev / 2 ** 26) > day ? this.index : prev % 2 ** 26);
    if (Math.floor(prev / 2 ** 26) > day) {
      this.notAdded.add(this.index);
      return;
    }
    this.people.set(key, packed);
    this.agg.add(r.contrib);
    this.replaced.push(prev % 2 ** 26);
  }

  /**
   * Name the first copy of each duplicate, and take the first of each conflicting pair back out. Done at
   * the end, with one more walk to find those files, so that no list of every path is kept meanwhile.
   */
  finish(pathsOf: (indices: Set<number>) => Map<number, string>): void {
    const paths = pathsOf(new Set([...this.later.map((l) => l.firstIndex), ...this.replaced, ...this.foldedIdx]));
    this.counts.foldedFiles = this.foldedIdx.flatMap((i) => paths.get(i) ?? []);
    // A person's earlier record, replaced by a later one: take it back out (read again to do so).
    const gone = new Set<number>();
    for (const idx of this.replaced) {
      const file = paths.get(idx);
      const again = file ? this.reread(file) : undefined;
      if (again?.kind === 'record') {
        this.agg.add(again.contrib, -1);
        gone.add(idx);
      } else
        this.report({
          reason: 'warning',
          file: file ?? '(a file that has since gone)',
          message: 'changed during the run; its person may be counted twice',
        });
    }
    for (const l of this.later) {
      if (l.reason !== 'duplicate') continue;
      const firstFile = paths.get(l.firstIndex) ?? '(a file that has since gone)';
      this.report({ reason: 'duplicate', file: l.file, message: `same record as ${firstFile} (a copy); counted once` });
    }
    const byId = new Map<string, typeof this.later>();
    for (const l of this.later) if (l.reason === 'conflict') byId.set(l.id, [...(byId.get(l.id) ?? []), l]);
    for (const copies of byId.values()) this.settleRevisions(copies, paths, gone);
    this.later.length = 0;
    this.replaced.length = 0;
  }
}
