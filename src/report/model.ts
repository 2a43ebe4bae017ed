// The coach's own filled-in profile as plain data: what `profile report` shows in every format.
// Private by design (notes and the respondent are the coach's own), unlike a summary.
import { descriptorsFor, isAtOrAboveTarget, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';
import { colourHex } from '../palette.js';

export interface ReportLevel {
  id: string;
  label: string;
  colour: string;
  /** #rrggbb, safe in a style attribute. */
  hex: string;
  atTarget: boolean;
}

export interface ReportItem {
  id: string;
  number?: string;
  /** Section heading the item sits under (criterion-rated profiles), for grouping. */
  group?: string;
  /** Lead-in such as "Coaches provide feedback:". */
  stem?: string;
  title: string;
  level?: ReportLevel;
  /** The rubric text of the chosen level; empty when the profile has none there (the scale gives the meaning). */
  descriptor: { stem?: string; items: string[] };
  note?: string;
  /** 1-based place among the priorities, if it is one. */
  priority?: number;
}

export interface ReportStep {
  n: number;
  text: string;
  forTitle?: string;
  /** --plain: the same item with its own number after its title ("Use solution dialogue (item 4)"). */
  forPlain?: string;
  due?: string;
  status: 'planned' | 'in-progress' | 'done';
  done?: string;
  overdue: boolean;
  progress: { date: string; text: string }[];
}

export interface ReportModel {
  title: string;
  ref: string;
  /**
   * The profile's note for coaches (`coachNote`) when it is marked partial: what this means for them. The
   * maintainers' `statusNote` (sources, seeds, what a maintainer could add) is not for a report.
   */
  partial?: string;
  draft: boolean;
  date: string;
  cycle?: string;
  group: [string, string][];
  respondent?: string;
  /** The scale, with each level's general meaning (shown once, not under every item that has no rubric cell). */
  scale: (ReportLevel & { target: boolean; meaning?: string })[];
  items: ReportItem[];
  atTarget: number;
  rated: number;
  areas: { text: string; own: boolean }[];
  priorities: { n: number; id: string; number?: string; title: string; level?: ReportLevel }[];
  steps: ReportStep[];
  today: string;
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An open step whose due day is before `today` (days compare as YYYY-MM-DD text). */
export function isOverdue(step: { due?: string; status: string }, today: string): boolean {
  return step.status !== 'done' && step.due !== undefined && step.due < today;
}

export function reportLevel(profile: Profile, id: string | undefined): ReportLevel | undefined {
  const l = id ? levelById(profile, id) : undefined;
  return (
    l && {
      id: l.id,
      label: l.label,
      colour: l.colour,
      hex: colourHex(l.colour),
      atTarget: isAtOrAboveTarget(profile, l.id),
    }
  );
}

export function buildReport(profile: Profile, rec: PracticeRecord, today = todayIso()): ReportModel {
  const items = ratedItems(profile);
  const prio = rec.priorities ?? [];
  const byId = new Map(items.map((i) => [i.id, i] as const));
  const perCriterion = profile.process.rate === 'criterion';
  const reportItems: ReportItem[] = items.map((it) => {
    const level = reportLevel(profile, rec.ratings[it.id]);
    const cell = level ? descriptorsFor(profile, it).find((d) => d.level.id === level.id) : undefined;
    const s = it.section;
    const stem = it.criterion?.stem ? s.stems?.[it.criterion.stem] : it.criterion ? s.stem : undefined;
    return {
      id: it.id,
      number: it.number,
      group: perCriterion ? `${s.number !== undefined ? `${s.number}. ` : ''}${s.title}` : undefined,
      stem,
      title: it.title,
      level,
      descriptor: cell && !cell.generic ? { stem: cell.stem, items: cell.items } : { items: [] },
      note: rec.notes?.[it.id],
      priority: prio.includes(it.id) ? prio.indexOf(it.id) + 1 : undefined,
    };
  });
  const areaText = new Map(profile.sections.flatMap((s) => s.improvementAreas.map((a) => [a.id, a.text] as const)));
  const titleOf = (id?: string) => {
    const i = id ? byId.get(id) : undefined;
    return i ? `${i.number ? `${i.number}. ` : ''}${i.title}` : id;
  };
  const plainTitleOf = (id?: string) => {
    const i = id ? byId.get(id) : undefined;
    return i ? plainItemTitle(i) : id;
  };
  return {
    title: profile.title,
    ref: profileRef(profile),
    partial: profile.status === 'partial' ? profile.coachNote : undefined,
    draft: rec.status === 'draft',
    date: rec.date,
    cycle: rec.cycle,
    group: Object.entries(rec.group ?? {}).map(([k, v]) => [k, String(v)]),
    respondent: rec.respondent,
    scale: profile.scale.levels.map((l) => ({
      ...reportLevel(profile, l.id)!,
      target: l.id === profile.scale.target,
      meaning: l.description,
    })),
    items: reportItems,
    atTarget: reportItems.filter((i) => i.level?.atTarget).length,
    rated: reportItems.filter((i) => i.level).length,
    areas: (rec.improvementAreas ?? []).map((a) =>
      typeof a === 'string' ? { text: areaText.get(a) ?? a, own: false } : { text: a.text, own: true },
    ),
    priorities: prio.map((id, k) => ({
      n: k + 1,
      id,
      number: byId.get(id)?.number,
      title: byId.get(id)?.title ?? id,
      level: reportLevel(profile, rec.ratings[id]),
    })),
    steps: (rec.actionSteps ?? []).map((s, k) => ({
      n: k + 1,
      text: s.text,
      forTitle: titleOf(s.for),
      forPlain: plainTitleOf(s.for),
      due: s.due,
      status: s.status,
      done: s.done,
      overdue: isOverdue(s, today),
      progress: s.progress ?? [],
    })),
    today,
  };
}

/**
 * An item for --plain: its title, then its own number ("Provide effective feedback (item 2)"), so a screen
 * reader never reads two numbers in a row ("1) 2. ...").
 */
export function plainItemTitle(i: { number?: string; title: string }): string {
  return i.number ? `${i.title} (item ${i.number})` : i.title;
}

export const STATUS_WORDS: Record<ReportStep['status'], string> = {
  planned: 'planned',
  'in-progress': 'in progress',
  done: 'done',
};

/** "due 2026-01-31 (overdue)", "done 2026-01-12": the dates of a step in words. */
export function stepDates(s: ReportStep): string {
  return [s.due ? `due ${s.due}${s.overdue ? ' (overdue)' : ''}` : '', s.done ? `done ${s.done}` : '']
    .filter(Boolean)
    .join(' · ');
}
