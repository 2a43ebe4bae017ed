// The short personal summary shown after saving: strengths, stretch areas and the action plan.
import { isAtOrAboveTarget, levelById, profileRef, ratedItems } from '../profile/model.js';
import type { Profile } from '../profile/schema.js';
import type { PracticeRecord } from '../record/schema.js';

export interface SummaryItem {
  id: string;
  number?: string;
  title: string;
  level: string;
  label: string;
  colour: string;
}

export interface PersonalSummary {
  strengths: SummaryItem[];
  stretch: SummaryItem[];
  plan: { text: string; forTitle?: string; due?: string; status: string }[];
  /** What a partial profile lacks, so the coach knows the picture is not whole. */
  partial?: string;
}

export function personalSummary(profile: Profile, rec: PracticeRecord): PersonalSummary {
  const items = ratedItems(profile);
  const strengths: SummaryItem[] = [];
  const stretch: SummaryItem[] = [];
  for (const it of items) {
    const level = rec.ratings[it.id];
    const l = level ? levelById(profile, level) : undefined;
    if (!l) continue;
    const row = { id: it.id, number: it.number, title: it.title, level: l.id, label: l.label, colour: l.colour };
    (isAtOrAboveTarget(profile, l.id) ? strengths : stretch).push(row);
  }
  // Stretch areas in the coach's priority order first, then the rest in form order.
  const order = rec.priorities ?? [];
  stretch.sort((a, b) => rank(order, a.id) - rank(order, b.id));
  const titleOf = (id?: string) => items.find((i) => i.id === id)?.title;
  const plan = (rec.actionSteps ?? []).map((s) => ({
    text: s.text,
    forTitle: titleOf(s.for),
    due: s.due,
    status: s.status,
  }));
  // The closing summary only reminds: the full note was shown before the first question.
  const partial = `${profileRef(profile)} is partial: parts of the source were not found, so this is not the whole picture (profile show ${profileRef(profile)} says what is missing).`;
  return { strengths, stretch, plan, ...(profile.status === 'partial' ? { partial } : {}) };
}

function rank(order: string[], id: string): number {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
}

/**
 * What a partial profile means for the coach, in one or two plain sentences before the first question: the
 * profile's coachNote. Its statusNote is for maintainers (what was found where); `profile show` prints it.
 */
export function partialNote(profile: Profile): string {
  return (
    profile.coachNote ??
    `Parts of this profile could not be found, so it may not cover all of your practice (profile show ${profileRef(profile)} says what is missing).`
  );
}
