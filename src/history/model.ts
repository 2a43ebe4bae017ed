// One coach's growth: their complete records of one profile, oldest first, side by side per item of the
// newest version, with a trend per item and the action steps done between reviews. Pure: no files, no terminal.
import { isAtOrAboveTarget, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import { colourHex } from '../palette.js';

/** Maps an item id of an earlier record's profile to the target profile (undefined = no counterpart). */
export type MapItem = (fromRef: string, id: string) => string | undefined;

export interface HistoryColumn {
  date: string;
  cycle?: string;
  ref: string;
  file: string;
}

export interface HistoryCell {
  level: string;
  label: string;
  /** The part of the label before " - " ("Green"), for narrow columns. */
  short: string;
  colour: string;
  hex: string;
  score: number;
  atTarget: boolean;
}

export interface HistoryRow {
  id: string;
  number?: string;
  title: string;
  cells: (HistoryCell | undefined)[];
  /** Last rated score minus first rated score; undefined with fewer than two ratings. */
  change?: number;
  /** The columns `change` compares (0-based): the first review that rated the item and the last one. */
  changeFrom?: number;
  changeTo?: number;
  /**
   * With three reviews or more: the newest against the review before it, when both rated the item and that
   * is not already the comparison `change` makes (the same as the "Since the last review" headline line).
   */
  recent?: { from: number; change: number };
}

export interface HistoryModel {
  title: string;
  ref: string;
  columns: HistoryColumn[];
  rows: HistoryRow[];
  /** Per column: how many items are at or above target, of how many rated. */
  atTarget: { n: number; of: number }[];
  /** Steps marked done in each record (the plan between it and the next review). */
  done: { column: number; text: string; on?: string }[][];
  /** First review against the newest, over the items rated in both (compared): up, down, the same. */
  trend: { up: number; down: number; same: number };
  /** The items rated in the first review and the newest, and how many of them were at or above target. */
  compared: { n: number; atTargetThen: number; atTargetNow: number };
  /** Items of earlier versions with no counterpart in the newest: "sbic@2014" -> titles. */
  dropped: { ref: string; titles: string[] }[];
  /**
   * Reviews that look like one review saved twice (two windows, a copy): the same profile version and
   * cycle, or the same day. Columns (0-based) and what they share ("cycle 2026-27 baseline").
   */
  twins: { columns: number[]; shared: string; sameAnswers: boolean }[];
  /** The newest review against the one before it, over the items rated in both (a recent drop shows). */
  latest?: { up: number; down: number; same: number; downTitles: string[] };
}

export interface HistoryInput {
  rec: PracticeRecord;
  profile: Profile;
  file: string;
}

export function shortLabel(label: string): string {
  return label.split(' - ')[0].trim();
}

/** Oldest first by date, then cycle, then file name: a stable order. */
export function sortRecords<T extends HistoryInput>(inputs: T[]): T[] {
  return [...inputs].sort(
    (a, b) =>
      a.rec.date.localeCompare(b.rec.date) ||
      (a.rec.cycle ?? '').localeCompare(b.rec.cycle ?? '') ||
      a.file.localeCompare(b.file),
  );
}

/** What a review answered (ratings, notes, areas, priorities, steps' text), to tell a copy from two reviews. */
export function answersKey(rec: PracticeRecord): string {
  const sorted = (o: Record<string, unknown> | undefined) =>
    Object.entries(o ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([
    sorted(rec.ratings),
    sorted(rec.notes),
    rec.improvementAreas ?? [],
    rec.priorities ?? [],
    (rec.actionSteps ?? []).map((s) => s.text),
  ]);
}

export function buildHistory(target: Profile, inputs: HistoryInput[], mapItem: MapItem): HistoryModel {
  const recs = sortRecords(inputs);
  const columns = recs.map((x) => ({ date: x.rec.date, cycle: x.rec.cycle, ref: x.rec.profile, file: x.file }));
  const targetRef = profileRef(target);
  // Each record's ratings, keyed by the target's item ids; levels read in the record's own profile.
  const dropped = new Map<string, Set<string>>();
  const mapped = recs.map(({ rec, profile }) => {
    const out = new Map<string, HistoryCell>();
    for (const [item, level] of Object.entries(rec.ratings)) {
      const to = rec.profile === targetRef ? item : mapItem(rec.profile, item);
      const l = levelById(profile, level);
      if (!to) {
        const it = ratedItems(profile).find((i) => i.id === item);
        if (!dropped.has(rec.profile)) dropped.set(rec.profile, new Set());
        dropped.get(rec.profile)!.add(`${it?.number ? `${it.number}. ` : ''}${it?.title ?? item}`);
      }
      if (!to || !l) continue;
      out.set(to, {
        level: l.id,
        label: l.label,
        short: shortLabel(l.label),
        colour: l.colour,
        hex: colourHex(l.colour),
        score: l.score,
        atTarget: isAtOrAboveTarget(profile, l.id),
      });
    }
    return out;
  });
  // The headline compares the first review with the newest on the items both rated: an item only one version
  // has (new in 2024, dropped since 2014) is in neither count.
  const trend = { up: 0, down: 0, same: 0 };
  const compared = { n: 0, atTargetThen: 0, atTargetNow: 0 };
  const rows: HistoryRow[] = ratedItems(target).map((it) => {
    const cells = mapped.map((m) => m.get(it.id));
    const ratedAt = cells.flatMap((c, i) => (c ? [i] : []));
    const [from, to] = [ratedAt[0], ratedAt[ratedAt.length - 1]];
    const change = ratedAt.length >= 2 ? cells[to]!.score - cells[from]!.score : undefined;
    const [prev, newest] = [cells.length - 2, cells.length - 1];
    const recent =
      cells.length >= 3 && cells[prev] && cells[newest] && from !== prev
        ? { from: prev, change: cells[newest].score - cells[prev].score }
        : undefined;
    const [first, last] = [cells[0], cells[cells.length - 1]];
    if (cells.length >= 2 && first && last) {
      const d = last.score - first.score;
      trend[d > 0 ? 'up' : d < 0 ? 'down' : 'same']++;
      compared.n++;
      if (first.atTarget) compared.atTargetThen++;
      if (last.atTarget) compared.atTargetNow++;
    }
    return {
      id: it.id,
      number: it.number,
      title: it.title,
      cells,
      change,
      ...(change === undefined ? {} : { changeFrom: from, changeTo: to }),
      ...(recent ? { recent } : {}),
    };
  });
  // The newest review against the one before it: a drop since last time is not hidden by the long view.
  let latest: HistoryModel['latest'];
  if (recs.length >= 3) {
    latest = { up: 0, down: 0, same: 0, downTitles: [] };
    for (const r of rows) {
      const [a, b] = [r.cells[r.cells.length - 2], r.cells[r.cells.length - 1]];
      if (!a || !b) continue;
      const d = b.score - a.score;
      latest[d > 0 ? 'up' : d < 0 ? 'down' : 'same']++;
      if (d < 0) latest.downTitles.push(`${r.number ? `${r.number}. ` : ''}${r.title}`);
    }
  }
  const twins: HistoryModel['twins'] = [];
  const groups = new Map<string, number[]>();
  recs.forEach(({ rec }, i) => {
    // Two reviews of one day are twins only when their cycles agree: a review started --from another on the
    // same day for the next cycle is the coach's next review, not one saved twice or a colleague's.
    const keys = [`date ${rec.date}\t${rec.cycle ?? ''}`, ...(rec.cycle ? [`cycle ${rec.cycle}`] : [])];
    for (const k of keys) groups.set(`${rec.profile}\n${k}`, [...(groups.get(`${rec.profile}\n${k}`) ?? []), i]);
  });
  const seen = new Set<string>();
  for (const [k, cols] of groups) {
    if (cols.length < 2 || seen.has(cols.join())) continue;
    seen.add(cols.join());
    const answers = cols.map((i) => answersKey(recs[i].rec));
    twins.push({
      columns: cols,
      shared: k.split('\n')[1].split('\t')[0],
      sameAnswers: answers.every((a) => a === answers[0]),
    });
  }
  return {
    title: target.title,
    ref: targetRef,
    columns,
    twins,
    latest,
    rows,
    atTarget: recs.map(({ rec, profile }) => {
      const levels = Object.values(rec.ratings)
        .map((l) => levelById(profile, l))
        .filter((l) => l !== undefined);
      return { n: levels.filter((l) => isAtOrAboveTarget(profile, l.id)).length, of: ratedItems(profile).length };
    }),
    done: recs.map(({ rec }, column) =>
      (rec.actionSteps ?? []).filter((s) => s.status === 'done').map((s) => ({ column, text: s.text, on: s.done })),
    ),
    trend,
    compared,
    dropped: [...dropped].map(([ref, titles]) => ({ ref, titles: [...titles].sort() })),
  };
}

/**
 * "Since 2024-09-14: 2 up, 1 the same, 1 down; ...", over the items rated both times, or why there is none;
 * with three reviews or more, a second line for the newest against the one before it.
 */
export function trendLine(m: HistoryModel): string {
  if (m.columns.length < 2) return 'One review so far: the trend shows after the next one.';
  const { up, down, same } = m.trend;
  const first = m.columns[0];
  const { n, atTargetThen, atTargetNow } = m.compared;
  if (n === 0) return `No item was rated both in ${first.date} and in the newest review, so there is no trend to show.`;
  const over = n === m.rows.length ? '' : `, on the ${n === 1 ? '1 item' : `${n} items`} rated both then and now`;
  const newest = m.columns[m.columns.length - 1];
  // "Since 2026-11-26" when the newest review is of that day too reads as a slip: both are named.
  const from =
    first.date === newest.date ? `From the first review to the newest (both ${first.date})` : `Since ${first.date}`;
  const since = `${from}${over}: ${up} up, ${same} the same, ${down} down; at or above target ${atTargetThen} of ${n} then, ${atTargetNow} of ${n} now.`;
  // With three reviews or more, the last step too: a drop since the review before must not hide behind
  // a rise over the years.
  const l = m.latest;
  if (!l || l.up + l.down + l.same === 0) return since;
  const prev = m.columns[m.columns.length - 2].date;
  const downs = l.down ? ` (${l.downTitles.join('; ')})` : '';
  const last =
    prev === newest.date ? `Since the review before it (the same day, ${prev})` : `Since the last review (${prev})`;
  return `${since}\n${last}: ${l.up} up, ${l.same} the same, ${l.down} down${downs}.`;
}
